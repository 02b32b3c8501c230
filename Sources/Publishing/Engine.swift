import Foundation

/// The `engine` object every document carries.
public struct Engine: Sendable, Codable, Equatable {
    public var name: String
    public var version: String

    /// This build of muavu.
    public static let current = Engine(name: "muavu", version: "0.1.0")
}

/// The time a document is issued: `SOURCE_DATE_EPOCH` when set (reproducible builds
/// convention, https://reproducible-builds.org/specs/source-date-epoch/), else now.
public enum IssueTime {
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let raw = environment["SOURCE_DATE_EPOCH"], let seconds = Int(raw.trimmingCharacters(in: .whitespaces)) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    /// ISO 8601 UTC, seconds resolution: `2026-11-29T03:24:55Z`.
    public static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}

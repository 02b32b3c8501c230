import Foundation
import TimeSeriesCore

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
    /// The latest time a document can carry: 9999-12-31T23:59:59Z (ISO 8601 years have four digits).
    public static let latestEpoch = 253_402_300_799

    /// `SOURCE_DATE_EPOCH` when set and valid, else now. The command line refuses an invalid one
    /// before anything runs (`sourceDateEpoch(environment:)`), so it is never silently replaced.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        (try? sourceDateEpoch(environment: environment)).flatMap { $0 } ?? Date()
    }

    /// `SOURCE_DATE_EPOCH` as a date, `nil` when unset. The specification asks for a decimal count
    /// of seconds since 1970-01-01T00:00:00Z; anything else (text, `1e9`, a sign, a time past
    /// 9999-12-31T23:59:59Z, which ISO 8601 cannot write with four digits) is refused with a
    /// message naming the variable.
    public static func sourceDateEpoch(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> Date?
    {
        guard let raw = environment["SOURCE_DATE_EPOCH"] else { return nil }
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let seconds = Int(text)
        else {
            throw SourceDateEpochError(
                message: "SOURCE_DATE_EPOCH must be a whole number of seconds since "
                    + "1970-01-01T00:00:00Z (digits only), found '\(MessageText.escaped(raw))'")
        }
        guard seconds <= latestEpoch else {
            throw SourceDateEpochError(
                message: "SOURCE_DATE_EPOCH \(seconds) is after 9999-12-31T23:59:59Z "
                    + "(\(latestEpoch)), which a four-digit ISO 8601 year cannot write")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The UTC day of `date` (the issue day of a bulletin, the default `--as-of` of an outlook).
    public static func day(of date: Date) -> PeriodDate {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let c = PeriodDate.civilFromDays(days)
        return .day(year: c.year, month: c.month, day: c.day)
    }

    /// ISO 8601 UTC, seconds resolution: `2026-11-29T03:24:55Z`.
    public static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}

/// An invalid `SOURCE_DATE_EPOCH` (a usage error: it is part of how the command is run).
public struct SourceDateEpochError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

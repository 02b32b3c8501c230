import Foundation

/// A GitHub-flavoured Markdown table, built row by row.
public struct MarkdownTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table, a line per row, ending with a newline. `|` in a cell is escaped.
    public var text: String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return line(header) + line(header.map { _ in "---" }) + rows.map(line).joined()
    }

    /// A number with `digits` decimals (fixed, locale-free), or `–` when there is none.
    public static func number(_ x: Double?, digits: Int) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%.\(digits)f", x)
    }
}

import Foundation

/// A table of plain text cells, built row by row: a `Table` block whose Markdown is a GitHub-
/// flavoured pipe table.
public struct MarkdownTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as a block, each cell one text run.
    public var table: Table {
        Table(header: header.map { Inlines($0) }, rows: rows.map { $0.map { Inlines($0) } })
    }

    /// The table, a line per row, ending with a newline. `|` in a cell is escaped.
    public var text: String { MarkdownRenderer().table(table) }

    /// A number with `digits` decimals (fixed, locale-free), or `–` when there is none.
    public static func number(_ x: Double?, digits: Int) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%.\(digits)f", x)
    }
}

import Foundation
import TimeSeriesCore

/// The price rows of a sheet of press quotes like `datasets/mango-dong-thap-quotes.csv`
/// (`kind,date,geo,variety,metric,value,value_high,unit,publisher,source_url,quote,note`): what is
/// known of a price too sparsely reported for a series. Only rows of kind `price` are kept; each
/// keeps its date as the page gives it, and the month it can be placed in when the date begins
/// with `YYYY-MM` (nil for "unknown (post-Tết main season)").
public struct QuoteSheet: QuoteTable {
    /// One quoted price.
    public struct Row: Sendable, Equatable {
        /// The date as written ("2022-06-16 (URL timestamp)", "unknown (…)").
        public var date: String
        /// The month the date names, when it begins with one.
        public var month: PeriodDate?
        public var variety: String
        public var low: Double
        public var high: Double
        public var unit: String
        public var publisher: String
        public var url: String
        public var line: Int
    }

    public var file: String
    public var rows: [Row]

    public init(table: CSVTable) throws {
        file = table.file
        let j = try ["kind", "date", "variety", "value", "value_high", "unit", "publisher", "source_url"].map {
            try table.columnIndex($0)
        }
        var rows: [Row] = []
        for r in table.rows where r.fields[j[0]] == "price" {
            let f = r.fields
            func number(_ k: Int, _ name: String) throws -> Double? {
                let cell = f[k].trimmingCharacters(in: .whitespaces)
                if CSVTable.isMissing(cell) { return nil }
                guard let v = Double(cell), v.isFinite, v >= 0 else {
                    throw DataError(
                        .notNumeric, file: table.file, line: r.line, column: k + 1, columnName: name,
                        "expected a price written with digits and a decimal point (e.g. 23000.0), found '\(cell)'")
                }
                return v
            }
            guard let low = try number(j[3], "value") else {
                throw DataError(
                    .missingValue, file: table.file, line: r.line, column: j[3] + 1, columnName: "value",
                    "a price row needs a value")
            }
            let high = try number(j[4], "value_high") ?? low
            let date = f[j[1]].trimmingCharacters(in: .whitespaces)
            let month = date.count >= 7 ? PeriodDate(parsing: String(date.prefix(7))) : nil
            rows.append(
                Row(
                    date: date, month: month.flatMap { if case .month = $0 { $0 } else { nil } },
                    variety: f[j[2]], low: min(low, high), high: max(low, high), unit: f[j[5]], publisher: f[j[6]],
                    url: f[j[7]], line: r.line))
        }
        self.rows = rows
    }

    /// The months with at least one quote.
    public var months: Set<PeriodDate> { Set(rows.compactMap(\.month)) }
}

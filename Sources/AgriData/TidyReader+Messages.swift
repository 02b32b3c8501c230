import Foundation
import TimeSeriesCore

extension TidyReader {
    static func badDate(_ t: CSVTokenizer, file: String, line: Int, column: Int, name: String) -> DataError {
        let text = t.lossyString(column)
        return DataError(
            .badDate, file: file, line: line, column: column + 1, columnName: name,
            text.trimmingCharacters(in: .whitespaces).isEmpty
                ? "the date is empty"
                : "expected a date (YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD, YYYY-Sn or a positive integer), found '\(text)'"
        )
    }

    static func unexpectedDate(
        _ t: CSVTokenizer, _ date: RawDate, _ frequency: Frequency?, file: String, line: Int,
        column: Int, name: String
    ) -> DataError {
        let text = t.lossyString(column).trimmingCharacters(in: .whitespaces)
        let f = frequency ?? .index
        return DataError(
            .badDate, file: file, line: line, column: column + 1, columnName: name,
            "'\(text)' is \(date.kindName), which --frequency \(f.rawValue) does not read: "
                + "it reads \(DateParser.accepted(by: f))")
    }

    /// A cell that is not a number: in a declared format, why not; else, what it would read as
    /// in the formats that read it ("'9.250,5' … 9250.5 with --decimal-char , --group-char .").
    static func notNumeric(
        _ t: CSVTokenizer, file: String, line: Int, column: Int, name: String, format: NumberFormat? = nil
    ) -> DataError {
        let text = t.lossyString(column)
        return DataError(
            .notNumeric, file: file, line: line, column: column + 1, columnName: name,
            format.map { $0.refusal(text) } ?? (NumberParser.refusal(text) + NumberFormat.readingsHint(text)))
    }

    /// "9.250" in a column of đồng, masses or areas of a file that does not say how it writes
    /// numbers: both readings, and how to declare the format.
    static func ambiguous(
        _ t: CSVTokenizer, _ readings: (decimal: Double, grouped: Double), file: String, line: Int, column: Int,
        name: String, series: String, unit: String?
    ) -> DataError {
        let text = t.lossyString(column).trimmingCharacters(in: .whitespaces)
        let u = unit.map { " \($0)" } ?? ""
        return DataError(
            .ambiguousNumber, file: file, line: line, column: column + 1, columnName: name,
            "'\(text)' of series '\(series)' could be \(NumberFormat.number(readings.decimal))\(u) ('.' as the decimal "
                + "point) or \(NumberFormat.number(readings.grouped))\(u) ('.' grouping thousands): declare how the "
                + "file writes numbers, --decimal-char . (or --decimal-char , --group-char .), or decimalChar/groupChar "
                + "on the field in datapackage.json")
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}

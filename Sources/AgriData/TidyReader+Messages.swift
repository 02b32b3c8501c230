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

    static func notNumeric(_ t: CSVTokenizer, file: String, line: Int, column: Int, name: String) -> DataError {
        let text = t.lossyString(column)
        let hint = text.contains(",") ? " (write decimals with a point, without thousands separators)" : ""
        return DataError(
            .notNumeric, file: file, line: line, column: column + 1, columnName: name,
            NumberParser.refusal(text) + hint)
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}

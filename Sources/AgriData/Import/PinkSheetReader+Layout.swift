import Foundation
import TimeSeriesCore

extension PinkSheetReader {
    /// One column of the sheet: a World Bank series.
    struct Series {
        var column: Int
        var code: String
        var id: String
        var name: String
        var unit: String
    }

    /// The header rows of "Monthly Prices", found and checked: where the months start, each
    /// series' column, name, code and unit, and the release date.
    struct Layout {
        let sheet: XLSXSheet
        let file: String
        let firstDataRow: Int
        let series: [Series]
        let releaseDate: Date?

        init(sheet: XLSXSheet, file: String) throws {
            self.sheet = sheet
            self.file = file
            guard
                let first = sheet.rowNumbers.first(where: {
                    sheet.text(row: $0, column: 1).flatMap(PinkSheetReader.month) != nil
                })
            else {
                throw DataError(
                    .badDate, file: file,
                    "sheet '\(sheet.name)': expected months written like 1960M01 in column A; found none")
            }
            guard first > 3 else {
                throw DataError(
                    .missingColumn, file: file, line: first,
                    "sheet '\(sheet.name)': expected three header rows (names, units, codes) above the first "
                        + "month at \(sheet.reference(row: first, column: 1))")
            }
            firstDataRow = first
            series = try Layout.readSeries(sheet: sheet, file: file, codesRow: first - 1)
            releaseDate = try Layout.readReleaseDate(sheet: sheet, file: file, above: first - 3)
        }

        private static func readSeries(sheet: XLSXSheet, file: String, codesRow: Int) throws -> [Series] {
            let unitsRow = codesRow - 1
            let namesRow = codesRow - 2
            var out: [Series] = []
            var seen: [String: Int] = [:]
            let columns = (sheet.rows[codesRow] ?? [:]).keys.filter { $0 > 1 }.sorted()
            for c in columns {
                let ref = sheet.reference(row: codesRow, column: c)
                guard let code = sheet.text(row: codesRow, column: c), !code.isEmpty else { continue }
                guard
                    code.utf8.allSatisfy({ $0 == 95 || ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) }
                    )
                else {
                    throw DataError(
                        .missingColumn, file: file, line: codesRow, column: c,
                        "\(ref): expected a World Bank series code such as RICE_05 in the row above the first "
                            + "month, found '\(code)'")
                }
                if let earlier = seen[code] {
                    throw DataError(
                        .duplicateColumn, file: file, line: codesRow, column: c,
                        "\(ref): series code '\(code)' appears twice (also in column "
                            + "\(XLSXSheet.columnName(earlier)))")
                }
                seen[code] = c
                let unitText = sheet.text(row: unitsRow, column: c) ?? ""
                guard let unit = PinkSheetReader.units[unitText] else {
                    throw DataError(
                        .inconsistentUnit, file: file, line: unitsRow, column: c, columnName: code,
                        "\(sheet.reference(row: unitsRow, column: c)): expected one of the Pink Sheet's units ("
                            + PinkSheetReader.units.keys.sorted().joined(separator: ", ") + "), found '\(unitText)'")
                }
                let name = sheet.text(row: namesRow, column: c).flatMap { $0.isEmpty ? nil : $0 } ?? code
                out.append(
                    Series(column: c, code: code, id: PinkSheetReader.seriesID(code: code), name: name, unit: unit))
            }
            guard !out.isEmpty else {
                throw DataError(
                    .missingColumn, file: file, line: codesRow,
                    "sheet '\(sheet.name)': expected series codes (RICE_05, MAIZE...) in row \(codesRow), "
                        + "above the first month; found none")
            }
            return out
        }

        /// The "Updated on …" line of column A above the header rows; nil when there is none, a
        /// `.badDate` refusal when it is there but not a date.
        private static func readReleaseDate(sheet: XLSXSheet, file: String, above: Int) throws -> Date? {
            for r in sheet.rowNumbers where r < above {
                guard let text = sheet.text(row: r, column: 1), text.hasPrefix("Updated on") else { continue }
                guard let date = PinkSheetReader.releaseDate(text) else {
                    throw DataError(
                        .badDate, file: file, line: r, column: 1,
                        "\(sheet.reference(row: r, column: 1)): expected 'Updated on <Month> <day>, <year>', "
                            + "found '\(text)'")
                }
                return date
            }
            return nil
        }

        /// The month of data row `row`; nil for a row that holds no month and no number (a note
        /// below the table); a `.badDate` refusal for a row of numbers without a month.
        func month(row: Int) throws -> PeriodDate? {
            let a = sheet.value(row: row, column: 1)
            if case .text(let s) = a, let m = PinkSheetReader.month(s.trimmingCharacters(in: .whitespaces)) {
                return m
            }
            let hasNumbers = (sheet.rows[row] ?? [:]).contains { key, value in
                if key > 1, case .number = value { return true }
                return false
            }
            guard hasNumbers else { return nil }
            let found: String
            switch a {
            case .text(let s): found = "'\(s)'"
            case .number(let s): found = "the number \(s)"
            case .bool, .error: found = "'\(a.map { "\($0)" } ?? "")'"
            case .none: found = "an empty cell"
            }
            throw DataError(
                .badDate, file: file, line: row, column: 1,
                "\(sheet.reference(row: row, column: 1)): expected a month written like 1960M01, found \(found)")
        }

        /// The value of `series` in `row`: nil for `…`, `...` or an empty cell.
        func value(row: Int, series: Series) throws -> Double? {
            let ref = sheet.reference(row: row, column: series.column)
            switch sheet.value(row: row, column: series.column) {
            case .none: return nil
            case .number(let text):
                guard let v = NumberParser.parse(text) else {
                    throw DataError(
                        .notNumeric, file: file, line: row, column: series.column, columnName: series.code,
                        "\(ref): \(NumberParser.refusal(text))")
                }
                return v
            case .text(let s):
                let t = s.trimmingCharacters(in: .whitespaces)
                if t.isEmpty || t == "…" || t == "..." { return nil }
                throw DataError(
                    .notNumeric, file: file, line: row, column: series.column, columnName: series.code,
                    "\(ref): expected a number or '…' (missing), found the text '\(s)'")
            case .bool(let b):
                throw DataError(
                    .notNumeric, file: file, line: row, column: series.column, columnName: series.code,
                    "\(ref): expected a number or '…' (missing), found the logical value \(b ? "TRUE" : "FALSE")")
            case .error(let e):
                throw DataError(
                    .notNumeric, file: file, line: row, column: series.column, columnName: series.code,
                    "\(ref): expected a number or '…' (missing), found the error value \(e)")
            }
        }
    }
}

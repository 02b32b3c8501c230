import Foundation
import TimeSeriesCore

extension SeasonReportReader {
    /// One line of a season report, read and checked.
    struct Row {
        var province: String
        var season: CropSeasonCode
        var year: Int
        var values: [String: Double]
        var status: String
        var source: String

        init(_ record: CSVRecord, index: [String: Int], file: String) throws {
            let line = record.line
            func cell(_ name: String) -> String {
                record.fields[index[name]!].trimmingCharacters(in: .whitespaces)
            }
            func fail(_ code: DataError.Code, _ name: String, _ message: String) -> DataError {
                DataError(code, file: file, line: line, column: index[name]! + 1, columnName: name, message)
            }
            province = cell("province")
            guard !province.isEmpty else { throw fail(.emptyName, "province", "expected a province, found nothing") }
            guard let s = CropSeasonCode(reading: cell("season")) else {
                throw fail(
                    .badDate, "season",
                    "expected a season (" + CropSeasonCode.allCases.map(\.rawValue).joined(separator: ", ")
                        + ", or its Vietnamese name), found '\(cell("season"))'")
            }
            season = s
            let y = cell("crop_year")
            guard y.utf8.count == 4, y.allSatisfy(\.isNumber), let year = Int(y) else {
                throw fail(.badDate, "crop_year", "expected the four-digit year of the harvest, found '\(y)'")
            }
            self.year = year
            status = cell("status").lowercased()
            guard SeasonReportReader.statuses.contains(status) else {
                throw fail(
                    .missingValue, "status",
                    "expected one of \(SeasonReportReader.statuses.joined(separator: ", ")), found '\(cell("status"))'")
            }
            source = cell("source")
            guard !source.isEmpty else { throw fail(.missingValue, "source", "expected who reports it, found nothing") }
            var values: [String: Double] = [:]
            for (name, _, _) in SeasonReportReader.measures where !cell(name).isEmpty {
                let text = cell(name)
                if let (small, large) = SeasonReportReader.groupingReadings(text) {
                    throw fail(
                        .notNumeric, name,
                        "'\(text)' reads as \(small) or, with '.' grouping thousands, as \(large); write \(large) "
                            + "or \(small) without grouping")
                }
                let v = try ImportSupport.number(
                    text, file: file, line: line, column: index[name]! + 1, columnName: name)
                guard v >= 0 else {
                    throw fail(.impossibleValue, name, "expected a quantity of at least 0, found \(text)")
                }
                values[name] = v
            }
            self.values = values
            try checkProduction(fail)
        }

        /// Production = area × yield / 10 (tạ → t) within 2%, when all three are given.
        private func checkProduction(_ fail: (DataError.Code, String, String) -> DataError) throws {
            guard let a = values["area_ha"], let y = values["yield_ta_ha"], let p = values["production_t"] else {
                return
            }
            let expected = a * y / 10
            guard abs(p - expected) > 0.02 * max(p, expected) else { return }
            let hint = abs(p - expected * 10) <= 0.02 * p ? " (a yield in t/ha rather than tạ/ha?)" : ""
            throw fail(
                .inconsistentUnit, "production_t",
                "production_t \(p) is not area_ha × yield_ta_ha / 10 = \(expected)\(hint)")
        }
    }

    /// Both readings of a number written like "185.000" (one to three digits, a point, three
    /// digits): as written and with the point grouping thousands; nil for any other text.
    static func groupingReadings(_ text: String) -> (String, String)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...3).contains(parts[0].count), parts[1].count == 3, parts[0].first != "0",
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return (text, String(parts[0]) + String(parts[1]))
    }
}

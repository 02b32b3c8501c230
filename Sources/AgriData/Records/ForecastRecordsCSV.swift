import Foundation
import TimeSeriesCore

/// Forecasts of record as CSV, one row per record (`muavu record export`, `muavu record import`;
/// the committed replayed record `datasets/track-record/replayed-records.csv`):
///
/// `series,issue_day,data_vintage,target,seasons_per_year,horizon,point,unit,model,family,selection,origin`
/// then `lower_L,upper_L` for each interval level L, lowest first. Numbers are written as the
/// shortest decimal that reads back as the same double, with a point; an interval a record lacks
/// is two empty cells.
public enum ForecastRecordsCSV {
    static let fixed = [
        "series", "issue_day", "data_vintage", "target", "seasons_per_year", "horizon", "point", "unit", "model",
        "family", "selection", "origin",
    ]

    /// The CSV text of `records`.
    public static func text(_ records: [ForecastRecord]) -> String {
        let levels = Set(records.flatMap { $0.intervals.map(\.level) }).sorted()
        var lines = [(fixed + levels.flatMap { ["lower_\($0)", "upper_\($0)"] }).joined(separator: ",")]
        for r in records {
            var seasons = ""
            if case .season(_, _, let k) = r.target { seasons = String(k) }
            var row = [
                r.series, r.issueDay.description, r.dataVintage, r.target.description, seasons, String(r.horizon),
                "\(r.point)", r.unit, r.model, r.family, r.selection, r.origin.rawValue,
            ]
            for l in levels {
                if let i = r.interval(level: l) { row += ["\(i.lower)", "\(i.upper)"] } else { row += ["", ""] }
            }
            lines.append(row.map(CSVField.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads records written by `text`. Every problem is a `DataError` naming the file, line and
    /// column: a missing column, a number that is not a plain decimal, a date that is not one, an
    /// origin other than `issued` or `replayed`, an interval with one bound or its bounds reversed.
    public static func read(data: Data, file: String) throws -> [ForecastRecord] {
        let reader = try CSVReader(data: data, file: file, separator: UInt8(ascii: ","))
        var header: [String] = []
        var levels: [(level: Int, lower: Int, upper: Int)] = []
        var records: [ForecastRecord] = []
        try reader.forEachRecord { row in
            if header.isEmpty {
                header = row.fields
                for name in fixed where !header.contains(name) {
                    throw DataError(.missingColumn, file: file, line: row.line, "no column '\(name)'")
                }
                for (i, name) in header.enumerated() where name.hasPrefix("lower_") {
                    guard let level = Int(name.dropFirst(6)), (1...99).contains(level),
                        let j = header.firstIndex(of: "upper_\(level)")
                    else {
                        throw DataError(
                            .badConfiguration, file: file, line: row.line, column: i + 1,
                            "'\(name)' needs a level 1–99 and its column upper_LEVEL")
                    }
                    levels.append((level, i, j))
                }
                return true
            }
            guard row.fields.count == header.count else {
                throw DataError(
                    .raggedRow, file: file, line: row.line,
                    "\(row.fields.count) fields where the header has \(header.count)")
            }
            func cell(_ name: String) -> (text: String, column: Int) {
                let i = header.firstIndex(of: name) ?? 0
                return (row.fields[i], i + 1)
            }
            func number(_ name: String) throws -> Double {
                let (text, column) = cell(name)
                guard let x = plainDecimal(text), x.isFinite else {
                    throw DataError(
                        .notNumeric, file: file, line: row.line, column: column, columnName: name,
                        "expected a decimal number with a point, found '\(MessageText.escaped(text))'")
                }
                return x
            }
            func date(_ name: String, seasons: Int) throws -> PeriodDate {
                let (text, column) = cell(name)
                guard let d = PeriodDate(parsing: text, seasonsPerYear: seasons) else {
                    throw DataError(
                        .badDate, file: file, line: row.line, column: column, columnName: name,
                        "expected a period (2025, 2025-11, 2025-11-30, 2025-S1), found '\(MessageText.escaped(text))'")
                }
                return d
            }
            let seasonsText = cell("seasons_per_year")
            let seasons = seasonsText.text.isEmpty ? 3 : Int(seasonsText.text) ?? 0
            guard (1...12).contains(seasons) else {
                throw DataError(
                    .notNumeric, file: file, line: row.line, column: seasonsText.column,
                    columnName: "seasons_per_year", "expected crops a year 1–12 or nothing")
            }
            let issueDay = try date("issue_day", seasons: 3)
            guard case .day = issueDay else {
                throw DataError(
                    .badDate, file: file, line: row.line, column: cell("issue_day").column, columnName: "issue_day",
                    "expected a day YYYY-MM-DD")
            }
            let horizonText = cell("horizon")
            guard let horizon = Int(horizonText.text), Limits.horizon.contains(horizon) else {
                throw DataError(
                    .notNumeric, file: file, line: row.line, column: horizonText.column, columnName: "horizon",
                    "expected a whole number of periods 1–\(Limits.horizon.range.upperBound)")
            }
            let originText = cell("origin")
            guard let origin = ForecastRecord.Origin(rawValue: originText.text) else {
                throw DataError(
                    .badConfiguration, file: file, line: row.line, column: originText.column, columnName: "origin",
                    "expected 'issued' or 'replayed', found '\(MessageText.escaped(originText.text))'")
            }
            var intervals: [ForecastRecord.Interval] = []
            for l in levels {
                let (lo, hi) = (row.fields[l.lower], row.fields[l.upper])
                if lo.isEmpty && hi.isEmpty { continue }
                let lower = try number("lower_\(l.level)")
                let upper = try number("upper_\(l.level)")
                guard lower <= upper else {
                    throw DataError(
                        .impossibleValue, file: file, line: row.line, column: l.lower + 1,
                        "the \(l.level)% interval's lower bound \(lower) is above its upper bound \(upper)")
                }
                intervals.append(.init(level: l.level, lower: lower, upper: upper))
            }
            for name in ["series", "data_vintage", "unit", "model", "family"] where cell(name).text.isEmpty {
                throw DataError(
                    .missingValue, file: file, line: row.line, column: cell(name).column, columnName: name,
                    "'\(name)' is empty")
            }
            records.append(
                ForecastRecord(
                    series: cell("series").text, issueDay: issueDay, dataVintage: cell("data_vintage").text,
                    target: try date("target", seasons: seasons), horizon: horizon, point: try number("point"),
                    unit: cell("unit").text, intervals: intervals, model: cell("model").text,
                    family: cell("family").text, selection: cell("selection").text, origin: origin))
            return true
        }
        guard !header.isEmpty else { throw DataError(.empty, file: file, "no header: the file is empty") }
        return records
    }

    /// A decimal written with an optional sign, digits, an optional point and an optional exponent
    /// (as `text` writes numbers); nil for anything else (no thousands separators, no comma).
    static func plainDecimal(_ text: String) -> Double? {
        guard !text.isEmpty,
            text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            !text.contains(",")
        else { return nil }
        return Double(text)
    }
}

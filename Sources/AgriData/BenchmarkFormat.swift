import Foundation
import TimeSeriesCore

/// The benchmark long format of the contract, as in `m3.csv`:
/// `series_id,subset,period,split,t,value`, one row per series and time index `t`, with
/// `split` = `train` or `test`. Rows may come in any order; within a series the `t` are distinct
/// integers, consecutive, and every training `t` precedes every test `t`.
public enum BenchmarkFormat {
    public static let columns = ["series_id", "subset", "period", "split", "t", "value"]

    /// Reads `path`; series come out sorted by id. Throws `DataError` naming the file, line and column.
    public static func read(path: String) throws -> [HoldoutSeries] {
        try read(reader: CSVReader(path: path))
    }

    /// True when the file's header is the benchmark format (used to tell it from tidy CSV).
    public static func looksLikeBenchmark(path: String) -> Bool {
        guard let reader = try? CSVReader(path: path) else { return false }
        var header: [String] = []
        try? reader.forEachRecord { record in
            header = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            return false
        }
        return columns.allSatisfy(header.contains)
    }

    public static func read(reader: CSVReader) throws -> [HoldoutSeries] {
        let file = reader.file
        var layout: Layout? = nil
        var collected = Collected()
        try reader.forEachRecord { record in
            guard let layout else {
                layout = try Layout(header: record, file: file)
                return true
            }
            try collected.add(Row(record, layout: layout, file: file), file: file)
            return true
        }
        guard layout != nil else {
            throw DataError(
                .empty, file: file, "the file is empty: expected the header \(columns.joined(separator: ","))")
        }
        var series: [HoldoutSeries] = []
        series.reserveCapacity(collected.builders.count)
        for id in collected.ids.sorted() {
            guard let k = collected.position[id] else { continue }
            series.append(try holdout(id: id, collected.builders[k], file: file))
        }
        return series
    }

    /// Where the benchmark's columns are in the header, and how many fields a row has.
    private struct Layout {
        let width: Int
        let series: Int, subset: Int, period: Int, split: Int, t: Int, value: Int

        init(header record: CSVRecord, file: String) throws {
            let names = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            for name in columns where !names.contains(name) {
                throw DataError(
                    .missingColumn, file: file, line: record.line,
                    "no column '\(name)'; the benchmark format has \(columns.joined(separator: ","))")
            }
            func index(_ name: String) -> Int { names.firstIndex(of: name) ?? 0 }
            width = names.count
            (series, subset, period, split, t, value) =
                (index("series_id"), index("subset"), index("period"), index("split"), index("t"), index("value"))
        }
    }

    /// One data row, its cells checked in the order of the columns' meaning. A column is 1-based.
    private struct Row {
        let id: String
        let subset: String, subsetColumn: Int
        let period: Int, periodColumn: Int
        let test: Bool
        let t: Int
        let value: Double
        let line: Int

        init(_ record: CSVRecord, layout: Layout, file: String) throws {
            guard record.fields.count == layout.width else {
                throw DataError(
                    .raggedRow, file: file, line: record.line,
                    column: min(record.fields.count, layout.width) + 1,
                    "expected \(layout.width) fields as in the header, found \(record.fields.count)")
            }
            func cell(_ j: Int) -> (text: String, column: Int) { (asciiTrimmed(record.fields[j]), j + 1) }
            line = record.line
            let id = cell(layout.series)
            guard !id.text.isEmpty else {
                throw DataError(
                    .missingValue, file: file, line: line, column: id.column,
                    columnName: "series_id", "the series id is empty")
            }
            self.id = id.text
            (subset, subsetColumn) = cell(layout.subset)
            let p = cell(layout.period)
            guard let period = Int(p.text), period >= 1 else {
                throw DataError(
                    .notNumeric, file: file, line: line, column: p.column, columnName: "period",
                    "expected a positive whole number, found '\(p.text)'")
            }
            guard Limits.period.contains(period) else {
                throw DataError(
                    .impossibleValue, file: file, line: line, column: p.column, columnName: "period",
                    "the period \(Limits.period.refusal(p.text))")
            }
            (self.period, periodColumn) = (period, p.column)
            let s = cell(layout.split)
            guard s.text == "train" || s.text == "test" else {
                throw DataError(
                    .impossibleValue, file: file, line: line, column: s.column, columnName: "split",
                    "expected 'train' or 'test', found '\(s.text)'")
            }
            test = s.text == "test"
            let tc = cell(layout.t)
            guard let t = Int(tc.text) else {
                throw DataError(
                    .notNumeric, file: file, line: line, column: tc.column, columnName: "t",
                    "expected a whole number, found '\(tc.text)'")
            }
            self.t = t
            let v = cell(layout.value)
            if v.text.isEmpty || v.text == "NA" {
                value = .nan
            } else if let parsed = NumberParser.parse(v.text) {
                value = parsed
            } else {
                throw DataError(
                    .notNumeric, file: file, line: line, column: v.column, columnName: "value",
                    NumberParser.refusal(v.text))
            }
        }
    }

    private struct Builder {
        var subset: String
        var period: Int
        var firstLine: Int
        var rows: [(t: Int, test: Bool, value: Double, line: Int)] = []
    }

    /// The rows read so far, by series in order of first appearance.
    private struct Collected {
        // Builders in an array, found by id, and mutated in place (no copy of the rows per row).
        var position: [String: Int] = [:]
        var builders: [Builder] = []
        var ids: [String] = []

        /// Adds `row` to its series; a row whose subset or period differs from the series' first is an error.
        mutating func add(_ row: Row, file: String) throws {
            let k: Int
            if let found = position[row.id] {
                k = found
            } else {
                k = builders.count
                position[row.id] = k
                builders.append(Builder(subset: row.subset, period: row.period, firstLine: row.line))
                ids.append(row.id)
            }
            // Only the scalar fields: holding the builder itself would share its rows and make the
            // append below copy them.
            let (firstSubset, firstPeriod, firstLine) = (builders[k].subset, builders[k].period, builders[k].firstLine)
            guard firstSubset == row.subset else {
                throw DataError(
                    .impossibleValue, file: file, line: row.line, column: row.subsetColumn,
                    columnName: "subset",
                    "series '\(row.id)' is in subset '\(firstSubset)' on line \(firstLine), here '\(row.subset)'")
            }
            guard firstPeriod == row.period else {
                throw DataError(
                    .impossibleValue, file: file, line: row.line, column: row.periodColumn, columnName: "period",
                    "series '\(row.id)' has period \(firstPeriod) on line \(firstLine), here \(row.period)")
            }
            builders[k].rows.append((row.t, row.test, row.value, row.line))
        }
    }

    /// The series of `builder`: its rows in order of `t`, which must be consecutive, with every
    /// training row before every test row, and at least `period` of them.
    private static func holdout(id: String, _ builder: Builder, file: String) throws -> HoldoutSeries {
        let rows = builder.rows.sorted { $0.t < $1.t }
        var train: [Double] = []
        var test: [Double] = []
        for (k, row) in rows.enumerated() {
            if k > 0 {
                let previous = rows[k - 1]
                if row.t == previous.t {
                    throw DataError(
                        .duplicateKey, file: file, line: row.line, columnName: "t",
                        "series '\(id)' has t = \(row.t) twice (also on line \(previous.line))")
                }
                if row.t != previous.t + 1 {
                    throw DataError(
                        .outOfOrder, file: file, line: row.line, columnName: "t",
                        "series '\(id)' jumps from t = \(previous.t) to t = \(row.t)")
                }
                if previous.test && !row.test {
                    throw DataError(
                        .outOfOrder, file: file, line: row.line, columnName: "split",
                        "series '\(id)': a training value at t = \(row.t) follows a test value")
                }
            }
            if row.test { test.append(row.value) } else { train.append(row.value) }
        }
        guard builder.period <= train.count + test.count else {
            throw DataError(
                .impossibleValue, file: file, line: builder.firstLine, columnName: "period",
                "series '\(id)': the period "
                    + Bound(1...(train.count + test.count), reason: "the series has \(train.count + test.count) rows")
                    .refusal(String(builder.period)))
        }
        return HoldoutSeries(id: id, subset: builder.subset, period: builder.period, train: train, test: test)
    }

    /// `text` without leading and trailing spaces and tabs; returns the same string, without
    /// going through Foundation, in the usual case where there are none (hot path: every cell).
    static func asciiTrimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        if !blank(first) && !blank(last) { return text }
        return String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

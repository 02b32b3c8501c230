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

    private struct Builder {
        var subset: String
        var period: Int
        var firstLine: Int
        var rows: [(t: Int, test: Bool, value: Double, line: Int)] = []
    }

    public static func read(reader: CSVReader) throws -> [HoldoutSeries] {
        let file = reader.file
        var index: [String: Int] = [:]
        // Builders in an array, found by id, and mutated in place (no copy of the rows per row).
        var position: [String: Int] = [:]
        var builders: [Builder] = []
        var ids: [String] = []
        var header: [String]? = nil
        try reader.forEachRecord { record in
            guard let h = header else {
                let names = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                for name in columns where !names.contains(name) {
                    throw DataError(.missingColumn, file: file, line: record.line,
                                    "no column '\(name)'; the benchmark format has \(columns.joined(separator: ","))")
                }
                for name in columns { index[name] = names.firstIndex(of: name) }
                header = names
                return true
            }
            guard record.fields.count == h.count else {
                throw DataError(.raggedRow, file: file, line: record.line,
                                column: min(record.fields.count, h.count) + 1,
                                "expected \(h.count) fields as in the header, found \(record.fields.count)")
            }
            func cell(_ name: String) -> (text: String, column: Int) {
                let j = index[name] ?? 0
                return (asciiTrimmed(record.fields[j]), j + 1)
            }
            let id = cell("series_id")
            guard !id.text.isEmpty else {
                throw DataError(.missingValue, file: file, line: record.line, column: id.column,
                                columnName: "series_id", "the series id is empty")
            }
            let subset = cell("subset").text
            let p = cell("period")
            guard let period = Int(p.text), period >= 1 else {
                throw DataError(.notNumeric, file: file, line: record.line, column: p.column, columnName: "period",
                                "expected a positive whole number, found '\(p.text)'")
            }
            guard Limits.period.contains(period) else {
                throw DataError(.impossibleValue, file: file, line: record.line, column: p.column, columnName: "period",
                                "the period \(Limits.period.refusal(p.text))")
            }
            let s = cell("split")
            guard s.text == "train" || s.text == "test" else {
                throw DataError(.impossibleValue, file: file, line: record.line, column: s.column, columnName: "split",
                                "expected 'train' or 'test', found '\(s.text)'")
            }
            let tc = cell("t")
            guard let t = Int(tc.text) else {
                throw DataError(.notNumeric, file: file, line: record.line, column: tc.column, columnName: "t",
                                "expected a whole number, found '\(tc.text)'")
            }
            let v = cell("value")
            let value: Double
            if v.text.isEmpty || v.text == "NA" {
                value = .nan
            } else if let parsed = NumberParser.parse(v.text) {
                value = parsed
            } else {
                throw DataError(.notNumeric, file: file, line: record.line, column: v.column, columnName: "value",
                                NumberParser.refusal(v.text))
            }
            let k: Int
            if let found = position[id.text] {
                k = found
            } else {
                k = builders.count
                position[id.text] = k
                builders.append(Builder(subset: subset, period: period, firstLine: record.line))
                ids.append(id.text)
            }
            // Only the scalar fields: holding the builder itself would share its rows and make the
            // append below copy them.
            let (firstSubset, firstPeriod, firstLine) = (builders[k].subset, builders[k].period, builders[k].firstLine)
            guard firstSubset == subset else {
                throw DataError(.impossibleValue, file: file, line: record.line, column: cell("subset").column,
                                columnName: "subset",
                                "series '\(id.text)' is in subset '\(firstSubset)' on line \(firstLine), here '\(subset)'")
            }
            guard firstPeriod == period else {
                throw DataError(.impossibleValue, file: file, line: record.line, column: p.column, columnName: "period",
                                "series '\(id.text)' has period \(firstPeriod) on line \(firstLine), here \(period)")
            }
            builders[k].rows.append((t, s.text == "test", value, record.line))
            return true
        }
        guard header != nil else {
            throw DataError(.empty, file: file, "the file is empty: expected the header \(columns.joined(separator: ","))")
        }
        var series: [HoldoutSeries] = []
        series.reserveCapacity(builders.count)
        for id in ids.sorted() {
            guard let k = position[id] else { continue }
            let builder = builders[k]
            let rows = builder.rows.sorted { $0.t < $1.t }
            var train: [Double] = [], test: [Double] = []
            for (k, row) in rows.enumerated() {
                if k > 0 {
                    let previous = rows[k - 1]
                    if row.t == previous.t {
                        throw DataError(.duplicateKey, file: file, line: row.line, columnName: "t",
                                        "series '\(id)' has t = \(row.t) twice (also on line \(previous.line))")
                    }
                    if row.t != previous.t + 1 {
                        throw DataError(.outOfOrder, file: file, line: row.line, columnName: "t",
                                        "series '\(id)' jumps from t = \(previous.t) to t = \(row.t)")
                    }
                    if previous.test && !row.test {
                        throw DataError(.outOfOrder, file: file, line: row.line, columnName: "split",
                                        "series '\(id)': a training value at t = \(row.t) follows a test value")
                    }
                }
                if row.test { test.append(row.value) } else { train.append(row.value) }
            }
            guard builder.period <= train.count + test.count else {
                throw DataError(.impossibleValue, file: file, line: builder.firstLine, columnName: "period",
                                "series '\(id)': the period "
                                + Bound(1...(train.count + test.count), reason: "the series has \(train.count + test.count) rows")
                                    .refusal(String(builder.period)))
            }
            series.append(HoldoutSeries(id: id, subset: builder.subset, period: builder.period,
                                          train: train, test: test))
        }
        return series
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

import Foundation
import TimeSeriesCore

/// What to do with a missing observation: an empty or `NA` cell, or a period absent between two
/// observed ones.
public enum MissingPolicy: String, Sendable, CaseIterable, Codable {
    /// Refuse the data: every missing value is an error naming its line and column.
    case fail
    /// Keep the longest run of consecutive complete periods of each series (R's `na.contiguous`,
    /// except that a tie goes to the latest run, the one a forecast starts from).
    case skip
    /// Fill interior gaps by linear interpolation between the neighbouring observations;
    /// leading and trailing missing periods are dropped.
    case interpolate
}

/// How a tidy long CSV is read: `series_id,date,value` then optional covariate columns.
public struct TidyReadOptions: Sendable {
    public var idColumn = "series_id", dateColumn = "date", valueColumn = "value"
    /// Force the seasonal period (for crop seasons `YYYY-Sn`: the number of crops a year).
    public var period: Int? = nil
    /// Force how the dates are read (`--frequency`): `.index` reads every whole number as an index
    /// (also four-digit ones), `.monthly` accepts month starts `YYYY-MM-01`, `.quarterly` quarter
    /// starts (`YYYY-01-01`, `-04-01`, ...) and `YYYY-MM` of a quarter's first month, `.yearly`
    /// `YYYY-01-01` and `YYYY-01`, `.weekly` and `.daily` days without guessing between the two.
    /// `nil` infers it per series (`TidyReader`).
    public var frequency: Frequency? = nil
    public var onMissing: MissingPolicy = .fail
    /// Covariate columns to keep (numeric, aligned with the values).
    public var covariates: [String] = []
    /// A column giving each series' unit; used when present in the header.
    public var unitColumn = "unit"
    /// A text column naming each series (e.g. its market), read when set and present in the
    /// header: the first non-empty cell of a row with a value (`TidyDataset.labels`).
    public var labelColumn: String? = nil
    /// Impossible-value rules.
    public var bounds = ValueBounds.standard
    /// The separator, or `nil` to detect it from the header line.
    public var separator: UInt8? = nil
    /// At most this many problems are kept (all are counted).
    public var maxProblems = 100_000
    public init() {}
}

/// The series of one tidy file, checked and on a regular calendar.
public struct TidyDataset: Sendable {
    public var file: String
    /// In order of first appearance; values in date order, one per period.
    public var series: [TimeSeries]
    /// Series id → covariate column → values aligned with `series.values`.
    public var covariates: [String: [String: [Double]]]
    /// Series id → crop season number, for a series of one crop a year written `YYYY-Sn`
    /// (a Hè Thu-only series): such a series is yearly, and this says which crop it is.
    public var cropSeason: [String: Int] = [:]
    /// Number of data rows read.
    public var rows: Int = 0
    /// Series id → the periods of the series with a value in the file (not filled in by
    /// `MissingPolicy.interpolate`); the reader gives one for every series.
    public var reported: [String: ReportedPeriods] = [:]
    /// Series id → the series' label (`TidyReadOptions.labelColumn`), when it has one.
    public var labels: [String: String] = [:]
    /// Series id → how its dates were read (`TimeSeries.dateReading` of each series says the same).
    public var readings: [String: String] {
        Dictionary(series.compactMap { s in s.dateReading.map { (s.id, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    public init(file: String, series: [TimeSeries], covariates: [String: [String: [Double]]],
                cropSeason: [String: Int] = [:], rows: Int = 0, reported: [String: ReportedPeriods] = [:],
                labels: [String: String] = [:]) {
        self.file = file
        self.series = series
        self.covariates = covariates
        self.cropSeason = cropSeason
        self.rows = rows
        self.reported = reported
        self.labels = labels
    }

    /// The series whose id equals `id` once both are NFC-normalised.
    public func series(named id: String) -> TimeSeries? {
        let key = TextKey.nfc(id)
        return series.first { TextKey.nfc($0.id) == key }
    }
}

/// What one series looks like, for the `validate` summary.
public struct SeriesSummary: Sendable, Equatable, Codable {
    public var id: String
    public var unit: String?
    public var frequency: String?
    public var period: Int?
    /// Data rows of the series.
    public var rows: Int
    /// Missing observations: empty/`NA` cells and absent periods between the first and last date.
    public var missing: Int
    public var start: String?
    public var end: String?
}

/// Every problem found in a file, and a summary of its series.
public struct ValidationReport: Sendable {
    public var file: String
    public var rows: Int
    /// The problems kept, in file order (at most `TidyReadOptions.maxProblems`).
    public var problems: [DataError]
    /// All problems found, including any beyond those kept.
    public var problemCount: Int
    public var series: [SeriesSummary]
    /// The data, when there is no problem.
    public var dataset: TidyDataset?

    public var isValid: Bool { problemCount == 0 }
}

/// Reads tidy long CSV files (CONTRACT.md, "Input"), streaming: one pass, one record in memory,
/// and per series only its dates, values and the line each came from.
///
/// Checks every row and reports every problem with its file, line and column: missing or unknown
/// columns, ragged rows, text that is not UTF-8, dates in none of the contract's forms, values that
/// are not numbers, duplicate (series, date) pairs, dates out of order or of mixed frequency within
/// a series, units that change within a series, impossible values (`ValueBounds`), series with no
/// value, and missing values (unless `onMissing` says how to treat them).
public enum TidyReader {
    /// Reads and checks `path`; throws the first problem (its message counts the others).
    public static func read(path: String, options: TidyReadOptions = TidyReadOptions()) throws -> TidyDataset {
        try dataset(from: validate(path: path, options: options))
    }

    public static func read(data: Data, file: String, options: TidyReadOptions = TidyReadOptions()) throws -> TidyDataset {
        try dataset(from: validate(data: data, file: file, options: options))
    }

    /// Checks `path` and reports every problem. Throws only when the file cannot be opened or a
    /// quote is never closed (nothing after it can be read).
    public static func validate(path: String, options: TidyReadOptions = TidyReadOptions()) throws -> ValidationReport {
        try checkOptions(options, file: path)
        return try run(CSVTokenizer(path: path, separator: options.separator, lenient: true), options: options)
    }

    public static func validate(data: Data, file: String, options: TidyReadOptions = TidyReadOptions()) throws -> ValidationReport {
        try checkOptions(options, file: file)
        return try run(CSVTokenizer(data: data, file: file, separator: options.separator, lenient: true), options: options)
    }

    /// A forced period is bounded (`Limits.period`) before anything is read: it multiplies the
    /// years of crop-season dates.
    private static func checkOptions(_ options: TidyReadOptions, file: String) throws {
        if let period = options.period, !Limits.period.contains(period) {
            throw DataError(.badConfiguration, file: file, "the period \(Limits.period.refusal(String(period)))")
        }
    }

    private static func dataset(from report: ValidationReport) throws -> TidyDataset {
        if let dataset = report.dataset { return dataset }
        guard var first = report.problems.first else {
            throw DataError(.empty, file: report.file, "no data")
        }
        if report.problemCount > 1 {
            first.message += " (and \(report.problemCount - 1) more problem\(report.problemCount == 2 ? "" : "s"): "
                + "`muavu validate --data \(report.file)` lists them)"
        }
        throw first
    }

    // MARK: The pass over the file

    /// One series as it is read.
    private struct Accumulator {
        var id: String
        var firstLine: Int
        var kind: RawDate.Kind
        var unit: String?
        var unitBytes: [UInt8]
        var label: String? = nil
        var lowest: Double, highest: Double
        var lowestNote: String?, highestNote: String?
        var keys: [Int] = []
        var firstRaw: RawDate
        var raws: [RawDate] = []       // every accepted date, for crop seasons only
        var lines: [Int32] = []
        var values: [Double] = []
        var covariates: [[Double]]
        var lastKey = Int.min
        var ordered = true
        var seasonsSeen: UInt32 = 0
        var maxSeason = 0
        var missingCells = 0
        var unusable = false           // a row was refused (bad date), so the grid is incomplete
        var onlyMonthStarts = true     // every day date is the 1st of a month (pandas' monthly `MS`)
    }

    private struct Problems {
        var kept: [DataError] = []
        var count = 0
        let limit: Int
        mutating func add(_ e: DataError) {
            count += 1
            if kept.count < limit { kept.append(e) }
        }
    }

    private static func run(_ tokenizer: CSVTokenizer, options: TidyReadOptions) throws -> ValidationReport {
        var t = tokenizer
        let file = t.file
        var problems = Problems(limit: max(1, options.maxProblems))
        func report(rows: Int, series: [SeriesSummary] = []) -> ValidationReport {
            var kept = problems.kept
            kept.append(contentsOf: t.problems)
            let total = problems.count + t.problems.count
            kept.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
            return ValidationReport(file: file, rows: rows, problems: kept, problemCount: total,
                                    series: series, dataset: nil)
        }

        // Header.
        guard try t.next() else {
            problems.add(DataError(.empty, file: file, "the file is empty: expected a header line "
                                   + "\(options.idColumn),\(options.dateColumn),\(options.valueColumn)"))
            return report(rows: 0)
        }
        let headerLine = t.line
        var header: [String] = []
        for j in 0..<t.fieldCount {
            guard let s = t.string(j) else {
                problems.add(DataError(.badEncoding, file: file, line: headerLine, column: j + 1,
                                       "the column name is not valid UTF-8"))
                header.append(t.lossyString(j))
                continue
            }
            header.append(s.trimmingCharacters(in: .whitespaces))
        }
        var columnOf: [String: Int] = [:]
        for (j, name) in header.enumerated() {
            if name.isEmpty {
                problems.add(DataError(.emptyName, file: file, line: headerLine, column: j + 1,
                                       "column \(j + 1) has no name"))
                continue
            }
            let key = TextKey.nfc(name)
            if let k = columnOf[key] {
                problems.add(DataError(.duplicateColumn, file: file, line: headerLine, column: j + 1, columnName: name,
                                       "column '\(name)' appears twice in the header (also column \(k + 1))"))
            } else {
                columnOf[key] = j
            }
        }
        func column(_ name: String) -> Int? { columnOf[TextKey.nfc(name)] }
        let listing = header.joined(separator: ", ")
        var required: [Int] = []
        for name in [options.idColumn, options.dateColumn, options.valueColumn] {
            if let j = column(name) {
                required.append(j)
            } else {
                problems.add(DataError(.missingColumn, file: file, line: headerLine, columnName: name,
                                       "no column '\(name)'; the columns are: \(listing)"))
            }
        }
        var covariateColumns: [Int] = []
        for name in options.covariates {
            if let j = column(name) {
                covariateColumns.append(j)
            } else {
                problems.add(DataError(.unknownColumn, file: file, line: headerLine, columnName: name,
                                       "no covariate column '\(name)'; the columns are: \(listing)"))
            }
        }
        guard required.count == 3, covariateColumns.count == options.covariates.count else {
            // Without its columns no row can be checked; count the rows only.
            var rows = 0
            while try t.next() { rows += 1 }
            return report(rows: rows)
        }
        let idColumn = required[0], dateColumn = required[1], valueColumn = required[2]
        let unitColumn = column(options.unitColumn)
        let labelColumn = options.labelColumn.flatMap(column)
        let width = header.count
        let idName = header[idColumn], dateName = header[dateColumn], valueName = header[valueColumn]
        let covariateNames = covariateColumns.map { header[$0] }

        var series: [Accumulator] = []
        var indexOf: [String: Int] = [:]
        var lastIdBytes: [UInt8] = []
        var lastIndex = -1
        var rows = 0
        // Series with a row that could not be placed: a gap there may be that row, so it is not reported.
        var refused = Set<String>()

        @inline(__always) func isMissing(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
            var lo = 0, hi = f.count
            while lo < hi, f[lo] == 0x20 || f[lo] == 0x09 { lo += 1 }
            while hi > lo, f[hi - 1] == 0x20 || f[hi - 1] == 0x09 { hi -= 1 }
            return lo == hi || (hi - lo == 2 && f[lo] == 0x4E && f[lo + 1] == 0x41)   // "NA"
        }

        while try t.next() {
            rows += 1
            let line = t.line
            if t.fieldCount != width {
                problems.add(DataError(.raggedRow, file: file, line: line, column: min(t.fieldCount, width) + 1,
                                       "expected \(width) fields as in the header, found \(t.fieldCount)"))
                if idColumn < t.fieldCount, let id = t.string(idColumn) { refused.insert(TextKey.nfc(id.trimmingCharacters(in: .whitespaces))) }
                continue
            }
            if let bad = t.firstInvalidUTF8Field() {
                problems.add(DataError(.badEncoding, file: file, line: line, column: bad + 1, columnName: header[bad],
                                       "the field is not valid UTF-8"))
                if bad == idColumn || bad == dateColumn || bad == valueColumn || bad == unitColumn {
                    if bad != idColumn, let id = t.string(idColumn) { refused.insert(TextKey.nfc(id.trimmingCharacters(in: .whitespaces))) }
                    continue
                }
            }
            // Series: the id compares by bytes with the previous row's first (the usual case).
            let sameAsLast = lastIndex >= 0 && t.withField(idColumn) { f in
                sameBytes(lastIdBytes, f)
            }
            var s: Int
            if sameAsLast {
                s = lastIndex
            } else {
                let raw = t.string(idColumn) ?? ""
                let id = raw.trimmingCharacters(in: .whitespaces)
                if id.isEmpty {
                    problems.add(DataError(.missingValue, file: file, line: line, column: idColumn + 1, columnName: idName,
                                           "the series id is empty"))
                    continue
                }
                let key = TextKey.nfc(id)
                if let k = indexOf[key] {
                    s = k
                } else {
                    guard let parsed = t.withField(dateColumn, DateParser.parse) else {
                        problems.add(badDate(t, file: file, line: line, column: dateColumn, name: dateName))
                        continue
                    }
                    guard let date = DateParser.read(parsed, as: options.frequency) else {
                        problems.add(unexpectedDate(t, parsed, options.frequency, file: file, line: line, column: dateColumn, name: dateName))
                        continue
                    }
                    var unit: String? = nil
                    var unitBytes: [UInt8] = []
                    if let u = unitColumn {
                        t.withField(u) { unitBytes = Array($0) }
                        let text = (t.string(u) ?? "").trimmingCharacters(in: .whitespaces)
                        unit = text.isEmpty ? nil : text
                    }
                    let r = options.bounds.range(id: id, unit: unit)
                    s = series.count
                    series.append(Accumulator(id: id, firstLine: line, kind: date.kind, unit: unit, unitBytes: unitBytes,
                                              lowest: r.min, highest: r.max, lowestNote: r.minNote, highestNote: r.maxNote,
                                              firstRaw: date, covariates: Array(repeating: [], count: covariateColumns.count)))
                    indexOf[key] = s
                }
                lastIndex = s
                t.withField(idColumn) { lastIdBytes = Array($0) }
            }
            // Date.
            guard let parsed = t.withField(dateColumn, DateParser.parse) else {
                problems.add(badDate(t, file: file, line: line, column: dateColumn, name: dateName))
                series[s].unusable = true
                continue
            }
            guard var date = DateParser.read(parsed, as: options.frequency) else {
                problems.add(unexpectedDate(t, parsed, options.frequency, file: file, line: line, column: dateColumn, name: dateName))
                series[s].unusable = true
                continue
            }
            // Whole numbers: four digits read as a year, others as an index. A series that holds
            // both (1..1500, or 1000..10000) is an index throughout: a year and an index of the
            // same number have the same key, so the rows read so far stay where they are.
            if options.frequency == nil, date.kind == .year, series[s].kind == .index {
                date = RawDate(kind: .index, year: 0, part: 0, day: 0, index: date.year)
            } else if options.frequency == nil, date.kind == .index, series[s].kind == .year {
                series[s].kind = .index
                series[s].firstRaw = RawDate(kind: .index, year: 0, part: 0, day: 0, index: series[s].firstRaw.year)
            }
            if date.kind == .day, date.day != 1 { series[s].onlyMonthStarts = false }
            if date.kind != series[s].kind {
                let first = series[s].firstRaw
                problems.add(DataError(.mixedFrequency, file: file, line: line, column: dateColumn + 1, columnName: dateName,
                                       "'\(t.lossyString(dateColumn))' is \(date.kindName), but series '\(series[s].id)' "
                                       + "started on line \(series[s].firstLine) with \(first.kindName)"))
                series[s].unusable = true
                continue
            }
            if date.kind == .season {
                series[s].seasonsSeen |= 1 << UInt32(min(date.part, 31))
                series[s].maxSeason = max(series[s].maxSeason, date.part)
                if let k = options.period, date.part > k {
                    problems.add(DataError(.badDate, file: file, line: line, column: dateColumn + 1, columnName: dateName,
                                           "season \(date.part) in '\(t.lossyString(dateColumn))', but the period is \(k) crops a year"))
                    series[s].unusable = true
                    continue
                }
            }
            let key = date.key
            if key <= series[s].lastKey {
                if key == series[s].lastKey, series[s].ordered {
                    let previous = series[s].lines.last.map { Int($0) } ?? 0
                    problems.add(DataError(.duplicateKey, file: file, line: line, column: dateColumn + 1, columnName: dateName,
                                           "series '\(series[s].id)' already has \(t.lossyString(dateColumn)) on line \(previous)"))
                    continue
                }
                if key < series[s].lastKey {
                    problems.add(DataError(.outOfOrder, file: file, line: line, column: dateColumn + 1, columnName: dateName,
                                           "'\(t.lossyString(dateColumn))' comes after a later date of series '\(series[s].id)' "
                                           + "(line \(series[s].lines.last.map { Int($0) } ?? 0)); sort each series by date"))
                    series[s].ordered = false
                }
            } else {
                series[s].lastKey = key
            }
            // Unit.
            if let u = unitColumn {
                let same = t.withField(u) { f in
                    sameBytes(series[s].unitBytes, f)
                }
                if !same {
                    let text = (t.string(u) ?? "").trimmingCharacters(in: .whitespaces)
                    if TextKey.nfc(text) != TextKey.nfc(series[s].unit ?? "") {
                        problems.add(DataError(.inconsistentUnit, file: file, line: line, column: u + 1, columnName: header[u],
                                               "unit '\(text)', but series '\(series[s].id)' is in '\(series[s].unit ?? "")' "
                                               + "(line \(series[s].firstLine))"))
                    }
                }
            }
            // Value.
            let value: Double = t.withField(valueColumn) { f in
                if let v = NumberParser.parse(bytes: f) { return v }
                if isMissing(f) { return .nan }
                return -.infinity   // marks "not a number" without a second lookup
            }
            var v = value
            if v == -.infinity {
                problems.add(notNumeric(t, file: file, line: line, column: valueColumn, name: valueName))
                v = .nan
                series[s].unusable = true
            } else if v.isNaN {
                series[s].missingCells += 1
                if options.onMissing == .fail {
                    problems.add(DataError(.missingValue, file: file, line: line, column: valueColumn + 1, columnName: valueName,
                                           "missing value of series '\(series[s].id)' at \(t.lossyString(dateColumn)) "
                                           + "(use --on-missing skip or interpolate to accept gaps)"))
                }
            } else if v < series[s].lowest || v > series[s].highest {
                let below = v < series[s].lowest
                let bound = below ? series[s].lowest : series[s].highest
                let note = (below ? series[s].lowestNote : series[s].highestNote).map { ": \($0)" } ?? ""
                problems.add(DataError(.impossibleValue, file: file, line: line, column: valueColumn + 1, columnName: valueName,
                                       "\(t.lossyString(valueColumn).trimmingCharacters(in: .whitespaces)) is "
                                       + "\(below ? "below the minimum" : "above the maximum") \(Self.format(bound))"
                                       + "\(series[s].unit.map { " \($0)" } ?? "") for series '\(series[s].id)'\(note)"))
            }
            if let j = labelColumn, series[s].label == nil, !v.isNaN,
               let text = t.string(j)?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                series[s].label = text
            }
            // Covariates.
            for (c, j) in covariateColumns.enumerated() {
                let x: Double = t.withField(j) { f in
                    if let x = NumberParser.parse(bytes: f) { return x }
                    if isMissing(f) { return .nan }
                    return -.infinity
                }
                if x == -.infinity {
                    problems.add(notNumeric(t, file: file, line: line, column: j, name: covariateNames[c]))
                    series[s].covariates[c].append(.nan)
                    series[s].unusable = true
                } else {
                    if x.isNaN, options.onMissing == .fail {
                        problems.add(DataError(.missingValue, file: file, line: line, column: j + 1, columnName: covariateNames[c],
                                               "missing covariate '\(covariateNames[c])' of series '\(series[s].id)' at "
                                               + "\(t.lossyString(dateColumn))"))
                    }
                    series[s].covariates[c].append(x)
                }
            }
            if date.kind == .season { series[s].raws.append(date) }
            series[s].keys.append(key)
            series[s].lines.append(Int32(clamping: line))
            series[s].values.append(v)
        }

        if rows == 0 {
            problems.add(DataError(.empty, file: file, line: headerLine, "the file has a header but no data rows"))
        }

        // Per series: calendar, gaps, policy.
        let layout = Layout(file: file, dateColumn: dateColumn, valueColumn: valueColumn, dateName: dateName,
                            valueName: valueName, covariateNames: covariateNames)
        var summaries: [SeriesSummary] = []
        var built: [TimeSeries] = []
        var covariates: [String: [String: [Double]]] = [:]
        var cropSeason: [String: Int] = [:]
        var reported: [String: ReportedPeriods] = [:]
        var labels: [String: String] = [:]
        for acc in series {
            let done = finish(acc, refused: refused.contains(TextKey.nfc(acc.id)), layout: layout, options: options,
                              problems: &problems)
            summaries.append(done.summary)
            if let s = done.series { built.append(s) }
            if let c = done.covariates { covariates[acc.id] = c }
            if let k = done.cropSeason { cropSeason[acc.id] = k }
            if let r = done.reported { reported[acc.id] = r }
            if let l = acc.label { labels[acc.id] = l }
        }
        var result = report(rows: rows, series: summaries)
        if result.problemCount == 0 {
            result.dataset = TidyDataset(file: file, series: built, covariates: covariates, cropSeason: cropSeason, rows: rows,
                                         reported: reported, labels: labels)
        }
        return result
    }

    @inline(__always)
    private static func sameBytes(_ a: [UInt8], _ f: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == f.count else { return false }
        guard let q = f.baseAddress, !a.isEmpty else { return true }
        return a.withUnsafeBufferPointer { memcmp($0.baseAddress!, q, f.count) == 0 }
    }

    /// Where the columns are, for messages.
    private struct Layout {
        let file: String
        let dateColumn: Int, valueColumn: Int
        let dateName: String, valueName: String
        let covariateNames: [String]
    }

    /// One series once its file has been read: its summary and, when nothing is wrong, the series.
    private struct Finished {
        var summary: SeriesSummary
        var series: TimeSeries? = nil
        var covariates: [String: [Double]]? = nil
        var cropSeason: Int? = nil
        var reported: ReportedPeriods? = nil
    }

    /// Settles a series' calendar (frequency, period, crop seasons, weekly or daily), reports
    /// duplicates left by out-of-order rows, empty series and gaps, then lays the values on a
    /// regular grid and applies the missing-value policy. `refused` says a row of the series
    /// could not be placed (a gap may be that row, so gaps are not reported).
    private static func finish(_ accumulated: Accumulator, refused: Bool, layout: Layout, options: TidyReadOptions,
                               problems: inout Problems) -> Finished {
        var acc = accumulated
        let file = layout.file, dateColumn = layout.dateColumn, valueColumn = layout.valueColumn
        let dateName = layout.dateName, valueName = layout.valueName, covariateNames = layout.covariateNames
        var summary = SeriesSummary(id: acc.id, unit: acc.unit, frequency: nil, period: nil,
                                    rows: acc.keys.count, missing: acc.missingCells, start: nil, end: nil)
        var crop: Int? = nil
        if !acc.values.contains(where: { !$0.isNaN }) {
            problems.add(DataError(.emptySeries, file: file, line: acc.firstLine, column: valueColumn + 1, columnName: valueName,
                                   "series '\(acc.id)' has no value"))
            return Finished(summary: summary)
        }
        if !acc.ordered {
            // Out of order is already reported; sort to find duplicates and summarise.
            let order = acc.keys.indices.sorted { (acc.keys[$0], acc.lines[$0]) < (acc.keys[$1], acc.lines[$1]) }
            acc.keys = order.map { acc.keys[$0] }
            acc.lines = order.map { acc.lines[$0] }
            acc.values = order.map { acc.values[$0] }
            acc.covariates = acc.covariates.map { col in order.map { col[$0] } }
            if acc.kind == .season { acc.raws = order.map { acc.raws[$0] } }
            var k = 1
            while k < acc.keys.count {
                if acc.keys[k] == acc.keys[k - 1] {
                    problems.add(DataError(.duplicateKey, file: file, line: Int(acc.lines[k]), column: dateColumn + 1,
                                           columnName: dateName,
                                           "series '\(acc.id)' already has this date on line \(acc.lines[k - 1])"))
                    acc.keys.remove(at: k); acc.lines.remove(at: k); acc.values.remove(at: k)
                    for c in acc.covariates.indices { acc.covariates[c].remove(at: k) }
                    if acc.kind == .season { acc.raws.remove(at: k) }
                    continue
                }
                k += 1
            }
        }
        // The calendar: frequency, period, ordinals on a regular grid.
        var frequency = frequencyOf(acc.kind)
        var step = 1
        var ordinals = acc.keys
        var period = options.period
        var start = acc.firstRaw.date(seasonsPerYear: max(1, options.period ?? 3))
        var reading: String? = nil
        switch acc.kind {
        case .season:
            let distinct = acc.seasonsSeen.nonzeroBitCount
            if options.period == nil && distinct == 1 && acc.keys.count > 1 {
                // One crop a year (e.g. Hè Thu only): a yearly series of that crop.
                frequency = .yearly
                period = 1
                ordinals = acc.raws.map { $0.year }
                start = .year(acc.raws[0].year)
                crop = acc.raws[0].part
            } else {
                let k = options.period ?? max(acc.maxSeason, 1)
                period = k
                ordinals = acc.raws.map { $0.year * k + $0.part - 1 }
                start = acc.raws[0].date(seasonsPerYear: k)
            }
        case .day where options.frequency == nil && acc.onlyMonthStarts && ordinals.count >= 2:
            // Every date the 1st of a month: monthly data as pandas (`MS`) and statsforecast write it.
            frequency = .monthly
            ordinals = ordinals.map { o in
                let c = PeriodDate.civilFromDays(o)
                return c.year * 12 + c.month - 1
            }
            start = .month(year: acc.firstRaw.year, month: acc.firstRaw.part)
            reading = "YYYY-MM-01 (every date the 1st of a month) read as months; --frequency daily reads them as days"
        case .day:
            // Weekly when most steps are whole weeks (or when asked). The grid is the weekday most
            // dates fall on; a date off it is one error naming its row and the grid, rather than
            // a daily series with a gap every week.
            var diffs = 0, weekly = 0
            for k in 1..<max(1, ordinals.count) {
                diffs += 1
                if (ordinals[k] - ordinals[k - 1]) % 7 == 0 { weekly += 1 }
            }
            let isWeekly = options.frequency == .weekly || (options.frequency == nil && diffs > 0 && weekly * 2 > diffs)
            if isWeekly {
                frequency = .weekly
                step = 7
                var onWeekday = [Int](repeating: 0, count: 7)
                for o in ordinals { onWeekday[((o % 7) + 7) % 7] += 1 }
                let weekday = onWeekday.indices.max { onWeekday[$0] < onWeekday[$1] || (onWeekday[$0] == onWeekday[$1] && $0 > $1) }!
                let anchor = ordinals.first { ((($0 % 7) + 7) % 7) == weekday }!
                let c = PeriodDate.civilFromDays(anchor)
                start = .day(year: c.year, month: c.month, day: c.day)
                for k in ordinals.indices where (ordinals[k] - anchor) % 7 != 0 {
                    let c = PeriodDate.civilFromDays(ordinals[k])
                    let date = PeriodDate.day(year: c.year, month: c.month, day: c.day)
                    let before = (ordinals[k] - anchor) >= 0 ? (ordinals[k] - anchor) / 7 : (ordinals[k] - anchor - 6) / 7
                    let earlier = start.advanced(by: before, frequency: .weekly), later = start.advanced(by: before + 1, frequency: .weekly)
                    problems.add(DataError(.mixedFrequency, file: file, line: Int(acc.lines[k]), column: dateColumn + 1,
                                           columnName: dateName,
                                           "\(date) is off the grid of series '\(acc.id)': weekly from \(start), every 7 days "
                                           + "(the nearest dates on it are \(earlier) and \(later))"))
                    acc.unusable = true
                }
                reading = options.frequency == .weekly
                    ? "--frequency weekly: YYYY-MM-DD read as weeks, every 7 days from \(start)"
                    : "YYYY-MM-DD read as weeks (the dates step by whole weeks), every 7 days from \(start); --frequency daily reads them as days"
            } else {
                reading = options.frequency == .daily ? "--frequency daily: YYYY-MM-DD read as days" : "YYYY-MM-DD read as days"
            }
        default:
            break
        }
        if reading == nil { reading = Self.reading(of: acc.kind, forced: options.frequency, period: period) }
        // Months that all step by whole years or whole quarters are a yearly or quarterly series
        // (as the weeks above): read as months, `--on-missing interpolate` would invent eleven
        // values of every twelve, or two of every three. A --period given says the user reads
        // the calendar as written, so nothing is inferred then.
        if options.frequency == nil, options.period == nil, frequency == .monthly, ordinals.count >= 2 {
            let steps = zip(ordinals.dropFirst(), ordinals).map { $0 - $1 }
            let written = acc.kind == .day ? "YYYY-MM-01" : "YYYY-MM"
            if steps.allSatisfy({ $0 % 12 == 0 }) {
                frequency = .yearly
                ordinals = ordinals.map { $0 / 12 }   // year·12 + month − 1 → year
                start = .year(ordinals[0])
                reading = "\(written) dates twelve months apart read as years; --frequency monthly reads them as months"
            } else if steps.allSatisfy({ $0 % 3 == 0 }) {
                frequency = .quarterly
                ordinals = ordinals.map { $0 / 3 }   // year·12 + month − 1 → year·4 + quarter − 1
                start = .quarter(year: ordinals[0] / 4, quarter: ordinals[0] % 4 + 1)
                reading = "\(written) dates three months apart read as quarters (from \(start)); "
                    + "--frequency monthly reads them as months"
            }
        }
        if options.frequency == nil, options.period == nil, frequency == .quarterly, acc.kind == .quarter, ordinals.count >= 2,
           zip(ordinals.dropFirst(), ordinals).allSatisfy({ ($0 - $1) % 4 == 0 }) {
            frequency = .yearly
            ordinals = ordinals.map { $0 / 4 }   // year·4 + quarter − 1 → year
            start = .year(ordinals[0])
            reading = "YYYY-Qn dates four quarters apart read as years; --frequency quarterly reads them as quarters"
        }
        let first = ordinals[0], last = ordinals[ordinals.count - 1]
        let span = (last - first) / step + 1
        summary.frequency = frequency.rawValue
        summary.period = period ?? frequency.defaultPeriod
        summary.start = start.description
        summary.end = start.advanced(by: span - 1, frequency: frequency).description
        guard span <= 10_000_000 else {
            problems.add(DataError(.badDate, file: file, line: acc.firstLine, column: dateColumn + 1, columnName: dateName,
                                   "series '\(acc.id)' spans \(span) periods for \(ordinals.count) observations"))
            return Finished(summary: summary)
        }
        let absent = span - ordinals.count
        summary.missing += absent
        if refused { acc.unusable = true }
        if absent > 0, options.onMissing == .fail, !acc.unusable {
            for k in 1..<ordinals.count {
                let gap = (ordinals[k] - ordinals[k - 1]) / step - 1
                if gap > 0 {
                    let from = start.advanced(by: (ordinals[k - 1] - first) / step + 1, frequency: frequency)
                    problems.add(DataError(.missingValue, file: file, line: Int(acc.lines[k]), column: dateColumn + 1,
                                           columnName: dateName,
                                           "series '\(acc.id)' has no row for \(gap == 1 ? "\(from)" : "the \(gap) periods from \(from)") "
                                           + "(previous row: line \(acc.lines[k - 1])); use --on-missing skip or interpolate to accept gaps"))
                }
            }
        }
        if acc.unusable || problems.count > 0 { return Finished(summary: summary) }
        // The regular grid, then the policy for its holes.
        var columns = [[Double]](repeating: [Double](repeating: .nan, count: span), count: 1 + acc.covariates.count)
        for k in ordinals.indices {
            let slot = (ordinals[k] - first) / step
            columns[0][slot] = acc.values[k]
            for c in acc.covariates.indices { columns[c + 1][slot] = acc.covariates[c][k] }
        }
        var offset = 0
        var filled: [Int] = []
        switch options.onMissing {
        case .fail:
            break
        case .skip:
            let run = MissingValues.longestCompleteRun(columns)
            offset = run.lowerBound
            columns = columns.map { Array($0[run]) }
        case .interpolate:
            let run = MissingValues.completeEnds(columns)
            offset = run.lowerBound
            filled = run.filter { columns[0][$0].isNaN }.map { $0 - offset }
            columns = columns.map { MissingValues.interpolateLinearly(Array($0[run])) }
        }
        if columns[0].isEmpty {
            problems.add(DataError(.emptySeries, file: file, line: acc.firstLine, column: valueColumn + 1, columnName: valueName,
                                   "series '\(acc.id)' has no complete period"))
            return Finished(summary: summary)
        }
        let firstPeriod = start.advanced(by: offset, frequency: frequency)
        var built = TimeSeries(id: acc.id, values: columns[0], frequency: frequency, period: period,
                               start: firstPeriod, unit: acc.unit)
        built.dateReading = reading
        var byName: [String: [Double]] = [:]
        for (c, name) in covariateNames.enumerated() { byName[name] = columns[c + 1] }
        return Finished(summary: summary, series: built, covariates: covariateNames.isEmpty ? nil : byName, cropSeason: crop,
                        reported: ReportedPeriods(start: firstPeriod, frequency: frequency, count: columns[0].count, filled: filled))
    }

    /// How dates of `kind` were read, for the documents.
    private static func reading(of kind: RawDate.Kind, forced: Frequency?, period: Int?) -> String {
        let prefix = forced.map { "--frequency \($0.rawValue): " } ?? ""
        switch kind {
        case .year: return prefix + (forced == nil ? "four-digit numbers (YYYY) read as years; --frequency index reads them as an integer index" : "read as years")
        case .quarter: return prefix + "read as quarters"
        case .month: return prefix + "read as months"
        case .day: return prefix + "read as days"
        case .season: return prefix + "YYYY-Sn read as crop seasons"
        case .index: return prefix + "whole numbers read as an integer index (no calendar)"
        }
    }

    private static func frequencyOf(_ kind: RawDate.Kind) -> Frequency {
        switch kind {
        case .year: .yearly
        case .quarter: .quarterly
        case .month: .monthly
        case .day: .daily
        case .season: .season
        case .index: .index
        }
    }

    private static func badDate(_ t: CSVTokenizer, file: String, line: Int, column: Int, name: String) -> DataError {
        let text = t.lossyString(column)
        return DataError(.badDate, file: file, line: line, column: column + 1, columnName: name,
                         text.trimmingCharacters(in: .whitespaces).isEmpty
                            ? "the date is empty"
                            : "expected a date (YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD, YYYY-Sn or a positive integer), found '\(text)'")
    }

    private static func unexpectedDate(_ t: CSVTokenizer, _ date: RawDate, _ frequency: Frequency?, file: String, line: Int,
                                       column: Int, name: String) -> DataError {
        let text = t.lossyString(column).trimmingCharacters(in: .whitespaces)
        let f = frequency ?? .index
        return DataError(.badDate, file: file, line: line, column: column + 1, columnName: name,
                         "'\(text)' is \(date.kindName), which --frequency \(f.rawValue) does not read: "
                            + "it reads \(DateParser.accepted(by: f))")
    }

    private static func notNumeric(_ t: CSVTokenizer, file: String, line: Int, column: Int, name: String) -> DataError {
        let text = t.lossyString(column)
        let hint = text.contains(",") ? " (write decimals with a point, without thousands separators)" : ""
        return DataError(.notNumeric, file: file, line: line, column: column + 1, columnName: name,
                         NumberParser.refusal(text) + hint)
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}

/// Treatments of missing observations (`MissingPolicy`), on columns that share one time axis.
public enum MissingValues {
    /// The longest run of indices where every column is observed; a tie goes to the latest run.
    /// (R's `stats::na.contiguous` keeps the first of equal runs; a forecast wants the latest.)
    public static func longestCompleteRun(_ columns: [[Double]]) -> Range<Int> {
        let n = columns.first?.count ?? 0
        var best = 0..<0
        var runStart = 0
        for i in 0...n {
            let complete = i < n && columns.allSatisfy { !$0[i].isNaN }
            if !complete {
                if i - runStart > 0, i - runStart >= best.count { best = runStart..<i }
                runStart = i + 1
            }
        }
        return best
    }

    /// From the first index where every column is observed to the last such index.
    public static func completeEnds(_ columns: [[Double]]) -> Range<Int> {
        let n = columns.first?.count ?? 0
        let complete = (0..<n).filter { i in columns.allSatisfy { !$0[i].isNaN } }
        guard let lo = complete.first, let hi = complete.last else { return 0..<0 }
        return lo..<(hi + 1)
    }

    /// Fills each run of `.nan` between two observed values on the straight line joining them:
    /// x[i] = x[a] + (x[b] − x[a])·(i − a)/(b − a). Leading and trailing `.nan` stay.
    public static func interpolateLinearly(_ x: [Double]) -> [Double] {
        var y = x
        var previous: Int? = nil
        for i in y.indices where !y[i].isNaN {
            if let a = previous, i - a > 1 {
                for k in (a + 1)..<i {
                    y[k] = y[a] + (y[i] - y[a]) * Double(k - a) / Double(i - a)
                }
            }
            previous = i
        }
        return y
    }
}

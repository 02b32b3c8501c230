import Foundation
import TimeSeriesCore

extension TidyReader {
    /// One series as it is read.
    struct Accumulator {
        var id: String
        var firstLine: Int
        var kind: RawDate.Kind
        var unit: String?
        var unitBytes: [UInt8]
        var label: String? = nil
        /// The range accepted without looking further (`SeriesBounds.min`, `max`; the bounds
        /// themselves are `RowPass.bounds`, apart, so that the row loop copies no strings).
        var lowest: Double, highest: Double
        /// The file declares no number format and the unit is one where "9.250" reads two ways.
        var checksAmbiguity: Bool
        var keys: [Int] = []
        var firstRaw: RawDate
        var raws: [RawDate] = []  // every accepted date, for crop seasons only
        var lines: [Int32] = []
        var values: [Double] = []
        var covariates: [[Double]]
        var lastKey = Int.min
        var ordered = true
        var seasonsSeen: UInt32 = 0
        var maxSeason = 0
        var missingCells = 0
        var unusable = false  // a row was refused (bad date), so the grid is incomplete
        var onlyMonthStarts = true  // every day date is the 1st of a month (pandas' monthly `MS`)
        /// The dates of rows whose flag cell `confirmed` lifted a plausible-range refusal.
        var confirmed: [RawDate] = []
    }

    /// The rows of a file, read one at a time into the series they belong to. This is the reader's
    /// inner loop: the series of a row is found by comparing its id's bytes with the previous
    /// row's, and cells are parsed from the record's bytes, so that a usual row makes no string.
    ///
    /// The steps a row goes through are inlined into `read`, which runs once a row, and are
    /// `mutating` even where they only read the pass: a non-mutating method called from a mutating
    /// one is handed a copy of the whole pass. Either costs `muavu validate` of a 1,000,000-row
    /// file (docs/benchmarks/validate.md) several per cent of its time.
    struct RowPass {
        let columns: Columns
        let options: TidyReadOptions
        /// In order of first appearance.
        var series: [Accumulator] = []
        var indexOf: [String: Int] = [:]
        var lastIdBytes: [UInt8] = []
        var lastIndex = -1
        var rows = 0
        /// Series with a row that could not be placed: a gap there may be that row, so it is not reported.
        var refused = Set<String>()
        /// The bounds of each series, by its index in `series`.
        var bounds: [SeriesBounds] = []
        /// Whether the row being read was let through by its `confirmed` flag.
        var rowConfirmed = false

        init(columns: Columns, options: TidyReadOptions) {
            self.columns = columns
            self.options = options
        }

        /// Checks the tokenizer's current record and adds its date, value and covariates to its series.
        mutating func read(_ t: CSVTokenizer, problems: inout Problems) {
            rows += 1
            let line = t.line
            guard isReadable(t, line: line, problems: &problems),
                let s = seriesOfRow(t, line: line, problems: &problems),
                let dated = date(t, series: s, line: line, problems: &problems)
            else { return }
            let sameUnit = checkUnit(t, series: s, line: line, problems: &problems)
            let v = value(t, series: s, line: line, inSeriesUnit: sameUnit, problems: &problems)
            if rowConfirmed {
                series[s].confirmed.append(dated.date)
                rowConfirmed = false
            }
            if let j = columns.label, series[s].label == nil, !v.isNaN,
                let text = t.string(j)?.trimmingCharacters(in: .whitespaces), !text.isEmpty
            {
                series[s].label = text
            }
            readCovariates(t, series: s, line: line, problems: &problems)
            if dated.date.kind == .season { series[s].raws.append(dated.date) }
            series[s].keys.append(dated.key)
            series[s].lines.append(Int32(clamping: line))
            series[s].values.append(v)
        }

        /// False when the row has another number of fields than the header, or text that is not
        /// UTF-8 in its id, date, value or unit; its series (when its id can be read) is refused.
        @inline(__always)
        private mutating func isReadable(_ t: CSVTokenizer, line: Int, problems: inout Problems) -> Bool {
            let width = columns.header.count
            if t.fieldCount != width {
                problems.add(
                    DataError(
                        .raggedRow, file: columns.file, line: line, column: min(t.fieldCount, width) + 1,
                        "expected \(width) fields as in the header, found \(t.fieldCount)"))
                if columns.id < t.fieldCount, let id = t.string(columns.id) {
                    refused.insert(TextKey.nfc(id.trimmingCharacters(in: .whitespaces)))
                }
                return false
            }
            if let bad = t.firstInvalidUTF8Field() {
                problems.add(
                    DataError(
                        .badEncoding, file: columns.file, line: line, column: bad + 1,
                        columnName: columns.header[bad], "the field is not valid UTF-8"))
                if bad == columns.id || bad == columns.date || bad == columns.value || bad == columns.unit {
                    if bad != columns.id, let id = t.string(columns.id) {
                        refused.insert(TextKey.nfc(id.trimmingCharacters(in: .whitespaces)))
                    }
                    return false
                }
            }
            return true
        }

        /// The index of the row's series, a new one for an id not seen before (its first date
        /// then says what kind of dates the series has); nil when the id is empty or a new
        /// series' date cannot be read.
        @inline(__always)
        private mutating func seriesOfRow(_ t: CSVTokenizer, line: Int, problems: inout Problems) -> Int? {
            // The id compares by bytes with the previous row's first (the usual case).
            let sameAsLast =
                lastIndex >= 0
                && t.withField(columns.id) { f in
                    sameBytes(lastIdBytes, f)
                }
            if sameAsLast { return lastIndex }
            let raw = t.string(columns.id) ?? ""
            let id = raw.trimmingCharacters(in: .whitespaces)
            if id.isEmpty {
                problems.add(
                    DataError(
                        .missingValue, file: columns.file, line: line, column: columns.id + 1,
                        columnName: columns.idName, "the series id is empty"))
                return nil
            }
            let key = TextKey.nfc(id)
            let s: Int
            if let k = indexOf[key] {
                s = k
            } else {
                guard let date = readDate(t, line: line, problems: &problems) else { return nil }
                s = addSeries(t, id: id, line: line, date: date)
                indexOf[key] = s
            }
            lastIndex = s
            t.withField(columns.id) { lastIdBytes = Array($0) }
            return s
        }

        /// A new series, whose first date is `date`; returns its index.
        private mutating func addSeries(_ t: CSVTokenizer, id: String, line: Int, date: RawDate) -> Int {
            var unit: String? = nil
            var unitBytes: [UInt8] = []
            if let u = columns.unit {
                t.withField(u) { unitBytes = Array($0) }
                let text = (t.string(u) ?? "").trimmingCharacters(in: .whitespaces)
                unit = text.isEmpty ? nil : text
            }
            let b = options.bounds.bounds(id: id, unit: unit)
            bounds.append(b)
            series.append(
                Accumulator(
                    id: id, firstLine: line, kind: date.kind, unit: unit, unitBytes: unitBytes,
                    lowest: b.min, highest: b.max,
                    checksAmbiguity: columns.valueFormat == nil && NumberFormat.checksAmbiguity(unit: unit),
                    firstRaw: date, covariates: Array(repeating: [], count: columns.covariates.count)))
            return series.count - 1
        }

        /// The row's date in one of the contract's forms, read as `--frequency` says; nil (reported)
        /// otherwise.
        @inline(__always)
        private mutating func readDate(_ t: CSVTokenizer, line: Int, problems: inout Problems) -> RawDate? {
            guard let parsed = t.withField(columns.date, DateParser.parse) else {
                problems.add(badDate(t, file: columns.file, line: line, column: columns.date, name: columns.dateName))
                return nil
            }
            guard let date = DateParser.read(parsed, as: options.frequency) else {
                problems.add(
                    unexpectedDate(
                        t, parsed, options.frequency, file: columns.file, line: line,
                        column: columns.date, name: columns.dateName))
                return nil
            }
            return date
        }

        /// The row's date and its key, when it is of the series' kind, within its period and not a
        /// duplicate of the previous date; a date before an earlier one is reported and kept (the
        /// series is sorted once read, `finish`).
        @inline(__always)
        private mutating func date(
            _ t: CSVTokenizer, series s: Int, line: Int,
            problems: inout Problems
        ) -> (date: RawDate, key: Int)? {
            guard var date = readDate(t, line: line, problems: &problems) else {
                series[s].unusable = true
                return nil
            }
            let file = columns.file
            let dateColumn = columns.date
            let dateName = columns.dateName
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
                problems.add(
                    DataError(
                        .mixedFrequency, file: file, line: line, column: dateColumn + 1, columnName: dateName,
                        "'\(t.lossyString(dateColumn))' is \(date.kindName), but series '\(series[s].id)' "
                            + "started on line \(series[s].firstLine) with \(first.kindName)"))
                series[s].unusable = true
                return nil
            }
            if date.kind == .season {
                series[s].seasonsSeen |= 1 << UInt32(min(date.part, 31))
                series[s].maxSeason = max(series[s].maxSeason, date.part)
                if let k = options.period, date.part > k {
                    problems.add(
                        DataError(
                            .badDate, file: file, line: line, column: dateColumn + 1, columnName: dateName,
                            "season \(date.part) in '\(t.lossyString(dateColumn))', but the period is \(k) crops a year"
                        ))
                    series[s].unusable = true
                    return nil
                }
            }
            let key = date.key
            if key <= series[s].lastKey {
                if key == series[s].lastKey, series[s].ordered {
                    let previous = series[s].lines.last.map { Int($0) } ?? 0
                    problems.add(
                        DataError(
                            .duplicateKey, file: file, line: line, column: dateColumn + 1, columnName: dateName,
                            "series '\(series[s].id)' already has \(t.lossyString(dateColumn)) on line \(previous)"))
                    return nil
                }
                if key < series[s].lastKey {
                    problems.add(
                        DataError(
                            .outOfOrder, file: file, line: line, column: dateColumn + 1, columnName: dateName,
                            "'\(t.lossyString(dateColumn))' comes after a later date of series '\(series[s].id)' "
                                + "(line \(series[s].lines.last.map { Int($0) } ?? 0)); sort each series by date"))
                    series[s].ordered = false
                }
            } else {
                series[s].lastKey = key
            }
            return (date, key)
        }

        /// A unit other than the series' first (compared by bytes first, then as NFC text) is
        /// reported; false then.
        @inline(__always)
        private mutating func checkUnit(_ t: CSVTokenizer, series s: Int, line: Int, problems: inout Problems) -> Bool {
            guard let u = columns.unit else { return true }
            let same = t.withField(u) { f in
                sameBytes(series[s].unitBytes, f)
            }
            if same { return true }
            let text = (t.string(u) ?? "").trimmingCharacters(in: .whitespaces)
            if TextKey.nfc(text) != TextKey.nfc(series[s].unit ?? "") {
                problems.add(
                    DataError(
                        .inconsistentUnit, file: columns.file, line: line, column: u + 1,
                        columnName: columns.header[u],
                        "unit '\(text)', but series '\(series[s].id)' is in '\(series[s].unit ?? "")' "
                            + "(line \(series[s].firstLine))"))
                return false
            }
            return true
        }

        /// The row's value: `.nan` when missing or not a number (reported unless missing values are
        /// accepted); one that reads two ways, or outside the series' bounds, is reported and kept
        /// (neither is checked in a row whose unit is not the series', already reported).
        @inline(__always)
        private mutating func value(
            _ t: CSVTokenizer, series s: Int, line: Int, inSeriesUnit: Bool, problems: inout Problems
        ) -> Double {
            let file = columns.file
            let valueColumn = columns.value
            let valueName = columns.valueName
            var v = TidyReader.cell(t, valueColumn, format: columns.valueReader)
            if v == -.infinity {
                problems.add(
                    notNumeric(
                        t, file: file, line: line, column: valueColumn, name: valueName, format: columns.valueFormat))
                v = .nan
                series[s].unusable = true
            } else if v.isNaN {
                series[s].missingCells += 1
                if options.onMissing == .fail {
                    problems.add(
                        DataError(
                            .missingValue, file: file, line: line, column: valueColumn + 1, columnName: valueName,
                            "missing value of series '\(series[s].id)' at \(t.lossyString(columns.date)) "
                                + "(use --on-missing skip or interpolate to accept gaps)"))
                }
            } else if inSeriesUnit {
                // Only a value from 1 to 999.999 can be "9.250"; most prices skip the look at its text.
                if series[s].checksAmbiguity, abs(v) >= 1, abs(v) < 1000,
                    let r = t.withField(valueColumn, NumberFormat.ambiguousReadings)
                {
                    // Refused as ambiguous; its bounds depend on the reading.
                    problems.add(
                        ambiguous(
                            t, r, file: file, line: line, column: valueColumn, name: valueName, series: series[s].id,
                            unit: series[s].unit))
                } else if v < series[s].lowest || v > series[s].highest {
                    checkBounds(t, v, series: s, line: line, problems: &problems)
                }
            }
            return v
        }

        /// Reports `v` when it breaks a limit of its series: an impossible one always, a plausible
        /// one unless the row's flag cell says `confirmed`.
        private mutating func checkBounds(
            _ t: CSVTokenizer, _ v: Double, series s: Int, line: Int, problems: inout Problems
        ) {
            let confirmed =
                columns.flag.map { j in
                    (t.string(j) ?? "").trimmingCharacters(in: .whitespaces).lowercased() == "confirmed"
                } ?? false
            guard let violation = bounds[s].violation(v, confirmed: confirmed) else {
                // Let through by its flag: the import keeps the flag, so that its bounds do too.
                if confirmed, bounds[s].violation(v, confirmed: false) != nil { rowConfirmed = true }
                return
            }
            let text = t.lossyString(columns.value).trimmingCharacters(in: .whitespaces)
            problems.add(
                DataError(
                    violation.code, file: columns.file, line: line, column: columns.value + 1,
                    columnName: columns.valueName,
                    violation.message(value: text, series: series[s].id, unit: series[s].unit)))
        }

        /// Appends the row's covariates to its series: `.nan` when missing (reported unless missing
        /// values are accepted) or not a number (reported).
        @inline(__always)
        private mutating func readCovariates(_ t: CSVTokenizer, series s: Int, line: Int, problems: inout Problems) {
            for (c, j) in columns.covariates.enumerated() {
                let x = TidyReader.cell(t, j, format: columns.covariateReaders[c])
                let name = columns.covariateNames[c]
                if x == -.infinity {
                    problems.add(
                        notNumeric(
                            t, file: columns.file, line: line, column: j, name: name,
                            format: columns.covariateFormats[c]))
                    series[s].covariates[c].append(.nan)
                    series[s].unusable = true
                } else {
                    if x.isNaN, options.onMissing == .fail {
                        problems.add(
                            DataError(
                                .missingValue, file: columns.file, line: line, column: j + 1, columnName: name,
                                "missing covariate '\(name)' of series '\(series[s].id)' at "
                                    + "\(t.lossyString(columns.date))"))
                    }
                    series[s].covariates[c].append(x)
                }
            }
        }
    }

    /// A numeric cell: its number, `.nan` when it is empty or `NA` (spaces and tabs aside), or
    /// `-.infinity` when it is neither (which a number never reads as, so no second lookup is needed).
    @inline(__always)
    static func cell(_ f: UnsafeBufferPointer<UInt8>) -> Double {
        if let v = NumberParser.parse(bytes: f) { return v }
        return missingOrNot(f)
    }

    /// Field `j` of the record as a numeric cell (`cell`), read in `format` when one is given
    /// (`Columns.valueReader`: nil for the standard format).
    @inline(__always)
    static func cell(_ t: CSVTokenizer, _ j: Int, format: NumberFormat?) -> Double {
        guard let format else { return t.withField(j, cell) }
        return t.withField(j) { f in format.parse(bytes: f) ?? missingOrNot(f) }
    }

    /// `.nan` when the field is empty or `NA` (spaces and tabs aside), else `-.infinity`.
    @inline(__always)
    static func missingOrNot(_ f: UnsafeBufferPointer<UInt8>) -> Double {
        var lo = 0
        var hi = f.count
        while lo < hi, f[lo] == 0x20 || f[lo] == 0x09 { lo += 1 }
        while hi > lo, f[hi - 1] == 0x20 || f[hi - 1] == 0x09 { hi -= 1 }
        return lo == hi || (hi - lo == 2 && f[lo] == 0x4E && f[lo + 1] == 0x41) ? .nan : -.infinity  // "NA"
    }

    @inline(__always)
    static func sameBytes(_ a: [UInt8], _ f: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == f.count else { return false }
        guard let q = f.baseAddress, !a.isEmpty else { return true }
        return a.withUnsafeBufferPointer { memcmp($0.baseAddress!, q, f.count) == 0 }
    }
}

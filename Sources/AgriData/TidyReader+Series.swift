import TimeSeriesCore

extension TidyReader {
    /// One series once its file has been read: its summary and, when nothing is wrong, the series.
    struct Finished {
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
    static func finish(
        _ accumulated: Accumulator, refused: Bool, columns: Columns, options: TidyReadOptions,
        problems: inout Problems
    ) -> Finished {
        var acc = accumulated
        var summary = SeriesSummary(
            id: acc.id, unit: acc.unit, frequency: nil, period: nil,
            rows: acc.keys.count, missing: acc.missingCells, start: nil, end: nil)
        if !acc.values.contains(where: { !$0.isNaN }) {
            problems.add(
                DataError(
                    .emptySeries, file: columns.file, line: acc.firstLine, column: columns.value + 1,
                    columnName: columns.valueName, "series '\(acc.id)' has no value"))
            return Finished(summary: summary)
        }
        if !acc.ordered { sortDroppingDuplicates(&acc, columns: columns, problems: &problems) }
        let grid = DateGrid(settling: &acc, columns: columns, options: options, problems: &problems)
        let first = grid.ordinals[0]
        let last = grid.ordinals[grid.ordinals.count - 1]
        let span = (last - first) / grid.step + 1
        summary.frequency = grid.frequency.rawValue
        summary.period = grid.period ?? grid.frequency.defaultPeriod
        summary.start = grid.start.description
        summary.end = grid.start.advanced(by: span - 1, frequency: grid.frequency).description
        guard span <= 10_000_000 else {
            problems.add(
                DataError(
                    .badDate, file: columns.file, line: acc.firstLine, column: columns.date + 1,
                    columnName: columns.dateName,
                    "series '\(acc.id)' spans \(span) periods for \(grid.ordinals.count) observations"))
            return Finished(summary: summary)
        }
        let absent = span - grid.ordinals.count
        summary.missing += absent
        if refused { acc.unusable = true }
        if absent > 0, options.onMissing == .fail, !acc.unusable {
            reportGaps(acc, grid: grid, columns: columns, problems: &problems)
        }
        if acc.unusable || problems.count > 0 { return Finished(summary: summary) }
        let (values, offset, filled) = laidOut(acc, grid: grid, span: span, policy: options.onMissing)
        if values[0].isEmpty {
            problems.add(
                DataError(
                    .emptySeries, file: columns.file, line: acc.firstLine, column: columns.value + 1,
                    columnName: columns.valueName, "series '\(acc.id)' has no complete period"))
            return Finished(summary: summary)
        }
        let firstPeriod = grid.start.advanced(by: offset, frequency: grid.frequency)
        var built = TimeSeries(
            id: acc.id, values: values[0], frequency: grid.frequency, period: grid.period,
            start: firstPeriod, unit: acc.unit)
        built.dateReading = grid.reading
        var byName: [String: [Double]] = [:]
        for (c, name) in columns.covariateNames.enumerated() { byName[name] = values[c + 1] }
        return Finished(
            summary: summary, series: built, covariates: columns.covariateNames.isEmpty ? nil : byName,
            cropSeason: grid.crop,
            reported: ReportedPeriods(
                start: firstPeriod, frequency: grid.frequency, count: values[0].count,
                filled: filled))
    }

    /// Sorts the rows of a series read out of order (already reported) by date, then line, and
    /// reports and drops every duplicate date.
    private static func sortDroppingDuplicates(_ acc: inout Accumulator, columns: Columns, problems: inout Problems) {
        let order = acc.keys.indices.sorted { (acc.keys[$0], acc.lines[$0]) < (acc.keys[$1], acc.lines[$1]) }
        acc.keys = order.map { acc.keys[$0] }
        acc.lines = order.map { acc.lines[$0] }
        acc.values = order.map { acc.values[$0] }
        acc.covariates = acc.covariates.map { col in order.map { col[$0] } }
        if acc.kind == .season { acc.raws = order.map { acc.raws[$0] } }
        var k = 1
        while k < acc.keys.count {
            if acc.keys[k] == acc.keys[k - 1] {
                problems.add(
                    DataError(
                        .duplicateKey, file: columns.file, line: Int(acc.lines[k]), column: columns.date + 1,
                        columnName: columns.dateName,
                        "series '\(acc.id)' already has this date on line \(acc.lines[k - 1])"))
                acc.keys.remove(at: k)
                acc.lines.remove(at: k)
                acc.values.remove(at: k)
                for c in acc.covariates.indices { acc.covariates[c].remove(at: k) }
                if acc.kind == .season { acc.raws.remove(at: k) }
                continue
            }
            k += 1
        }
    }

    /// Reports each run of periods with no row, at the row that follows it.
    private static func reportGaps(_ acc: Accumulator, grid: DateGrid, columns: Columns, problems: inout Problems) {
        let ordinals = grid.ordinals
        let step = grid.step
        let first = ordinals[0]
        for k in 1..<ordinals.count {
            let gap = (ordinals[k] - ordinals[k - 1]) / step - 1
            if gap > 0 {
                let from = grid.start.advanced(by: (ordinals[k - 1] - first) / step + 1, frequency: grid.frequency)
                problems.add(
                    DataError(
                        .missingValue, file: columns.file, line: Int(acc.lines[k]), column: columns.date + 1,
                        columnName: columns.dateName,
                        "series '\(acc.id)' has no row for \(gap == 1 ? "\(from)" : "the \(gap) periods from \(from)") "
                            + "(previous row: line \(acc.lines[k - 1])); use --on-missing skip or interpolate to accept gaps"
                    ))
            }
        }
    }

    /// The values, then each covariate, on the regular grid of `span` periods, after the
    /// missing-value policy: `offset` is the grid position of the first period kept, `filled`
    /// the positions (from there) that interpolation filled in.
    private static func laidOut(
        _ acc: Accumulator, grid: DateGrid, span: Int,
        policy: MissingPolicy
    ) -> (columns: [[Double]], offset: Int, filled: [Int]) {
        var columns = [[Double]](repeating: [Double](repeating: .nan, count: span), count: 1 + acc.covariates.count)
        let first = grid.ordinals[0]
        for k in grid.ordinals.indices {
            let slot = (grid.ordinals[k] - first) / grid.step
            columns[0][slot] = acc.values[k]
            for c in acc.covariates.indices { columns[c + 1][slot] = acc.covariates[c][k] }
        }
        switch policy {
        case .fail:
            return (columns, 0, [])
        case .skip:
            let run = MissingValues.longestCompleteRun(columns)
            return (columns.map { Array($0[run]) }, run.lowerBound, [])
        case .interpolate:
            let run = MissingValues.completeEnds(columns)
            let filled = run.filter { columns[0][$0].isNaN }.map { $0 - run.lowerBound }
            return (columns.map { MissingValues.interpolateLinearly(Array($0[run])) }, run.lowerBound, filled)
        }
    }
}

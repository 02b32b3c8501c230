import Foundation
import TimeSeriesCore

/// Reads tidy long CSV files (CONTRACT.md, "Input"), streaming: one pass, one record in memory,
/// and per series only its dates, values and the line each came from.
///
/// Checks every row and reports every problem with its file, line and column: missing or unknown
/// columns, ragged rows, text that is not UTF-8, dates in none of the contract's forms, values that
/// are not numbers, duplicate (series, date) pairs, dates out of order or of mixed frequency within
/// a series, units that change within a series, impossible values (`ValueBounds`), series with no
/// value, and missing values (unless `onMissing` says how to treat them).
///
/// The steps have a file each: the header (`TidyReader+Header.swift`), the rows
/// (`TidyReader+Rows.swift`), each series' calendar (`TidyReader+Calendar.swift`), its gaps and
/// missing values (`TidyReader+Series.swift`), and the messages they share
/// (`TidyReader+Messages.swift`).
public enum TidyReader {
    /// Reads and checks `path`; throws the first problem (its message counts the others).
    public static func read(path: String, options: TidyReadOptions = TidyReadOptions()) throws -> TidyDataset {
        try dataset(from: validate(path: path, options: options))
    }

    public static func read(data: Data, file: String, options: TidyReadOptions = TidyReadOptions()) throws
        -> TidyDataset
    {
        try dataset(from: validate(data: data, file: file, options: options))
    }

    /// Checks `path` and reports every problem. Throws only when the file cannot be opened or a
    /// quote is never closed (nothing after it can be read).
    public static func validate(path: String, options: TidyReadOptions = TidyReadOptions()) throws -> ValidationReport {
        try checkOptions(options, file: path)
        return try run(CSVTokenizer(path: path, separator: options.separator, lenient: true), options: options)
    }

    public static func validate(data: Data, file: String, options: TidyReadOptions = TidyReadOptions()) throws
        -> ValidationReport
    {
        try checkOptions(options, file: file)
        return try run(
            CSVTokenizer(data: data, file: file, separator: options.separator, lenient: true), options: options)
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
            first.message +=
                " (and \(report.problemCount - 1) more problem\(report.problemCount == 2 ? "" : "s"): "
                + "`muavu validate --data \(report.file)` lists them)"
        }
        throw first
    }

    // MARK: The pass over the file

    /// The problems found so far: all are counted, the first `limit` kept.
    struct Problems {
        var kept: [DataError] = []
        var count = 0
        let limit: Int
        mutating func add(_ e: DataError) {
            count += 1
            if kept.count < limit { kept.append(e) }
        }
    }

    /// The header, then every row (`RowPass`), then every series in order of first appearance
    /// (`finish`).
    private static func run(_ tokenizer: CSVTokenizer, options: TidyReadOptions) throws -> ValidationReport {
        var t = tokenizer
        let file = t.file
        var problems = Problems(limit: max(1, options.maxProblems))
        func report(rows: Int, series: [SeriesSummary] = []) -> ValidationReport {
            var kept = problems.kept
            kept.append(contentsOf: t.problems)
            let total = problems.count + t.problems.count
            kept.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
            return ValidationReport(
                file: file, rows: rows, problems: kept, problemCount: total,
                series: series, dataset: nil)
        }

        guard try t.next() else {
            problems.add(
                DataError(
                    .empty, file: file,
                    "the file is empty: expected a header line "
                        + "\(options.idColumn),\(options.dateColumn),\(options.valueColumn)"))
            return report(rows: 0)
        }
        guard let columns = Columns(header: t, options: options, problems: &problems) else {
            // Without its columns no row can be checked; count the rows only.
            var rows = 0
            while try t.next() { rows += 1 }
            return report(rows: rows)
        }
        var pass = RowPass(columns: columns, options: options)
        while try t.next() { pass.read(t, problems: &problems) }
        if pass.rows == 0 {
            problems.add(
                DataError(.empty, file: file, line: columns.headerLine, "the file has a header but no data rows"))
        }

        var summaries: [SeriesSummary] = []
        var built: [TimeSeries] = []
        var covariates: [String: [String: [Double]]] = [:]
        var cropSeason: [String: Int] = [:]
        var reported: [String: ReportedPeriods] = [:]
        var labels: [String: String] = [:]
        var confirmed: [String: Set<PeriodDate>] = [:]
        for acc in pass.series {
            let done = finish(
                acc, refused: pass.refused.contains(TextKey.nfc(acc.id)), columns: columns, options: options,
                problems: &problems)
            summaries.append(done.summary)
            if let s = done.series { built.append(s) }
            if let c = done.covariates { covariates[acc.id] = c }
            if let k = done.cropSeason { cropSeason[acc.id] = k }
            if let r = done.reported { reported[acc.id] = r }
            if let l = acc.label { labels[acc.id] = l }
            if !acc.confirmed.isEmpty {
                let k = done.cropSeason ?? 1
                confirmed[acc.id] = Set(acc.confirmed.map { $0.date(seasonsPerYear: k) })
            }
        }
        var result = report(rows: pass.rows, series: summaries)
        if result.problemCount == 0 {
            result.dataset = TidyDataset(
                file: file, series: built, covariates: covariates, cropSeason: cropSeason,
                rows: pass.rows, reported: reported, labels: labels)
            result.dataset?.confirmed = confirmed
        }
        return result
    }
}

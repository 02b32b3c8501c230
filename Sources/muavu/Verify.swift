import AgriData
import ArgumentParser
import Documents
import Forecasting
import Foundation
import Store
import TimeSeriesCore

/// `muavu verify`: scores the forecasts of record against the data the store now holds, and
/// prints the track record by series, horizon and origin.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the forecasts of record against the data that has arrived, and print the track record.",
        discussion: """
            Every forecast of record (muavu publish --record, muavu serve, muavu replay) whose target \
            period the store now observes is checked against that observation, converted to the \
            forecast's unit, and the check is written to the store once: with --vintage first (the \
            default) against the first value released for the period, which never changes; with \
            --vintage latest against the newest, a revision adding a new check and never changing an \
            old one (docs/design/track-record.md). Then, for each series, horizon and origin (issued and \
            replayed records are never pooled): the records, those scored and the issues they span, the \
            mean absolute percentage error, the mean error (actual − forecast), and for each interval \
            level how often it held the actual (with a 95% Wilson interval), its mean Winkler score and \
            the mean pinball loss of its bounds. --records prints each scored record as CSV instead.
            """)

    @Option(name: .long, help: "Only this series.")
    var series: String?

    @Option(name: .long, help: "Only forecasts issued on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(name: .long, help: "Which release scores a forecast: first (default) or latest.")
    var vintage: RecordCheck.Release = .first

    @Option(name: .long, help: "Only issued or only replayed records (default: both, apart).")
    var origin: ForecastRecord.Origin?

    @Flag(name: .long, help: "Print every scored record as CSV, not the summary.")
    var records = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let since, Self.day(since) == nil {
            throw ValidationError("--since must be a day YYYY-MM-DD, not '\(MessageText.escaped(since))'")
        }
    }

    static func day(_ text: String) -> PeriodDate? {
        guard let d = PeriodDate(parsing: text), case .day = d else { return nil }
        return d
    }

    func run() throws {
        try runReportingStoreFailures {
            let opened = try store.open(create: false)
            let write = try opened.checkRecords(release: vintage, now: Date())
            printError("checked \(write.added) forecasts of record against the \(vintage.rawValue) release")
            for note in write.unconvertible { printError("warning: not checked, units differ: \(note)") }
            let checked = try opened.checkedRecords(
                series: series, since: since.flatMap(Self.day), origin: origin, release: vintage)
            if checked.isEmpty {
                printError("no forecasts of record\(series.map { " of \($0)" } ?? "") in \(opened.path)")
            }
            print(records ? Self.csv(checked) : Self.table(TrackRecord.summaries(checked)), terminator: "")
        }
    }

    /// The summary, one line per series, horizon and origin, tab-separated under a header.
    static func table(_ summaries: [TrackRecord.Summary]) -> String {
        let levels = Set(summaries.flatMap { $0.levels.map(\.level) }).sorted()
        var header = ["series", "horizon", "origin", "records", "scored", "issues", "first_issue", "last_issue",
            "mape_pct", "mean_error"]
        for l in levels {
            header += ["held_\(l)", "held_\(l)_low95", "held_\(l)_high95", "winkler_\(l)", "pinball_\(l)"]
        }
        var lines = [header.joined(separator: "\t")]
        for s in summaries {
            var row = [
                s.series, String(s.horizon), s.origin.rawValue, String(s.records), String(s.checked),
                String(s.issues), s.firstIssue?.description ?? "", s.lastIssue?.description ?? "",
                number(s.mape), number(s.meanError),
            ]
            for l in levels {
                if let x = s.levels.first(where: { $0.level == l }) {
                    row += [
                        "\(x.held.hits)/\(x.held.cases)", number(x.held.lower), number(x.held.upper),
                        number(x.winkler), number(x.pinball),
                    ]
                } else {
                    row += ["", "", "", "", ""]
                }
            }
            lines.append(row.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every scored record as CSV: what was forecast, the actual, and the scores.
    static func csv(_ checked: [CheckedRecord]) -> String {
        let scores = checked.compactMap { c in c.check.map { (TrackRecord.Score(c.record, actual: $0.actual), $0) } }
        let levels = Set(scores.flatMap { $0.0.record.intervals.map(\.level) }).sorted()
        var header = ["series", "issue_day", "data_vintage", "target", "horizon", "origin", "model", "point", "unit",
            "actual", "actual_vintage", "release", "error", "pct_error"]
        for l in levels { header += ["lower_\(l)", "upper_\(l)", "held_\(l)", "winkler_\(l)"] }
        var lines = [header.joined(separator: ",")]
        for (s, check) in scores {
            let r = s.record
            var row = [
                r.series, r.issueDay.description, r.dataVintage, r.target.description, String(r.horizon),
                r.origin.rawValue, r.model, number(r.point), r.unit, number(s.actual),
                IssueTime.iso8601(check.vintage), check.release.rawValue, number(s.error),
                number(s.percentageError),
            ]
            for l in levels {
                if let i = r.interval(level: l), let x = s.intervals.first(where: { $0.level == l }) {
                    row += [number(i.lower), number(i.upper), x.held ? "1" : "0", number(x.winkler)]
                } else {
                    row += ["", "", "", ""]
                }
            }
            lines.append(row.map(CSVField.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The shortest text that reads back as the same double; empty for nil or NaN.
    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return "\(x)"
    }
}

import ArgumentParser
import Documents
import Foundation
import Publishing
import Store
import TimeSeriesCore

/// `muavu replay`: the forecasts of record a configuration would have issued over history,
/// written to the store marked `replayed`, so that a new deployment starts with a track record.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build forecasts of record over history: what the configuration would have issued each month.",
        discussion: """
            For each issue day from --from to --to (the same day of every month, or of every year with \
            --every year), the configuration's series are read from the store as they were known that \
            day, and forecast as muavu publish forecasts them; the forecasts are written to the store as \
            forecasts of record marked "replayed", never mixed with those issued. A period the store has \
            no vintage of that old counts as known from its end plus its dataset's releaseLagMonths (the \
            publisher's documented delay), with the value the store holds now \
            (docs/design/track-record.md). A series is recorded again only when its data changed since \
            its previous replayed record, so a yearly crop gets one record a year. Records already in \
            the store are left as they were, so a replay can be run again or continued. Progress goes to \
            stderr; muavu verify scores the records.
            """)

    enum Step: String, ExpressibleByArgument, CaseIterable { case month, year }

    @Option(name: .long, help: "The model configuration (JSON).")
    var config: String

    @Option(name: .long, help: "The first issue day, YYYY-MM-DD.")
    var from: String

    @Option(name: .long, help: "The last issue day, YYYY-MM-DD (not after today).")
    var to: String

    @Option(name: .long, help: "One issue a month (default) or a year.")
    var every: Step = .month

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard let a = Verify.day(from), let b = Verify.day(to) else {
            throw ValidationError("--from and --to must be days YYYY-MM-DD, not '\(from)' and '\(to)'")
        }
        guard a <= b else { throw ValidationError("--from \(from) is after --to \(to)") }
        guard b <= Publisher.day(of: IssueTime.now()) else {
            throw ValidationError("--to \(to) is in the future: a replay rebuilds issues that could have been made")
        }
        guard Self.days(from: a, to: b, every: every).count <= 1_200 else {
            throw ValidationError("--from \(from) to --to \(to) is more than 1,200 issues")
        }
    }

    /// The issue days: `first`'s day of each month (or year) through `last`, clamped to the month.
    static func days(from first: PeriodDate, to last: PeriodDate, every: Step) -> [PeriodDate] {
        guard case .day(let y, let m, let d) = first else { return [] }
        var result: [PeriodDate] = []
        var k = 0
        while result.count <= 1_200 {
            guard case .month(let yy, let mm) = PeriodDate.month(year: y, month: m).advanced(by: every == .month ? k : 12 * k)
            else { break }
            let day = PeriodDate.day(year: yy, month: mm, day: min(d, PeriodDate.daysInMonth(year: yy, month: mm)))
            if day > last { break }
            result.append(day)
            k += 1
        }
        return result
    }

    func run() throws {
        try runReportingStoreFailures {
            let configuration = try PublishConfiguration.load(path: config)
            guard let first = Verify.day(from), let last = Verify.day(to) else { return }
            let opened = try store.open(create: false)
            let lags = configuration.releaseLags
            // The data vintage of each series' newest replayed record: unchanged data is not recorded again.
            var lastVintage: [String: String] = [:]
            for r in try opened.records(origin: .replayed) { lastVintage[r.series] = max(lastVintage[r.series] ?? "", r.dataVintage) }
            let days = Self.days(from: first, to: last, every: every)
            var (added, existing) = (0, 0)
            let started = Date()
            for (i, day) in days.enumerated() {
                guard let instant = StoreOptions.asOfInstant(day.description) else { continue }
                let reading = StoreSeries(store: opened, asOf: instant, releaseLags: lags)
                let issue = try Publisher.replay(configuration, issueDay: day, store: reading)
                // Only the series whose data changed since their last replayed record.
                let changed = issue.records.filter { lastVintage[$0.series] != $0.dataVintage }
                for r in changed { lastVintage[r.series] = r.dataVintage }
                let write = try opened.record(changed, now: Date())
                added += write.added
                existing += write.existing
                let series = Set(changed.map(\.series)).count
                printError(
                    "[\(i + 1)/\(days.count)] \(day): \(series) series with new data, \(write.added) records"
                        + (issue.skipped.isEmpty ? "" : "; not forecast: "
                            + issue.skipped.map { "\($0.entry) (\($0.reason))" }.joined(separator: "; "))
                        + String(format: " [%.0f s]", Date().timeIntervalSince(started)))
            }
            printError(
                "replayed \(days.count) issues into \(opened.path): \(added) forecasts of record added"
                    + (existing > 0 ? ", \(existing) already there" : ""))
        }
    }
}

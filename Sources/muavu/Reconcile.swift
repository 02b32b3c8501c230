import AgriData
import ArgumentParser
import Documents
import Forecasting
import Foundation
import Publishing
import TimeSeriesCore

/// `muavu reconcile --data FILE --hierarchy FILE --horizon H [--method NAME] [--model NAME]
/// [--level 80 --level 95] [--tolerance PERCENT] [--backtest N] [--output FILE]`: coherent forecasts of a
/// hierarchy of series, the coherence of their history, and (`--backtest`) whether reconciling
/// lowered the error at the last N origins.
struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forecast every series of a hierarchy and reconcile the forecasts so that they add up.",
        discussion: """
            The hierarchy file (JSON) names the bottom series and the aggregates, each the sum of its members \
            (bottom series or other aggregates): {"bottom": ["a", "b"], "aggregates": [{"name": "t", \
            "members": ["a", "b"]}]}. Every name is a series of --data (or, without --data, of the store). \
            The base model is fitted on every series over their common span; the methods that need \
            residuals (wls-variance, mint-shrink) take the base models' in-sample one-step errors. The \
            document also reports the history's own incoherence: each aggregate minus the sum of its \
            members at every period, the periods beyond --tolerance listed. With --backtest N, the base \
            models are also refitted at N origins one period apart (the last forecast of the last origin is \
            the last period of the common span), their forecasts of 1...H reconciled by every method, and \
            the MAPE and RMSE of each aggregate and of the bottom series, base and reconciled, reported.
            """)

    @OptionGroup var input: SeriesInputOptions

    @Option(name: .long, help: ArgumentHelp("The hierarchy (JSON, docs/contract.md).", valueName: "file"))
    var hierarchy: String

    @Option(name: .long, help: "Periods ahead.")
    var horizon: Int

    @Option(name: .long, help: "Reconciliation method (default: mint-shrink).")
    var method: ReconcileMethod = .mintShrink

    @Option(name: .long, help: "Base model name (default: auto).")
    var model = "auto"

    @OptionGroup var intervalLevels: IntervalLevelOption

    @Option(
        name: .long,
        help: "Base intervals: calibrated (the default, as forecast) or model (the models' own).")
    var intervals: IntervalMethod = .calibrated

    @Option(
        name: .long,
        help: "Report a period of the history as incoherent beyond this percent of the aggregate (default 0.5).")
    var tolerance: Double = 0.5

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also score every method at N rolling origins, one period apart, ending at the common span's end.",
            valueName: "N"))
    var backtest: Int?

    /// The fewest periods a backtest origin fits on: mint-shrink needs 2 in-sample residuals, and
    /// most models' first fitted value is undefined.
    static let backtestMinimumTraining = 3

    @OptionGroup var workers: JobsOption

    @OptionGroup var destination: DocumentOutputOption

    var levels: [Int] { intervalLevels.levels.sorted() }

    func validate() throws {
        try checkOption(horizon, Limits.horizon, "--horizon")
        try validateModels([model])
        try validateLevels(levels)
        guard tolerance.isFinite, (0...100).contains(tolerance) else {
            throw ValidationError("--tolerance must be a percentage from 0 to 100, not \(tolerance)")
        }
        guard input.series.isEmpty else {
            throw ValidationError("reconcile takes its series from --hierarchy; leave out --series")
        }
        if let backtest { try checkOption(backtest, Limits.windows, "--backtest") }
        try input.validate()
        try workers.check()
    }

    func run() throws {
        try runReportingStoreFailures {
            try AtomicFile.checkTarget(
                destination.output, option: "--output", inputs: [input.data, input.dataOptions.bounds, hierarchy])
            let file = try HierarchyFile.read(path: hierarchy)
            var named = input
            named.series = file.names
            let loaded = try named.load()
            let history = try Self.commonSpan(loaded, source: input.data.isEmpty ? named.store.path : input.data)
            if let first = history.first, let error = ForecastDocument.undatable(series: first, horizon: horizon) {
                throw error
            }
            let forecaster = intervals.applied(to: try ForecasterRegistry.forecaster(named: model))
            let runner = try workers.runner()
            let progress = ProgressReporter(label: "series")
            let (horizon, levels) = (self.horizon, self.levels)
            let outcomes = runner.map(
                count: history.count, completed: { progress.update(done: $0, total: history.count) }
            ) { i in
                forecastOutcome {
                    try forecaster.forecast(
                        history[i].values, period: history[i].period, horizon: horizon, levels: levels)
                }
            }
            progress.finish()
            let base = try zip(history, outcomes).map { s, outcome in
                switch outcome {
                case .success(let f): return f
                case .failure(var e):
                    e.message = "the base forecast of '\(s.id)' failed: " + e.message
                    throw e
                }
            }
            let tree = try Hierarchy(
                bottom: file.bottom,
                aggregates: zip(file.aggregates, file.bottomMembers).map { .init(name: $0.name, members: $1) })
            let result = try HierarchyForecast(
                hierarchy: tree, values: history.map(\.values), base: base, method: method.reconciliation,
                levels: levels)
            let evaluation = try backtest.map { n in
                try Self.backtest(
                    n, tree: tree, history: history, forecaster: forecaster, horizon: horizon, levels: levels,
                    runner: runner)
            }
            let document = ReconciliationDocument(
                dataset: input.data.isEmpty ? "store:" + file.names.joined(separator: ",") : named.datasetName,
                file: file, method: method.rawValue, model: model, horizon: horizon, levels: levels,
                history: history, result: result,
                coherence: HistoryCoherence(hierarchy: file, series: loaded, tolerance: tolerance / 100),
                issued: IssueTime.now(), backtest: evaluation)
            try AtomicFile.writeDocument(document, to: destination.output)
        }
    }

    /// The base forecasts at `n` origins one period apart (the last one's step `horizon` is the
    /// last period of `history`), reconciled by every method and scored.
    static func backtest(
        _ n: Int, tree: Hierarchy, history: [TimeSeries], forecaster: any Forecaster, horizon: Int, levels: [Int],
        runner: BatchRunner
    ) throws -> ReconciliationDocument.Backtest {
        let count = history.first?.count ?? 0
        let origins: [Int]
        do {
            origins = try RollingOrigin(horizon: horizon, windows: n, step: 1)
                .origins(count: count, minimumTrain: backtestMinimumTraining)
        } catch let e as ForecastingError where e.code == .tooShort {
            let most = count - horizon - backtestMinimumTraining + 1
            let span = [history.first?.date(at: 0), history.first?.date(at: count - 1)].map { $0?.description ?? "?" }
            throw ForecastingError(
                .tooShort,
                "--backtest \(n) with --horizon \(horizon) needs \(n + horizon + backtestMinimumTraining - 1) periods "
                    + "(each origin fits on at least \(backtestMinimumTraining)); the hierarchy's common span "
                    + "\(span[0])–\(span[1]) has \(count), so "
                    + (most >= 1 ? "at most --backtest \(most)" : "no backtest is possible at this horizon"))
        }
        let series = history.count
        let progress = ProgressReporter(label: "backtest forecasts")
        let total = origins.count * series
        let outcomes = runner.map(count: total, completed: { progress.update(done: $0, total: total) }) { job in
            let (w, i) = job.quotientAndRemainder(dividingBy: series)
            return forecastOutcome {
                try forecaster.forecast(
                    Array(history[i].values.prefix(origins[w])), period: history[i].period, horizon: horizon,
                    levels: levels)
            }
        }
        progress.finish()
        let base = try origins.indices.map { w in
            try (0..<series).map { i in
                switch outcomes[w * series + i] {
                case .success(let f): return f
                case .failure(var e):
                    let through = history[i].date(at: origins[w] - 1)?.description ?? "\(origins[w])"
                    e.message = "the base forecast of '\(history[i].id)' fitted through \(through) failed: " + e.message
                    throw e
                }
            }
        }
        let methods = ReconcileMethod.allCases
        let result = try HierarchyBacktest(
            hierarchy: tree, values: history.map(\.values), origins: origins, horizon: horizon, base: base,
            methods: methods.map(\.reconciliation))
        return ReconciliationDocument.Backtest(result, methods: methods.map(\.rawValue), history: history)
    }

    /// The series over the periods they all cover (same frequency; no missing value inside).
    static func commonSpan(_ series: [TimeSeries], source: String) throws -> [TimeSeries] {
        guard let first = series.first else { return [] }
        for s in series where s.frequency != first.frequency || s.period != first.period {
            throw DataError(
                .badConfiguration, file: source,
                "the series of a hierarchy must share a frequency and period: '\(first.id)' is "
                    + "\(first.frequency.rawValue) (period \(first.period)), '\(s.id)' "
                    + "\(s.frequency.rawValue) (period \(s.period))")
        }
        let step = first.frequency == .weekly ? 7 : 1
        func start(_ s: TimeSeries) -> Int { (s.start ?? .index(1)).ordinal }
        let from = series.map(start).max() ?? 0
        let to = series.map { start($0) + ($0.count - 1) * step }.min() ?? 0
        guard from <= to else {
            throw DataError(.badConfiguration, file: source, "the series of the hierarchy share no period")
        }
        return try series.map { s in
            let offset = (from - start(s)) / step
            var cut = s
            cut.values = Array(s.values[offset...(offset + (to - from) / step)])
            cut.start = s.date(at: offset)
            if let k = cut.values.firstIndex(where: { !$0.isFinite }) {
                throw DataError(
                    .missingValue, file: source,
                    "series '\(s.id)' has no value at \(cut.date(at: k)?.description ?? "\(k + 1)"), inside the "
                        + "hierarchy's common span (fill it, or choose --on-missing)")
            }
            return cut
        }
    }
}

/// The reconciliation methods as the command line names them.
enum ReconcileMethod: String, CaseIterable, ExpressibleByArgument {
    case bottomUp = "bottom-up"
    case ols
    case wlsStructural = "wls-structural"
    case wlsVariance = "wls-variance"
    case mintShrink = "mint-shrink"

    /// The method of that name (`ReconciliationMethod.named`, whose names these cases are).
    var reconciliation: ReconciliationMethod { ReconciliationMethod(named: rawValue) ?? .minTraceShrink() }
}

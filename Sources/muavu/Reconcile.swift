import AgriData
import ArgumentParser
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// `muavu reconcile --data FILE --hierarchy FILE --horizon H [--method NAME] [--model NAME]
/// [--level 80 --level 95] [--tolerance PERCENT] [--output FILE]`: coherent forecasts of a
/// hierarchy of series, and the coherence of their history.
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
            members at every period, the periods beyond --tolerance listed.
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
            let document = ReconciliationDocument(
                dataset: input.data.isEmpty ? "store:" + file.names.joined(separator: ",") : named.datasetName,
                file: file, method: method.rawValue, model: model, horizon: horizon, levels: levels,
                history: history, result: result,
                coherence: HistoryCoherence(hierarchy: file, series: loaded, tolerance: tolerance / 100),
                issued: IssueTime.now())
            try AtomicFile.writeDocument(document, to: destination.output)
        }
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

    var reconciliation: ReconciliationMethod {
        switch self {
        case .bottomUp: .bottomUp
        case .ols: .ols
        case .wlsStructural: .wlsStructural
        case .wlsVariance: .wlsVariance
        case .mintShrink: .minTraceShrink()
        }
    }
}

import AgriData
import ArgumentParser
import Documents
import Forecasting
import Foundation
import Publishing
import TimeSeriesCore

/// `muavu backtest --data FILE --horizon H --windows N [--step S] --models a,b,c`:
/// rolling-origin evaluation, per series and in summary.
struct Backtest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rolling-origin evaluation of models: refit at each origin, score the next H values.",
        discussion: """
            The data is tidy long CSV (series_id,date,value) or the benchmark format
            (series_id,subset,period,split,t,value; train and test are joined). Origins are laid back from
            the end of each series: the last window ends at the last observation, each earlier one STEP
            periods before (default STEP = H).
            With --covariates (as in forecast), regression, arima, arima-exhaustive and arima-fixed regress on the \
            covariates given \
            the covariates' actual values over each test window; every model is scored on the same months.
            """)

    @OptionGroup var input: SeriesInputOptions

    @Option(name: .long, help: "Forecast horizon of each window.")
    var horizon: Int

    @Option(name: .long, help: "Number of windows.")
    var windows: Int

    @Option(name: .long, help: "Periods between window origins (default: the horizon).")
    var step: Int?

    @Option(name: .long, help: "Comma-separated model names.")
    var models: String

    @OptionGroup var intervalLevels: IntervalLevelOption

    @Option(
        name: .long,
        help:
            "Intervals: calibrated (the default: widened by a holdout of each series' last observations before the origin) or model (the models' own)."
    )
    var intervals: IntervalMethod = .calibrated

    @OptionGroup var workers: JobsOption

    @OptionGroup var destination: DocumentOutputOption

    @OptionGroup var regression: CovariateOptions<Help>

    /// The help of `--order` and `--covariates` in `muavu backtest --help`.
    enum Help: CovariateOptionHelp {
        static let order = "Orders of arima-fixed: p,d,q or p,d,q,P,D,Q (default 0,1,1)."
        static let covariates =
            "Covariate series ids for regression, arima and arima-fixed; ID@lagK uses the series K periods earlier."
    }

    var modelNames: [String] { commaSeparated(models) }

    var levels: [Int] { intervalLevels.levels }

    func validate() throws {
        // Each factor of (windows − 1) × step + horizon bounded first: no product can overflow.
        try checkOption(horizon, Limits.horizon, "--horizon")
        try checkOption(windows, Limits.windows, "--windows")
        if let step { try checkOption(step, Limits.step, "--step") }
        try validateModels(modelNames)
        try validateLevels(levels)
        try input.validate()
        try workers.check()
        try validateCovariateOptions()
    }

    func run() throws {
        try runReportingStoreFailures {
            try AtomicFile.checkTarget(
                destination.output, option: "--output",
                inputs: [input.data, input.dataOptions.bounds, regression.covariateData])
            let plan = try RollingOrigin(horizon: horizon, windows: windows, step: step)
            let setup = try covariateSetup()
            let series = try setup?.targets ?? input.load()
            let forecasters = try modelNames.map { try ForecasterRegistry.forecaster(named: $0) }
            let names = modelNames
            let order = regression.order
            let runner = try workers.runner()
            let progress = ProgressReporter(label: "series")
            let levels = self.levels
            let inputs = runner.map(count: series.count, completed: { progress.update(done: $0, total: series.count) })
            { i in
                let s = series[i]
                let outcomes = Self.forecasters(forecasters, names: names, setup: setup, series: i, order: order).map {
                    intervals.applied(to: $0)
                }.map { f in
                    forecastOutcome { try plan.evaluate(s.values, period: s.period, forecaster: f, levels: levels) }
                }
                return BacktestDocument.Input(
                    id: s.id, period: s.period, observations: s.count,
                    date: { s.date(at: $0)?.description }, outcomes: outcomes)
            }
            progress.finish()
            let document = BacktestDocument(
                dataset: input.datasetName, plan: plan, levels: levels, models: modelNames,
                inputs: inputs, issued: IssueTime.now())
            try AtomicFile.writeDocument(document, to: destination.output)
        }
    }
}

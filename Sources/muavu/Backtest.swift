import AgriData
import ArgumentParser
import Documents
import Forecasting
import Foundation
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

    @Option(name: .long, help: "Interval level in percent (repeatable; default 80 and 95).")
    var level: [Int] = []

    @Option(
        name: .long,
        help:
            "Intervals: calibrated (the default: widened by a holdout of each series' last observations before the origin) or model (the models' own)."
    )
    var intervals: IntervalMethod = .calibrated

    @Option(name: .long, help: "Worker threads (default: every core).")
    var jobs: Int?

    @Option(name: .long, help: "Write the JSON document here ('-' or absent: stdout).")
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Orders of arima-fixed: p,d,q or p,d,q,P,D,Q (default 0,1,1).", valueName: "p,d,q[,P,D,Q]"))
    var order: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Covariate series ids for regression, arima and arima-fixed; ID@lagK uses the series K periods earlier.",
            valueName: "ID[@lagK],..."))
    var covariates: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Tidy CSV holding the covariate series (default: the --data file).", valueName: "file"))
    var covariateData: String?

    var modelNames: [String] { commaSeparated(models) }

    var levels: [Int] { level.isEmpty ? [80, 95] : level }

    func validate() throws {
        // Each factor of (windows − 1) × step + horizon bounded first: no product can overflow.
        try checkOption(horizon, Limits.horizon, "--horizon")
        try checkOption(windows, Limits.windows, "--windows")
        if let step { try checkOption(step, Limits.step, "--step") }
        try validateModels(modelNames)
        try validateLevels(levels)
        try input.validate()
        if let jobs { try checkOption(jobs, Limits.jobs, "--jobs") }
        try validateCovariateOptions()
    }

    func run() throws {
        try runReportingFailures {
            try AtomicFile.checkTarget(
                output, option: "--output", inputs: [input.data, input.dataOptions.bounds, covariateData])
            let plan = try RollingOrigin(horizon: horizon, windows: windows, step: step)
            let setup = try covariateSetup()
            let series = try setup?.targets ?? input.load()
            let forecasters = try modelNames.map { try ForecasterRegistry.forecaster(named: $0) }
            let names = modelNames
            let order = self.order
            let runner = try makeRunner(jobs: jobs)
            let progress = ProgressReporter(label: "series")
            let levels = self.levels
            let inputs = runner.map(count: series.count, completed: { progress.update(done: $0, total: series.count) })
            { i in
                let s = series[i]
                let outcomes = Self.forecasters(forecasters, names: names, setup: setup, series: i, order: order).map {
                    intervals.applied(to: $0)
                }.map { f -> Result<RollingOrigin.Result, ForecastingError> in
                    do {
                        return .success(try plan.evaluate(s.values, period: s.period, forecaster: f, levels: levels))
                    } catch let e as ForecastingError { return .failure(e) } catch {
                        return .failure(ForecastingError(.fitFailed, "\(error)"))
                    }
                }
                return BacktestDocument.Input(
                    id: s.id, period: s.period, observations: s.count,
                    date: { s.date(at: $0)?.description }, outcomes: outcomes)
            }
            progress.finish()
            let document = BacktestDocument(
                dataset: input.datasetName, plan: plan, levels: levels, models: modelNames,
                inputs: inputs, issued: IssueTime.now())
            try AtomicFile.writeDocument(document, to: output)
        }
    }
}

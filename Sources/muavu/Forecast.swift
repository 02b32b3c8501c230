import AgriData
import ArgumentParser
import Documents
import Forecasting
import Foundation
import Publishing
import TimeSeriesCore

/// `a, b,c` → `["a", "b", "c"]` (blank items dropped).
func commaSeparated(_ list: String) -> [String] {
    list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Usage errors for model names, with the list of known models.
func validateModels(_ names: [String]) throws {
    guard !names.isEmpty else {
        throw ValidationError(
            "name at least one model; known models: \(ForecasterRegistry.names.joined(separator: ", "))")
    }
    for name in names where !ForecasterRegistry.names.contains(name) {
        throw ValidationError("no model '\(name)'; known models: \(ForecasterRegistry.names.joined(separator: ", "))")
    }
    if Set(names).count != names.count { throw ValidationError("a model is named twice") }
}

/// Usage errors for interval levels (integer percentages strictly between 0 and 100).
func validateLevels(_ levels: [Int]) throws {
    for l in levels { try checkOption(l, Limits.level, "--level") }
    if Set(levels).count != levels.count { throw ValidationError("a level is given twice") }
}

/// `muavu forecast --data FILE --horizon H [--series ID]... [--model NAME] [--level 80 --level 95]
/// [--period P] [--output FILE] [--jobs N] [--order p,d,q] [--covariates ID[@lagK],... [--covariate-data FILE]
/// [--future FILE]]`.
struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forecast series H periods ahead with prediction intervals.",
        discussion: """
            A series that cannot be forecast is listed in the document's errors; the others still are.

            Covariates (regression with ARIMA errors, y_t = c + b1 x1_t + ... + e_t with e an ARIMA process): \
            --covariates names series by id, from --covariate-data FILE when given, otherwise from the \
            --data file itself (then they are not forecast, unless named with --series). ID@lagK uses the \
            series K periods earlier (wb-rice-vnm-5@lag1: last month's export price); a covariate must have \
            the target's frequency. Over the horizon each covariate needs a value per step: from its own \
            data (a lag K covers steps 1..K), otherwise from --future FILE (tidy CSV series_id,date,value of \
            the covariates' future periods). The fit starts at the first observation at which every \
            covariate has a value. A missing covariate value names the covariate and the periods (exit 65). \
            Models: arima (orders chosen automatically; also what auto means with covariates), \
            arima-exhaustive (orders chosen by searching every combination), \
            arima-fixed (--order), or regression (least squares on a mean and the covariates, \
            with independent errors). The document lists each series' covariates and coefficients.
            """)

    @OptionGroup var input: SeriesInputOptions

    @Option(name: .long, help: "Periods ahead.")
    var horizon: Int

    @Option(name: .long, help: "Model name (default: auto).")
    var model = "auto"

    @OptionGroup var intervalLevels: IntervalLevelOption

    @Option(
        name: .long,
        help:
            "Intervals: calibrated (the default: widened by a holdout of each series' last observations) or model (the models' own; the only kind with --model-file)."
    )
    var intervals: IntervalMethod?

    /// Calibrated unless asked otherwise.
    var intervalMethod: IntervalMethod { intervals ?? .calibrated }

    @OptionGroup var workers: JobsOption

    @OptionGroup var destination: DocumentOutputOption

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Forecast from a model saved by muavu fit (no --data, --series or --model).", valueName: "file"))
    var modelFile: String?

    @OptionGroup var regression: CovariateOptions<Help>

    /// The help of `--order` and `--covariates` in `muavu forecast --help`.
    enum Help: CovariateOptionHelp {
        static let order =
            "Orders of arima-fixed: p,d,q or p,d,q,P,D,Q (default 0,1,1), with a mean or drift when d + D ≤ 1."
        static let covariates = "Covariate series ids, comma-separated; ID@lagK uses the series K periods earlier."
    }

    @Option(
        name: .long,
        help: ArgumentHelp("Tidy CSV (series_id,date,value) of covariate values over the horizon.", valueName: "file"))
    var future: String?

    var levels: [Int] { intervalLevels.levels.sorted() }

    func validate() throws {
        if modelFile != nil { return try validateModelFileOptions() }
        try checkOption(horizon, Limits.horizon, "--horizon")
        try validateModels([model])
        try validateLevels(levels)
        try input.validate()
        try workers.check()
        try validateCovariateOptions()
    }

    func run() throws {
        if let modelFile { return try runFromModelFile(modelFile) }
        try runReportingStoreFailures {
            try AtomicFile.checkTarget(
                destination.output, option: "--output",
                inputs: [input.data, input.dataOptions.bounds, regression.covariateData, future])
            if regression.covariates != nil { return try runWithCovariates() }
            let series = try input.load()
            let forecaster =
                try regression.order.map { intervalMethod.applied(to: FixedOrderARIMA(order: $0)) }
                ?? ForecastRun.forecaster(model: model, intervals: intervalMethod)
            let progress = ProgressReporter(label: "series")
            let document = try ForecastRun.document(
                series, dataset: input.datasetName, forecaster: forecaster, horizon: horizon, levels: levels,
                issued: IssueTime.now(), runner: try workers.runner(),
                completed: { progress.update(done: $0, total: series.count) })
            progress.finish()
            try AtomicFile.writeDocument(document, to: destination.output)
        }
    }
}

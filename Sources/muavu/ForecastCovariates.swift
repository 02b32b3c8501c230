import AgriData
import Documents
import Forecasting
import Publishing
import TimeSeriesCore

/// The target series lined up with their covariates (`CovariateAligner.design`), each from its
/// first observation at which every covariate has a value.
struct CovariateSetup {
    var terms: [CovariateTerm]
    var targets: [TimeSeries]
    var designs: [RegressionDesign]

    /// Reads the covariates from `covariateData` (default: the data file) and the future values
    /// from `future`; a covariate of the data file is not a target unless named with `--series`.
    /// A missing value over the sample or the `horizon` is a `DataError` naming the periods.
    init(input: SeriesInputOptions, covariates: String, covariateData: String?, future: String?, horizon: Int) throws {
        terms = try covariateTerms(covariates)
        let readOptions = try input.dataOptions.readOptions()
        let covariateFile = covariateData ?? input.data
        let covariateSet = try TidyReader.read(path: covariateFile, options: readOptions)
        let covariateSeries = try terms.map { term -> TimeSeries in
            guard let s = covariateSet.series(named: term.id) else {
                let known =
                    covariateSet.series.prefix(10).map(\.id).joined(separator: ", ")
                    + (covariateSet.series.count > 10 ? ", ..." : "")
                throw DataError(
                    .badConfiguration, file: covariateFile,
                    "no covariate series '\(term.id)' in the file; its series are: \(known)")
            }
            return s
        }
        let named = Set(terms.map { TextKey.nfc($0.id) })
        var futureSeries: [TimeSeries] = []
        if let future {
            futureSeries = try TidyReader.read(path: future, options: readOptions).series
            for s in futureSeries where !named.contains(TextKey.nfc(s.id)) {
                throw DataError(
                    .badConfiguration, file: future,
                    "'\(s.id)' is not a covariate; --covariates names \(terms.map(\.id).joined(separator: ", "))")
            }
        }
        var all = try input.load()
        if covariateData == nil && input.series.isEmpty {
            // Series of the data file that serve as covariates are inputs, not targets.
            all.removeAll { named.contains(TextKey.nfc($0.id)) }
            guard !all.isEmpty else {
                throw DataError(
                    .badConfiguration, file: input.data, "every series of the file is a covariate; nothing to forecast")
            }
        }
        let terms = self.terms
        designs = try all.map { target in
            try CovariateAligner.design(
                target: target, terms: terms, covariates: covariateSeries,
                future: futureSeries, horizon: horizon, file: covariateFile,
                futureFile: future)
        }
        targets = zip(all, designs).map { target, design in
            var s = target
            s.values = Array(target.values[design.firstObservation...])
            s.start = target.date(at: design.firstObservation)
            return s
        }
    }

    /// The regression for target `i` with `errors`, its rows covering the sample and the horizon.
    func model(_ i: Int, errors: DynamicRegression.Errors, name: String) -> DynamicRegression {
        DynamicRegression(
            errors: errors, regressors: designs[i].rows + designs[i].future,
            labels: terms.map(\.description), name: name)
    }

    /// Why target `i` starts later than its data, for the model's notes.
    func note(_ i: Int) -> String? {
        let skipped = designs[i].firstObservation
        guard skipped > 0, let first = targets[i].date(at: 0) else { return nil }
        return "fitted from \(first): the covariates have no value for the \(skipped) observation(s) before it"
    }
}

/// `muavu forecast --covariates`: regression with ARIMA errors (Hyndman & Athanasopoulos, FPP3
/// ch. 10), y_t = c + Σ_j β_j x_{j,t−K_j} + η_t with η_t a (seasonal) ARIMA process, fitted by exact
/// maximum likelihood (`SARIMA`, or `AutoARIMA` choosing the orders).
extension Forecast {
    /// Usage checks of `--order`, `--covariates`, `--covariate-data` and `--future`.
    func validateCovariateOptions() throws {
        try regression.check(
            models: [model], data: input.data, others: [(future, "--future")],
            regressing: ["arima", "arima-exhaustive", "arima-fixed", "regression", "auto"].contains(model),
            refusal:
                "--covariates needs a regression: --model regression, arima, arima-exhaustive or arima-fixed, not \(model)"
        )
    }

    func runWithCovariates() throws {
        let setup = try CovariateSetup(
            input: input, covariates: regression.covariates ?? "", covariateData: regression.covariateData,
            future: future, horizon: horizon)
        let levels = self.levels
        let horizon = self.horizon
        let errors: DynamicRegression.Errors
        switch model {
        case "arima-fixed": errors = .fixed(regression.order ?? "0,1,1")
        case "regression": errors = .whiteNoise
        case "arima-exhaustive": errors = .exhaustive
        default: errors = .automatic
        }
        let viaAuto = model == "auto"
        let runner = try workers.runner()
        let progress = ProgressReporter(label: "series")
        let targets = setup.targets
        let outcomes = runner.map(count: targets.count, completed: { progress.update(done: $0, total: targets.count) })
        { i in
            forecastOutcome {
                let s = targets[i]
                var forecast = try intervalMethod.applied(to: setup.model(i, errors: errors, name: model))
                    .forecast(s.values, period: s.period, horizon: horizon, levels: levels)
                if viaAuto {
                    forecast.model.notes.append("auto with covariates is arima: regression with ARIMA errors")
                }
                if let note = setup.note(i) { forecast.model.notes.append(note) }
                return forecast
            }
        }
        progress.finish()
        var document = ForecastDocument(
            dataset: input.datasetName, horizon: horizon, levels: levels,
            series: targets, outcomes: outcomes, issued: IssueTime.now())
        for (i, outcome) in outcomes.enumerated() {
            guard case .success(let forecast) = outcome,
                let k = document.series.firstIndex(where: { $0.id == targets[i].id })
            else { continue }
            let coefficients = forecast.regressorCoefficients
            document.series[k].covariates = setup.terms.enumerated().map { j, term in
                ForecastDocument.CovariateEntry(
                    series: term.id, lag: term.lag, term: term.description,
                    coefficient: coefficients.indices.contains(j) ? coefficients[j] : nil)
            }
        }
        try AtomicFile.writeDocument(document, to: destination.output)
    }
}

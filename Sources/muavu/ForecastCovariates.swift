import AgriData
import ArgumentParser
import Forecasting
import Foundation
import Publishing

/// The forecast `body` makes, or why there is none: a `ForecastingError` as it is, anything else
/// as a failed fit (a series that cannot be forecast goes to the document's errors).
func forecastOutcome(_ body: () throws -> Forecasting.Forecast) -> Result<Forecasting.Forecast, ForecastingError> {
    do {
        return .success(try body())
    } catch let e as ForecastingError {
        return .failure(e)
    } catch {
        return .failure(ForecastingError(.fitFailed, "\(error)"))
    }
}

/// `arima-fixed` at the orders of `--order`, read against each series' own seasonal period.
struct FixedOrderARIMA: Forecaster {
    var order: String
    var regressors: [[Double]]? = nil
    var name: String { "arima-fixed" }

    func model(period: Int) throws -> SARIMA {
        SARIMA(try SARIMA.Specification(parsing: order, period: period), regressors: regressors)
    }

    func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecasting.Forecast {
        try model(period: period).forecast(y, period: period, horizon: horizon, levels: levels)
    }
}

/// `muavu forecast --covariates`: regression with ARIMA errors (Hyndman & Athanasopoulos, FPP3
/// ch. 10), y_t = c + Σ_j β_j x_{j,t−K_j} + η_t with η_t a (seasonal) ARIMA process, fitted by exact
/// maximum likelihood (`SARIMA`, or `AutoARIMA` choosing the orders).
extension Forecast {
    /// The terms of `--covariates` (a usage error when malformed).
    func covariateTerms() throws -> [CovariateTerm] {
        guard let covariates else { return [] }
        let items = commaSeparated(covariates)
        guard !items.isEmpty else { throw ValidationError("--covariates names no series") }
        do {
            let terms = try items.map { try CovariateTerm(parsing: $0) }
            if Set(terms).count != terms.count { throw ValidationError("a covariate is named twice in --covariates") }
            return terms
        } catch let e as DataError {
            throw ValidationError("--covariates: \(e.message)")
        }
    }

    /// Usage checks of `--order`, `--covariates`, `--covariate-data` and `--future`.
    func validateCovariateOptions() throws {
        if let order {
            guard model == "arima-fixed" else { throw ValidationError("--order applies to --model arima-fixed, not \(model)") }
            do { _ = try SARIMA.Specification(parsing: order, period: 1) } catch let e as ForecastingError {
                throw ValidationError("--order: \(e.message)")
            }
        }
        guard covariates != nil else {
            if covariateData != nil { throw ValidationError("--covariate-data needs --covariates") }
            if future != nil { throw ValidationError("--future needs --covariates") }
            return
        }
        _ = try covariateTerms()
        guard ["arima", "arima-fixed", "auto"].contains(model) else {
            throw ValidationError("--covariates needs a regression with ARIMA errors: --model arima or arima-fixed, not \(model)")
        }
        if BenchmarkFormat.looksLikeBenchmark(path: input.data) {
            throw ValidationError("--covariates needs a tidy data file with dates, not the benchmark format")
        }
    }

    func runWithCovariates() throws {
        let terms = try covariateTerms()
        let readOptions = try input.dataOptions.readOptions()
        let covariateFile = covariateData ?? input.data
        let covariateSet = try TidyReader.read(path: covariateFile, options: readOptions)
        let covariateSeries = try terms.map { term -> TimeSeries in
            guard let s = covariateSet.series(named: term.id) else {
                let known = covariateSet.series.prefix(10).map(\.id).joined(separator: ", ")
                    + (covariateSet.series.count > 10 ? ", ..." : "")
                throw DataError(.badConfiguration, file: covariateFile,
                                "no covariate series '\(term.id)' in the file; its series are: \(known)")
            }
            return s
        }
        var futureSeries: [TimeSeries] = []
        if let future {
            futureSeries = try TidyReader.read(path: future, options: readOptions).series
            let named = Set(terms.map { TextKey.nfc($0.id) })
            for s in futureSeries where !named.contains(TextKey.nfc(s.id)) {
                throw DataError(.badConfiguration, file: future,
                                "'\(s.id)' is not a covariate; --covariates names \(terms.map(\.id).joined(separator: ", "))")
            }
        }
        var targets = try input.load()
        if covariateData == nil && input.series.isEmpty {
            // Series of the data file that serve as covariates are inputs, not targets.
            let named = Set(terms.map { TextKey.nfc($0.id) })
            targets.removeAll { named.contains(TextKey.nfc($0.id)) }
            guard !targets.isEmpty else {
                throw DataError(.badConfiguration, file: input.data, "every series of the file is a covariate; nothing to forecast")
            }
        }
        let horizon = self.horizon, levels = self.levels
        // Line the covariates up first: a missing value stops the command with its periods named.
        let designs = try targets.map { target in
            try CovariateAligner.design(target: target, terms: terms, covariates: covariateSeries,
                                        future: futureSeries, horizon: horizon, file: covariateFile,
                                        futureFile: future)
        }
        // Each target from its first observation with every covariate.
        let fitted = zip(targets, designs).map { target, design in
            var s = target
            s.values = Array(target.values[design.firstObservation...])
            s.start = target.date(at: design.firstObservation)
            return s
        }
        let automatic = model != "arima-fixed", viaAuto = model == "auto"
        let order = self.order
        let runner = try makeRunner(jobs: jobs)
        let progress = ProgressReporter(label: "series")
        let outcomes = runner.map(count: fitted.count, completed: { progress.update(done: $0, total: fitted.count) }) { i in
            let s = fitted[i], design = designs[i]
            return forecastOutcome {
                var forecast: Forecasting.Forecast
                if automatic {
                    forecast = try AutoARIMA(regressors: design.rows)
                        .forecast(s.values, period: s.period, futureRegressors: design.future, levels: levels)
                } else {
                    forecast = try FixedOrderARIMA(order: order ?? "0,1,1", regressors: design.rows).model(period: s.period)
                        .forecast(s.values, period: s.period, futureRegressors: design.future, levels: levels)
                }
                let names = design.terms.enumerated().map { "xreg\($0.offset + 1) = \($0.element)" }
                forecast.model.notes.append("regression with ARIMA errors on " + names.joined(separator: ", ")
                                            + (viaAuto ? " (auto with covariates: arima)" : ""))
                if design.firstObservation > 0, let first = s.date(at: 0) {
                    forecast.model.notes.append("fitted from \(first): the covariates have no value for the "
                                                + "\(design.firstObservation) observation(s) before it")
                }
                return forecast
            }
        }
        progress.finish()
        var document = ForecastDocument(dataset: input.datasetName, horizon: horizon, levels: levels,
                                        series: fitted, outcomes: outcomes, issued: IssueTime.now())
        for (i, outcome) in outcomes.enumerated() {
            guard case .success(let forecast) = outcome,
                  let k = document.series.firstIndex(where: { $0.id == fitted[i].id }) else { continue }
            document.series[k].covariates = designs[i].terms.enumerated().map { j, term in
                ForecastDocument.CovariateEntry(series: term.id, lag: term.lag, term: term.description,
                                                coefficient: forecast.model.parameters["xreg\(j + 1)"])
            }
        }
        try AtomicFile.writeDocument(document, to: output)
    }
}

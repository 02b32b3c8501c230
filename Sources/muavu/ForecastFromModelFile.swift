import ArgumentParser
import Documents
import Foundation
import Publishing
import TimeSeriesCore

/// `muavu forecast --model-file FILE --horizon H [--level L]... [--output FILE]`: the forecast of
/// a model saved by `muavu fit`, from its stored parameters (nothing is estimated again). The
/// document is the one `muavu forecast --intervals model` writes for that series and model: a
/// saved model gives the model's own intervals (calibration would refit on a holdout).
extension Forecast {
    /// Usage checks when `--model-file` is given: the data and the model come from the file.
    func validateModelFileOptions() throws {
        try checkOption(horizon, Limits.horizon, "--horizon")
        try validateLevels(levels)
        guard input.data.isEmpty, input.series.isEmpty else {
            throw ValidationError(
                "--model-file forecasts the series the model was fitted to: give no --data or --series")
        }
        guard input.dataOptions.period == nil else {
            throw ValidationError(
                "--model-file forecasts at the period the model was fitted at (its training.period): give no --period")
        }
        guard model == "auto", regression.order == nil else {
            throw ValidationError("--model-file names the model: give no --model or --order")
        }
        guard intervals != .calibrated else {
            throw ValidationError(
                "a saved model forecasts from its stored parameters, without the holdout refit that "
                    + "calibrated intervals need: its intervals are the model's own (--intervals model)")
        }
        guard regression.covariates == nil, regression.covariateData == nil, future == nil else {
            throw ValidationError(
                "--model-file forecasts a model without covariates: give no --covariates, --covariate-data or --future")
        }
    }

    func runFromModelFile(_ path: String) throws {
        try runReportingFailures {
            try AtomicFile.checkTarget(destination.output, option: "--output", inputs: [path])
            let file = try ModelFile.read(path: path)
            let outcome: Result<TimeSeriesCore.Forecast, ForecastingError>
            do {
                outcome = .success(try file.model.forecast(horizon: horizon, levels: levels))
            } catch let e as ForecastingError {
                outcome = .failure(e)
            }
            let document = ForecastDocument(
                dataset: file.dataset, horizon: horizon, levels: levels,
                series: [file.series], outcomes: [outcome], issued: IssueTime.now())
            try AtomicFile.writeDocument(document, to: destination.output)
        }
    }
}

import Forecasting
import TimeSeriesCore

/// `muavu backtest --covariates`: the models `regression` (independent errors), `arima` and
/// `arima-fixed` (ARIMA errors) regress on the covariates; at each origin they get the covariates' actual values over the
/// test window (the forecast of a user who knew them, an upper bound on what the covariates give).
/// Every model is scored on the same series, from its first observation with every covariate.
extension Backtest {
    /// Usage checks of `--order`, `--covariates` and `--covariate-data`.
    func validateCovariateOptions() throws {
        try regression.check(
            models: modelNames, data: input.data,
            regressing: modelNames.contains {
                ["arima", "arima-exhaustive", "arima-fixed", "regression"].contains($0)
            },
            refusal:
                "--covariates applies to the models arima, arima-exhaustive, arima-fixed and regression; --models names none of them"
        )
    }

    /// The targets lined up with `--covariates`, or nil without them.
    func covariateSetup() throws -> CovariateSetup? {
        guard let covariates = regression.covariates else { return nil }
        return try CovariateSetup(
            input: input, covariates: covariates, covariateData: regression.covariateData, future: nil, horizon: 0)
    }

    /// The models for series `i`: with covariates, regression, arima and arima-fixed regress on them; with
    /// `--order`, arima-fixed has those orders.
    static func forecasters(
        _ registry: [any Forecaster], names: [String], setup: CovariateSetup?, series i: Int,
        order: String?
    ) -> [any Forecaster] {
        zip(names, registry).map { name, forecaster -> any Forecaster in
            switch (name, setup) {
            case ("arima", let setup?): return setup.model(i, errors: .automatic, name: name)
            case ("arima-exhaustive", let setup?): return setup.model(i, errors: .exhaustive, name: name)
            case ("arima-fixed", let setup?): return setup.model(i, errors: .fixed(order ?? "0,1,1"), name: name)
            case ("regression", let setup?): return setup.model(i, errors: .whiteNoise, name: name)
            case ("arima-fixed", nil): return order.map { FixedOrderARIMA(order: $0) } ?? forecaster
            default: return forecaster
            }
        }
    }
}

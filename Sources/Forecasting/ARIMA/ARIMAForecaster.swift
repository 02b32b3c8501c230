import TimeSeriesCore

/// A forecaster that fits one `SARIMA.Fit` (a fixed order, or the order `auto.arima` selects),
/// optionally with regressors; it forecasts from that fit, with or without the regressors'
/// future values.
public protocol ARIMAForecaster: Forecaster {
    /// Regressor rows, one per observation; nil for none.
    var regressors: [[Double]]? { get }
    /// Fits the model to `y`.
    func fit(_ y: [Double], period: Int) throws -> SARIMA.Fit
    /// Whether the model fits a series with missing values (NaN), skipping them.
    static var skipsMissingValues: Bool { get }
}

extension ARIMAForecaster {
    public static var skipsMissingValues: Bool { false }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(
            y, period: period, horizon: horizon, levels: levels, allowingGaps: Self.skipsMissingValues)
        guard regressors == nil else {
            throw ForecastingError(.missingCovariates, "forecasting with regressors needs their future values")
        }
        return try fit(y, period: period).forecast(horizon: horizon, levels: levels)
    }

    /// Forecasts with regressors, given their values over the horizon (one row per step).
    public func forecast(_ y: [Double], period: Int, futureRegressors: [[Double]], levels: [Int]) throws -> Forecast {
        try validateArguments(
            y, period: period, horizon: max(futureRegressors.count, 1), levels: levels,
            allowingGaps: Self.skipsMissingValues)
        let fit = try fit(y, period: period)
        return try fit.forecast(horizon: futureRegressors.count, levels: levels, futureRegressors: futureRegressors)
    }
}

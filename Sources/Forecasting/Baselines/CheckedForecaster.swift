import TimeSeriesCore

/// A method whose `forecast` checks its arguments the shared way (`validateArguments`: horizon,
/// period, levels, a finite series long enough) before it fits: a conformer writes only the fit,
/// `forecast(checked:)`, which may assume those checks have passed.
public protocol CheckedForecaster: Forecaster {
    /// Fits and forecasts a series whose arguments `validateArguments` has accepted.
    func forecast(checked y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast
}

extension CheckedForecaster {
    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        return try forecast(checked: y, period: period, horizon: horizon, levels: levels)
    }
}

import TimeSeriesCore

/// The drift method: the line through the first and last observations, extended (FPP3 §5.2),
/// ŷ_{T+h} = y_T + h (y_T − y₁)/(T − 1), with σ̂ₕ = σ̂ √(h (1 + h/(T − 1))) (FPP3 table 5.2),
/// σ̂ the RMS of the T − 1 residuals yₜ − yₜ₋₁ − b.
///
/// Needs 3 observations: with 2 the residual is 0 and the interval would have zero width.
public struct Drift: CheckedForecaster {
    public var name: String { "drift" }
    public init() {}

    public func forecast(checked y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        let n = y.count
        guard n >= 3 else {
            // Two observations fix the slope and leave a residual of exactly 0: the interval
            // would have zero width.
            throw ForecastingError(
                .tooShort,
                "the drift method needs at least 3 observations (one for the level, one for "
                    + "the slope, one to estimate the error variance), got \(n)")
        }
        let slope = (y[n - 1] - y[0]) / Double(n - 1)
        let mean = (1...horizon).map { y[n - 1] + Double($0) * slope }
        var fitted = [Double](repeating: .nan, count: n)
        for t in 1..<n { fitted[t] = y[t - 1] + slope }
        let residuals = (0..<n).map { y[$0] - fitted[$0] }
        let sigma = BaselineIntervals.rootMeanSquare(residuals)
        let sigmaH = (1...horizon).map { h -> Double in
            let dh = Double(h)
            return sigma * (dh * (1 + dh / Double(n - 1))).squareRoot()
        }
        return BaselineIntervals.forecast(
            name: "Drift", family: name, parameters: ["drift": slope], sigma: sigma,
            mean: mean, sigmaH: sigmaH, levels: levels, fitted: fitted)
    }
}

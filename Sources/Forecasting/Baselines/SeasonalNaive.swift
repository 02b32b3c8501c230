import TimeSeriesCore

/// The seasonal naïve method: each forecast is the last observation of the same season
/// (FPP3 §5.2), ŷ_{T+h} = y_{T+h−m(k+1)} with k = ⌊(h−1)/m⌋, and σ̂ₕ = σ̂ √(k+1)
/// (FPP3 table 5.2), σ̂ the RMS of the T − m residuals yₜ − yₜ₋ₘ.
///
/// With period 1 this is the naïve method. A series of at most one season has no residual
/// yₜ − yₜ₋ₘ, so no interval can be sized: it is refused as too short (it used to get intervals of
/// zero width).
public struct SeasonalNaive: CheckedForecaster {
    public var name: String { "snaive" }
    public init() {}

    public func forecast(checked y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        let n = y.count
        let m = period
        guard n > m else {
            throw ForecastingError(
                .tooShort,
                "the seasonal naïve method needs more than one season (\(m)) of observations "
                    + "to estimate its error variance, got \(n)")
        }
        var lastSeason = [Double](repeating: y[n - 1], count: m)
        // lastSeason[j] is the latest observation at time ≡ n + j (mod m).
        for j in 0..<m {
            let t = n - m + j
            if t >= 0 { lastSeason[j] = y[t] }
        }
        let mean = (0..<horizon).map { lastSeason[$0 % m] }
        var fitted = [Double](repeating: .nan, count: n)
        for t in m..<max(m, n) { fitted[t] = y[t - m] }
        let residuals = (0..<n).map { y[$0] - fitted[$0] }
        let sigma = BaselineIntervals.rootMeanSquare(residuals)
        let sigmaH = (0..<horizon).map { sigma * Double($0 / m + 1).squareRoot() }
        return BaselineIntervals.forecast(
            name: "SeasonalNaive[\(m)]", family: name, sigma: sigma,
            mean: mean, sigmaH: sigmaH, levels: levels, fitted: fitted)
    }
}

import TimeSeriesCore

/// The mean method: every forecast is the average of the observations (FPP3 §5.2),
/// ŷ_{T+h} = ȳ, with σ̂ₕ = σ̂ √(1 + 1/T) and σ̂ the sample standard deviation (FPP3 table 5.2).
public struct HistoricalMean: CheckedForecaster {
    public var name: String { "mean" }
    public init() {}

    public func forecast(checked y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        let n = y.count
        let mean = y.reduce(0, +) / Double(n)
        let residuals = y.map { $0 - mean }
        let sigma = BaselineIntervals.rootMeanSquare(residuals, divisor: n - 1)
        let sigmaH = [Double](repeating: sigma * (1 + 1 / Double(n)).squareRoot(), count: horizon)
        let point = [Double](repeating: mean, count: horizon)
        return BaselineIntervals.forecast(
            name: "Mean", family: name, parameters: ["mean": mean], sigma: sigma,
            mean: point, sigmaH: sigmaH, levels: levels,
            fitted: [Double](repeating: mean, count: n))
    }
}

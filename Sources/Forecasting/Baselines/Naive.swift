import TimeSeriesCore

/// The naïve method (random walk): every forecast is the last observation (FPP3 §5.2),
/// ŷ_{T+h} = y_T, with σ̂ₕ = σ̂ √h (FPP3 table 5.2).
public struct Naive: CheckedForecaster {
    public var name: String { "naive" }
    public init() {}

    public func forecast(checked y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        let fit = Naive.fit(y, horizon: horizon)
        return BaselineIntervals.forecast(
            name: "Naive", family: name, sigma: fit.sigma,
            mean: fit.mean, sigmaH: fit.sigmaH, levels: levels, fitted: fit.fitted)
    }

    /// Point forecasts, h-step standard errors and fitted values (NaN at t = 0) of the
    /// naïve method; σ̂ is the RMS of the T − 1 one-step residuals. Needs a non-empty `y`.
    static func fit(_ y: [Double], horizon: Int)
        -> (mean: [Double], sigmaH: [Double], fitted: [Double], sigma: Double)
    {
        let n = y.count
        let fitted = [Double.nan] + y.dropLast()
        let residuals = (0..<n).map { y[$0] - fitted[$0] }
        let sigma = BaselineIntervals.rootMeanSquare(residuals)
        let mean = [Double](repeating: y[n - 1], count: horizon)
        let sigmaH = (1...horizon).map { sigma * Double($0).squareRoot() }
        return (mean, sigmaH, fitted, sigma)
    }
}

/// The seasonal naïve method: each forecast is the last observation of the same season
/// (FPP3 §5.2), ŷ_{T+h} = y_{T+h−m(k+1)} with k = ⌊(h−1)/m⌋, and σ̂ₕ = σ̂ √(k+1)
/// (FPP3 table 5.2), σ̂ the RMS of the T − m residuals yₜ − yₜ₋ₘ.
///
/// With period 1 this is the naïve method. A series shorter than one season repeats what it has,
/// aligned on its seasons (the missing seasons take the latest observation), with a note.
public struct SeasonalNaive: Forecaster {
    public var name: String { "snaive" }
    public init() {}

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        let n = y.count
        let m = period
        var notes: [String] = []
        var lastSeason = [Double](repeating: y[n - 1], count: m)
        // lastSeason[j] is the latest observation at time ≡ n + j (mod m).
        for j in 0..<m {
            let t = n - m + j
            if t >= 0 { lastSeason[j] = y[t] }
        }
        if n < m {
            notes.append("fewer observations (\(n)) than one season (\(m)): missing seasons take the last observation")
        }
        let mean = (0..<horizon).map { lastSeason[$0 % m] }
        var fitted = [Double](repeating: .nan, count: n)
        for t in m..<max(m, n) { fitted[t] = y[t - m] }
        let residuals = (0..<n).map { y[$0] - fitted[$0] }
        let sigma = BaselineIntervals.rootMeanSquare(residuals)
        if n <= m { notes.append("no full season of residuals: intervals have zero width") }
        let sigmaH = (0..<horizon).map { sigma * Double($0 / m + 1).squareRoot() }
        return Forecast(model: ModelSummary(name: "SeasonalNaive[\(m)]", family: name,
                                            criteria: ["sigma2": sigma * sigma], notes: notes),
                        mean: mean,
                        intervals: BaselineIntervals.normal(mean: mean, sigmaH: sigmaH, levels: levels),
                        fitted: fitted)
    }
}

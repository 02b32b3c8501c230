import TimeSeriesCore

/// `regression`: a linear regression of the series on a time trend and seasonal dummies, the time
/// series linear model of R `forecast::tslm(y ~ trend + season)` (Hyndman & Athanasopoulos,
/// *Forecasting: Principles and Practice*, 2nd ed., §5.2–5.4):
///
///     y_t = β₀ + β₁ t + Σ_{k=2..m} γ_k d_{k,t} + ε_t,   ε_t iid N(0, σ²),  t = 1 … n,
///
/// with d_{k,t} = 1 when t falls in season k (the first season is the baseline). Fitted by least
/// squares through the pivoted QR factorisation (`LinearRegression`); forecasts are x₀ᵀβ̂ with the
/// prediction intervals of the regression, x₀ᵀβ̂ ± t_{n−p} √(σ̂² + x₀ᵀCov(β̂)x₀), which carry the
/// uncertainty of the coefficients. Seasonal dummies are used when the period is above 1 and the
/// series covers two seasons; otherwise the trend alone (with a note). For regression on
/// covariate series, see `DynamicRegression` (`muavu forecast --covariates`).
public struct TrendSeasonRegression: CheckedForecaster {
    public var name: String { "regression" }

    public init() {}

    public func forecast(checked y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        let n = y.count
        try ArgumentCheck.observations(n, atLeast: 3, "a trend regression")
        var notes: [String] = []
        let seasonal = period > 1 && n >= 2 * period && n > period + 2
        if period > 1 && !seasonal {
            notes.append("\(n) observations do not cover two seasons of \(period): trend only")
        }
        let seasons = seasonal ? Array(2...period) : []
        func columns(from start: Int, count: Int) -> [String: [Double]] {
            var c: [String: [Double]] = ["trend": (0..<count).map { Double(start + $0) }]
            for k in seasons {
                c["season\(k)"] = (0..<count).map { ((start + $0 - 1) % period) + 1 == k ? 1 : 0 }
            }
            return c
        }
        var fitColumns = columns(from: 1, count: n)
        fitColumns["y"] = y
        let formula = try RegressionFormula("y ~ trend" + seasons.map { " + season\($0)" }.joined())
        let fit = try LinearRegression.fit(formula, columns: fitColumns)
        let predictions = try fit.predict(columns(from: n + 1, count: horizon), rows: horizon, levels: levels)
        let intervals = levels.map { level in
            PredictionInterval(
                level: level,
                lower: predictions.map { $0.prediction[level]?.lower ?? .nan },
                upper: predictions.map { $0.prediction[level]?.upper ?? .nan })
        }
        var parameters: [String: Double] = [:]
        for c in fit.coefficients { parameters[c.term] = c.estimate }
        let criteria = [
            "loglik": fit.logLikelihood, "aic": fit.aic, "bic": fit.bic, "r2": fit.rSquared,
            "sigma2": fit.sigma * fit.sigma,
        ]
        return Forecast(
            model: ModelSummary(
                name: seasonal ? "TSLM(trend + season)" : "TSLM(trend)", family: name,
                parameters: parameters, criteria: criteria, notes: notes),
            mean: predictions.map(\.mean), intervals: intervals, fitted: fit.fitted)
    }
}

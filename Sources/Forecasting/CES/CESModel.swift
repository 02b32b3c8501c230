import Foundation
import TimeSeriesCore

/// One Complex Exponential Smoothing model (one seasonality), fitted or evaluated at given
/// parameters: Svetunkov, Kourentzes & Ord (2022), Naval Research Logistics 69(8), 1108–1123.
///
/// Estimation follows R `smooth::ces` and statsforecast's `auto_ces`: the starting states are
/// set from the data (below) and refined by backcasting (`CESRecursion.backcast`); the
/// complex smoothing constants minimise the concentrated Gaussian criterion n·log Σeₜ² by
/// bounded Nelder–Mead from α₀ = 1.3, α₁ = 1 (β₀ = 0.1 for P; β₀ = 1.3, β₁ = 1 for F) within
/// α₀ ∈ [0.01, 1.8], α₁ ∈ [0.01, 1.9], β₀, β₁ ∈ [0.01, 1.5] (the bounds statsforecast gives
/// the first, second, third and fourth free parameter).
///
/// Starting states (statsforecast `initstate`):
/// - N: ℓ₀ = mean of the first min(10, n) values, c₀ = ℓ₀/1.1;
/// - S: ℓ and c of the first season: the first m values and those divided by 1.1;
/// - P, F: ℓ = mean of the first m values, c = ℓ/1.1, s = the additive seasonal indices of a
///   classical decomposition (statsmodels `seasonal_decompose`), d = s/1.1.
///
/// The number of parameters k counted in the criteria is the number of smoothing constants
/// plus one for σ² (2 + 1 for N and S, 3 + 1 for P, 4 + 1 for F), as statsforecast counts them.
public struct CESModel: Sendable, Equatable, Codable {
    public var seasonality: CES.Seasonality
    /// The seasonal period the model runs at (1 for N).
    public var period: Int
    public var parameters: CES.Parameters
    /// n·log Σeₜ², the criterion estimation minimises (statsforecast's `lik`).
    public var criterion: Double
    /// Σeₜ² of the one-step errors.
    public var sse: Double
    /// Number of observations.
    public var count: Int
    /// One-step fitted values yₜ − eₜ.
    public var fitted: [Double]
    /// The L state rows the final forward pass ran from (the starting states after
    /// backcasting), oldest first, flattened row by row (ℓ, c, then s for P, s and d for F).
    public var initialStates: [Double]
    /// The last L state rows (L = `period`, or 1 for N), in the same layout.
    public var finalStates: [Double]

    /// Smoothing constants plus one for σ².
    public var parameterCount: Int { seasonality.parameterCount + 1 }

    /// Residual variance Σe² / (n − k − 1), statsforecast's σ².
    public var sigma2: Double { sse / Double(count - parameterCount - 1) }

    /// The Gaussian log-likelihood at the maximum over σ²: −n/2 (log(2π Σe²/n) + 1).
    public var logLikelihood: Double {
        let n = Double(count)
        return -0.5 * n * (log(2 * Double.pi * sse / n) + 1)
    }
    public var aic: Double { -2 * logLikelihood + 2 * Double(parameterCount) }
    public var bic: Double { -2 * logLikelihood + log(Double(count)) * Double(parameterCount) }
    /// AIC + 2k(k + 1)/(n − k − 1); infinite when n ≤ k + 1.
    public var aicc: Double {
        let k = Double(parameterCount)
        let n = Double(count)
        return n - k - 1 > 0 ? aic + 2 * k * (k + 1) / (n - k - 1) : .infinity
    }

    /// Nelder–Mead restarts from the optimum at most.
    static let restarts = 3

    /// The smallest series a model of `seasonality` accepts: n > k + 1, so σ² and AICc exist.
    public static func minimumCount(_ seasonality: CES.Seasonality) -> Int {
        seasonality.parameterCount + 3
    }

    /// Estimates the smoothing constants of `seasonality` on `y` (finite values; n ≥ 2m for
    /// the seasonal forms, m = `period` ≥ 2).
    public static func fit(_ y: [Double], period: Int, seasonality: CES.Seasonality) throws -> CESModel {
        let lag = try checkedLag(y, period: period, seasonality: seasonality)
        let start = try startingStates(y, lag: lag, seasonality: seasonality)
        let free = seasonality.parameterCount
        let initial: [Double] = [1.3, 1.0, seasonality == .partial ? 0.1 : 1.3, 1.0]
        let lower = [Double](repeating: 0.01, count: free)
        let upper = Array([1.8, 1.9, 1.5, 1.5].prefix(free))
        var options = NelderMead.Options()
        // statsforecast's simplex: each coordinate moved by 5 % of its value; stop when the
        // standard deviation of the objective values falls below 1e-4; 1000 iterations.
        options.relativeStep = true
        options.initialStep = 0.05
        options.standardDeviationStop = true
        options.fTolerance = 1e-4
        options.xTolerance = .infinity
        options.maxIterations = 1000
        let rows = y.count + 2 * lag
        var buffer = [Double](repeating: 0, count: rows * seasonality.components)
        let result = y.withUnsafeBufferPointer { yb in
            buffer.withUnsafeMutableBufferPointer { sb -> NelderMead.Result in
                guard let s = sb.baseAddress else {
                    return NelderMead.Result(
                        x: Array(initial.prefix(free)), value: .infinity,
                        iterations: 0, converged: false)
                }
                let objective = { (x: [Double]) -> Double in
                    let recursion = CESRecursion(
                        seasonality: seasonality, lag: lag,
                        parameters: CES.Parameters(free: x, seasonality: seasonality))
                    for k in 0..<start.count { s[k] = start[k] }
                    let sse = recursion.backcastSSE(yb, states: s)
                    guard sse.isFinite else { return .infinity }
                    // A perfect fit gives log 0; statsforecast floors the criterion at −1e10.
                    return max(Double(yb.count) * log(sse), -1e10)
                }
                let optimiser = NelderMead(options: options)
                var best = optimiser.minimize(objective, start: Array(initial.prefix(free)), lower: lower, upper: upper)
                // Restarts from the optimum with a fresh simplex: the standard-deviation stop
                // often ends on a ridge (α₀ or β₀ at a bound) short of the minimum.
                for _ in 0..<restarts {
                    let again = optimiser.minimize(objective, start: best.x, lower: lower, upper: upper)
                    guard again.value < best.value - 1e-9 else { break }
                    best = again
                }
                return best
            }
        }
        guard result.value.isFinite else {
            throw ForecastingError(.fitFailed, "no CES(\(seasonality.rawValue)) parameters keep the errors finite")
        }
        return CESModel(
            y, period: period, seasonality: seasonality,
            parameters: CES.Parameters(free: result.x, seasonality: seasonality), lag: lag,
            startingStates: start)
    }

    /// The model of `seasonality` with the given smoothing constants, run through `y` from the
    /// data-driven starting states refined by backcasting.
    public init(_ y: [Double], period: Int, seasonality: CES.Seasonality, parameters: CES.Parameters) throws {
        let lag = try CESModel.checkedLag(y, period: period, seasonality: seasonality)
        self.init(
            y, period: period, seasonality: seasonality, parameters: parameters, lag: lag,
            startingStates: try CESModel.startingStates(y, lag: lag, seasonality: seasonality))
    }

    /// The model run through `y` from the data-driven starting states `start`: backcasting
    /// (`CESRecursion.backcast`) refines them, then the final forward pass
    /// (`init(_:seasonality:lag:parameters:filteredFrom:)`) gives the errors and states.
    init(
        _ y: [Double], period: Int, seasonality: CES.Seasonality, parameters: CES.Parameters,
        lag: Int, startingStates start: [Double]
    ) {
        let recursion = CESRecursion(seasonality: seasonality, lag: lag, parameters: parameters)
        var states = [Double](repeating: 0, count: (y.count + 2 * lag) * seasonality.components)
        for k in 0..<start.count { states[k] = start[k] }
        y.withUnsafeBufferPointer { yb in
            states.withUnsafeMutableBufferPointer { sb in
                guard let s = sb.baseAddress else { return }
                recursion.backcast(yb, states: s)
            }
        }
        self.init(
            y, seasonality: seasonality, lag: lag, parameters: parameters,
            filteredFrom: Array(states[0..<(lag * seasonality.components)]))
    }

    /// The model with the given constants, filtered once forward through `y` from the L starting
    /// rows `initial` (no backcasting): the final pass of a fit, and the whole run of a saved
    /// model from its stored starting rows.
    init(
        _ y: [Double], seasonality: CES.Seasonality, lag: Int, parameters: CES.Parameters,
        filteredFrom initial: [Double]
    ) {
        let n = y.count
        let c = seasonality.components
        let recursion = CESRecursion(seasonality: seasonality, lag: lag, parameters: parameters)
        var states = [Double](repeating: 0, count: (n + 2 * lag) * c)
        for k in 0..<initial.count { states[k] = initial[k] }
        var errors = [Double](repeating: .nan, count: n)
        let sse = y.withUnsafeBufferPointer { yb in
            states.withUnsafeMutableBufferPointer { sb in
                errors.withUnsafeMutableBufferPointer { eb -> Double in
                    guard let s = sb.baseAddress else { return .nan }
                    return recursion.pass(yb, states: s, reversed: false, errors: eb.baseAddress)
                }
            }
        }
        self.seasonality = seasonality
        self.period = lag
        self.parameters = parameters
        self.sse = sse
        self.criterion = Double(n) * log(sse)
        self.count = n
        self.fitted = zip(y, errors).map { $0 - $1 }
        self.initialStates = initial
        // Rows n..<n+L hold the states after the last L observations.
        self.finalStates = Array(states[(n * c)..<((n + lag) * c)])
    }

    /// Point forecasts for steps 1…h and their standard errors.
    ///
    /// The model is linear in its innovations, so the h-step error is Σ_{j≤h} ψ_{h,j} e_{n+j}
    /// with ψ_{h,h} = 1, and its variance σ² Σ_j ψ²_{h,j} (Hyndman, Koehler, Ord & Snyder 2008,
    /// *Forecasting with Exponential Smoothing*, §6.1, for the linear innovations state-space
    /// form). ψ_{h,j} is read off the recursion run from zero states with a unit error at step
    /// j. σ² is `sigma2` (Σe²/(n − k − 1)); the intervals assume Gaussian innovations.
    public func forecast(horizon h: Int) -> (mean: [Double], standardErrors: [Double]) {
        let lag = period
        let c = seasonality.components
        let recursion = CESRecursion(seasonality: seasonality, lag: lag, parameters: parameters)
        var buffer = [Double](repeating: 0, count: (lag + h) * c)
        var mean = [Double](repeating: 0, count: h)
        var variance = [Double](repeating: 0, count: h)
        buffer.withUnsafeMutableBufferPointer { sb in
            guard let s = sb.baseAddress else { return }
            for k in 0..<finalStates.count { s[k] = finalStates[k] }
            for k in 0..<h {
                let f = recursion.forecast(s, row: lag + k)
                mean[k] = f
                recursion.update(s, row: lag + k, observation: f)
            }
            for j in 0..<h {
                for k in 0..<sb.count { s[k] = 0 }
                for k in j..<h {
                    let psi = k == j ? 1 : recursion.forecast(s, row: lag + k)
                    variance[k] += psi * psi
                    // From zero states the forecast is 0, so the observation is the error ψ.
                    recursion.update(s, row: lag + k, observation: k == j ? 1 : psi)
                }
            }
        }
        let sigma = max(0, sigma2).squareRoot()
        return (mean, variance.map { sigma * $0.squareRoot() })
    }

    static func checkedLag(_ y: [Double], period: Int, seasonality: CES.Seasonality) throws -> Int {
        try ArgumentCheck.noGaps(y, model: "ces")
        try ArgumentCheck.finite(y)
        try ArgumentCheck.observations(y.count, atLeast: minimumCount(seasonality), "CES(\(seasonality.rawValue))")
        guard seasonality != .none else { return 1 }
        guard period >= 2 else {
            throw ForecastingError(
                .invalidArgument,
                "CES(\(seasonality.rawValue)) needs a seasonal period of at least 2, got \(period)")
        }
        guard y.count >= 2 * period else {
            throw ForecastingError(
                .tooShort,
                "CES(\(seasonality.rawValue)) with period \(period) needs two full cycles (\(2 * period) observations), got \(y.count)"
            )
        }
        return period
    }

    /// The L starting state rows, flattened (see the type's documentation).
    static func startingStates(_ y: [Double], lag: Int, seasonality: CES.Seasonality) throws -> [Double] {
        let c = seasonality.components
        var s = [Double](repeating: 0, count: lag * c)
        switch seasonality {
        case .none:
            let k = min(10, y.count)
            let level = y[0..<k].reduce(0, +) / Double(k)
            s[0] = level
            s[1] = level / 1.1
        case .simple:
            for r in 0..<lag {
                s[r * c] = y[r]
                s[r * c + 1] = y[r] / 1.1
            }
        case .partial, .full:
            let level = y[0..<lag].reduce(0, +) / Double(lag)
            let indices = try ClassicalDecomposition(y, period: lag, kind: .additive).indices
            for r in 0..<lag {
                s[r * c] = level
                s[r * c + 1] = level / 1.1
                s[r * c + 2] = indices[r]
                if seasonality == .full { s[r * c + 3] = indices[r] / 1.1 }
            }
        }
        return s
    }
}

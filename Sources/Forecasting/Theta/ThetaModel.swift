import Foundation
import TimeSeriesCore

/// The Theta method in the state-space form of Fiorucci, Pellegrini, Louzada, Petropoulos &
/// Koehler (2016), "Models for optimising the theta method and their relationship to state space
/// models", International Journal of Forecasting 32, 1151–1161 (§2–3), fitted to a non-seasonal
/// (or seasonally adjusted) series.
///
/// With time t = 1…n, smoothing weight α, theta coefficient θ and initial level ℓ₀:
///
///     μₜ = ℓₜ₋₁ + (1 − 1/θ) [ (1 − α)^(t−1) Aₜ₋₁ + (1 − (1 − α)^t)/α · Bₜ₋₁ ]
///     Yₜ = μₜ + εₜ,      ℓₜ = α Yₜ + (1 − α) ℓₜ₋₁
///
/// where Aₜ, Bₜ are the intercept and slope of the least-squares line through Y₁…Yₜ (against
/// t = 1, 2, …). In the *static* models (STM, OTM) A and B are fitted once to the whole sample;
/// in the *dynamic* models (DSTM, DOTM) they are updated as observations arrive:
///
///     Ȳₜ = ((t − 1) Ȳₜ₋₁ + Yₜ)/t
///     Bₜ = [ (t − 2) Bₜ₋₁ + 6 (Yₜ − Ȳₜ₋₁)/t ] / (t + 1)
///     Aₜ = Ȳₜ − (t + 1) Bₜ / 2,   starting from A₁ = Y₁, B₁ = 0 (so μ₁ = Y₁).
///
/// θ = 2 gives the standard Theta method (Assimakopoulos & Nikolopoulos 2000), which Hyndman &
/// Billah (2003) showed to be simple exponential smoothing with drift B/2. The optimised models
/// estimate θ ≥ 1 as well. Forecasts run the recursion forward with Yₜ replaced by μₜ.
///
/// Estimation minimises the sum of squared one-step errors from t = 4 on (the first three are a
/// burn-in), scaled by the mean absolute value of the series, by Nelder–Mead over ℓ₀ (free),
/// α ∈ [0.1, 0.99] and θ ∈ [1, ∞), from ℓ₀ = Y₁/2, α = 0.5, θ = 2: the choices of the authors'
/// R package `forecTheta` and of statsforecast.
public struct ThetaModel: Sendable, Equatable, Codable {
    /// The four models of Fiorucci et al. (2016).
    public enum Variant: String, Sendable, Codable, CaseIterable {
        /// Standard Theta model: θ = 2, static A and B.
        case stm
        /// Optimised Theta model: θ estimated, static A and B.
        case otm
        /// Dynamic standard Theta model: θ = 2, A and B updated each period.
        case dstm
        /// Dynamic optimised Theta model: θ estimated, A and B updated each period.
        case dotm

        public var isDynamic: Bool { self == .dstm || self == .dotm }
        public var estimatesTheta: Bool { self == .otm || self == .dotm }
    }

    public var variant: Variant
    public var alpha: Double
    public var theta: Double
    /// ℓ₀, the level before the first observation.
    public var initialLevel: Double
    /// Mean of the squared one-step errors from t = 4 on.
    public var mse: Double
    /// Standard deviation of those errors (divisor count − 1): the σ of εₜ.
    public var sigma: Double
    /// One-step fitted values μ₁…μₙ.
    public var fitted: [Double]
    /// The state after the last observation: ℓₙ, Ȳₙ, Aₙ, Bₙ, and n.
    public var level: Double
    public var meanY: Double
    public var intercept: Double
    public var slope: Double
    public var count: Int

    /// The smallest series the estimator accepts: three burn-in errors and at least one to score.
    public static let minimumCount = 4
    /// Nelder–Mead restarts from the optimum after the first run.
    static let restarts = 1

    /// Refuses fewer than `minimumCount` observations (`too-short`).
    static func checkLength(_ count: Int) throws {
        try ArgumentCheck.observations(count, atLeast: minimumCount, "the Theta method")
    }

    /// Fits `variant` to `y` (finite values, at least `minimumCount` of them).
    public static func fit(_ y: [Double], variant: Variant) throws -> ThetaModel {
        let n = y.count
        try checkLength(n)
        try ArgumentCheck.noGaps(y, model: "theta")
        try ArgumentCheck.finite(y)
        var scale = 0.0
        for v in y { scale += abs(v) }
        scale = max(scale / Double(n), 1e-10)
        let line = leastSquaresLine(y)

        var start = [y[0] / 2, 0.5]
        var lower = [-Double.infinity, 0.1]
        var upper = [Double.infinity, 0.99]
        if variant.estimatesTheta {
            start.append(2)
            lower.append(1)
            upper.append(.infinity)
        }
        var options = NelderMead.Options()
        // statsforecast stops when the objective values of the simplex agree (sd < 1e-4),
        // whatever the spread of the points; 1000 iterations at most.
        options.xTolerance = .infinity
        options.fTolerance = 2e-4
        options.maxIterations = 1000
        let result = y.withUnsafeBufferPointer { buffer in
            let objective = { (x: [Double]) -> Double in
                let theta = variant.estimatesTheta ? x[2] : 2
                return sumOfSquares(
                    buffer, variant: variant, initialLevel: x[0], alpha: x[1],
                    theta: theta, line: line) / scale
            }
            let optimiser = NelderMead(options: options)
            var best = optimiser.minimize(objective, start: start, lower: lower, upper: upper)
            // One restart from the optimum with a fresh simplex: a collapsed simplex often stops
            // short on the ridge where α sits at a bound (Nelder–Mead is not globally convergent).
            for _ in 0..<ThetaModel.restarts {
                let again = optimiser.minimize(objective, start: best.x, lower: lower, upper: upper)
                if again.value < best.value { best = again } else { break }
            }
            return best
        }
        let theta = variant.estimatesTheta ? result.x[2] : 2
        guard result.value.isFinite else {
            throw ForecastingError(.fitFailed, "no admissible Theta parameters (the errors overflow)")
        }
        return ThetaModel(
            y, variant: variant, initialLevel: result.x[0], alpha: result.x[1],
            theta: theta, line: line)
    }

    /// The model with given parameters, run through `y` (at least one finite value).
    public init(_ y: [Double], variant: Variant, initialLevel: Double, alpha: Double, theta: Double) {
        self.init(
            y, variant: variant, initialLevel: initialLevel, alpha: alpha, theta: theta,
            line: ThetaModel.leastSquaresLine(y))
    }

    init(
        _ y: [Double], variant: Variant, initialLevel: Double, alpha: Double, theta: Double,
        line: (intercept: Double, slope: Double)
    ) {
        var state = State(
            y[0], variant: variant, initialLevel: initialLevel, alpha: alpha,
            theta: theta, line: line)
        var fitted = [state.firstMean]
        fitted.reserveCapacity(y.count)
        for i in 1..<max(1, y.count) {
            let mu = state.nextMean(at: i)
            fitted.append(mu)
            state.update(with: y[i], at: i)
        }
        var sum = 0.0
        var sumSquares = 0.0
        var k = 0
        for i in 3..<max(3, y.count) {
            let e = y[i] - fitted[i]
            sum += e
            sumSquares += e * e
            k += 1
        }
        (self.variant, self.alpha, self.theta, self.initialLevel) = (variant, alpha, theta, initialLevel)
        self.mse = k > 0 ? sumSquares / Double(k) : 0
        self.sigma = k > 1 ? max(0, (sumSquares - sum * sum / Double(k)) / Double(k - 1)).squareRoot() : 0
        self.fitted = fitted
        self.level = state.level
        self.meanY = state.meanY
        self.intercept = state.a
        self.slope = state.b
        self.count = y.count
    }

    /// Point forecasts for steps 1…h, and ψ-weights: the forecast error at step k is
    /// Σ_{j≤k} ψ_{k,j} ε_{n+j}, every quantity being linear in the observations. ψ_{k,k} = 1.
    public func forecast(horizon h: Int) -> (mean: [Double], standardErrors: [Double]) {
        var state = State(
            level: level, meanY: meanY, a: intercept, b: slope, variant: variant,
            alpha: alpha, theta: theta)
        var mean = [Double]()
        mean.reserveCapacity(h)
        for k in 0..<h {
            let mu = state.nextMean(at: count + k)
            mean.append(mu)
            state.update(with: mu, at: count + k)
        }
        // The error recursion has the same linear form without the constants: a shock at step j
        // moves the state, which moves every later mean. Variance σ² Σ_j ψ²_{k,j}.
        var variance = [Double](repeating: 0, count: h)
        for j in 0..<h {
            var shock = State(level: 0, meanY: 0, a: 0, b: 0, variant: variant, alpha: alpha, theta: theta)
            variance[j] += 1
            shock.update(with: 1, at: count + j)
            for k in (j + 1)..<max(j + 1, h) {
                let psi = shock.nextMean(at: count + k)
                variance[k] += psi * psi
                shock.update(with: psi, at: count + k)
            }
        }
        return (mean, variance.map { sigma * $0.squareRoot() })
    }

    /// Intercept A and slope B of the least-squares line through (t, yₜ), t = 1…n.
    static func leastSquaresLine(_ y: [Double]) -> (intercept: Double, slope: Double) {
        let n = Double(y.count)
        guard y.count >= 2 else { return (y.first ?? 0, 0) }
        var sum = 0.0
        var weighted = 0.0
        for (i, v) in y.enumerated() {
            sum += v
            weighted += Double(i + 1) * v
        }
        let mean = sum / n
        let slope = 6 * (2 * weighted / n - (n + 1) * mean) / (n * n - 1)
        return (mean - (n + 1) * slope / 2, slope)
    }

    /// Σ_{t≥4} (Yₜ − μₜ)², the estimation criterion before scaling; allocation-free.
    static func sumOfSquares(
        _ y: UnsafeBufferPointer<Double>, variant: Variant, initialLevel: Double,
        alpha: Double, theta: Double, line: (intercept: Double, slope: Double)
    ) -> Double {
        var state = State(
            y[0], variant: variant, initialLevel: initialLevel, alpha: alpha,
            theta: theta, line: line)
        var total = 0.0
        for i in 1..<y.count {
            let e = y[i] - state.nextMean(at: i)
            if i >= 3 { total += e * e }
            state.update(with: y[i], at: i)
        }
        return total
    }

    /// The recursion's state after observation i (0-based), i.e. t = i + 1 in the paper.
    struct State {
        var level: Double
        var meanY: Double
        var a: Double
        var b: Double
        /// (1 − α)^(i+1) for the next step i + 1.
        var decay: Double
        let alpha: Double
        let weight: Double
        let dynamic: Bool
        var firstMean: Double

        /// The state after the first observation y₀.
        init(
            _ y0: Double, variant: Variant, initialLevel: Double, alpha: Double, theta: Double,
            line: (intercept: Double, slope: Double)
        ) {
            self.alpha = alpha
            weight = 1 - 1 / theta
            dynamic = variant.isDynamic
            level = alpha * y0 + (1 - alpha) * initialLevel
            meanY = y0
            if dynamic {
                a = y0
                b = 0
                firstMean = y0
            } else {
                a = line.intercept
                b = line.slope
                firstMean = initialLevel + weight * (a + b)
            }
            decay = 1 - alpha
        }

        /// A state given directly (the one after observation `count − 1`, for forecasting).
        init(level: Double, meanY: Double, a: Double, b: Double, variant: Variant, alpha: Double, theta: Double) {
            (self.level, self.meanY, self.a, self.b, self.alpha) = (level, meanY, a, b, alpha)
            weight = 1 - 1 / theta
            dynamic = variant.isDynamic
            decay = .nan
            firstMean = .nan
        }

        /// μ for observation i, from the state after observation i − 1.
        @inline(__always)
        mutating func nextMean(at i: Int) -> Double {
            if decay.isNaN { decay = pow(1 - alpha, Double(i)) }
            return level + weight * (a * decay + b * (1 - decay * (1 - alpha)) / alpha)
        }

        /// Absorbs observation i (0-based).
        @inline(__always)
        mutating func update(with y: Double, at i: Int) {
            let t = Double(i)
            level = alpha * y + (1 - alpha) * level
            let newMean = (t * meanY + y) / (t + 1)
            if dynamic {
                b = ((t - 1) * b + 6 * (y - meanY) / (t + 1)) / (t + 2)
                a = newMean - b * (t + 2) / 2
            }
            meanY = newMean
            decay *= 1 - alpha
        }
    }
}

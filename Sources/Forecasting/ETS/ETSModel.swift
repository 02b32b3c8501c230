import Foundation
import TimeSeriesCore

extension ETS {
    /// A fitted ETS model: the form, its parameters and states, and how well it fits.
    ///
    /// States follow R `forecast::ets`: the state vector is (ℓ, b, s₁, …, sₘ) with s₁ the most
    /// recent seasonal index; `initialStates` is the vector at time 0 (before the first
    /// observation) and `finalStates` after the last one.
    public struct Model: Sendable, Equatable {
        public var form: Form
        /// The seasonal period of the model (1 without a season).
        public var period: Int
        public var alpha: Double
        /// Slope smoothing (0 without trend).
        public var beta: Double
        /// Seasonal smoothing (0 without season).
        public var gamma: Double
        /// Damping (1 without damping).
        public var phi: Double
        public var initialStates: [Double]
        public var finalStates: [Double]
        /// Estimated parameters, smoothing and initial states, not counting σ².
        public var estimatedParameterCount: Int
        /// Number of observations fitted.
        public var count: Int
        /// −2 log L up to a constant, R's `lik`: n·log Σeₜ² (+ 2Σlog|μₜ| for multiplicative
        /// errors). `logLikelihood` = −lik/2.
        public var lik: Double
        /// Σeₜ²/(n − k), k the number of estimated smoothing parameters and free initial states
        /// (R `forecast::ets`).
        public var sigma2: Double
        /// Mean squared one-step error, Σ(yₜ − μₜ)²/n.
        public var mse: Double
        /// eₜ: yₜ − μₜ, or (yₜ − μₜ)/μₜ for multiplicative errors.
        public var residuals: [Double]
        /// One-step fitted values μₜ.
        public var fitted: [Double]
        /// Fallbacks and selection evidence, in plain words.
        public var notes: [String] = []
        /// Whether the likelihood criteria mean anything (not for an exact fit of a constant).
        public var hasCriteria: Bool = true

        public var logLikelihood: Double { -0.5 * lik }
        /// AIC = lik + 2(k + 1), counting σ² (R `forecast::ets`).
        public var aic: Double { lik + 2 * Double(estimatedParameterCount + 1) }
        public var bic: Double { lik + log(Double(count)) * Double(estimatedParameterCount + 1) }
        /// AICc = AIC + 2p(p + 1)/(n − p − 1) with p = k + 1; +∞ when n ≤ p + 1.
        public var aicc: Double {
            let p = Double(estimatedParameterCount + 1)
            let denominator = Double(count) - p - 1
            return denominator > 0 ? aic + 2 * p * (p + 1) / denominator : .infinity
        }

        func criterion(_ c: Specification.Criterion) -> Double {
            switch c {
            case .aic: aic
            case .aicc: aicc
            case .bic: bic
            }
        }

        /// Runs the model over `y` from given parameters and initial states, without estimating
        /// anything: the residuals, states and likelihood of HKOS §5.2.
        ///
        /// `initialStates` is ℓ₀, b₀ (with trend), then s₀, s₋₁, … either all m seasonal states
        /// or the first m − 1 (the last then follows from Σs = 0, or Σs = m when multiplicative).
        /// `estimatedParameterCount` defaults to every smoothing parameter of the form plus the
        /// free initial states, as when all are estimated.
        public init(
            evaluating y: [Double], form: Form, period: Int, alpha: Double, beta: Double = 0,
            gamma: Double = 0, phi: Double = 1, initialStates: [Double],
            estimatedParameterCount: Int? = nil
        ) throws {
            let m = form.hasSeason ? period : 1
            guard !y.isEmpty, y.allSatisfy(\.isFinite) else {
                throw ForecastingError(.nonFinite, "the series is empty or has non-finite values")
            }
            guard !form.hasSeason || m >= 2 else {
                throw ForecastingError(.invalidArgument, "a seasonal ETS model needs a period of at least 2")
            }
            let base = form.hasTrend ? 2 : 1
            var states = initialStates
            if form.hasSeason && states.count == base + m - 1 {
                let sum = states[base...].reduce(0, +)
                states.append((form.season == .multiplicative ? Double(m) : 0) - sum)
            }
            guard states.count == base + (form.hasSeason ? m : 0) else {
                throw ForecastingError(
                    .invalidArgument,
                    "\(form) needs \(base + (form.hasSeason ? m : 0)) initial states, got \(initialStates.count)")
            }
            let smoothing = ETSSmoothing(
                alpha: alpha, beta: form.hasTrend ? beta : 0,
                gamma: form.hasSeason ? gamma : 0, phi: form.isDamped ? phi : 1)
            let k =
                estimatedParameterCount
                ?? (1 + (form.hasTrend ? 1 : 0) + (form.hasSeason ? 1 : 0) + (form.isDamped ? 1 : 0)
                    + base + (form.hasSeason ? m - 1 : 0))
            self = Model.run(y, form: form, period: m, smoothing: smoothing, states: states, estimatedParameterCount: k)
        }

        /// The recursion over the data from full initial states.
        static func run(
            _ y: [Double], form: Form, period m: Int, smoothing: ETSSmoothing, states: [Double],
            estimatedParameterCount k: Int
        ) -> Model {
            let n = y.count
            let base = form.hasTrend ? 2 : 1
            var level = states[0]
            var slope = form.hasTrend ? states[1] : 0
            // ring[j] applies to observation j (mod m): sₘ (the oldest) first.
            var ring = [Double](repeating: 0, count: form.hasSeason ? m : 0)
            if form.hasSeason { for j in 0..<m { ring[j] = states[base + m - 1 - j] } }
            var residuals = [Double](repeating: 0, count: n)
            var fitted = [Double](repeating: 0, count: n)
            var sumSquares = 0.0
            let lik = y.withUnsafeBufferPointer { yb in
                ring.withUnsafeMutableBufferPointer { rb in
                    residuals.withUnsafeMutableBufferPointer { eb in
                        fitted.withUnsafeMutableBufferPointer { fb in
                            ETSRecursion.run(
                                yb, form: form, period: m, smoothing, level: &level, slope: &slope,
                                ring: rb, sumSquares: &sumSquares,
                                trace: .init(residuals: eb.baseAddress!, fitted: fb.baseAddress!))
                        }
                    }
                }
            }
            var final = [level]
            if form.hasTrend { final.append(slope) }
            if form.hasSeason { for j in 0..<m { final.append(ring[((n - 1 - j) % m + m) % m]) } }
            let sse = residuals.reduce(0) { $0 + $1 * $1 }
            let dof = n - k
            return Model(
                form: form, period: m, alpha: smoothing.alpha, beta: smoothing.beta, gamma: smoothing.gamma,
                phi: smoothing.phi, initialStates: states, finalStates: final, estimatedParameterCount: k,
                count: n, lik: lik.isNaN ? .infinity : max(lik, -1e10),
                sigma2: sse / Double(dof > 0 ? dof : n), mse: sumSquares / Double(n),
                residuals: residuals, fitted: fitted)
        }

        private init(
            form: Form, period: Int, alpha: Double, beta: Double, gamma: Double, phi: Double,
            initialStates: [Double], finalStates: [Double], estimatedParameterCount: Int, count: Int,
            lik: Double, sigma2: Double, mse: Double, residuals: [Double], fitted: [Double]
        ) {
            (self.form, self.period, self.alpha, self.beta, self.gamma) = (form, period, alpha, beta, gamma)
            (self.phi, self.initialStates, self.finalStates) = (phi, initialStates, finalStates)
            (self.estimatedParameterCount, self.count, self.lik) = (estimatedParameterCount, count, lik)
            (self.sigma2, self.mse, self.residuals, self.fitted) = (sigma2, mse, residuals, fitted)
        }

        var smoothing: ETSSmoothing { ETSSmoothing(alpha: alpha, beta: beta, gamma: gamma, phi: phi) }

        /// Point forecasts for steps 1...h: ℓₙ + φₕbₙ (+ or ×) the seasonal index of step h,
        /// with φₕ = φ + φ² + … + φʰ (HKOS Table 2.1). R `forecast::ets` and statsforecast sum
        /// φ + φ + φ² + … + φʰ⁻¹ instead (their `phistar`), which extrapolates a damped trend a
        /// little further; on M3 the two differ by less than 0.01 sMAPE.
        public func pointForecasts(horizon h: Int) -> [Double] {
            let base = form.hasTrend ? 2 : 1
            var ring: [Double] = []
            if form.hasSeason {
                // Step j + 1 uses s_{m−j} of the final vector (index base + m − 1 − j mod m).
                ring = (0..<period).map { finalStates[base + period - 1 - $0] }
            }
            return ETSRecursion.forecast(
                form: form, period: period, phi: phi, level: finalStates[0],
                slope: form.hasTrend ? finalStates[1] : 0, ring: ring, offset: 0, horizon: h)
        }

        /// What a document shows: `ETS(M,Ad,M)`, parameters (α, β, γ, φ, ℓ₀, b₀, s0 … s{m−1},
        /// where s{k} is the initial seasonal state s₋ₖ) and criteria.
        public var summary: ModelSummary {
            var parameters: [String: Double] = ["alpha": alpha]
            if form.hasTrend { parameters["beta"] = beta }
            if form.hasSeason { parameters["gamma"] = gamma }
            if form.isDamped { parameters["phi"] = phi }
            parameters["l0"] = initialStates[0]
            let base = form.hasTrend ? 2 : 1
            if form.hasTrend { parameters["b0"] = initialStates[1] }
            if form.hasSeason { for j in 0..<period { parameters["s\(j)"] = initialStates[base + j] } }
            var criteria: [String: Double] = ["sigma2": sigma2, "mse": mse]
            if hasCriteria {
                criteria["loglik"] = logLikelihood
                criteria["aic"] = aic
                criteria["bic"] = bic
                if aicc.isFinite { criteria["aicc"] = aicc }
            }
            return ModelSummary(
                name: form.description, family: "ets", parameters: parameters,
                criteria: criteria.filter { $0.value.isFinite }, notes: notes)
        }
    }
}

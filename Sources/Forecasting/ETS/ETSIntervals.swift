import Foundation
import TimeSeriesCore

extension ETS.Model {
    /// The coefficients cⱼ of HKOS §6.3 (Table 6.2) for the models with a linear mean
    /// structure: cⱼ = α + β·φⱼ + γ·dⱼ,ₘ, with φⱼ = j (undamped) or φ + … + φʲ (damped) and
    /// dⱼ,ₘ = 1 when j is a multiple of m.
    func varianceCoefficients(horizon h: Int) -> [Double] {
        var c = [Double](repeating: alpha, count: h)
        var phiSum = 0.0
        var power = 1.0
        for j in 1..<max(h, 1) {
            if form.hasTrend {
                power *= form.isDamped ? phi : 1
                phiSum += power
                c[j - 1] += beta * phiSum
            }
            if form.season == .additive, j % period == 0 { c[j - 1] += gamma }
        }
        return c
    }

    /// Forecast variances vₕ where they have a closed form, nil otherwise.
    ///
    /// Class 1 (additive error, no multiplicative component; HKOS eq. 6.4):
    ///   vₕ = σ²(1 + Σ_{j=1}^{h−1} cⱼ²).
    /// Class 2 (multiplicative error, linear mean; HKOS eq. 6.6–6.7): with θ₁ = μ₁² and
    ///   θₕ = μₕ² + σ² Σ_{j=1}^{h−1} cⱼ² θₕ₋ⱼ,  vₕ = (1 + σ²)θₕ − μₕ².
    /// The others (multiplicative season) are simulated.
    public func forecastVariances(means mu: [Double]) -> [Double]? {
        let h = mu.count
        let c = varianceCoefficients(horizon: h)
        if form.isLinear {
            var v = [Double](repeating: sigma2, count: h)
            var acc = 0.0
            for i in 1..<max(h, 1) {
                acc += c[i - 1] * c[i - 1]
                v[i] = sigma2 * (1 + acc)
            }
            return v
        }
        if form.isClassTwo {
            var theta = [Double](repeating: 0, count: h)
            var v = [Double](repeating: 0, count: h)
            for i in 0..<h {
                var s = 0.0
                for j in 1...max(i, 1) where j <= i { s += c[j - 1] * c[j - 1] * theta[i - j] }
                theta[i] = mu[i] * mu[i] + sigma2 * s
                v[i] = (1 + sigma2) * theta[i] - mu[i] * mu[i]
            }
            return v
        }
        return nil
    }

    /// Simulated future sample paths (HKOS §6.1): the recursions run forward with
    /// εₜ ~ N(0, σ²) drawn from a seeded generator, so the paths are reproducible.
    /// Returned as paths[step][path].
    public func simulate(horizon h: Int, paths: Int, seed: UInt64) -> [[Double]] {
        var rng = SeededGenerator(seed: seed)
        let sigma = sigma2.squareRoot()
        let base = form.hasTrend ? 2 : 1
        let m = period
        var out = [[Double]](repeating: [Double](repeating: 0, count: paths), count: h)
        let initialRing: [Double] = form.hasSeason ? (0..<m).map { finalStates[base + m - 1 - $0] } : []
        var ring = initialRing
        let betaOverAlpha = alpha > 0 ? beta / alpha : 0
        let damping = form.hasTrend ? phi : 0
        for path in 0..<paths {
            var l = finalStates[0]
            var b = form.hasTrend ? finalStates[1] : 0
            for j in 0..<m where form.hasSeason { ring[j] = initialRing[j] }
            var k = 0
            for step in 0..<h {
                let phib = damping * b
                let q = l + phib
                let sOld = form.hasSeason ? ring[k] : 0
                let mu: Double
                switch form.season {
                case .none: mu = q
                case .additive: mu = q + sOld
                case .multiplicative: mu = q * sOld
                }
                let e = sigma * rng.nextNormal()
                let yt = form.error == .additive ? mu + e : mu * (1 + e)
                out[step][path] = yt
                let next = ETSRecursion.update(
                    yt, q: q, phib: phib, previousLevel: l, seasonal: sOld, form: form,
                    alpha: alpha, betaOverAlpha: betaOverAlpha, gamma: gamma)
                l = next.level
                b = next.slope
                if form.hasSeason {
                    ring[k] = next.seasonal
                    k += 1
                    if k == m { k = 0 }
                }
            }
        }
        return out
    }

    /// Point forecasts with intervals at `levels` (%): Gaussian with the closed-form variance
    /// for classes 1 and 2, empirical quantiles of `simulationPaths` simulated paths otherwise
    /// (multiplicative season: ETS(M,N,M), ETS(M,A,M), ETS(M,Ad,M), and the additive-error
    /// ones with a multiplicative season, fitted only when named).
    public func forecast(
        horizon h: Int, levels: [Int], simulationPaths: Int = 5000,
        seed: UInt64 = 20_080_601
    ) -> Forecast {
        let mean = pointForecasts(horizon: h)
        var intervals: [PredictionInterval] = []
        var summary = self.summary
        if !levels.isEmpty {
            if let v = forecastVariances(means: mean) {
                for level in levels {
                    let z = NormalDistribution.criticalValue(level: level)
                    let sd = v.map { max($0, 0).squareRoot() }
                    intervals.append(
                        PredictionInterval(
                            level: level, lower: zip(mean, sd).map { $0 - z * $1 },
                            upper: zip(mean, sd).map { $0 + z * $1 }))
                }
            } else {
                let count = ETS.Model.simulatedPaths(requested: simulationPaths, horizon: h)
                var paths = simulate(horizon: h, paths: count, seed: seed)
                for i in 0..<h { paths[i].sort() }
                for level in levels {
                    let lo = 0.5 - Double(level) / 200
                    let hi = 0.5 + Double(level) / 200
                    intervals.append(
                        PredictionInterval(
                            level: level,
                            lower: paths.map { ETS.Model.quantile(sorted: $0, lo) },
                            upper: paths.map { ETS.Model.quantile(sorted: $0, hi) }))
                }
                summary.notes.append("intervals from \(count) simulated sample paths")
            }
        }
        return Forecast(model: summary, mean: mean, intervals: intervals, fitted: fitted)
    }

    /// Simulated values (paths × steps) one forecast may ask for: 5000 paths up to 1000 steps ahead,
    /// fewer beyond (40 MB and a few seconds at most; docs/contract.md, "Limits").
    public static let simulationBudget = 5_000_000

    /// The paths simulated for `requested` paths over `horizon` steps: the requested number (at
    /// least 2) while paths × steps stays within `simulationBudget`, else as many as fit, and at
    /// least 500 (whose 2.5% and 97.5% quantiles still rest on a dozen paths each).
    public static func simulatedPaths(requested: Int, horizon: Int) -> Int {
        let requested = max(requested, 2)
        let fit = simulationBudget / max(horizon, 1)
        return fit >= requested ? requested : min(requested, max(fit, 500))
    }

    /// The sample quantile with linear interpolation between order statistics (Hyndman & Fan
    /// 1996, type 7; R's and NumPy's default).
    static func quantile(sorted x: [Double], _ p: Double) -> Double {
        let position = p * Double(x.count - 1)
        let i = Int(position.rounded(.down))
        let fraction = position - Double(i)
        if i + 1 >= x.count { return x[x.count - 1] }
        return x[i] + fraction * (x[i + 1] - x[i])
    }
}

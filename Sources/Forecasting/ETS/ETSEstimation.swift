/// Maximum-likelihood estimation of one ETS model: the smoothing parameters and the initial
/// states are optimised jointly by bounded Nelder–Mead on R's concentrated likelihood
/// (n·log Σe² + 2Σlog|μ| for multiplicative errors), with the usual and admissible regions
/// enforced by an infinite objective outside them (R `forecast::ets`, `bounds = "both"`).
enum ETSEstimation {
    /// Optimiser settings of statsforecast's ETS: the starting simplex moves each coordinate
    /// by 5 % of its own value (10⁻⁴ from zero), and the search stops when the standard
    /// deviation of the n + 1 objective values falls below 10⁻⁴ (the states have no common
    /// scale, so no x tolerance), or after 1000 iterations. Series with a seasonal period
    /// (m > 1) keep the range-scaled step and the stop on the value range. Both choices were
    /// measured on M3: docs/design/estimation-choices.md.
    static func optimizerOptions(parameterCount: Int, periodic: Bool = false) -> NelderMead.Options {
        var o = NelderMead.Options()
        o.xTolerance = .infinity
        o.fTolerance = 1e-4
        o.maxIterations = 1000
        o.relativeStep = !periodic
        o.standardDeviationStop = !periodic
        return o
    }

    /// Fits `form` to `y`; nil when the model has as many parameters as the data allow
    /// (k ≥ n − 1, R's rule) or no admissible start exists.
    static func fit(
        _ y: [Double], form: ETS.Form, period: Int, specification spec: ETS.Specification,
        space baseSpace: ETSParameterSpace = ETSParameterSpace()
    ) throws -> ETS.Model? {
        let m = form.hasSeason ? period : 1
        let n = y.count
        let space = narrowedSpace(baseSpace, specification: spec)
        let start = startingValues(form: form, period: m, space: space, specification: spec)
        let estimate = (
            alpha: spec.alpha == nil, beta: form.hasTrend && spec.beta == nil,
            gamma: form.hasSeason && spec.gamma == nil, phi: form.isDamped && spec.phi == nil
        )
        var scratch = [Double](repeating: 0, count: 2 * (m + 2))
        let startAdmissible = scratch.withUnsafeMutableBufferPointer {
            ETSParameterSpace.isAdmissible(start, form: form, period: m, scratch: $0)
        }
        guard space.isUsual(start, form: form, estimated: estimate), startAdmissible else { return nil }

        let states = try ETSInitialization.states(y, form: form, period: m)
        var (x0, lower, upper) = searchBox(start, space: space, estimate: estimate, specification: spec)
        let smoothingCount = x0.count
        x0.append(contentsOf: states)
        lower.append(contentsOf: [Double](repeating: -.infinity, count: states.count))
        upper.append(contentsOf: [Double](repeating: .infinity, count: states.count))
        let k = x0.count
        guard k < n - 1 else { return nil }

        let base = form.hasTrend ? 2 : 1
        let multiplicativeSeason = form.season == .multiplicative
        let seasonTotal = multiplicativeSeason ? Double(m) : 0
        var ring = [Double](repeating: 0, count: form.hasSeason ? m : 0)

        @inline(__always) func decode(_ x: [Double]) -> ETSSmoothing {
            var p = start
            var j = 0
            // x holds the estimated ones, in the order α, β, γ, φ.
            @inline(__always) func take(_ estimated: Bool, _ value: inout Double) {
                guard estimated else { return }
                value = x[j]
                j += 1
            }
            take(estimate.alpha, &p.alpha)
            take(estimate.beta, &p.beta)
            take(estimate.gamma, &p.gamma)
            take(estimate.phi, &p.phi)
            return p
        }

        let result: NelderMead.Result = y.withUnsafeBufferPointer { yb in
            ring.withUnsafeMutableBufferPointer { rb in
                scratch.withUnsafeMutableBufferPointer { sb in
                    let objective: ([Double]) -> Double = { x in
                        let p = decode(x)
                        guard space.isUsual(p, form: form, estimated: estimate),
                            ETSParameterSpace.isAdmissible(p, form: form, period: m, scratch: sb)
                        else { return .infinity }
                        let s0 = smoothingCount
                        if form.hasSeason {
                            // Free states s₀ … s₋ₘ₊₂ ; the oldest follows from the normalisation.
                            var sum = 0.0
                            for j in 0..<(m - 1) { sum += x[s0 + base + j] }
                            let last = seasonTotal - sum
                            if multiplicativeSeason {
                                if last < 0 { return .infinity }
                                for j in 0..<(m - 1) where x[s0 + base + j] < 0 { return .infinity }
                            }
                            rb[0] = last
                            for j in 1..<m { rb[j] = x[s0 + base + m - 1 - j] }
                        }
                        var level = x[s0]
                        var slope = form.hasTrend ? x[s0 + 1] : 0
                        var sq = 0.0
                        let lik = ETSRecursion.run(
                            yb, form: form, period: m, p, level: &level, slope: &slope,
                            ring: rb, sumSquares: &sq)
                        if lik.isNaN { return .infinity }
                        return max(lik, -1e10)
                    }
                    return NelderMead(options: optimizerOptions(parameterCount: k, periodic: period > 1))
                        .minimize(objective, start: x0, lower: lower, upper: upper)
                }
            }
        }
        guard result.value.isFinite else { return nil }
        let p = decode(result.x)
        var full = Array(result.x[smoothingCount...])
        if form.hasSeason {
            let sum = full[base...].reduce(0, +)
            full.append(seasonTotal - sum)
        }
        return ETS.Model.run(y, form: form, period: m, smoothing: p, states: full, estimatedParameterCount: k)
    }

    /// The parameter space of `spec`: fixed values narrow the others' ranges (R `etsmodel`).
    static func narrowedSpace(_ baseSpace: ETSParameterSpace, specification spec: ETS.Specification)
        -> ETSParameterSpace
    {
        var space = baseSpace
        if let a = spec.alpha {
            space.upper.beta = min(a, space.upper.beta)
            space.upper.gamma = min(1 - a, space.upper.gamma)
        }
        if let b = spec.beta { space.lower.alpha = max(b, space.lower.alpha) }
        if let g = spec.gamma { space.upper.alpha = min(1 - g, space.upper.alpha) }
        return space
    }

    /// The starting smoothing parameters (R `initparam`): each free one a set fraction into its
    /// range, pulled back inside where that fraction falls out of [0, 1] or above α.
    static func startingValues(
        form: ETS.Form, period m: Int, space: ETSParameterSpace,
        specification spec: ETS.Specification
    ) -> ETSSmoothing {
        var start = ETSSmoothing(alpha: spec.alpha ?? 0)
        if spec.alpha == nil {
            start.alpha = space.lower.alpha + 0.2 * (space.upper.alpha - space.lower.alpha) / Double(m)
            if start.alpha > 1 || start.alpha < 0 { start.alpha = space.lower.alpha + 2e-3 }
        }
        if form.hasTrend {
            if let b = spec.beta {
                start.beta = b
            } else {
                let upper = min(space.upper.beta, start.alpha)
                start.beta = space.lower.beta + 0.1 * (upper - space.lower.beta)
                if start.beta < 0 || start.beta > start.alpha { start.beta = start.alpha - 1e-3 }
            }
        }
        if form.hasSeason {
            if let g = spec.gamma {
                start.gamma = g
            } else {
                let upper = min(space.upper.gamma, 1 - start.alpha)
                start.gamma = space.lower.gamma + 0.05 * (upper - space.lower.gamma)
                if start.gamma < 0 || start.gamma > 1 - start.alpha { start.gamma = 1 - start.alpha - 1e-3 }
            }
        }
        if form.isDamped {
            if let p = spec.phi {
                start.phi = p
            } else {
                start.phi = space.lower.phi + 0.99 * (space.upper.phi - space.lower.phi)
                if start.phi < 0 || start.phi > 1 { start.phi = space.upper.phi - 1e-3 }
            }
        }
        return start
    }

    /// The start and bounds of the estimated smoothing parameters, in the order α, β, γ, φ.
    static func searchBox(
        _ start: ETSSmoothing, space: ETSParameterSpace,
        estimate: (alpha: Bool, beta: Bool, gamma: Bool, phi: Bool),
        specification spec: ETS.Specification
    ) -> (x0: [Double], lower: [Double], upper: [Double]) {
        var x0: [Double] = []
        var lower: [Double] = []
        var upper: [Double] = []
        if estimate.alpha {
            x0.append(start.alpha)
            lower.append(space.lower.alpha)
            upper.append(space.upper.alpha)
        }
        // The search box of β and γ is the one statsforecast uses: β ≤ α₀ and γ ≤ 1 − α₀ for the
        // starting α₀ (R computes the same narrowed limits in `initparam` for the starting values
        // only). On M3 this restraint on the slope forecasts better than the full usual region.
        let betaCap = spec.restrainedSearch ? min(space.upper.beta, start.alpha) : space.upper.beta
        let gammaCap = spec.restrainedSearch ? min(space.upper.gamma, 1 - start.alpha) : space.upper.gamma
        if estimate.beta {
            x0.append(start.beta)
            lower.append(space.lower.beta)
            upper.append(betaCap)
        }
        if estimate.gamma {
            x0.append(start.gamma)
            lower.append(space.lower.gamma)
            upper.append(gammaCap)
        }
        if estimate.phi {
            x0.append(start.phi)
            lower.append(space.lower.phi)
            upper.append(space.upper.phi)
        }
        return (x0, lower, upper)
    }
}

import Foundation

/// The smoothing parameters of one ETS model; absent components take their neutral value
/// (β = 0 without trend, γ = 0 without season, φ = 1 without damping).
struct ETSSmoothing: Sendable, Equatable {
    var alpha: Double
    var beta: Double = 0
    var gamma: Double = 0
    var phi: Double = 1
}

/// The state-space recursions of HKOS Table 2.3, in the error-correction form of R
/// `forecast::ets` (`etscalc`):
///
///   q = ℓ + φb,  μ = q + s (or q·s),  ℓ⁺ = q + α(p − q) with p = y − s (or y/s),
///   b⁺ = φb + (β/α)(ℓ⁺ − ℓ − φb),  s⁺ = s + γ(t − s) with t = y − q (or y/q).
///
/// The updates are the same for additive and multiplicative errors; the error type changes
/// only the residual, eₜ = yₜ − μₜ or (yₜ − μₜ)/μₜ, and the likelihood. Seasonal states live in
/// a ring buffer: `ring[t mod m]` holds the seasonal index that applies to observation t.
enum ETSRecursion {
    static let tiny = 1e-10
    static let huge = 1e10

    /// Output of a full pass over the data.
    struct Trace {
        var residuals: UnsafeMutablePointer<Double>
        var fitted: UnsafeMutablePointer<Double>
    }

    /// Runs the recursion over `y` and returns −2 log L up to a constant, the concentrated
    /// Gaussian likelihood of HKOS §5.2 as computed by R (`lik`):
    ///
    ///   n·log Σeₜ² (+ 2 Σ log|μₜ| for multiplicative errors).
    ///
    /// `level`, `slope` and `ring` hold the initial states on entry and the final states on
    /// exit. `sumSquares` returns Σ(yₜ − μₜ)² (the one-step MSE numerator).
    @inline(__always)
    static func run(
        _ y: UnsafeBufferPointer<Double>, form: ETS.Form, period m: Int, _ p: ETSSmoothing,
        level: inout Double, slope: inout Double, ring: UnsafeMutableBufferPointer<Double>,
        sumSquares: inout Double, trace: Trace? = nil
    ) -> Double {
        let n = y.count
        let additiveError = form.error == .additive
        let hasTrend = form.hasTrend
        let season = form.season
        let alpha = p.alpha
        let betaOverAlpha = p.beta / p.alpha
        let gamma = p.gamma
        let phi = hasTrend ? p.phi : 0
        var l = level
        var b = hasTrend ? slope : 0
        var sse = 0.0
        var sq = 0.0
        // Σ log|μ| accumulated as a product kept in [1, 2) with a separate binary exponent,
        // so that one logarithm serves the whole series.
        var mantissa = 1.0
        var exponent = 0
        var k = 0
        for t in 0..<n {
            let yt = y[t]
            let phib = phi * b
            let q = l + phib
            var mu = q
            var sOld = 0.0
            switch season {
            case .none: break
            case .additive:
                sOld = ring[k]
                mu = q + sOld
            case .multiplicative:
                sOld = ring[k]
                mu = q * sOld
            }
            let e: Double
            if additiveError {
                e = yt - mu
            } else {
                let denominator = abs(mu) < tiny ? mu + tiny : mu
                e = (yt - mu) / denominator
                let a = abs(mu)
                mantissa *= a > 0 ? a : 1e-8
                if mantissa.isNormal {
                    exponent += Int(mantissa.exponent)
                    mantissa = mantissa.significand
                }
            }
            sse += e * e
            let d = yt - mu
            sq += d * d
            if let trace {
                trace.residuals[t] = e
                trace.fitted[t] = mu
            }
            let next = update(
                yt, q: q, phib: phib, previousLevel: l, seasonal: sOld, form: form,
                alpha: alpha, betaOverAlpha: betaOverAlpha, gamma: gamma)
            if hasTrend { b = next.slope }
            if season != .none { ring[k] = next.seasonal }
            let lNew = next.level
            l = lNew
            k += 1
            if k == m { k = 0 }
        }
        level = l
        slope = b
        sumSquares = sq
        var lik = Double(n) * log(sse)
        if !additiveError {
            lik += 2 * (log(mantissa) + Double(exponent) * M_LN2)
        }
        return lik
    }

    /// One update of the states after observing `yt` (HKOS Table 2.3, error-correction form):
    /// `q` = ℓ + φb, `phib` = φb, `seasonal` = the index that applied to `yt`.
    @inline(__always)
    static func update(
        _ yt: Double, q: Double, phib: Double, previousLevel l: Double, seasonal sOld: Double,
        form: ETS.Form, alpha: Double, betaOverAlpha: Double, gamma: Double
    )
        -> (level: Double, slope: Double, seasonal: Double)
    {
        let pt: Double
        switch form.season {
        case .none: pt = yt
        case .additive: pt = yt - sOld
        case .multiplicative: pt = abs(sOld) < tiny ? huge : yt / sOld
        }
        let lNew = q + alpha * (pt - q)
        let bNew = form.hasTrend ? phib + betaOverAlpha * (lNew - l - phib) : 0
        var sNew = 0.0
        switch form.season {
        case .none: break
        case .additive: sNew = sOld + gamma * (yt - q - sOld)
        case .multiplicative:
            let ratio = abs(q) < tiny ? huge : yt / q
            sNew = sOld + gamma * (ratio - sOld)
        }
        return (lNew, bNew, sNew)
    }

    /// Point forecasts 1...h from the states after the last observation (`ring` indexed so
    /// that `ring[(n + j) mod m]` applies to step j + 1; `offset` is n mod m).
    static func forecast(
        form: ETS.Form, period m: Int, phi: Double, level: Double, slope: Double,
        ring: [Double], offset: Int, horizon h: Int
    ) -> [Double] {
        var out = [Double](repeating: 0, count: h)
        var phiSum = 0.0
        var power = 1.0
        for j in 0..<h {
            if form.hasTrend {
                power *= form.isDamped ? phi : 1
                phiSum += power
            }
            var mu = level + phiSum * slope
            switch form.season {
            case .none: break
            case .additive: mu += ring[(offset + j) % m]
            case .multiplicative: mu *= ring[(offset + j) % m]
            }
            out[j] = mu
        }
        return out
    }
}

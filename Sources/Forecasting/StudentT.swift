import Foundation

/// Student's t distribution with ν degrees of freedom (ν > 0, not necessarily an integer).
public enum StudentT {
    /// The density Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2).
    public static func pdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logc =
            SpecialFunctions.logGamma((nu + 1) / 2) - SpecialFunctions.logGamma(nu / 2)
            - 0.5 * log(nu * Double.pi)
        return exp(logc - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2) (A&S 26.7.1): the two-sided p-value of a t test,
    /// accurate in relative terms even when it is tiny.
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return 0 }
        let t2 = t * t
        return SpecialFunctions.regularizedIncompleteBeta(
            a: nu / 2, b: 0.5, x: nu / (nu + t2),
            complement: t2 / (nu + t2))
    }

    /// P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let tail = 0.5 * twoSidedPValue(t, degreesOfFreedom: nu)
        return t < 0 ? tail : 1 - tail
    }

    /// The quantile t_p: P(T ≤ t_p) = p.
    ///
    /// Newton's method on the upper tail from the normal quantile, kept inside a bisection
    /// bracket so that it cannot diverge; relative accuracy about 1e-13.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, p >= 0, p <= 1, !p.isNaN else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let upper = p > 0.5
        let tail = upper ? 1 - p : p  // target P(T > t) for t > 0
        var lo = 0.0
        var hi = max(1.0, abs(NormalDistribution.quantile(p)))
        while 0.5 * twoSidedPValue(hi, degreesOfFreedom: nu) > tail {
            lo = hi
            hi *= 2
            if hi > 1e300 { return upper ? .infinity : -.infinity }
        }
        var t = min(max(abs(NormalDistribution.quantile(p)), lo), hi)
        for _ in 0..<200 {
            let f = 0.5 * twoSidedPValue(t, degreesOfFreedom: nu) - tail
            if f > 0 { lo = t } else { hi = t }
            let density = pdf(t, degreesOfFreedom: nu)
            var next = density > 0 ? t + f / density : (lo + hi) / 2
            if !(next > lo && next < hi) { next = (lo + hi) / 2 }
            if abs(next - t) <= 1e-14 * max(1, abs(t)) {
                t = next
                break
            }
            t = next
        }
        return upper ? t : -t
    }

    /// The two-sided critical value for a central interval of `level` percent.
    public static func criticalValue(level: Double, degreesOfFreedom nu: Double) -> Double {
        quantile(0.5 + level / 200, degreesOfFreedom: nu)
    }
}

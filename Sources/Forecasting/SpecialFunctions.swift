import Foundation

/// Special functions for the distributions of regression statistics.
public enum SpecialFunctions {
    /// ln Γ(x) for x > 0, by the C library's `lgamma` (glibc: error below 1 ulp over (0, ∞)).
    public static func logGamma(_ x: Double) -> Double {
        lgamma(x)
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// The regularised incomplete beta function
    ///
    ///     I_x(a, b) = (1/B(a, b)) ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt,   a, b > 0, 0 ≤ x ≤ 1,
    ///
    /// by its continued fraction (Abramowitz & Stegun 26.5.8) evaluated with the modified Lentz
    /// algorithm (Lentz 1976; Thompson & Barnett 1986; Press et al., *Numerical Recipes*, 3rd
    /// ed., §6.4 and §5.2). The fraction converges quickly for x < (a + 1)/(a + b + 2); otherwise
    /// the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used.
    ///
    /// - Parameter complement: 1 − x when the caller knows it more accurately than the
    ///   subtraction would give (e.g. t²/(ν + t²) beside ν/(ν + t²)).
    public static func regularizedIncompleteBeta(
        a: Double, b: Double, x: Double,
        complement: Double? = nil
    ) -> Double {
        let y = complement ?? (1 - x)
        guard a > 0, b > 0, x.isFinite, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        // Prefactor xᵃ(1 − x)ᵇ / (a·B(a, b)), in logs.
        let logFront = a * log(x) + b * log(y) - logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(a: a, b: b, x: x) / a
        }
        let logFrontSwapped = b * log(y) + a * log(x) - logBeta(b, a)
        return 1 - exp(logFrontSwapped) * continuedFraction(a: b, b: a, x: y) / b
    }

    /// 1 − I_x(a, b), computed without cancellation when it is small: I_{1−x}(b, a).
    public static func regularizedIncompleteBetaComplement(
        a: Double, b: Double, x: Double,
        complement: Double? = nil
    ) -> Double {
        let y = complement ?? (1 - x)
        return regularizedIncompleteBeta(a: b, b: a, x: y, complement: x)
    }

    /// The continued fraction of A&S 26.5.8,
    /// 1/(1+ d₁/(1+ d₂/(1+ …))) with d_{2m+1} = −(a+m)(a+b+m)x/((a+2m)(a+2m+1)) and
    /// d_{2m} = m(b−m)x/((a+2m−1)(a+2m)), by modified Lentz.
    static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        let eps = 1e-16
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < eps { break }
        }
        return h
    }
}

/// Snedecor's F distribution with (d₁, d₂) degrees of freedom.
public enum FDistribution {
    /// P(F > f) = I_{d₂/(d₂ + d₁f)}(d₂/2, d₁/2) (A&S 26.6.2), the p-value of an F test.
    public static func survival(_ f: Double, d1: Double, d2: Double) -> Double {
        probability(f, d1: d1, d2: d2, above: true)
    }

    /// P(F ≤ f) = I_{d₁f/(d₂ + d₁f)}(d₁/2, d₂/2).
    public static func cdf(_ f: Double, d1: Double, d2: Double) -> Double {
        probability(f, d1: d1, d2: d2, above: false)
    }

    /// P(F > f) when `above`, P(F ≤ f) otherwise, each from its own incomplete beta (not one as
    /// 1 − the other, which would lose the small tail's digits).
    private static func probability(_ f: Double, d1: Double, d2: Double, above: Bool) -> Double {
        guard d1 > 0, d2 > 0, !f.isNaN else { return .nan }
        if f <= 0 { return above ? 1 : 0 }
        if f == .infinity { return above ? 0 : 1 }
        let denominator = d2 + d1 * f
        let (lower, upper) = (d1 * f / denominator, d2 / denominator)
        return above
            ? SpecialFunctions.regularizedIncompleteBeta(a: d2 / 2, b: d1 / 2, x: upper, complement: lower)
            : SpecialFunctions.regularizedIncompleteBeta(a: d1 / 2, b: d2 / 2, x: lower, complement: upper)
    }
}

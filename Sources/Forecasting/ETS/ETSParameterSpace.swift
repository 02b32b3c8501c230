/// Where the smoothing parameters may lie: the "usual" box and the "admissible" (forecastable)
/// region, both enforced as R `forecast::ets(bounds = "both")` does.
///
/// Usual region (Hyndman et al. 2002; HKOS §2.3): 10⁻⁴ ≤ α ≤ 0.9999, 10⁻⁴ ≤ β ≤ α,
/// 10⁻⁴ ≤ γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98. Admissible region (HKOS §10.2 and Chapter 10, Hyndman,
/// Akram & Archibald 2008): the discount matrix D = F − gw′ has every eigenvalue inside the
/// unit circle, which for the seasonal models is the condition that the polynomial
///
///   P(z) = φ(1−α−γ) + (α+β−αφ+γ−1)z + Σ_{k=2}^{m−1}(α+β−αφ)zᵏ + (α+β−φ)zᵐ + z^{m+1}
///
/// has no root outside |z| ≤ 1. R solves for the roots; here the Schur–Cohn recursion decides
/// the same question in O(m²) without allocation (Henrici 1974, *Applied and Computational
/// Complex Analysis* I, §6.8).
struct ETSParameterSpace: Sendable {
    var lower = (alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8)
    var upper = (alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98)

    /// R `check.param` with `bounds = "both"`, for the parameters being estimated.
    func isUsual(_ p: ETSSmoothing, form: ETS.Form, estimated: (alpha: Bool, beta: Bool, gamma: Bool, phi: Bool))
        -> Bool
    {
        if estimated.alpha, p.alpha < lower.alpha || p.alpha > upper.alpha { return false }
        if form.hasTrend, estimated.beta, p.beta < lower.beta || p.beta > p.alpha || p.beta > upper.beta {
            return false
        }
        if form.isDamped, estimated.phi, p.phi < lower.phi || p.phi > upper.phi { return false }
        if form.hasSeason, estimated.gamma,
            p.gamma < lower.gamma || p.gamma > 1 - p.alpha || p.gamma > upper.gamma
        {
            return false
        }
        return true
    }

    /// R `admissible`: HKOS Chapter 10 conditions. `scratch` needs m + 2 doubles.
    static func isAdmissible(
        _ p: ETSSmoothing, form: ETS.Form, period m: Int,
        scratch: UnsafeMutableBufferPointer<Double>
    ) -> Bool {
        let phi = form.isDamped ? p.phi : 1
        let alpha = p.alpha
        if phi < 0 || phi > 1 + 1e-8 { return false }
        if !form.hasSeason || m <= 1 {
            if alpha < 1 - 1 / phi || alpha > 1 + 1 / phi { return false }
            if form.hasTrend, p.beta < alpha * (phi - 1) || p.beta > (1 + phi) * (2 - alpha) { return false }
            return true
        }
        let beta = form.hasTrend ? p.beta : 0
        let gamma = p.gamma
        let dm = Double(m)
        if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
        if alpha < 1 - 1 / phi - gamma * (1 - dm + phi + phi * dm) / (2 * phi * dm) { return false }
        if beta < -(1 - phi) * (gamma / dm + alpha) { return false }
        // Coefficients of P, lowest power first; degree m + 1, monic. `scratch` holds two
        // buffers of m + 2 doubles used in turn.
        let width = m + 2
        var c = UnsafeMutableBufferPointer(rebasing: scratch[0..<width])
        var other = UnsafeMutableBufferPointer(rebasing: scratch[width..<(2 * width)])
        c[0] = phi * (1 - alpha - gamma)
        c[1] = alpha + beta - alpha * phi + gamma - 1
        if m > 2 { for k in 2..<m { c[k] = alpha + beta - alpha * phi } }
        c[m] = alpha + beta - phi
        c[m + 1] = 1
        var degree = m + 1
        // Without trend and damping, z = 1 is always a root (the level's unit root), which R
        // admits through its 1 + 1e-10 tolerance; divide it out and test the rest strictly.
        if !form.hasTrend && phi == 1 {
            // P(z) = (z − 1)Q(z): q_{d−1} = c_d, q_{k} = c_{k+1} + q_{k+1}.
            var q = 0.0
            for k in stride(from: degree - 1, through: 0, by: -1) {
                q = c[k + 1] + q
                other[k] = q
            }
            swap(&c, &other)
            degree -= 1
        }
        return schurCohnStable(&c, &other, degree: degree)
    }

    /// True when every root of Σ cₖzᵏ (k = 0...degree) lies strictly inside the unit circle.
    /// Schur–Cohn: with a₀ the constant and a_d the leading coefficient, the roots are inside
    /// iff |a₀| < |a_d| and the same holds for bₖ = a_d·a_{k+1} − a₀·a_{d−k−1} (degree d − 1).
    static func schurCohnStable(
        _ c: inout UnsafeMutableBufferPointer<Double>,
        _ other: inout UnsafeMutableBufferPointer<Double>, degree: Int
    ) -> Bool {
        var d = degree
        while d >= 1 {
            let a0 = c[0]
            let ad = c[d]
            guard abs(a0) < abs(ad) else { return false }
            var largest = 0.0
            for k in 0..<d {
                let b = ad * c[k + 1] - a0 * c[d - k - 1]
                other[k] = b
                largest = max(largest, abs(b))
            }
            d -= 1
            // The test is invariant to scaling; keep the numbers in range.
            if largest > 0, largest.isFinite, largest < 1e-100 || largest > 1e100 {
                for k in 0...d { other[k] /= largest }
            }
            swap(&c, &other)
        }
        return true
    }
}

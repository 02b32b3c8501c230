import Foundation
import LinearAlgebra

/// Polynomial algebra for ARMA models: multiplicative seasonal expansion, the stationarity
/// reparametrisation, autocovariances and ψ weights. Internal to the ARIMA family.
///
/// Conventions (Box, Jenkins & Reinsel 2008, ch. 3): the AR operator is
/// φ(B) = 1 − φ₁B − … − φ_pB^p and the MA operator θ(B) = 1 + θ₁B + … + θ_qB^q, so that
/// φ(B) w_t = θ(B) ε_t. Arrays hold φ₁…φ_p and θ₁…θ_q (no leading 1).
enum ARMAPolynomials {
    /// The non-seasonal × seasonal products
    /// φ(B)Φ(B^m) and θ(B)Θ(B^m) as flat coefficient arrays of degree p + mP and q + mQ.
    static func expand(
        ar: [Double], ma: [Double], sar: [Double], sma: [Double],
        period m: Int
    ) -> (phi: [Double], theta: [Double]) {
        let p = ar.count
        let q = ma.count
        let bigP = sar.count
        let bigQ = sma.count
        var phi = [Double](repeating: 0, count: p + m * bigP)
        var theta = [Double](repeating: 0, count: q + m * bigQ)
        for i in 0..<p { phi[i] = ar[i] }
        for i in 0..<q { theta[i] = ma[i] }
        for j in 0..<bigP {
            phi[(j + 1) * m - 1] += sar[j]
            for i in 0..<p { phi[(j + 1) * m + i] -= ar[i] * sar[j] }
        }
        for j in 0..<bigQ {
            theta[(j + 1) * m - 1] += sma[j]
            for i in 0..<q { theta[(j + 1) * m + i] += ma[i] * sma[j] }
        }
        return (phi, theta)
    }

    /// Maps unconstrained values to the coefficients of a stationary AR(p) polynomial:
    /// each value goes through tanh to a partial autocorrelation in (−1, 1), and the
    /// Durbin–Levinson recursion turns partial autocorrelations into AR coefficients.
    /// Jones, R. H. (1980), Technometrics 22, 389–395; Monahan, J. F. (1984), Biometrika 71,
    /// 403–404 (the map R `stats::arima` uses with `transform.pars = TRUE`).
    static func stationaryFromUnconstrained(_ raw: ArraySlice<Double>) -> [Double] {
        let p = raw.count
        var phi = raw.map { tanh($0) }
        var work = phi
        if p > 1 {
            for j in 1..<p {
                let a = phi[j]
                for k in 0..<j { work[k] -= a * phi[j - k - 1] }
                for k in 0..<j { phi[k] = work[k] }
            }
        }
        return phi
    }

    /// The inverse of `stationaryFromUnconstrained` (for a stationary polynomial).
    static func unconstrainedFromStationary(_ phiIn: ArraySlice<Double>) -> [Double] {
        let p = phiIn.count
        var phi = Array(phiIn)
        var work = phi
        if p > 1 {
            for j in stride(from: p - 1, through: 1, by: -1) {
                let a = phi[j]
                let denominator = 1 - a * a
                for k in 0..<j { work[k] = (phi[k] + a * phi[j - k - 1]) / denominator }
                for k in 0..<j { phi[k] = work[k] }
            }
        }
        return phi.map { atanh(max(-0.999_999_999, min(0.999_999_999, $0))) }
    }

    /// Moduli of the roots of 1 + c₁z + … + c_kz^k (trailing zero coefficients dropped).
    static func rootModuli(_ c: [Double]) -> [Double] {
        var k = c.count
        while k > 0 && abs(c[k - 1]) <= 1e-12 { k -= 1 }
        if k == 0 { return [] }
        return complexRoots(Array(c[0..<k])).map { ($0.re * $0.re + $0.im * $0.im).squareRoot() }
    }

    /// True when every root of 1 − φ₁z − … − φ_pz^p lies outside the unit circle.
    static func isStationary(_ phi: [Double]) -> Bool {
        if phi.allSatisfy({ $0 == 0 }) { return true }
        return rootModuli(phi.map { -$0 }).allSatisfy { $0 > 1 }
    }

    /// Reflects MA roots inside the unit circle to their reciprocals, giving the invertible
    /// polynomial with the same autocovariances (R `maInvert`).
    static func invertMA(_ ma: [Double]) -> [Double] {
        var q0 = ma.count
        while q0 > 0 && ma[q0 - 1] == 0 { q0 -= 1 }
        if q0 == 0 { return ma }
        let roots = complexRoots(Array(ma[0..<q0]))
        guard roots.contains(where: { $0.re * $0.re + $0.im * $0.im < 1 }) else { return ma }
        if q0 == 1 { return [1 / ma[0]] + [Double](repeating: 0, count: ma.count - 1) }
        // Rebuild ∏ (1 − z/r_i) with inside roots replaced by 1/r̄... (modulus inverted).
        var polyRe = [1.0]
        var polyIm = [0.0]
        for r in roots {
            var rr = r.re
            var ri = r.im
            let mod2 = rr * rr + ri * ri
            if mod2 < 1 {
                rr /= mod2
                ri /= mod2
            }
            // multiply by (1 - z / r) : coefficient of z^{j+1} gets -poly[j]/r
            let invRe = rr / (rr * rr + ri * ri)
            let invIm = -ri / (rr * rr + ri * ri)
            var nRe = polyRe + [0]
            var nIm = polyIm + [0]
            for j in 0..<polyRe.count {
                nRe[j + 1] -= polyRe[j] * invRe - polyIm[j] * invIm
                nIm[j + 1] -= polyRe[j] * invIm + polyIm[j] * invRe
            }
            polyRe = nRe
            polyIm = nIm
        }
        return Array(polyRe[1...]) + [Double](repeating: 0, count: ma.count - q0)
    }

    /// Complex roots of 1 + c₁z + … + c_kz^k (c_k ≠ 0) by Durand–Kerner (Weierstrass)
    /// simultaneous iteration on the monic polynomial.
    static func complexRoots(_ c: [Double]) -> [(re: Double, im: Double)] {
        let k = c.count
        let lead = c[k - 1]
        var a = [Double](repeating: 0, count: k + 1)
        a[0] = 1 / lead
        for i in 1..<k { a[i] = c[i - 1] / lead }
        a[k] = 1
        var re = [Double](repeating: 0, count: k)
        var im = re
        let r0 = pow(abs(a[0]), 1 / Double(k)) + 0.1
        for i in 0..<k {
            let angle = 2 * Double.pi * Double(i) / Double(k) + 0.4
            re[i] = r0 * cos(angle)
            im[i] = r0 * sin(angle)
        }
        for _ in 0..<500 {
            var change = 0.0
            for i in 0..<k {
                var pr = 1.0
                var pi = 0.0
                for j in stride(from: k - 1, through: 0, by: -1) {
                    let nr = pr * re[i] - pi * im[i] + a[j]
                    let ni = pr * im[i] + pi * re[i]
                    pr = nr
                    pi = ni
                }
                var dr = 1.0
                var di = 0.0
                for j in 0..<k where j != i {
                    let xr = re[i] - re[j]
                    let xi = im[i] - im[j]
                    let nr = dr * xr - di * xi
                    let ni = dr * xi + di * xr
                    dr = nr
                    di = ni
                }
                let den = dr * dr + di * di
                if den == 0 { continue }
                let qr = (pr * dr + pi * di) / den
                let qi = (pi * dr - pr * di) / den
                re[i] -= qr
                im[i] -= qi
                change = max(change, abs(qr) + abs(qi))
            }
            if change < 1e-14 { break }
        }
        return (0..<k).map { (re[$0], im[$0]) }
    }

    /// ψ weights ψ₀ = 1, ψ₁, …, ψ_{count−1} of θ(B)/φ(B).
    static func psiWeights(phi: [Double], theta: [Double], count: Int) -> [Double] {
        var psi = [Double](repeating: 0, count: max(count, 1))
        psi[0] = 1
        if count <= 1 { return psi }
        for j in 1..<count {
            var v = j <= theta.count ? theta[j - 1] : 0
            for i in stride(from: 1, through: min(j, phi.count), by: 1) { v += phi[i - 1] * psi[j - i] }
            psi[j] = v
        }
        return psi
    }

    /// Autocovariances γ(0), …, γ(maxLag) of the stationary ARMA process with unit innovation
    /// variance. Solves γ(k) − Σⱼ φⱼ γ(|k−j|) = Σ_{j=k}^{q} θⱼ ψ_{j−k} (θ₀ = 1) for k = 0…p,
    /// then extends by the AR recursion (Brockwell & Davis 1991, §3.3, method 2).
    /// Returns nil when the system is singular (a unit root).
    static func autocovariances(phi: [Double], theta: [Double], maxLag: Int) -> [Double]? {
        let p = phi.count
        let q = theta.count
        let psi = psiWeights(phi: phi, theta: theta, count: q + 1)
        var c = [Double](repeating: 0, count: max(p, q) + 1)
        for k in 0...q {
            var s = 0.0
            for j in k...q { s += (j == 0 ? 1 : theta[j - 1]) * psi[j - k] }
            c[k] = s
        }
        var gamma = [Double](repeating: 0, count: max(maxLag, p) + 1)
        if p == 0 {
            for k in 0...maxLag where k <= q { gamma[k] = c[k] }
            return Array(gamma[0...maxLag])
        }
        // (p+1)×(p+1) system A γ = c, row k: γ(k) − Σ_j φ_j γ(|k−j|).
        let size = p + 1
        var a = [Double](repeating: 0, count: size * size)
        var b = [Double](repeating: 0, count: size)
        for k in 0...p {
            a[k * size + k] += 1
            for j in 1...p { a[k * size + abs(k - j)] -= phi[j - 1] }
            b[k] = c[k]
        }
        guard let solution = SmallSystems.gaussianElimination(&a, &b, size) else { return nil }
        for k in 0...p { gamma[k] = solution[k] }
        if maxLag > p {
            for k in (p + 1)...maxLag {
                var v = k < c.count ? c[k] : 0
                for j in 1...p { v += phi[j - 1] * gamma[k - j] }
                gamma[k] = v
            }
        }
        for v in gamma where !v.isFinite { return nil }
        return Array(gamma[0...maxLag])
    }
}

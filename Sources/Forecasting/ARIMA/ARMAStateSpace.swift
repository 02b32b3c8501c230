import Foundation

/// A stationary ARMA(p, q) process in state-space form, with its exact Gaussian likelihood
/// and forecasts. Internal to the ARIMA family.
///
/// State (Akaike 1974; Durbin & Koopman 2012, §3.4): α_t = (w_t, ŵ_{t+1|t}, …, ŵ_{t+r−1|t}),
/// r = max(p, q + 1), where ŵ_{t+j|t} is the prediction from the infinite past. Then
/// α_{t+1} = T α_t + R ε_{t+1}, w_t = z'α_t, with T the shift matrix whose last row is
/// (φ_r, …, φ₁), R = (ψ₀, …, ψ_{r−1}) and z = e₁. The stationary state covariance is
/// Σ_{ij} = γ(j−i) − Σ_{k<i} ψ_k ψ_{k+j−i} (i ≤ j), so the filter starts from the exact
/// unconditional distribution, as with the Gardner, Harvey & Phillips (1980) start R uses.
///
/// The likelihood runs the Chandrasekhar recursions (Morf, Sidhu & Kailath 1974; Herbst 2015,
/// J. Economic Dynamics & Control 54) instead of the Riccati equation: from the stationary start
/// the covariance increment P₂ − P₁ = −g g'/F₁ has rank one, so every step costs O(r) instead
/// of O(r²), with the same innovations and variances as the Kalman filter.
struct ARMAStateSpace {
    var phi: [Double]
    var theta: [Double]

    var r: Int { max(phi.count, theta.count + 1) }

    /// Sums from one pass of the filter, in units of the innovation variance σ².
    struct Pass {
        /// Σ v_t² / F_t.
        var sumSquares: Double
        /// Σ log F_t.
        var sumLogVariance: Double
        var count: Int
        /// Innovations v_t = w_t − ŵ_{t|t−1} (when asked for).
        var residuals: [Double]
    }

    /// One pass of the exact filter over `w` (mean zero). Nil when the process is not
    /// stationary or the recursion breaks down.
    func filter(_ w: [Double], keepResiduals: Bool = false) -> Pass? {
        let r = self.r
        guard let gamma = ARMAPolynomials.autocovariances(phi: phi, theta: theta, maxLag: r),
            gamma[0] > 0
        else { return nil }
        var lags: [Int] = []
        var coefficients: [Double] = []
        for (j, c) in phi.enumerated() where c != 0 {
            lags.append(r - 1 - j)
            coefficients.append(c)
        }
        let terms = lags.count
        var f = gamma[0]
        var m = -1 / f
        var ssq = 0.0
        var sumLog = 0.0
        var residuals: [Double] = keepResiduals ? [Double](repeating: 0, count: w.count) : []
        var converged = false
        // Work vectors: predicted state a, its transition, g = T P z, the increment direction
        // and its transition.
        var work = [Double](repeating: 0, count: 5 * r)
        for i in 0..<r {
            work[2 * r + i] = gamma[i + 1]
            work[3 * r + i] = gamma[i + 1]
        }
        let ok: Bool = work.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let a = base
            let next = base + r
            let g = base + 2 * r
            let dw = base + 3 * r
            let tw = base + 4 * r
            return lags.withUnsafeBufferPointer { lagPointer in
                coefficients.withUnsafeBufferPointer { coefficientPointer in
                    for t in 0..<w.count {
                        guard f > 0, f.isFinite else { return false }
                        let v = w[t] - a[0]
                        ssq += v * v / f
                        sumLog += log(f)
                        if keepResiduals { residuals[t] = v }
                        let k = v / f
                        var last = 0.0
                        for j in 0..<terms { last += coefficientPointer[j] * a[lagPointer[j]] }
                        for i in 0..<(r - 1) { next[i] = a[i + 1] }
                        next[r - 1] = last
                        for i in 0..<r { a[i] = next[i] + g[i] * k }
                        if converged { continue }
                        let aw = dw[0]
                        let fNew = f + m * aw * aw
                        var lastW = 0.0
                        for j in 0..<terms { lastW += coefficientPointer[j] * dw[lagPointer[j]] }
                        for i in 0..<(r - 1) { tw[i] = dw[i + 1] }
                        tw[r - 1] = lastW
                        let s = m * aw
                        let c = aw / fNew
                        var size = 0.0
                        for i in 0..<r {
                            g[i] += s * tw[i]
                            dw[i] = tw[i] - c * g[i]
                            size = max(size, abs(dw[i]))
                        }
                        m *= fNew / f
                        f = fNew
                        // The covariance has reached its steady state once the increment is negligible.
                        if abs(m) * size * size < 1e-14 * f { converged = true }
                    }
                    return true
                }
            }
        }
        guard ok else { return nil }
        return Pass(sumSquares: ssq, sumLogVariance: sumLog, count: w.count, residuals: residuals)
    }

    /// The covariance P₀ of the stationary ARMA state (row-major r×r, units of σ²), from the
    /// autocovariances γ and ψ-weights: P_ij = γ_{j−i} − Σ_{l<i} ψ_l ψ_{l+j−i} for i ≤ j
    /// (Harvey 1989, §3.4; Gardner, Harvey & Phillips 1980).
    static func stationaryCovariance(gamma: [Double], psi: [Double], r: Int) -> [Double] {
        var p = [Double](repeating: 0, count: r * r)
        for i in 0..<r {
            for j in i..<r {
                var v = gamma[j - i]
                for l in 0..<i { v -= psi[l] * psi[l + j - i] }
                p[i * r + j] = v
                p[j * r + i] = v
            }
        }
        return p
    }

    /// The predicted state a_{n+1} and its covariance P_{n+1} (row-major r×r, units of σ²)
    /// after filtering all of `w`, by the full Kalman filter (used once per fitted model).
    func finalState(_ w: [Double]) -> (state: [Double], covariance: [Double])? {
        let r = self.r
        guard let gamma = ARMAPolynomials.autocovariances(phi: phi, theta: theta, maxLag: r)
        else { return nil }
        let psi = ARMAPolynomials.psiWeights(phi: phi, theta: theta, count: r)
        var p = Self.stationaryCovariance(gamma: gamma, psi: psi, r: r)
        var t = [Double](repeating: 0, count: r * r)
        for i in 0..<(r - 1) { t[i * r + i + 1] = 1 }
        for (j, c) in phi.enumerated() { t[(r - 1) * r + (r - 1 - j)] = c }
        var a = [Double](repeating: 0, count: r)
        for y in w {
            let f = p[0]
            guard f > 0, f.isFinite else { return nil }
            let v = y - a[0]
            // Update: a += P z v/F, P -= P z z'P / F.
            let pz = (0..<r).map { p[$0 * r] }
            for i in 0..<r { a[i] += pz[i] * v / f }
            for i in 0..<r { for j in 0..<r { p[i * r + j] -= pz[i] * pz[j] / f } }
            // Predict: a = T a, P = T P T' + R R'.
            a = StateMatrix.multiply(t, a, r)
            p = StateMatrix.sandwich(t, p, r)
            for i in 0..<r { for j in 0..<r { p[i * r + j] += psi[i] * psi[j] } }
        }
        return (a, p)
    }

    /// Forecasts of x_{n+1…n+h} for the integrated process x with
    /// (1 − δ₁B − … − δ_kB^k) x_t = w_t, given the last k values of x (oldest first) and
    /// the filtered ARMA state. Variances are in units of σ². The state is augmented with the
    /// k lagged values of x (known exactly at time n), as in R `stats::arima`'s state space.
    func forecast(
        state: [Double], covariance: [Double], delta: [Double], lastValues: [Double],
        horizon: Int
    ) -> (mean: [Double], variance: [Double]) {
        let r = self.r
        let k = delta.count
        let dim = r + k
        var s = [Double](repeating: 0, count: dim)
        for i in 0..<r { s[i] = state[i] }
        for i in 0..<k { s[r + i] = lastValues[lastValues.count - 1 - i] }
        var p = [Double](repeating: 0, count: dim * dim)
        for i in 0..<r { for j in 0..<r { p[i * dim + j] = covariance[i * r + j] } }
        return forecast(augmentedState: s, covariance: p, delta: delta, horizon: horizon)
    }

    /// The integrated model's state space: α_t = (ARMA state, x_{t−1}, …, x_{t−k}) with
    /// transition T (row-major), observation vector z = (1, 0…0, δ₁…δ_k), since
    /// x_t = w_t + Σ δ_i x_{t−i}, and the ARMA disturbance loadings ψ₀…ψ_{r−1} (R `makeARIMA`).
    func integratedSystem(delta: [Double]) -> (transition: [Double], z: [Double], psi: [Double], dim: Int) {
        let r = self.r
        let k = delta.count
        let dim = r + k
        let psi = ARMAPolynomials.psiWeights(phi: phi, theta: theta, count: r)
        var tm = [Double](repeating: 0, count: dim * dim)
        for i in 0..<(r - 1) { tm[i * dim + i + 1] = 1 }
        for (j, c) in phi.enumerated() { tm[(r - 1) * dim + (r - 1 - j)] = c }
        // z_aug = (1, 0…0, δ₁…δ_k): x_t = w_t + Σ δ_i x_{t−i}.
        var z = [Double](repeating: 0, count: dim)
        z[0] = 1
        for i in 0..<k { z[r + i] = delta[i] }
        if k > 0 {
            for j in 0..<dim { tm[r * dim + j] = z[j] }
            for i in 1..<max(1, k) { tm[(r + i) * dim + (r + i - 1)] = 1 }
        }
        return (tm, z, psi, dim)
    }

    /// Forecasts from the predicted state of the integrated model, α_{n+1|n} and its covariance
    /// P_{n+1|n} (dim × dim, units of σ²): x̂_{n+h} = z'T^{h−1}α and v_h = z'P_{n+h|n}z.
    func forecast(
        augmentedState state: [Double], covariance: [Double], delta: [Double], horizon: Int
    ) -> (mean: [Double], variance: [Double]) {
        let r = self.r
        let (tm, z, psi, dim) = integratedSystem(delta: delta)
        var s = state
        var p = covariance
        var mean = [Double](repeating: 0, count: horizon)
        var variance = mean
        for h in 0..<horizon {
            var f = 0.0
            for i in 0..<dim { f += z[i] * s[i] }
            var v = 0.0
            for i in 0..<dim where z[i] != 0 {
                for j in 0..<dim where z[j] != 0 { v += z[i] * p[i * dim + j] * z[j] }
            }
            mean[h] = f
            variance[h] = max(v, 0)
            s = StateMatrix.multiply(tm, s, dim)
            p = StateMatrix.sandwich(tm, p, dim)
            for i in 0..<r { for j in 0..<r { p[i * dim + j] += psi[i] * psi[j] } }
        }
        return (mean, variance)
    }
}

/// Small dense row-major helpers for the state-space recursions.
enum StateMatrix {
    static func multiply(_ a: [Double], _ x: [Double], _ n: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = 0.0
            for j in 0..<n where a[i * n + j] != 0 { s += a[i * n + j] * x[j] }
            out[i] = s
        }
        return out
    }

    /// A P A'.
    static func sandwich(_ a: [Double], _ p: [Double], _ n: Int) -> [Double] {
        var ap = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for k in 0..<n where a[i * n + k] != 0 {
                let c = a[i * n + k]
                for j in 0..<n { ap[i * n + j] += c * p[k * n + j] }
            }
        }
        var out = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            for k in 0..<n where a[j * n + k] != 0 {
                let c = a[j * n + k]
                for i in 0..<n { out[i * n + j] += ap[i * n + k] * c }
            }
        }
        return out
    }
}

/// Conditional sum of squares (Box & Jenkins): residuals e_t = w_t − Σφ_j w_{t−j} − Σθ_j e_{t−j}
/// for t ≥ `conditioning`, with e_t = 0 before (R `stats::arima` method "CSS").
enum ConditionalSumOfSquares {
    /// `skippingMissing`: a residual whose w_t or AR lags are missing (NaN) is set to 0 and not
    /// counted (the starting values of a series with gaps).
    static func evaluate(
        _ w: [Double], phi: [Double], theta: [Double], conditioning: Int,
        residuals keep: Bool = false, skippingMissing: Bool = false
    ) -> (ssq: Double, count: Int, residuals: [Double]) {
        let n = w.count
        var e = [Double](repeating: 0, count: n)
        var ar: [(Int, Double)] = []
        for (j, c) in phi.enumerated() where c != 0 { ar.append((j + 1, c)) }
        var ma: [(Int, Double)] = []
        for (j, c) in theta.enumerated() where c != 0 { ma.append((j + 1, c)) }
        var ssq = 0.0
        var count = 0
        if conditioning < n {
            for t in conditioning..<n {
                var v = w[t]
                for (lag, c) in ar { v -= c * w[t - lag] }
                for (lag, c) in ma where t - lag >= conditioning { v -= c * e[t - lag] }
                if skippingMissing && v.isNaN {
                    e[t] = 0
                    continue
                }
                e[t] = v
                ssq += v * v
                count += 1
            }
        }
        return (ssq, count, keep ? e : [])
    }
}

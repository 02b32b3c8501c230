import Foundation

/// The exact likelihood of an integrated ARMA model on a series with missing observations.
///
/// The differencing lives in the state (Harvey 1989, §3.4; Durbin & Koopman 2012, §3.4):
/// α_t = (ARMA state, x_{t−1}, …, x_{t−k}), x_t = z'α_t with z = (1, 0…0, δ₁…δ_k), where
/// (1 − B)^d (1 − B^m)^D = 1 − Σ δ_i B^i. The ARMA block starts from its stationary distribution
/// (P∗), the k lagged values of x are diffuse (P∞ = I): the exact diffuse initialisation of
/// Durbin & Koopman (2012, §5.2), filtered one observation at a time (§6.4; Koopman & Durbin 2000):
///
///     F∞ = z'P∞z, F∗ = z'P∗z, M∞ = P∞z, M∗ = P∗z, v = x_t − z'a;
///     F∞ > 0:  a += M∞ v/F∞,  P∞ −= M∞M∞'/F∞,  P∗ += M∞M∞' F∗/F∞² − (M∗M∞' + M∞M∗')/F∞;
///     F∞ = 0:  a += M∗ v/F∗,  P∗ −= M∗M∗'/F∗,  and the term log F∗ + v²/F∗ enters the likelihood;
///
/// then a = Ta, P∗ = TP∗T' + RR', P∞ = TP∞T'. A missing x_t (NaN) has the prediction step only
/// (§4.10): no update, no term, not counted. The observations spent on the diffuse state (F∞ > 0)
/// carry only ½ log F∞, which does not depend on the parameters, and are left out with it: with no
/// gaps the likelihood is then that of the differenced series, the one `filter` computes.
extension ARMAStateSpace {
    /// Sums from one pass of the diffuse filter, in units of σ², and the predicted state after it.
    struct GapPass {
        /// Σ v_t² / F_t over the counted observations.
        var sumSquares: Double
        /// Σ log F_t over the counted observations.
        var sumLogVariance: Double
        /// Observed values past the diffuse ones: the likelihood's n.
        var count: Int
        /// v_t at counted observations, NaN at missing and diffuse ones (when asked for).
        var residuals: [Double]
        /// α_{n+1|n} and P∗_{n+1|n} (row-major, dim × dim).
        var state: [Double]
        var covariance: [Double]
        /// Whether the observed values pinned down the differenced state (P∞ reached zero).
        var resolved: Bool
    }

    /// Diffuse values below this are zero: P∞ holds small integers and their ratios.
    static let diffuseTolerance = 1e-9

    /// One pass over `x` (the series less any regression part; NaN = missing). Nil when the ARMA
    /// part is not stationary or a variance is not positive.
    ///
    /// T is sparse (shift rows, the AR row and the row z), so T P T' costs O(dim · nnz(T)); the
    /// symmetric covariances are updated in place.
    func filterWithGaps(_ x: [Double], delta: [Double], keepResiduals: Bool = false) -> GapPass? {
        let r = self.r
        let k = delta.count
        guard let gamma = ARMAPolynomials.autocovariances(phi: phi, theta: theta, maxLag: r), gamma[0] > 0
        else { return nil }
        let (tm, z, psi, dim) = integratedSystem(delta: delta)
        // T by rows: row i holds (column, value) pairs rowStart[i]..<rowStart[i + 1].
        var rowStart: [Int] = []
        var columns: [Int] = []
        var values: [Double] = []
        for i in 0..<dim {
            rowStart.append(columns.count)
            for j in 0..<dim where tm[i * dim + j] != 0 {
                columns.append(j)
                values.append(tm[i * dim + j])
            }
        }
        rowStart.append(columns.count)
        let zIndex = (0..<dim).filter { z[$0] != 0 }
        let zValue = zIndex.map { z[$0] }
        // The ARMA block of P*: the stationary covariance; the lagged values' block is diffuse.
        let stationary = Self.stationaryCovariance(gamma: gamma, psi: psi, r: r)
        var pStar = [Double](repeating: 0, count: dim * dim)
        for i in 0..<r {
            for j in 0..<r { pStar[i * dim + j] = stationary[i * r + j] }
        }
        var pInf = [Double](repeating: 0, count: dim * dim)
        for i in 0..<k { pInf[(r + i) * dim + r + i] = 1 }
        var diffuse = k > 0
        var a = [Double](repeating: 0, count: dim)
        var ssq = 0.0
        var sumLog = 0.0
        var count = 0
        var residuals = keepResiduals ? [Double](repeating: .nan, count: x.count) : []
        var work = [Double](repeating: 0, count: dim * dim + 3 * dim)
        let ok: Bool = work.withUnsafeMutableBufferPointer { w in
            pStar.withUnsafeMutableBufferPointer { starBuffer in
                pInf.withUnsafeMutableBufferPointer { diffuseBuffer in
                    a.withUnsafeMutableBufferPointer { stateBuffer in
                        guard let base = w.baseAddress, let ps = starBuffer.baseAddress, let pi = diffuseBuffer.baseAddress,
                            let a = stateBuffer.baseAddress
                        else { return false }
                        let tp = base
                        let mStar = base + dim * dim
                        let mInf = mStar + dim
                        let next = mInf + dim
                        // m = P z and z'm.
                        func times(_ p: UnsafeMutablePointer<Double>, _ m: UnsafeMutablePointer<Double>) -> Double {
                            for i in 0..<dim {
                                var v = 0.0
                                for (c, zc) in zip(zIndex, zValue) { v += p[i * dim + c] * zc }
                                m[i] = v
                            }
                            var f = 0.0
                            for (c, zc) in zip(zIndex, zValue) { f += zc * m[c] }
                            return f
                        }
                        // P = T P T', symmetric.
                        func predict(_ p: UnsafeMutablePointer<Double>) {
                            for i in 0..<dim {
                                for j in 0..<dim { tp[i * dim + j] = 0 }
                                for e in rowStart[i]..<rowStart[i + 1] {
                                    let c = columns[e]
                                    let v = values[e]
                                    for j in 0..<dim { tp[i * dim + j] += v * p[c * dim + j] }
                                }
                            }
                            for i in 0..<dim {
                                for j in i..<dim {
                                    var v = 0.0
                                    for e in rowStart[j]..<rowStart[j + 1] { v += values[e] * tp[i * dim + columns[e]] }
                                    p[i * dim + j] = v
                                    p[j * dim + i] = v
                                }
                            }
                        }
                        for t in 0..<x.count {
                            if !x[t].isNaN {
                                let fStar = times(ps, mStar)
                                var prediction = 0.0
                                for (c, zc) in zip(zIndex, zValue) { prediction += zc * a[c] }
                                let v = x[t] - prediction
                                let fInf = diffuse ? times(pi, mInf) : 0
                                if diffuse && fInf > Self.diffuseTolerance {
                                    for i in 0..<dim { a[i] += mInf[i] * v / fInf }
                                    let c = fStar / (fInf * fInf)
                                    for i in 0..<dim {
                                        for j in i..<dim {
                                            let inf = pi[i * dim + j] - mInf[i] * mInf[j] / fInf
                                            let star =
                                                ps[i * dim + j] + mInf[i] * mInf[j] * c
                                                - (mStar[i] * mInf[j] + mInf[i] * mStar[j]) / fInf
                                            (pi[i * dim + j], pi[j * dim + i]) = (inf, inf)
                                            (ps[i * dim + j], ps[j * dim + i]) = (star, star)
                                        }
                                    }
                                } else {
                                    guard fStar > 0, fStar.isFinite else { return false }
                                    for i in 0..<dim { a[i] += mStar[i] * v / fStar }
                                    for i in 0..<dim {
                                        for j in i..<dim {
                                            let star = ps[i * dim + j] - mStar[i] * mStar[j] / fStar
                                            (ps[i * dim + j], ps[j * dim + i]) = (star, star)
                                        }
                                    }
                                    ssq += v * v / fStar
                                    sumLog += log(fStar)
                                    count += 1
                                    if keepResiduals { residuals[t] = v }
                                }
                            }
                            for i in 0..<dim {
                                var v = 0.0
                                for e in rowStart[i]..<rowStart[i + 1] { v += values[e] * a[columns[e]] }
                                next[i] = v
                            }
                            for i in 0..<dim { a[i] = next[i] }
                            predict(ps)
                            for i in 0..<r { for j in 0..<r { ps[i * dim + j] += psi[i] * psi[j] } }
                            if diffuse {
                                predict(pi)
                                var largest = 0.0
                                for i in 0..<(dim * dim) { largest = max(largest, abs(pi[i])) }
                                if largest < Self.diffuseTolerance { diffuse = false }
                            }
                        }
                        return true
                    }
                }
            }
        }
        guard ok, ssq.isFinite, sumLog.isFinite else { return nil }
        return GapPass(
            sumSquares: ssq, sumLogVariance: sumLog, count: count, residuals: residuals, state: a,
            covariance: pStar, resolved: !diffuse)
    }
}

import CLapack

/// The thin singular value decomposition A = U·Σ·Vᵀ, by `dgesdd` (divide and conquer).
///
/// For A (m × n), k = min(m, n): U is m × k, the singular values σ₁ ≥ … ≥ σ_k ≥ 0, Vᵀ is k × n
/// (Golub & Van Loan §8.6).
public struct SVD: Sendable {
    public let u: Matrix
    public let singularValues: [Double]
    public let vt: Matrix

    public init(_ a: Matrix) throws {
        try a.requireFinite()
        let m = a.rows
        let n = a.columns
        let k = Swift.min(m, n)
        var work = a
        var s = [Double](repeating: 0, count: k)
        var u = Matrix(rows: m, columns: k)
        var vt = Matrix(rows: k, columns: n)
        if k > 0 {
            let info = work.storage.withUnsafeMutableBufferPointer { pa in
                s.withUnsafeMutableBufferPointer { ps in
                    u.storage.withUnsafeMutableBufferPointer { pu in
                        vt.storage.withUnsafeMutableBufferPointer { pv in
                            LAPACKE_dgesdd(
                                LAPACK.columnMajor, LAPACK.flag("S"), LAPACK.int(m), LAPACK.int(n),
                                pa.baseAddress, LAPACK.int(m), ps.baseAddress, pu.baseAddress,
                                LAPACK.int(m), pv.baseAddress, LAPACK.int(k))
                        }
                    }
                }
            }
            try LAPACK.checked("dgesdd", info) { _ in
                LinearAlgebraError(.noConvergence, "the singular value iteration did not converge")
            }
        }
        self.u = u
        self.singularValues = s
        self.vt = vt
    }

    /// The 2-norm condition number κ₂(A) = σ₁/σ_k (infinite when σ_k = 0).
    public var conditionNumber: Double {
        guard let first = singularValues.first, let last = singularValues.last else { return .infinity }
        return last > 0 ? first / last : .infinity
    }

    /// The numerical rank: singular values above `tolerance`·σ₁ (default max(m, n)·ε).
    public func rank(tolerance: Double? = nil) -> Int {
        guard let first = singularValues.first, first > 0 else { return 0 }
        let tol = tolerance ?? Double(Swift.max(u.rows, vt.columns)) * Double.ulpOfOne
        return singularValues.filter { $0 > tol * first }.count
    }

    /// The ridge solution x = V·diag(σ/(σ² + λ))·Uᵀ·b, minimising ‖A·x − b‖² + λ‖x‖²
    /// (Hoerl & Kennard 1970; Hastie, Tibshirani & Friedman, *Elements of Statistical Learning*,
    /// §3.4.1, eq. 3.47). λ = 0 gives the minimum-norm least-squares solution.
    public func ridgeSolve(_ b: [Double], lambda: Double) throws -> [Double] {
        guard b.count == u.rows else {
            throw LinearAlgebraError(.dimensionMismatch, "U has \(u.rows) rows, b has \(b.count) entries")
        }
        var utb = try BLAS.product(u, b, transpose: true)
        let cutoff = Double(Swift.max(u.rows, vt.columns)) * Double.ulpOfOne * (singularValues.first ?? 0)
        for i in utb.indices {
            let s = singularValues[i]
            utb[i] = (s > cutoff || lambda > 0) ? utb[i] * s / (s * s + lambda) : 0
        }
        return try BLAS.product(vt, utb, transpose: true)
    }
}

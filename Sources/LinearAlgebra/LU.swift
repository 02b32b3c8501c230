import CLapack

/// The LU factorisation P·A = L·U with partial pivoting, by `dgetrf` (Golub & Van Loan §3.4).
/// Solves by `dgetrs`, inverts by `dgetri`, estimates the condition by `dgecon`.
public struct LU: Sendable {
    public let factors: Matrix
    public let pivots: [Int32]
    /// ‖A‖₁, kept for the condition estimate.
    public let norm1: Double

    /// Factors a square `a`; throws `.singular` when U has an exact zero pivot.
    public init(_ a: Matrix) throws {
        guard a.isSquare else {
            throw LinearAlgebraError(.dimensionMismatch, "LU needs a square matrix, got \(a.rows)×\(a.columns)")
        }
        try a.requireFinite()
        let n = a.rows
        var norm = 0.0
        for j in 0..<n {
            var s = 0.0
            for i in 0..<n { s += Swift.abs(a[i, j]) }
            norm = Swift.max(norm, s)
        }
        norm1 = norm
        var f = a
        var ipiv = [lapack_int](repeating: 0, count: n)
        if n > 0 {
            let info = f.storage.withUnsafeMutableBufferPointer { pa in
                ipiv.withUnsafeMutableBufferPointer { pp in
                    LAPACKE_dgetrf(
                        LAPACK.columnMajor, LAPACK.int(n), LAPACK.int(n), pa.baseAddress,
                        LAPACK.int(n), pp.baseAddress)
                }
            }
            try LAPACK.checked("dgetrf", info) { k in
                LinearAlgebraError(.singular, "U(\(k),\(k)) is exactly zero: the matrix is singular")
            }
        }
        factors = f
        pivots = ipiv.map { Int32($0) }
    }

    /// Solves A·X = B.
    public func solve(_ b: Matrix) throws -> Matrix {
        let n = factors.rows
        let ipiv = pivots.map { lapack_int($0) }
        return try LAPACK.solving(b, order: n, routine: "dgetrs") { px in
            factors.storage.withUnsafeBufferPointer { pa in
                ipiv.withUnsafeBufferPointer { pp in
                    LAPACKE_dgetrs(
                        LAPACK.columnMajor, LAPACK.flag("N"), LAPACK.int(n), LAPACK.int(b.columns),
                        pa.baseAddress, LAPACK.int(n), pp.baseAddress, px.baseAddress, LAPACK.int(n))
                }
            }
        }
    }

    /// Solves A·x = b.
    public func solve(_ b: [Double]) throws -> [Double] { try solve(Matrix(column: b)).storage }

    /// A⁻¹ (use `solve` where possible).
    public func inverse() throws -> Matrix {
        var inv = factors
        let n = factors.rows
        if n == 0 { return inv }
        let ipiv = pivots.map { lapack_int($0) }
        let info = inv.storage.withUnsafeMutableBufferPointer { pa in
            ipiv.withUnsafeBufferPointer { pp in
                LAPACKE_dgetri(LAPACK.columnMajor, LAPACK.int(n), pa.baseAddress, LAPACK.int(n), pp.baseAddress)
            }
        }
        try LAPACK.checked("dgetri", info) { k in
            LinearAlgebraError(.singular, "U(\(k),\(k)) is exactly zero: the matrix is singular")
        }
        return inv
    }

    /// An estimate of κ₁(A) = ‖A‖₁·‖A⁻¹‖₁, by `dgecon` (Hager–Higham estimator).
    public func conditionNumber() throws -> Double {
        let n = factors.rows
        if n == 0 { return 1 }
        var rcond = 0.0
        let info = factors.storage.withUnsafeBufferPointer { pa in
            LAPACKE_dgecon(
                LAPACK.columnMajor, LAPACK.flag("1"), LAPACK.int(n), pa.baseAddress,
                LAPACK.int(n), norm1, &rcond)
        }
        try LAPACK.checked("dgecon", info)
        return rcond > 0 ? 1 / rcond : .infinity
    }
}

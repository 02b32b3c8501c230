import CLapack
import Foundation

/// The Cholesky factorisation A = Rᵀ·R of a symmetric positive definite matrix, by `dpotrf`
/// (Golub & Van Loan §4.2). Solves by `dpotrs`.
public struct Cholesky: Sendable {
    /// The upper factor R (the strict lower triangle is zero).
    public let upper: Matrix

    /// Factors `a` (only its upper triangle is read). Throws `.notPositiveDefinite` when a
    /// leading minor is not positive.
    public init(_ a: Matrix) throws {
        guard a.isSquare else {
            throw LinearAlgebraError(.dimensionMismatch, "Cholesky needs a square matrix, got \(a.rows)×\(a.columns)")
        }
        try a.requireFinite()
        var r = a
        let n = a.rows
        if n > 0 {
            let info = r.storage.withUnsafeMutableBufferPointer { pa in
                LAPACKE_dpotrf(LAPACK.columnMajor, LAPACK.flag("U"), LAPACK.int(n), pa.baseAddress, LAPACK.int(n))
            }
            try LAPACK.checked("dpotrf", info) { k in
                LinearAlgebraError(.notPositiveDefinite, "the leading minor of order \(k) is not positive")
            }
        }
        for j in 0..<n { for i in (j + 1)..<Swift.max(j + 1, n) { r[i, j] = 0 } }
        upper = r
    }

    /// Solves A·X = B.
    public func solve(_ b: Matrix) throws -> Matrix {
        let n = upper.rows
        return try LAPACK.solving(b, order: n, routine: "dpotrs") { px in
            upper.storage.withUnsafeBufferPointer { pa in
                LAPACKE_dpotrs(
                    LAPACK.columnMajor, LAPACK.flag("U"), LAPACK.int(n), LAPACK.int(b.columns),
                    pa.baseAddress, LAPACK.int(n), px.baseAddress, LAPACK.int(n))
            }
        }
    }

    /// Solves A·x = b.
    public func solve(_ b: [Double]) throws -> [Double] {
        try solve(Matrix(column: b)).storage
    }

    /// log det A = 2·Σ log r_ii.
    public var logDeterminant: Double {
        upper.diagonal.reduce(0) { $0 + 2 * log($1) }
    }
}

import CLapack

/// The eigen-decomposition A = V·diag(λ)·Vᵀ of a symmetric matrix, by `dsyevd` (divide and
/// conquer; Golub & Van Loan §8.5). Eigenvalues ascend; column j of V is the unit eigenvector
/// of λ_j.
public struct SymmetricEigen: Sendable {
    public let eigenvalues: [Double]
    public let eigenvectors: Matrix

    /// Decomposes `a` (only its upper triangle is read).
    public init(_ a: Matrix, vectors: Bool = true) throws {
        guard a.isSquare else {
            throw LinearAlgebraError(.dimensionMismatch, "eigen needs a square matrix, got \(a.rows)×\(a.columns)")
        }
        try a.requireFinite()
        let n = a.rows
        var v = a
        var w = [Double](repeating: 0, count: n)
        if n > 0 {
            let info = v.storage.withUnsafeMutableBufferPointer { pa in
                w.withUnsafeMutableBufferPointer { pw in
                    LAPACKE_dsyevd(
                        LAPACK.columnMajor, LAPACK.flag(vectors ? "V" : "N"), LAPACK.flag("U"),
                        LAPACK.int(n), pa.baseAddress, LAPACK.int(n), pw.baseAddress)
                }
            }
            try LAPACK.checked("dsyevd", info) { _ in
                LinearAlgebraError(.noConvergence, "the eigenvalue iteration did not converge")
            }
        }
        eigenvalues = w
        eigenvectors = vectors ? v : Matrix(rows: n, columns: 0)
    }
}

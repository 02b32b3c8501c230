import CLapack
import Foundation

/// Householder QR with column pivoting of a column-scaled matrix, with a rank decision.
///
/// The columns of A (n × p) are first scaled to about unit Euclidean norm, A_s = A·D⁻¹ with
/// D = diag(2^round(log₂‖a_j‖)) (exact: no rounding), so that the pivoting and the rank test do not depend on the units of the
/// columns (Golub & Van Loan, *Matrix Computations*, 4th ed., §5.4.1–5.4.2; Björck, *Numerical
/// Methods for Least Squares Problems*, §2.7.3). Then `dgeqp3` computes A_s·P = Q·R (for tall A after an
/// unpivoted `dgeqrf`, see `preliminary`).
///
/// Rank: the numerical rank r is the number of leading k with |R_kk| > τ·|R_11|, where
/// τ = `tolerance` (by default max(n, p)·ε, ε = 2.22·10⁻¹⁶, the choice of LAPACK's `dgelsy`
/// documentation and of NumPy's `matrix_rank`). R's `lm` uses τ = 10⁻⁷ on unscaled columns;
/// muavu's smaller τ accepts ill-conditioned but full-rank designs such as NIST's Filip.
public struct PivotedQR: Sendable {
    /// Rows n and columns p of A.
    public let rows: Int
    public let columns: Int
    /// `dgeqp3`'s output: R on and above the diagonal, Householder vectors below. It is n × p
    /// (the pivoted QR of A_s itself) or, for tall A, p × p (the pivoted QR of the R factor of
    /// the preliminary unpivoted QR, see `preliminary`).
    public let factors: Matrix
    /// The Householder scalars τ_k of `factors`.
    public let tau: [Double]
    /// For large tall A (see `Strategy`): the unpivoted, blocked QR A_s = Q₀·R₀ (`TallQR`)
    /// done first, so that the pivoted QR runs on the p × p factor R₀ (A_s·P = Q₀·Q₁·R). The
    /// column norms that drive the pivoting are those of R₀ᵀR₀ = A_sᵀA_s, so the pivots and the
    /// rank are those of A_s, while the O(np²) work is done on cache-sized blocks (Chan 1987,
    /// "Rank revealing QR factorizations", Linear Algebra Appl. 88/89; Golub & Van Loan §5.4.2).
    let preliminary: TallQR?
    /// Column k of A_s·P is column `permutation[k]` of A (0-based).
    public let permutation: [Int]
    /// D: the power of two nearest the Euclidean norm of each column of A (1 for a zero
    /// column). Powers of two make the scaling exact: A_s = A·D⁻¹ carries no rounding error.
    public let columnScale: [Double]
    /// The numerical rank r.
    public let rank: Int
    /// The relative tolerance τ used for the rank decision.
    public let tolerance: Double

    /// Whether to run the unpivoted `dgeqrf` before `dgeqp3`.
    public enum Strategy: Sendable {
        /// Preliminary QR when n ≥ 2p and n·p ≥ 2²⁰ (where blocking pays); direct otherwise,
        /// which keeps about one more digit in the standard errors of small, very
        /// ill-conditioned designs (NIST Filip: LRE 8.0 direct, 7.2 with the preliminary QR).
        case automatic
        /// `dgeqp3` on A_s.
        case direct
        /// `dgeqrf` on A_s, then `dgeqp3` on its R (requires n ≥ p).
        case preliminaryQR
    }

    /// Factors `a`.
    ///
    /// - Parameters:
    ///   - a: the n × p matrix; NaN or infinite entries throw `.nonFinite`.
    ///   - tolerance: τ for the rank test; nil means max(n, p)·ε.
    ///   - strategy: see `Strategy`.
    public init(_ a: Matrix, tolerance: Double? = nil, strategy: Strategy = .automatic) throws {
        LAPACK.configure()
        let n = a.rows
        let p = a.columns
        rows = n
        columns = p
        self.tolerance = tolerance ?? Double(Swift.max(n, p)) * Double.ulpOfOne
        var scaled = a
        var scale = [Double](repeating: 1, count: p)
        if n > 0 {
            // One pass per column: its norm, which is NaN or infinite exactly when the column
            // holds a NaN or an infinity (or, barely possible, overflows: then scan to tell).
            var nonFinite = false
            scaled.storage.withUnsafeMutableBufferPointer { pa in
                for j in 0..<p {
                    let column = pa.baseAddress! + j * n
                    var norm = cblas_dnrm2(blasint(n), column, 1)
                    if !norm.isFinite {
                        let slice = UnsafeBufferPointer(start: column, count: n)
                        if slice.contains(where: { !$0.isFinite }) {
                            nonFinite = true
                            return
                        }
                        norm = Matrix.norm2(Array(slice)[...])
                    }
                    if norm > 0 {
                        let e = Int((Foundation.log2(norm)).rounded())
                        scale[j] = Foundation.scalbn(1.0, e)
                        cblas_dscal(blasint(n), Foundation.scalbn(1.0, -e), column, 1)
                    }
                }
            }
            if nonFinite { throw LinearAlgebraError(.nonFinite, "the matrix contains NaN or infinite values") }
        }
        columnScale = scale
        var target: Matrix
        let usePreliminary: Bool
        switch strategy {
        case .automatic: usePreliminary = n >= 2 * p && n * p >= 1 << 20
        case .direct: usePreliminary = false
        case .preliminaryQR: usePreliminary = n >= p
        }
        if usePreliminary && p > 0 {
            let tall = try TallQR(consume scaled)
            target = tall.r
            preliminary = tall
        } else {
            target = scaled
            preliminary = nil
        }
        let m = target.rows
        var jpvt = [lapack_int](repeating: 0, count: p)
        var t = [Double](repeating: 0, count: Swift.min(m, p))
        if m > 0 && p > 0 {
            let info = target.storage.withUnsafeMutableBufferPointer { pa in
                jpvt.withUnsafeMutableBufferPointer { pj in
                    t.withUnsafeMutableBufferPointer { pt in
                        LAPACKE_dgeqp3(
                            LAPACK.columnMajor, LAPACK.int(m), LAPACK.int(p), pa.baseAddress,
                            LAPACK.int(m), pj.baseAddress, pt.baseAddress)
                    }
                }
            }
            try LAPACK.checked("dgeqp3", info)
        }
        factors = target
        tau = t
        permutation = jpvt.map { Int($0) - 1 }
        let k = Swift.min(m, p)
        var r = 0
        if k > 0 {
            let r11 = Swift.abs(target[0, 0])
            if r11 > 0 {
                while r < k && Swift.abs(target[r, r]) > self.tolerance * r11 { r += 1 }
            }
        }
        rank = r
    }

    /// Whether the rank equals the number of columns.
    public var isFullRank: Bool { rank == columns }

    /// The columns of A (0-based) that the rank decision leaves out: `permutation[rank...]`.
    public var droppedColumns: [Int] { Array(permutation[rank...]) }

    /// The leading r × r block R₁₁ of R (of the scaled, permuted matrix).
    public var r11: Matrix {
        var m = Matrix(rows: rank, columns: rank)
        for j in 0..<rank { for i in 0...j { m[i, j] = factors[i, j] } }
        return m
    }

    /// Qᵀ·b (or Q·b with `transpose: false`), by `dormqr`, for b of length n.
    public func applyQ(_ b: [Double], transpose: Bool) throws -> [Double] {
        guard b.count == rows else {
            throw LinearAlgebraError(.dimensionMismatch, "Q is \(rows)×\(rows), b has \(b.count) entries")
        }
        guard let tall = preliminary else {
            var c = b
            try Self.ormqr(factors, tau, &c, count: rows, transpose: transpose)
            return c
        }
        if transpose {
            var c = try tall.applyTranspose(b)
            var head = Array(c[0..<columns])
            try Self.ormqr(factors, tau, &head, count: columns, transpose: true)
            for i in 0..<columns { c[i] = head[i] }
            return c
        }
        var c = b
        var head = Array(c[0..<columns])
        try Self.ormqr(factors, tau, &head, count: columns, transpose: false)
        for i in 0..<columns { c[i] = head[i] }
        return try tall.apply(c)
    }

    /// Applies the reflectors stored in `f` (with `tau`) to the first `count` = f.rows entries of c.
    static func ormqr(_ f: Matrix, _ tau: [Double], _ c: inout [Double], count: Int, transpose: Bool) throws {
        let k = tau.count
        if k == 0 || count == 0 { return }
        let info = f.storage.withUnsafeBufferPointer { pa in
            tau.withUnsafeBufferPointer { pt in
                c.withUnsafeMutableBufferPointer { pc in
                    LAPACKE_dormqr(
                        LAPACK.columnMajor, LAPACK.flag("L"), LAPACK.flag(transpose ? "T" : "N"),
                        LAPACK.int(count), 1, LAPACK.int(k), pa.baseAddress, LAPACK.int(f.rows),
                        pt.baseAddress, pc.baseAddress, LAPACK.int(count))
                }
            }
        }
        try LAPACK.checked("dormqr", info)
    }

    /// Solves R₁₁·x = c (or R₁₁ᵀ·x = c) for the first r entries of `c`, by `dtrtrs`.
    public func solveR(_ c: [Double], transpose: Bool = false) throws -> [Double] {
        precondition(c.count >= rank, "right-hand side too short")
        var x = Array(c[0..<rank])
        if rank == 0 { return x }
        let info = factors.storage.withUnsafeBufferPointer { pa in
            x.withUnsafeMutableBufferPointer { px in
                LAPACKE_dtrtrs(
                    LAPACK.columnMajor, LAPACK.flag("U"), LAPACK.flag(transpose ? "T" : "N"),
                    LAPACK.flag("N"), LAPACK.int(rank), 1, pa.baseAddress, LAPACK.int(factors.rows),
                    px.baseAddress, LAPACK.int(rank))
            }
        }
        try LAPACK.checked("dtrtrs", info) { _ in
            LinearAlgebraError(.singular, "the triangular factor R has a zero on its diagonal")
        }
        return x
    }

    /// The basic least-squares solution: x minimising ‖A·x − b‖₂ over the first r pivoted
    /// columns, with the dropped columns' coefficients set to 0.
    ///
    /// x_P = D_P⁻¹·[R₁₁⁻¹·(Qᵀb)₁; 0] (Golub & Van Loan §5.5.5).
    public func solve(_ b: [Double]) throws -> [Double] {
        let qtb = try applyQ(b, transpose: true)
        let z = try solveR(qtb)
        var x = [Double](repeating: 0, count: columns)
        for k in 0..<rank {
            let j = permutation[k]
            x[j] = z[k] / columnScale[j]
        }
        return x
    }

    /// (AᵀA)⁻¹ restricted to the kept columns, computed from R, never from AᵀA:
    /// (AᵀA)⁻¹ = D⁻¹·P·R₁₁⁻¹·R₁₁⁻ᵀ·Pᵀ·D⁻¹ (R₁₁⁻¹ by `dtrtri`). Rows and columns of dropped
    /// columns are zero.
    public func unscaledCovariance() throws -> Matrix {
        var rinv = r11
        if rank > 0 {
            let info = rinv.storage.withUnsafeMutableBufferPointer { pr in
                LAPACKE_dtrtri(
                    LAPACK.columnMajor, LAPACK.flag("U"), LAPACK.flag("N"), LAPACK.int(rank),
                    pr.baseAddress, LAPACK.int(rank))
            }
            try LAPACK.checked("dtrtri", info) { _ in
                LinearAlgebraError(.singular, "the triangular factor R has a zero on its diagonal")
            }
        }
        // S = R⁻¹·R⁻ᵀ; entry (k, l) = Σ_m Rinv[k, m]·Rinv[l, m], m ≥ max(k, l).
        var cov = Matrix(rows: columns, columns: columns)
        for k in 0..<rank {
            for l in k..<rank {
                var s = 0.0
                for m in l..<rank { s += rinv[k, m] * rinv[l, m] }
                let jk = permutation[k]
                let jl = permutation[l]
                let v = s / (columnScale[jk] * columnScale[jl])
                cov[jk, jl] = v
                cov[jl, jk] = v
            }
        }
        return cov
    }

    /// The first r columns of Q (n × r): Q·[I_r; 0], by `dorgqr` (and `dormqr` for tall A).
    public func thinQ() throws -> Matrix {
        var q = Matrix(rows: rows, columns: rank)
        if rank == 0 || rows == 0 { return q }
        let m = factors.rows
        var inner = Matrix(rows: m, columns: rank)
        for j in 0..<rank { for i in 0..<m { inner[i, j] = factors[i, j] } }
        let info = inner.storage.withUnsafeMutableBufferPointer { pq in
            tau.withUnsafeBufferPointer { pt in
                LAPACKE_dorgqr(
                    LAPACK.columnMajor, LAPACK.int(m), LAPACK.int(rank), LAPACK.int(rank),
                    pq.baseAddress, LAPACK.int(m), pt.baseAddress)
            }
        }
        try LAPACK.checked("dorgqr", info)
        guard let tall = preliminary else { return inner }
        for j in 0..<rank { for i in 0..<m { q[i, j] = inner[i, j] } }
        q.storage = try tall.apply(q.storage, nrhs: rank)
        return q
    }

    /// The diagonal of the hat matrix H = A·(AᵀA)⁻¹·Aᵀ = Q₁·Q₁ᵀ: h_i = Σ_k q_ik², the leverages.
    public func leverages() throws -> [Double] {
        let q = try thinQ()
        var h = [Double](repeating: 0, count: rows)
        for k in 0..<rank {
            for i in 0..<rows {
                let v = q.storage[i + k * rows]
                h[i] += v * v
            }
        }
        return h
    }

    /// An estimate of the 1-norm condition number κ₁(R₁₁) of the scaled, kept columns, by
    /// `dtrcon` (Higham, *Accuracy and Stability of Numerical Algorithms*, §15.3): the
    /// condition of the problem that is actually solved.
    public func conditionNumber() throws -> Double {
        if rank == 0 { return .infinity }
        var rcond = 0.0
        let info = factors.storage.withUnsafeBufferPointer { pa in
            LAPACKE_dtrcon(
                LAPACK.columnMajor, LAPACK.flag("1"), LAPACK.flag("U"), LAPACK.flag("N"),
                LAPACK.int(rank), pa.baseAddress, LAPACK.int(factors.rows), &rcond)
        }
        try LAPACK.checked("dtrcon", info)
        return rcond > 0 ? 1 / rcond : .infinity
    }

    /// For a dropped column j, the kept columns it is (numerically) a combination of: the
    /// solution c of R₁₁·c = R₁₂[:, j] in the unit-norm column scale, listing the columns whose
    /// |c_k| exceeds `threshold` times the largest.
    public func dependencies(ofDropped j: Int, threshold: Double = 1e-6) throws -> [Int] {
        guard let position = permutation.firstIndex(of: j), position >= rank else { return [] }
        var rhs = [Double](repeating: 0, count: rank)
        for i in 0..<rank { rhs[i] = factors[i, position] }
        let c = try solveR(rhs)
        let largest = c.map { Swift.abs($0) }.max() ?? 0
        if largest == 0 { return [] }
        return (0..<rank).filter { Swift.abs(c[$0]) > threshold * largest }.map { permutation[$0] }
    }
}

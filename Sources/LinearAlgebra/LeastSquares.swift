/// A least-squares solution and how it was obtained.
public struct LeastSquaresSolution: Sendable {
    /// x minimising ‖A·x − b‖₂.
    public var coefficients: [Double]
    /// r = b − A·x.
    public var residuals: [Double]
    /// The factorisation, reusable for covariances, leverages and predictions.
    public var qr: PivotedQR
}

#if arch(x86_64) || arch(i386)
    /// Extended precision for residuals in iterative refinement (80-bit x87 on x86).
    typealias ExtendedDouble = Float80
#else
    typealias ExtendedDouble = Double
#endif

/// Linear least squares min ‖A·x − b‖₂ through the column-scaled pivoted QR.
///
/// Never forms AᵀA: its condition is κ(A)², which loses twice the digits (Golub & Van Loan
/// §5.3.8). With `refinementSteps > 0` the solution is improved by Björck's iterative
/// refinement of the augmented system
///
///     [ I   A ] [r]   [b]
///     [ Aᵀ  0 ] [x] = [0],
///
/// computing the residuals f = b − r − A·x and g = −Aᵀ·r in extended precision and solving for
/// the corrections with the same QR factors (Björck, *Numerical Methods for Least Squares
/// Problems*, SIAM 1996, §2.9.3; Björck 1967, BIT 7, 257–278). This recovers the digits that the
/// factorisation loses on ill-conditioned designs such as NIST's Filip and Wampler problems.
public enum LeastSquares {
    /// Solves min ‖A·x − b‖₂.
    ///
    /// - Throws: `.rankDeficient` when the pivoted QR finds rank r < p (the caller decides what
    ///   to report; `PivotedQR(_:).solve(_:)` gives the basic solution instead),
    ///   `.dimensionMismatch`, `.nonFinite`.
    public static func solve(
        _ a: Matrix, _ b: [Double], tolerance: Double? = nil,
        refinementSteps: Int = 0
    ) throws -> LeastSquaresSolution {
        guard b.count == a.rows else {
            throw LinearAlgebraError(.dimensionMismatch, "A has \(a.rows) rows, b has \(b.count) entries")
        }
        for v in b where !v.isFinite {
            throw LinearAlgebraError(.nonFinite, "the right-hand side contains NaN or infinite values")
        }
        let qr = try PivotedQR(a, tolerance: tolerance)
        guard qr.isFullRank else {
            throw LinearAlgebraError(
                .rankDeficient,
                "rank \(qr.rank) of \(a.columns) columns; dropped columns \(qr.droppedColumns)")
        }
        return try solve(qr: qr, a, b, refinementSteps: refinementSteps)
    }

    /// Solves with an existing full-rank factorisation of `a`.
    public static func solve(
        qr: PivotedQR, _ a: Matrix, _ b: [Double],
        refinementSteps: Int = 0
    ) throws -> LeastSquaresSolution {
        var x = try qr.solve(b)
        var r = residuals(a, x, b)
        if qr.isFullRank {
            for _ in 0..<refinementSteps {
                guard let (dx, dr) = try correction(qr: qr, a, b, x, r) else { break }
                for j in x.indices { x[j] += dx[j] }
                for i in r.indices { r[i] += dr[i] }
            }
            // Residuals consistent with the final x.
            r = residuals(a, x, b)
        }
        return LeastSquaresSolution(coefficients: x, residuals: r, qr: qr)
    }

    /// b − A·x accumulated in extended precision, then rounded.
    static func residuals(_ a: Matrix, _ x: [Double], _ b: [Double]) -> [Double] {
        let n = a.rows
        var acc = b.map { ExtendedDouble($0) }
        for j in 0..<a.columns where x[j] != 0 {
            let xj = ExtendedDouble(x[j])
            let base = j * n
            for i in 0..<n { acc[i] -= ExtendedDouble(a.storage[base + i]) * xj }
        }
        return acc.map { Double($0) }
    }

    /// One step of Björck's refinement. With A_s = A·D⁻¹, A_s·P = Q·[R; 0] and z = P ᵀ·D·x:
    /// f = b − r − A·x, g = −D⁻¹·Aᵀ·r (extended precision); Rᵀ·h = Pᵀ·g; d = Qᵀ·f;
    /// δz = R⁻¹·(d₁ − h); δr = Q·[h; d₂]. Returns nil when the corrections are all zero.
    static func correction(
        qr: PivotedQR, _ a: Matrix, _ b: [Double], _ x: [Double],
        _ r: [Double]
    ) throws -> ([Double], [Double])? {
        let n = a.rows
        let p = a.columns
        var f = [Double](repeating: 0, count: n)
        var acc = (0..<n).map { ExtendedDouble(b[$0]) - ExtendedDouble(r[$0]) }
        for j in 0..<p where x[j] != 0 {
            let xj = ExtendedDouble(x[j])
            let base = j * n
            for i in 0..<n { acc[i] -= ExtendedDouble(a.storage[base + i]) * xj }
        }
        for i in 0..<n { f[i] = Double(acc[i]) }
        var gp = [Double](repeating: 0, count: p)
        for k in 0..<p {
            let j = qr.permutation[k]
            var s: ExtendedDouble = 0
            let base = j * n
            for i in 0..<n { s -= ExtendedDouble(a.storage[base + i]) * ExtendedDouble(r[i]) }
            gp[k] = Double(s / ExtendedDouble(qr.columnScale[j]))
        }
        if f.allSatisfy({ $0 == 0 }) && gp.allSatisfy({ $0 == 0 }) { return nil }
        let h = try qr.solveR(gp, transpose: true)
        var d = try qr.applyQ(f, transpose: true)
        var rhs = [Double](repeating: 0, count: p)
        for k in 0..<p { rhs[k] = d[k] - h[k] }
        let dz = try qr.solveR(rhs)
        var dx = [Double](repeating: 0, count: p)
        for k in 0..<p {
            let j = qr.permutation[k]
            dx[j] = dz[k] / qr.columnScale[j]
        }
        for k in 0..<p { d[k] = h[k] }
        let dr = try qr.applyQ(d, transpose: false)
        return (dx, dr)
    }
}

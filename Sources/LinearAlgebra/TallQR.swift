import CLapack

/// The unpivoted QR of a tall n × p matrix computed by blocks of rows (TSQR): each block of
/// about 1 MiB is factored by `dgeqrf` while it sits in cache, the p × p triangles of the blocks
/// are stacked and factored again, A = Q·[R; 0].
///
/// Same arithmetic as one `dgeqrf`, but the level-2 panel work runs on cache-resident blocks
/// instead of streaming the whole column panel from memory for every column, which is what
/// limits `dgeqrf` on tall-skinny matrices (Demmel, Grigori, Hoemmen & Langou 2012,
/// "Communication-optimal parallel and sequential QR and LU factorizations", SIAM J. Sci.
/// Comput. 34(1); Golub & Van Loan §5.2.4).
///
/// Q is represented by the blocks' reflectors and the stacked factor's reflectors. `applyTranspose`
/// maps b to a vector whose first p entries are the coordinates in range(Q₁) (so that R·x = c₁
/// solves the least-squares problem) and whose other n − p entries are an orthonormal
/// coordinate system of the complement; `apply` is its exact inverse.
struct TallQR: Sendable {
    let rows: Int
    let columns: Int
    /// Block reflectors in place (block k occupies rows `bounds[k]..<bounds[k+1]`).
    let factors: Matrix
    let bounds: [Int]
    let blockTau: [[Double]]
    /// The (K·p) × p stacked triangles after their own `dgeqrf`: R in the top p × p.
    let stacked: Matrix
    let stackedTau: [Double]

    /// Factors `a` (n ≥ p ≥ 1), consuming it. `blockRows` overrides the block height (tests).
    init(_ a: consuming Matrix, blockRows requested: Int? = nil) throws {
        let n = a.rows
        let p = a.columns
        precondition(n >= p && p >= 1, "TallQR needs n ≥ p ≥ 1")
        rows = n
        columns = p
        // Blocks of about 2^17 doubles (1 MiB), at least 2p rows; a short tail joins the last block.
        let blockRows = Swift.max(p, requested ?? Swift.max(2 * p, (1 << 17) / p))
        var b = [0]
        while n - b[b.count - 1] >= blockRows + p { b.append(b[b.count - 1] + blockRows) }
        b.append(n)
        bounds = b
        var f = consume a
        var taus: [[Double]] = []
        let blocks = b.count - 1
        var s = Matrix(rows: blocks * p, columns: p)
        for k in 0..<blocks {
            let start = b[k]
            let m = b[k + 1] - b[k]
            var t = [Double](repeating: 0, count: p)
            let info = f.storage.withUnsafeMutableBufferPointer { pa in
                t.withUnsafeMutableBufferPointer { pt in
                    LAPACKE_dgeqrf(
                        LAPACK.columnMajor, LAPACK.int(m), LAPACK.int(p), pa.baseAddress! + start,
                        LAPACK.int(n), pt.baseAddress)
                }
            }
            try LAPACK.checked("dgeqrf", info)
            taus.append(t)
            for j in 0..<p { for i in 0...j { s[k * p + i, j] = f[start + i, j] } }
        }
        factors = f
        blockTau = taus
        var st = [Double](repeating: 0, count: p)
        let m = s.rows
        let info = s.storage.withUnsafeMutableBufferPointer { pa in
            st.withUnsafeMutableBufferPointer { pt in
                LAPACKE_dgeqrf(
                    LAPACK.columnMajor, LAPACK.int(m), LAPACK.int(p), pa.baseAddress, LAPACK.int(m),
                    pt.baseAddress)
            }
        }
        try LAPACK.checked("dgeqrf", info)
        stacked = s
        stackedTau = st
    }

    /// The p × p upper triangle R.
    var r: Matrix {
        var m = Matrix(rows: columns, columns: columns)
        for j in 0..<columns { for i in 0...j { m[i, j] = stacked[i, j] } }
        return m
    }

    /// Applies the reflectors in `f` (leading dimension `lda`, starting at `offset`) to the
    /// `m` × `nrhs` block of `c` (leading dimension `ldc`, starting at `cOffset`).
    private static func ormqr(
        _ f: Matrix, offset: Int, lda: Int, tau: [Double], m: Int,
        _ c: inout [Double], cOffset: Int, ldc: Int, nrhs: Int, transpose: Bool
    ) throws {
        let info = f.storage.withUnsafeBufferPointer { pa in
            tau.withUnsafeBufferPointer { pt in
                c.withUnsafeMutableBufferPointer { pc in
                    LAPACKE_dormqr(
                        LAPACK.columnMajor, LAPACK.flag("L"), LAPACK.flag(transpose ? "T" : "N"),
                        LAPACK.int(m), LAPACK.int(nrhs), LAPACK.int(tau.count), pa.baseAddress! + offset,
                        LAPACK.int(lda), pt.baseAddress, pc.baseAddress! + cOffset, LAPACK.int(ldc))
                }
            }
        }
        try LAPACK.checked("dormqr", info)
    }

    /// Qᵀ·C for C (n × nrhs, column-major), in the layout described above.
    func applyTranspose(_ c: [Double], nrhs: Int = 1) throws -> [Double] {
        let n = rows
        let p = columns
        let blocks = bounds.count - 1
        var work = c
        for k in 0..<blocks {
            try Self.ormqr(
                factors, offset: bounds[k], lda: n, tau: blockTau[k], m: bounds[k + 1] - bounds[k],
                &work, cOffset: bounds[k], ldc: n, nrhs: nrhs, transpose: true)
        }
        let sm = blocks * p
        var s = [Double](repeating: 0, count: sm * nrhs)
        for col in 0..<nrhs {
            for k in 0..<blocks { for i in 0..<p { s[col * sm + k * p + i] = work[col * n + bounds[k] + i] } }
        }
        try Self.ormqr(
            stacked, offset: 0, lda: sm, tau: stackedTau, m: sm, &s, cOffset: 0, ldc: sm, nrhs: nrhs,
            transpose: true)
        var out = [Double](repeating: 0, count: n * nrhs)
        for col in 0..<nrhs {
            for i in 0..<sm { out[col * n + i] = s[col * sm + i] }
            var o = sm
            for k in 0..<blocks {
                for i in (bounds[k] + p)..<bounds[k + 1] {
                    out[col * n + o] = work[col * n + i]
                    o += 1
                }
            }
        }
        return out
    }

    /// Q·C, the inverse of `applyTranspose`.
    func apply(_ c: [Double], nrhs: Int = 1) throws -> [Double] {
        let n = rows
        let p = columns
        let blocks = bounds.count - 1
        let sm = blocks * p
        var s = [Double](repeating: 0, count: sm * nrhs)
        for col in 0..<nrhs { for i in 0..<sm { s[col * sm + i] = c[col * n + i] } }
        try Self.ormqr(
            stacked, offset: 0, lda: sm, tau: stackedTau, m: sm, &s, cOffset: 0, ldc: sm, nrhs: nrhs,
            transpose: false)
        var work = [Double](repeating: 0, count: n * nrhs)
        for col in 0..<nrhs {
            var o = sm
            for k in 0..<blocks {
                for i in 0..<p { work[col * n + bounds[k] + i] = s[col * sm + k * p + i] }
                for i in (bounds[k] + p)..<bounds[k + 1] {
                    work[col * n + i] = c[col * n + o]
                    o += 1
                }
            }
        }
        for k in 0..<blocks {
            try Self.ormqr(
                factors, offset: bounds[k], lda: n, tau: blockTau[k], m: bounds[k + 1] - bounds[k],
                &work, cOffset: bounds[k], ldc: n, nrhs: nrhs, transpose: false)
        }
        return work
    }
}

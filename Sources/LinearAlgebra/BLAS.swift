import CLapack

/// Matrix products through OpenBLAS's CBLAS (`dgemm`, `dgemv`, `dsyrk`).
///
/// Dimension mismatches are programming errors of the caller but can arise from user data
/// (a design with the wrong number of columns), so they throw `.dimensionMismatch`.
public enum BLAS {
    /// C = α·op(A)·op(B) + β·C, by `dgemm`. `op(X)` is X or Xᵀ.
    public static func gemm(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix
    ) throws {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        guard k == kb, c.rows == m, c.columns == n else {
            throw LinearAlgebraError(
                .dimensionMismatch,
                "gemm: op(A) is \(m)×\(k), op(B) is \(kb)×\(n), C is \(c.rows)×\(c.columns)")
        }
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in c.storage.indices { c.storage[i] *= beta }
            return
        }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasColMajor, transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        blasint(m), blasint(n), blasint(k), alpha,
                        pa.baseAddress, blasint(Swift.max(1, a.rows)),
                        pb.baseAddress, blasint(Swift.max(1, b.rows)), beta,
                        pc.baseAddress, blasint(Swift.max(1, c.rows)))
                }
            }
        }
    }

    /// op(A)·op(B) as a new matrix.
    public static func product(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false,
        transposeB: Bool = false
    ) throws -> Matrix {
        var c = Matrix(rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
        try gemm(a, b, transposeA: transposeA, transposeB: transposeB, into: &c)
        return c
    }

    /// y = α·op(A)·x + β·y, by `dgemv`.
    public static func gemv(
        _ a: Matrix, _ x: [Double], transpose: Bool = false,
        alpha: Double = 1, beta: Double = 0, into y: inout [Double]
    ) throws {
        let inner = transpose ? a.rows : a.columns
        let outer = transpose ? a.columns : a.rows
        guard x.count == inner, y.count == outer else {
            throw LinearAlgebraError(
                .dimensionMismatch,
                "gemv: op(A) is \(outer)×\(inner), x has \(x.count), y has \(y.count)")
        }
        if outer == 0 { return }
        if inner == 0 {
            for i in y.indices { y[i] *= beta }
            return
        }
        a.storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasColMajor, transpose ? CblasTrans : CblasNoTrans,
                        blasint(a.rows), blasint(a.columns), alpha,
                        pa.baseAddress, blasint(Swift.max(1, a.rows)),
                        px.baseAddress, 1, beta, py.baseAddress, 1)
                }
            }
        }
    }

    /// op(A)·x as a new vector.
    public static func product(_ a: Matrix, _ x: [Double], transpose: Bool = false) throws -> [Double] {
        var y = [Double](repeating: 0, count: transpose ? a.columns : a.rows)
        try gemv(a, x, transpose: transpose, into: &y)
        return y
    }

    /// The Gram matrix AᵀA (symmetric, both triangles filled), by `dsyrk`.
    ///
    /// Used for diagnostics and for Cholesky-based tests; least squares never forms it.
    public static func gram(_ a: Matrix) -> Matrix {
        let n = a.columns
        var c = Matrix(rows: n, columns: n)
        if n == 0 || a.rows == 0 { return c }
        a.storage.withUnsafeBufferPointer { pa in
            c.storage.withUnsafeMutableBufferPointer { pc in
                cblas_dsyrk(
                    CblasColMajor, CblasUpper, CblasTrans, blasint(n), blasint(a.rows), 1,
                    pa.baseAddress, blasint(a.rows), 0, pc.baseAddress, blasint(n))
            }
        }
        for j in 0..<n { for i in (j + 1)..<n { c[i, j] = c[j, i] } }
        return c
    }

    /// x·y, by `ddot`.
    public static func dot(_ x: [Double], _ y: [Double]) throws -> Double {
        guard x.count == y.count else {
            throw LinearAlgebraError(.dimensionMismatch, "dot: lengths \(x.count) and \(y.count)")
        }
        if x.isEmpty { return 0 }
        return x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                cblas_ddot(blasint(x.count), px.baseAddress, 1, py.baseAddress, 1)
            }
        }
    }
}

/// The number of threads OpenBLAS uses (`openblas_set_num_threads`).
///
/// When many series are fitted in parallel, one thread per BLAS call avoids oversubscribing
/// the cores: call `setSingleThreaded()` before the parallel loop.
public enum BLASThreads {
    /// Sets the thread count (values below 1 are taken as 1).
    public static func setCount(_ n: Int) {
        openblas_set_num_threads(Int32(Swift.max(1, Swift.min(n, Int(Int32.max)))))
    }

    /// One thread per BLAS call.
    public static func setSingleThreaded() { setCount(1) }

    /// The current thread count.
    public static var count: Int { Int(openblas_get_num_threads()) }
}

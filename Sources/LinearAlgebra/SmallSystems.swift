/// Kernels for the small dense systems inside model fitting (a handful of columns, solved
/// thousands of times per series), written out in Swift rather than passed to LAPACK: their
/// rounding is part of every saved ARIMA and ETS fit, so they stay exactly these algorithms.
/// The columns or rows are plain arrays; each returns nil where the system is (numerically) singular.
public enum SmallSystems {
    /// Least squares by Householder QR (the columns are few: constant, drift, regressors).
    /// Returns nil when a column is (numerically) dependent on the others.
    public static func householderLeastSquares(columns: [[Double]], y: [Double])
        -> (beta: [Double], standardErrors: [Double])?
    {
        let k = columns.count
        let n = y.count
        guard k > 0, n >= k else { return nil }
        var a = columns  // column-major copy, reduced in place
        var b = y
        var rDiag = [Double](repeating: 0, count: k)
        for j in 0..<k {
            var norm = 0.0
            for i in j..<n { norm += a[j][i] * a[j][i] }
            norm = norm.squareRoot()
            let scale = columns[j].reduce(0) { max($0, abs($1)) }
            guard norm > 1e-10 * max(scale, 1e-300) else { return nil }
            let alpha = a[j][j] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: n)
            for i in j..<n { v[i] = a[j][i] }
            v[j] -= alpha
            var vv = 0.0
            for i in j..<n { vv += v[i] * v[i] }
            if vv > 0 {
                for c in j..<k {
                    var s = 0.0
                    for i in j..<n { s += v[i] * a[c][i] }
                    let f = 2 * s / vv
                    for i in j..<n { a[c][i] -= f * v[i] }
                }
                var s = 0.0
                for i in j..<n { s += v[i] * b[i] }
                let f = 2 * s / vv
                for i in j..<n { b[i] -= f * v[i] }
            }
            rDiag[j] = a[j][j]
        }
        var beta = [Double](repeating: 0, count: k)
        for j in stride(from: k - 1, through: 0, by: -1) {
            var s = b[j]
            for c in (j + 1)..<max(j + 1, k) { s -= a[c][j] * beta[c] }
            beta[j] = s / rDiag[j]
        }
        var rss = 0.0
        for i in k..<n { rss += b[i] * b[i] }
        let s2 = n > k ? rss / Double(n - k) : 0
        // diag((R'R)^{-1}) by inverting the triangular R.
        var rinv = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for j in 0..<k {
            rinv[j][j] = 1 / a[j][j]
            for i in stride(from: j - 1, through: 0, by: -1) {
                var s = 0.0
                for l in (i + 1)...j { s += a[l][i] * rinv[l][j] }
                rinv[i][j] = -s / a[i][i]
            }
        }
        let se = (0..<k).map { i in
            (s2 * (i..<k).reduce(0) { $0 + rinv[i][$1] * rinv[i][$1] }).squareRoot()
        }
        return (beta, se)
    }

    /// Gaussian elimination with partial pivoting on a row-major n×n system.
    public static func gaussianElimination(_ a: inout [Double], _ b: inout [Double], _ n: Int) -> [Double]? {
        for col in 0..<n {
            var pivot = col
            var best = abs(a[col * n + col])
            for r in (col + 1)..<max(col + 1, n) where abs(a[r * n + col]) > best {
                best = abs(a[r * n + col])
                pivot = r
            }
            if best < 1e-13 { return nil }
            if pivot != col {
                for k in 0..<n { a.swapAt(col * n + k, pivot * n + k) }
                b.swapAt(col, pivot)
            }
            let d = a[col * n + col]
            for r in (col + 1)..<max(col + 1, n) {
                let f = a[r * n + col] / d
                if f == 0 { continue }
                for k in col..<n { a[r * n + k] -= f * a[col * n + k] }
                b[r] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var s = b[r]
            for k in (r + 1)..<max(r + 1, n) { s -= a[r * n + k] * x[k] }
            x[r] = s / a[r * n + r]
        }
        return x
    }

    /// Least squares by modified Gram–Schmidt on the columns (Björck 1967), enough for the
    /// four-column starting regression; nil when the columns are linearly dependent.
    public static func gramSchmidtLeastSquares(_ columns: [[Double]], _ y: [Double]) -> [Double]? {
        let p = columns.count
        var q = columns
        var r = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var rhs = y
        var z = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var norm = 0.0
            for v in q[j] { norm += v * v }
            norm = norm.squareRoot()
            guard norm > 1e-12 * Double(y.count).squareRoot() else { return nil }
            r[j][j] = norm
            for i in q[j].indices { q[j][i] /= norm }
            for k in (j + 1)..<p {
                var dot = 0.0
                for i in q[j].indices { dot += q[j][i] * q[k][i] }
                r[j][k] = dot
                for i in q[k].indices { q[k][i] -= dot * q[j][i] }
            }
            var dot = 0.0
            for i in rhs.indices { dot += q[j][i] * rhs[i] }
            z[j] = dot
            for i in rhs.indices { rhs[i] -= dot * q[j][i] }
        }
        var coef = [Double](repeating: 0, count: p)
        for j in stride(from: p - 1, through: 0, by: -1) {
            var s = z[j]
            for k in (j + 1)..<p { s -= r[j][k] * coef[k] }
            coef[j] = s / r[j][j]
        }
        return coef
    }
}

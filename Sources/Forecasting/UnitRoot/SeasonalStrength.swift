import Foundation
import TimeSeriesCore

/// Strength of seasonality from an STL decomposition (Wang, Smith & Hyndman 2006, Data Mining
/// and Knowledge Discovery 13, 335–364; Hyndman & Athanasopoulos, FPP3 §4.3):
///
///     F_S = max(0, 1 − Var(R_t) / Var(S_t + R_t)),
///
/// with S the seasonal and R the remainder of STL (seasonal window 11, constant seasonal
/// LOESS, as `forecast::mstl` and statsforecast `mstl`). statsforecast's AutoARIMA takes one
/// seasonal difference when F_S > 0.64 (its default `seasonal_test = "seas"`).
public enum SeasonalStrength {
    /// F_S of `x` at seasonal period `period` (≥ 2, at least two full periods of data).
    public static func measure(_ x: [Double], period: Int) throws -> Double {
        guard period >= 2 else { throw ForecastingError(.invalidArgument, "seasonal strength needs a period of at least 2") }
        guard x.count > 2 * period else {
            throw ForecastingError(.tooShort, "seasonal strength needs more than two periods of data")
        }
        guard x.allSatisfy({ $0.isFinite }) else { throw ForecastingError(.nonFinite, "non-finite observations") }
        let stl = STLDecomposition(x, period: period, seasonalWindow: 11, seasonalDegree: 0)
        let remainder = (0..<x.count).map { x[$0] - stl.seasonal[$0] - stl.trend[$0] }
        let detrended = (0..<x.count).map { remainder[$0] + stl.seasonal[$0] }
        let vr = variance(remainder), vd = variance(detrended)
        guard vd > 0 else { return 0 }
        return max(0, min(1, 1 - vr / vd))
    }

    /// The number of seasonal differences (0 or 1 up to `maxD`) by the strength rule:
    /// difference while F_S > `threshold` (statsforecast `nsdiffs(test="seas")`).
    public static func seasonalDifferences(_ x: [Double], period: Int, threshold: Double = 0.64,
                                           maxD: Int = 1) -> Int {
        guard period >= 2, period < x.count, !UnitRoot.isConstant(x) else { return 0 }
        var v = x
        var d = 0
        var doDiff = ((try? measure(v, period: period)) ?? 0) > threshold
        while doDiff && d < maxD {
            d += 1
            v = (period..<v.count).map { v[$0] - v[$0 - period] }
            if UnitRoot.isConstant(v) { return d }
            if v.count >= 2 * period && d < maxD {
                doDiff = ((try? measure(v, period: period)) ?? 0) > threshold
            } else {
                doDiff = false
            }
        }
        return d
    }

    static func variance(_ x: [Double]) -> Double {
        guard x.count > 1 else { return 0 }
        let m = x.reduce(0, +) / Double(x.count)
        return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
    }
}

/// STL: seasonal-trend decomposition by LOESS (Cleveland, Cleveland, McRae & Terpenning 1990,
/// J. Official Statistics 6, 3–73), the inner loop without robustness weights, every point
/// fitted (jumps of 1), with the defaults of the reference implementation: trend window the
/// smallest odd integer ≥ 1.5m / (1 − 1.5/n_s), low-pass window the smallest odd integer > m,
/// five inner iterations. Internal.
struct STLDecomposition {
    var seasonal: [Double]
    var trend: [Double]

    init(_ y: [Double], period np: Int, seasonalWindow ns: Int, seasonalDegree: Int = 0,
         innerIterations: Int = 5) {
        let n = y.count
        var nt = Int((1.5 * Double(np) / (1 - 1.5 / Double(ns))).rounded(.up))
        if nt % 2 == 0 { nt += 1 }
        var nl = np + 1
        if nl % 2 == 0 { nl += 1 }
        var trend = [Double](repeating: 0, count: n)
        var season = [Double](repeating: 0, count: n)
        for _ in 0..<innerIterations {
            let detrended = (0..<n).map { y[$0] - trend[$0] }
            let cycle = STLDecomposition.subseriesSmooth(detrended, period: np, span: ns, degree: seasonalDegree)
            var low = STLDecomposition.movingAverage(cycle, np)
            low = STLDecomposition.movingAverage(low, np)
            low = STLDecomposition.movingAverage(low, 3)
            low = STLDecomposition.loess(low, span: nl, degree: 1)
            for i in 0..<n { season[i] = cycle[np + i] - low[i] }
            let deseasonal = (0..<n).map { y[$0] - season[$0] }
            trend = STLDecomposition.loess(deseasonal, span: nt, degree: 1)
        }
        seasonal = season
        self.trend = trend
    }

    /// Smooths each cycle-subseries and extends it by one value at each end (length n + 2m).
    static func subseriesSmooth(_ y: [Double], period np: Int, span ns: Int, degree: Int) -> [Double] {
        let n = y.count
        var out = [Double](repeating: 0, count: n + 2 * np)
        for j in 0..<np {
            let sub = stride(from: j, to: n, by: np).map { y[$0] }
            let k = sub.count
            if k == 0 { continue }
            var smooth = [Double](repeating: 0, count: k + 2)
            let inner = loess(sub, span: ns, degree: degree)
            for i in 0..<k { smooth[i + 1] = inner[i] }
            smooth[0] = estimate(sub, span: ns, degree: degree, at: 0, left: 1, right: min(ns, k)) ?? smooth[1]
            smooth[k + 1] = estimate(sub, span: ns, degree: degree, at: Double(k + 1),
                                     left: max(1, k - ns + 1), right: k) ?? smooth[k]
            for m in 0..<(k + 2) { out[m * np + j] = smooth[m] }
        }
        return out
    }

    static func movingAverage(_ x: [Double], _ len: Int) -> [Double] {
        let count = x.count - len + 1
        guard count > 0 else { return [] }
        var out = [Double](repeating: 0, count: count)
        var sum = x[0..<len].reduce(0, +)
        out[0] = sum / Double(len)
        if count > 1 {
            for j in 1..<count {
                sum += x[j + len - 1] - x[j - 1]
                out[j] = sum / Double(len)
            }
        }
        return out
    }

    /// LOESS at every point 1…n with window `span` (tricube weights, local degree 0 or 1).
    static func loess(_ y: [Double], span len: Int, degree: Int) -> [Double] {
        let n = y.count
        var out = y
        if n < len {
            for i in 1...max(n, 1) where n > 0 {
                if let v = estimate(y, span: len, degree: degree, at: Double(i), left: 1, right: n) { out[i - 1] = v }
            }
            return out
        }
        let half = (len + 1) / 2
        var left = 1, right = len
        for i in 1...n {
            if i > half && right != n { left += 1; right += 1 }
            if let v = estimate(y, span: len, degree: degree, at: Double(i), left: left, right: right) { out[i - 1] = v }
        }
        return out
    }

    /// The local fit at abscissa `xs` (1-based positions) from points left…right; nil when
    /// every weight is zero.
    static func estimate(_ y: [Double], span len: Int, degree: Int, at xs: Double,
                         left: Int, right: Int) -> Double? {
        let n = y.count
        let range = Double(n) - 1
        var h = max(xs - Double(left), Double(right) - xs)
        if len > n { h += Double((len - n) / 2) }
        let h9 = 0.999 * h, h1 = 0.001 * h
        var w = [Double](repeating: 0, count: right - left + 1)
        var a = 0.0
        for j in left...right {
            let r = abs(Double(j) - xs)
            if r <= h9 {
                let v: Double
                if r <= h1 { v = 1 } else { let u = r / h; let c = 1 - u * u * u; v = c * c * c }
                w[j - left] = v
                a += v
            }
        }
        guard a > 0 else { return nil }
        for i in 0..<w.count { w[i] /= a }
        if h > 0 && degree > 0 {
            var center = 0.0
            for j in left...right { center += w[j - left] * Double(j) }
            var b = xs - center
            var c = 0.0
            for j in left...right { c += w[j - left] * (Double(j) - center) * (Double(j) - center) }
            if c.squareRoot() > 0.001 * range {
                b /= c
                for j in left...right { w[j - left] *= b * (Double(j) - center) + 1 }
            }
        }
        var s = 0.0
        for j in left...right { s += w[j - left] * y[j - 1] }
        return s
    }
}

import TimeSeriesCore

/// STL: seasonal-trend decomposition by LOESS (Cleveland, Cleveland, McRae & Terpenning 1990,
/// "STL: A seasonal-trend decomposition procedure based on Loess", Journal of Official
/// Statistics 6, 3–73), as the reference Fortran and statsmodels' `STL` compute it, with every
/// point fitted (jumps of 1).
///
///     yₜ = Tₜ + Sₜ + Rₜ
///
/// Each of `innerIterations` passes (T starts at 0):
/// 1. detrend, yₜ − Tₜ;
/// 2. smooth each cycle-subseries (the values at one position t mod m) by LOESS with window
///    n_s and degree `seasonalDegree`, extended by one cycle at each end: C, of length n + 2m;
/// 3. low-pass filter C by moving averages of lengths m, m and 3, then LOESS of window n_l
///    (degree `lowPassDegree`): L;
/// 4. season Sₜ = Cₜ₊ₘ − Lₜ;
/// 5. trend Tₜ = LOESS of yₜ − Sₜ with window n_t (degree `trendDegree`).
///
/// LOESS (Cleveland 1979) fits, at each point, a constant or a line by least squares with tricube
/// weights (1 − (|x − xᵢ|/h)³)³ over the window's nearest points, h the distance to the farthest.
/// Defaults follow the reference: n_t the smallest odd integer ≥ 1.5m / (1 − 1.5/n_s), n_l the
/// smallest odd integer > m, five inner passes without robustness weights (statsmodels
/// `STL.fit()`).
///
/// Robustness (`robustIterations` > 0, the outer loop of §3.3): after each run of inner passes
/// the weights ρₜ = B(|Rₜ|/(6·median|R|)), B(u) = (1 − u²)² for u < 1 and 0 beyond, multiply the
/// LOESS weights of the seasonal and trend smoothers in the next run (statsmodels
/// `STL(robust=True)` makes 15 outer runs of 2 inner passes).
public struct STL: Sendable, Equatable {
    /// The smoothing windows, degrees and passes of one decomposition.
    public struct Settings: Sendable, Equatable, Hashable, Codable {
        /// n_s, the seasonal LOESS window: odd, at least 3.
        public var seasonalWindow: Int
        /// Degree of the seasonal LOESS: 0 (a local constant, as R's `mstl` and statsforecast's
        /// `mstl` ask) or 1.
        public var seasonalDegree: Int
        /// n_t; nil for the reference's default.
        public var trendWindow: Int?
        /// n_l; nil for the reference's default.
        public var lowPassWindow: Int?
        public var trendDegree: Int
        public var lowPassDegree: Int
        public var innerIterations: Int
        /// Outer runs with robustness weights after the first (0: none).
        public var robustIterations: Int

        public init(
            seasonalWindow: Int, seasonalDegree: Int = 0, trendWindow: Int? = nil,
            lowPassWindow: Int? = nil, trendDegree: Int = 1, lowPassDegree: Int = 1,
            innerIterations: Int = 5, robustIterations: Int = 0
        ) {
            (self.seasonalWindow, self.seasonalDegree, self.trendWindow) = (seasonalWindow, seasonalDegree, trendWindow)
            (self.lowPassWindow, self.trendDegree, self.lowPassDegree) = (lowPassWindow, trendDegree, lowPassDegree)
            (self.innerIterations, self.robustIterations) = (innerIterations, robustIterations)
        }

        enum CodingKeys: String, CodingKey {
            case seasonalWindow = "seasonal_window"
            case seasonalDegree = "seasonal_degree"
            case trendWindow = "trend_window"
            case lowPassWindow = "low_pass_window"
            case trendDegree = "trend_degree"
            case lowPassDegree = "low_pass_degree"
            case innerIterations = "inner_iterations"
            case robustIterations = "robust_iterations"
        }

        /// n_t: the given window, or the smallest odd integer ≥ 1.5m / (1 − 1.5/n_s).
        public func trendWindow(period m: Int) -> Int {
            if let trendWindow { return trendWindow }
            let nt = Int((1.5 * Double(m) / (1 - 1.5 / Double(seasonalWindow))).rounded(.up))
            return nt % 2 == 0 ? nt + 1 : nt
        }

        /// n_l: the given window, or the smallest odd integer > m.
        public func lowPassWindow(period m: Int) -> Int {
            if let lowPassWindow { return lowPassWindow }
            return m % 2 == 0 ? m + 1 : m + 2
        }

        /// The reference's conditions on windows and degrees, for period `m`.
        func validate(period m: Int) throws {
            let odd = { (w: Int) in w >= 3 && w % 2 == 1 }
            guard odd(seasonalWindow) else {
                throw ForecastingError(
                    .invalidArgument,
                    "the STL seasonal window must be an odd integer of at least 3, "
                        + "got \(seasonalWindow)")
            }
            let nt = trendWindow(period: m)
            let nl = lowPassWindow(period: m)
            guard odd(nt), nt > m, odd(nl), nl > m else {
                throw ForecastingError(
                    .invalidArgument,
                    "the STL trend (\(nt)) and low-pass (\(nl)) windows must be odd integers "
                        + "above the period \(m)")
            }
            guard [seasonalDegree, trendDegree, lowPassDegree].allSatisfy({ $0 == 0 || $0 == 1 }) else {
                throw ForecastingError(.invalidArgument, "STL LOESS degrees are 0 or 1")
            }
            guard (1...100).contains(innerIterations), (0...100).contains(robustIterations) else {
                throw ForecastingError(
                    .invalidArgument,
                    "STL inner iterations must be between 1 and 100 and robust iterations "
                        + "between 0 and 100, got \(innerIterations) and \(robustIterations)")
            }
        }
    }

    public var period: Int
    public var settings: Settings
    public var seasonal: [Double]
    public var trend: [Double]
    /// yₜ − Sₜ − Tₜ.
    public var remainder: [Double]

    /// Decomposes `y` (finite values) at seasonal period `period` ≥ 2.
    public init(_ y: [Double], period np: Int, settings: Settings) throws {
        guard np >= 2 else {
            throw ForecastingError(.invalidArgument, "STL needs a seasonal period of at least 2, got \(np)")
        }
        try ArgumentCheck.observations(y.count, atLeast: 2, "STL")
        try ArgumentCheck.finite(y)
        try settings.validate(period: np)
        let n = y.count
        let ns = settings.seasonalWindow
        let nt = settings.trendWindow(period: np)
        let nl = settings.lowPassWindow(period: np)
        var trend = [Double](repeating: 0, count: n)
        var season = [Double](repeating: 0, count: n)
        var robustness: [Double]?
        for outer in 0...settings.robustIterations {
            if outer > 0 { robustness = STL.robustnessWeights(y, fit: (0..<n).map { trend[$0] + season[$0] }) }
            for _ in 0..<settings.innerIterations {
                let detrended = (0..<n).map { y[$0] - trend[$0] }
                let cycle = STL.subseriesSmooth(
                    detrended, period: np, span: ns, degree: settings.seasonalDegree,
                    robustness: robustness)
                var low = STL.movingAverage(cycle, np)
                low = STL.movingAverage(low, np)
                low = STL.movingAverage(low, 3)
                low = STL.loess(low, span: nl, degree: settings.lowPassDegree)
                for i in 0..<n { season[i] = cycle[np + i] - low[i] }
                let deseasonal = (0..<n).map { y[$0] - season[$0] }
                trend = STL.loess(deseasonal, span: nt, degree: settings.trendDegree, robustness: robustness)
            }
        }
        period = np
        self.settings = settings
        seasonal = season
        self.trend = trend
        remainder = (0..<n).map { y[$0] - season[$0] - trend[$0] }
    }

    /// ρₜ = B(|yₜ − fitₜ|/h), h six times the median absolute residual (the mean of the two
    /// middle values for even n), B the bisquare; all 1 when h = 0.
    static func robustnessWeights(_ y: [Double], fit: [Double]) -> [Double] {
        let r = zip(y, fit).map { abs($0 - $1) }
        let sorted = r.sorted()
        let n = r.count
        let h = 3 * (sorted[n / 2] + sorted[n - n / 2 - 1])
        guard h > 0 else { return [Double](repeating: 1, count: n) }
        return r.map { v in
            if v <= 0.001 * h { return 1 }
            if v > 0.999 * h { return 0 }
            let u = v / h
            return (1 - u * u) * (1 - u * u)
        }
    }

    /// Smooths each cycle-subseries and extends it by one value at each end (length n + 2m).
    static func subseriesSmooth(
        _ y: [Double], period np: Int, span ns: Int, degree: Int,
        robustness: [Double]? = nil
    ) -> [Double] {
        let n = y.count
        var out = [Double](repeating: 0, count: n + 2 * np)
        for j in 0..<np {
            let sub = stride(from: j, to: n, by: np).map { y[$0] }
            let rw = robustness.map { r in stride(from: j, to: n, by: np).map { r[$0] } }
            let k = sub.count
            if k == 0 { continue }
            var smooth = [Double](repeating: 0, count: k + 2)
            let inner = loess(sub, span: ns, degree: degree, robustness: rw)
            for i in 0..<k { smooth[i + 1] = inner[i] }
            smooth[0] =
                estimate(
                    sub, span: ns, degree: degree, at: 0, left: 1, right: min(ns, k),
                    robustness: rw) ?? smooth[1]
            smooth[k + 1] =
                estimate(
                    sub, span: ns, degree: degree, at: Double(k + 1),
                    left: max(1, k - ns + 1), right: k, robustness: rw) ?? smooth[k]
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
    static func loess(_ y: [Double], span len: Int, degree: Int, robustness: [Double]? = nil) -> [Double] {
        let n = y.count
        var out = y
        if n < len {
            for i in 1...max(n, 1) where n > 0 {
                if let v = estimate(
                    y, span: len, degree: degree, at: Double(i), left: 1, right: n,
                    robustness: robustness)
                {
                    out[i - 1] = v
                }
            }
            return out
        }
        let half = (len + 1) / 2
        var left = 1
        var right = len
        for i in 1...n {
            if i > half && right != n {
                left += 1
                right += 1
            }
            if let v = estimate(
                y, span: len, degree: degree, at: Double(i), left: left, right: right,
                robustness: robustness)
            {
                out[i - 1] = v
            }
        }
        return out
    }

    /// The local fit at abscissa `xs` (1-based positions) from points left…right, the tricube
    /// weights multiplied by `robustness` when given; nil when every weight is zero.
    static func estimate(
        _ y: [Double], span len: Int, degree: Int, at xs: Double,
        left: Int, right: Int, robustness: [Double]? = nil
    ) -> Double? {
        let n = y.count
        let range = Double(n) - 1
        var h = max(xs - Double(left), Double(right) - xs)
        if len > n { h += Double((len - n) / 2) }
        let h9 = 0.999 * h
        let h1 = 0.001 * h
        var w = [Double](repeating: 0, count: right - left + 1)
        var a = 0.0
        for j in left...right {
            let r = abs(Double(j) - xs)
            if r <= h9 {
                let v: Double
                if r <= h1 {
                    v = 1
                } else {
                    let u = r / h
                    let c = 1 - u * u * u
                    v = c * c * c
                }
                w[j - left] = robustness.map { v * $0[j - 1] } ?? v
                a += w[j - left]
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

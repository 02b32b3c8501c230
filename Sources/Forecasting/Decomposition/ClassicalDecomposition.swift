import TimeSeriesCore

/// Classical (moving-average) decomposition of a series into trend, seasonal and remainder.
///
/// The method of Macaulay (1931) as given in Hyndman & Athanasopoulos, *Forecasting: Principles
/// and Practice* (3rd ed.), §3.4, and as computed by statsmodels `seasonal_decompose`:
/// 1. Trend T̂ₜ: the centred moving average of order m; for even m the 2×m-MA with weights
///    (½, 1, …, 1, ½)/m over m+1 points. Undefined (NaN) for the ⌊m/2⌋ first and last points.
/// 2. Detrended series: yₜ/T̂ₜ (multiplicative) or yₜ − T̂ₜ (additive).
/// 3. Seasonal indices: the mean of the detrended values at each position t mod m (positions
///    counted from the first observation), normalised to average 1 (multiplicative) or
///    0 (additive).
/// 4. Remainder: yₜ/(T̂ₜŜₜ) or yₜ − T̂ₜ − Ŝₜ.
///
/// Needs at least two full cycles (n ≥ 2m); multiplicative needs positive data.
public struct ClassicalDecomposition: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case additive, multiplicative
    }

    public var kind: Kind
    public var period: Int
    /// Centred moving average; NaN where the window runs off either end.
    public var trend: [Double]
    /// The seasonal index of each observation (one value per position t mod m, repeated).
    public var seasonal: [Double]
    /// What neither trend nor season explains; NaN where the trend is undefined.
    public var remainder: [Double]
    /// The m normalised indices, by position t mod m from the first observation.
    public var indices: [Double]

    /// Decomposes `y` with seasonal period `period` (≥ 2).
    public init(_ y: [Double], period: Int, kind: Kind) throws {
        guard period >= 2 else {
            throw ForecastingError(
                .invalidArgument, "a seasonal decomposition needs a period of at least 2, got \(period)")
        }
        let n = y.count
        guard n >= 2 * period else {
            throw ForecastingError(
                .tooShort,
                "a classical decomposition with period \(period) needs two full cycles (\(2 * period) observations), got \(n)"
            )
        }
        try ArgumentCheck.finite(y)
        if kind == .multiplicative, y.contains(where: { $0 <= 0 }) {
            throw ForecastingError(
                .outOfDomain,
                "a multiplicative decomposition needs positive values; use the additive one")
        }
        let trend = ClassicalDecomposition.centredMovingAverage(y, order: period)
        var sums = [Double](repeating: 0, count: period)
        var counts = [Int](repeating: 0, count: period)
        for t in 0..<n where !trend[t].isNaN {
            let d = kind == .multiplicative ? y[t] / trend[t] : y[t] - trend[t]
            sums[t % period] += d
            counts[t % period] += 1
        }
        // n ≥ 2m guarantees every position has at least one detrended value.
        var indices = (0..<period).map { sums[$0] / Double(counts[$0]) }
        let average = indices.reduce(0, +) / Double(period)
        for i in 0..<period {
            if kind == .multiplicative { indices[i] /= average } else { indices[i] -= average }
        }
        let seasonal = (0..<n).map { indices[$0 % period] }
        let remainder = (0..<n).map { t -> Double in
            kind == .multiplicative ? y[t] / (trend[t] * seasonal[t]) : y[t] - trend[t] - seasonal[t]
        }
        (self.kind, self.period, self.trend, self.seasonal, self.remainder) = (kind, period, trend, seasonal, remainder)
        self.indices = indices
    }

    /// The seasonal index at time `t` (0-based from the first observation; future times too).
    public func seasonalIndex(at t: Int) -> Double {
        indices[((t % period) + period) % period]
    }

    /// The centred moving average of order `order`: the plain m-MA for odd m, the 2×m-MA for
    /// even m (FPP3 §3.3). NaN for the ⌊m/2⌋ first and last points, or everywhere when the series
    /// is shorter than the window.
    public static func centredMovingAverage(_ y: [Double], order m: Int) -> [Double] {
        let n = y.count
        let half = m / 2
        var out = [Double](repeating: .nan, count: n)
        guard m >= 1, n > 2 * half else { return out }
        let inverse = 1.0 / Double(m)
        for t in half..<(n - half) {
            var s = 0.0
            if m % 2 == 1 {
                for k in (t - half)...(t + half) { s += y[k] }
            } else {
                s = 0.5 * (y[t - half] + y[t + half])
                for k in (t - half + 1)..<(t + half) { s += y[k] }
            }
            out[t] = s * inverse
        }
        return out
    }
}

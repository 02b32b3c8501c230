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
        guard period >= 2 else {
            throw ForecastingError(.invalidArgument, "seasonal strength needs a period of at least 2")
        }
        guard x.count > 2 * period else {
            throw ForecastingError(.tooShort, "seasonal strength needs more than two periods of data")
        }
        guard x.allSatisfy({ $0.isFinite }) else { throw ForecastingError(.nonFinite, "non-finite observations") }
        let stl = try STL(x, period: period, settings: STL.Settings(seasonalWindow: 11))
        let remainder = (0..<x.count).map { x[$0] - stl.seasonal[$0] - stl.trend[$0] }
        let detrended = (0..<x.count).map { remainder[$0] + stl.seasonal[$0] }
        let vr = variance(remainder)
        let vd = variance(detrended)
        guard vd > 0 else { return 0 }
        return max(0, min(1, 1 - vr / vd))
    }

    /// The number of seasonal differences (0 or 1 up to `maxD`) by the strength rule:
    /// difference while F_S > `threshold` (statsforecast `nsdiffs(test="seas")`).
    public static func seasonalDifferences(
        _ x: [Double], period: Int, threshold: Double = 0.64,
        maxD: Int = 1
    ) -> Int {
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

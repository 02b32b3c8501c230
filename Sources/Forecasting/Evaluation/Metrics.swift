import Foundation
import TimeSeriesCore

/// Point and interval accuracy measures for one forecast against what happened.
///
/// Definitions follow Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.),
/// §5.8 (point accuracy) and §5.9 (distributional accuracy), and the M4 competition guide
/// (Makridakis, Spiliotis & Assimakopoulos 2020, *IJF* 36(1)) for sMAPE, MASE and OWA.
/// Every function takes the actual values `y` and the forecasts `f` of the same length, steps 1...h.
/// A value that cannot be computed (a zero scale, an empty input) is `nil`, never NaN.
public enum Metrics {
    /// Mean absolute error: (1/h) Σ |yₜ − fₜ|.
    public static func mae(_ y: [Double], _ f: [Double]) -> Double? {
        mean(zip(y, f).map { abs($0 - $1) })
    }

    /// Root mean squared error: √((1/h) Σ (yₜ − fₜ)²).
    public static func rmse(_ y: [Double], _ f: [Double]) -> Double? {
        mean(zip(y, f).map { ($0 - $1) * ($0 - $1) }).map { $0.squareRoot() }
    }

    /// Mean absolute percentage error in percent: (100/h) Σ |yₜ − fₜ| / |yₜ|, over the steps where
    /// yₜ ≠ 0 (the measure is undefined at a zero); `nil` when every yₜ is zero.
    public static func mape(_ y: [Double], _ f: [Double]) -> Double? {
        mean(zip(y, f).filter { $0.0 != 0 }.map { 100 * abs($0 - $1) / abs($0) })
    }

    /// The M3/M4 symmetric MAPE of one step, in percent: 200·|y − f| / (|y| + |f|), 0 when y = f = 0.
    @inline(__always)
    public static func smapeTerm(_ y: Double, _ f: Double) -> Double {
        let denominator = abs(y) + abs(f)
        let difference = abs(y - f)
        if denominator == 0 { return 0 }
        if denominator.isFinite && difference.isFinite { return 200 * difference / denominator }
        // Near the largest double the sum or the difference overflows; the ratio does not depend
        // on the scale, so take it on y and f divided by the larger of |y| and |f|.
        let scale = max(abs(y), abs(f))
        guard scale.isFinite else { return .nan }
        let a = y / scale
        let b = f / scale
        return 200 * abs(a - b) / (abs(a) + abs(b))
    }

    /// sMAPE of the M3 and M4 competitions, in percent: (1/h) Σ 200·|yₜ − fₜ| / (|yₜ| + |fₜ|).
    public static func smape(_ y: [Double], _ f: [Double]) -> Double? {
        mean(zip(y, f).map { smapeTerm($0, $1) })
    }

    /// The period used to scale MASE and RMSSE: `period`, or 1 (naive) when the in-sample series is
    /// not longer than one season, so that the scale still exists for short series.
    public static func scalePeriod(insampleCount n: Int, period: Int) -> Int {
        period >= 1 && n > period ? period : 1
    }

    /// In-sample mean absolute error of the seasonal-naive method at period m:
    /// (1/(n−m)) Σₜ₌ₘ₊₁ⁿ |yₜ − yₜ₋ₘ| (Hyndman & Koehler 2006). Period 1 is the naive method.
    /// `nil` when the series has no pair m apart.
    public static func seasonalNaiveMAE(_ insample: [Double], period: Int) -> Double? {
        let m = scalePeriod(insampleCount: insample.count, period: period)
        guard insample.count > m else { return nil }
        var sum = 0.0
        for t in m..<insample.count { sum += abs(insample[t] - insample[t - m]) }
        return sum / Double(insample.count - m)
    }

    /// In-sample mean squared error of the seasonal-naive method at period m (the RMSSE scale).
    public static func seasonalNaiveMSE(_ insample: [Double], period: Int) -> Double? {
        let m = scalePeriod(insampleCount: insample.count, period: period)
        guard insample.count > m else { return nil }
        var sum = 0.0
        for t in m..<insample.count { sum += (insample[t] - insample[t - m]) * (insample[t] - insample[t - m]) }
        return sum / Double(insample.count - m)
    }

    /// Mean absolute scaled error: MAE / seasonal-naive in-sample MAE (Hyndman & Koehler 2006).
    /// `nil` when the scale is zero or undefined (a constant in-sample series).
    public static func mase(_ y: [Double], _ f: [Double], insample: [Double], period: Int) -> Double? {
        guard let scale = seasonalNaiveMAE(insample, period: period), scale > 0,
            let e = mae(y, f)
        else { return nil }
        return e / scale
    }

    /// Root mean squared scaled error, as in the M5 competition: √(MSE / seasonal-naive in-sample MSE).
    public static func rmsse(_ y: [Double], _ f: [Double], insample: [Double], period: Int) -> Double? {
        guard let scale = seasonalNaiveMSE(insample, period: period), scale > 0,
            let e = rmse(y, f)
        else { return nil }
        return (e * e / scale).squareRoot()
    }

    /// Pinball (quantile) loss at probability q: (1/h) Σ max(q(yₜ − qₜ), (q − 1)(yₜ − qₜ)),
    /// where qₜ is the forecast q-quantile (Gneiting & Raftery 2007, §9).
    public static func pinball(_ y: [Double], quantile: [Double], probability q: Double) -> Double? {
        mean(
            zip(y, quantile).map { yt, qt in
                let d = yt - qt
                return d >= 0 ? q * d : (q - 1) * d
            })
    }

    /// The probabilities of the bounds of a central interval at `level` percent: (1 − L/100)/2 and (1 + L/100)/2.
    public static func boundProbabilities(level: Int) -> (lower: Double, upper: Double) {
        let alpha = 1 - Double(level) / 100
        return (alpha / 2, 1 - alpha / 2)
    }

    /// Mean pinball loss of an interval's two bounds, taken as the quantiles
    /// (1 − L/100)/2 and (1 + L/100)/2.
    public static func intervalPinball(_ y: [Double], interval: PredictionInterval) -> Double? {
        let p = boundProbabilities(level: interval.level)
        guard let lower = pinball(y, quantile: interval.lower, probability: p.lower),
            let upper = pinball(y, quantile: interval.upper, probability: p.upper)
        else { return nil }
        return (lower + upper) / 2
    }

    /// Share of actual values inside [lower, upper], bounds included (0...1).
    public static func coverage(_ y: [Double], interval: PredictionInterval) -> Double? {
        guard let hits = coveredCount(y, interval: interval), !y.isEmpty else { return nil }
        return Double(hits) / Double(y.count)
    }

    /// How many actual values fall inside [lower, upper]; `nil` when the lengths differ.
    public static func coveredCount(_ y: [Double], interval: PredictionInterval) -> Int? {
        guard interval.lower.count == y.count, interval.upper.count == y.count else { return nil }
        var hits = 0
        for t in y.indices where y[t] >= interval.lower[t] && y[t] <= interval.upper[t] { hits += 1 }
        return hits
    }

    /// Winkler (1972) interval score, mean over steps, with α = 1 − L/100:
    /// (uₜ − lₜ) + (2/α)(lₜ − yₜ)·[yₜ < lₜ] + (2/α)(yₜ − uₜ)·[yₜ > uₜ]  (FPP3 §5.9).
    public static func winkler(_ y: [Double], interval: PredictionInterval) -> Double? {
        guard interval.lower.count == y.count, interval.upper.count == y.count else { return nil }
        let alpha = 1 - Double(interval.level) / 100
        return mean(
            y.indices.map { t in
                let l = interval.lower[t]
                let u = interval.upper[t]
                let v = y[t]
                var score = u - l
                if v < l { score += 2 / alpha * (l - v) }
                if v > u { score += 2 / alpha * (v - u) }
                return score
            })
    }

    /// Overall weighted average of the M4 competition: the mean of sMAPE and MASE, each relative
    /// to the Naive2 benchmark's on the same series: ½ (sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2).
    public static func owa(smape: Double?, mase: Double?, naive2Smape: Double?, naive2Mase: Double?) -> Double? {
        guard let smape, let mase, let naive2Smape, let naive2Mase, naive2Smape > 0, naive2Mase > 0 else { return nil }
        return 0.5 * (smape / naive2Smape + mase / naive2Mase)
    }

    static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        var sum = 0.0
        for v in values { sum += v }
        let m = sum / Double(values.count)
        return m.isFinite ? m : nil
    }
}

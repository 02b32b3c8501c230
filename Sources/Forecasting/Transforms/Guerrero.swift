import Foundation

/// Guerrero's choice of the Box–Cox λ: the power that makes the ratio of each subseries'
/// standard deviation to a power of its mean most nearly constant, which stabilises the variance
/// (Guerrero 1993, "Time-series analysis supported by power transformations", *Journal of
/// Forecasting* 12(1), 37–48; R `forecast::BoxCox.lambda(method = "guerrero")`).
///
/// The series' last ⌊n/p⌋·p observations (divided by the geometric mean of the series, which
/// does not change the criterion) are cut into consecutive subseries of length
/// p = max(period, 2) (R's non-seasonal subseries length is 2), each with mean μᵢ and sample
/// standard deviation σᵢ, and
///
///     CV(λ) = sd(rᵢ) / mean(rᵢ),   rᵢ = σᵢ / μᵢ^(1−λ),
///
/// is minimised over λ in [lower, upper] by Brent's method. A bound is taken when its criterion
/// is no larger than at the minimiser's point (Brent's method never evaluates the bounds
/// themselves).
public enum Guerrero {
    /// The criterion CV(λ) for subseries with these means and standard deviations.
    static func criterion(_ lambda: Double, means: [Double], deviations: [Double]) -> Double {
        let r = zip(means, deviations).map { $1 / pow($0, 1 - lambda) }
        guard let m = mean(r), m != 0, let s = standardDeviation(r) else { return .nan }
        return s / m
    }

    /// The subseries' means and standard deviations, or nil when there are fewer than two whole
    /// subseries, a value is not positive and finite, or no subseries varies.
    static func subseries(_ y: [Double], period: Int) -> (means: [Double], deviations: [Double])? {
        guard y.allSatisfy({ $0 > 0 && $0.isFinite }), !y.isEmpty else { return nil }
        // On y divided by its geometric mean, which leaves CV(λ) unchanged (every rᵢ takes the
        // same factor) and keeps the squares finite for values near the ends of the doubles.
        let c = BoxCox.geometricMean(y)
        let y = y.map { $0 / c }
        let p = max(period, 2)
        let count = y.count / p
        guard count >= 2 else { return nil }
        let start = y.count - count * p
        var means: [Double] = []
        var deviations: [Double] = []
        for i in 0..<count {
            let part = Array(y[(start + i * p)..<(start + (i + 1) * p)])
            guard let m = mean(part), let s = standardDeviation(part) else { return nil }
            means.append(m)
            deviations.append(s)
        }
        guard deviations.contains(where: { $0 > 0 }) else { return nil }
        return (means, deviations)
    }

    /// Guerrero's λ in `lower...upper`, or nil when the criterion is undefined for `y`
    /// (`subseries`).
    public static func lambda(_ y: [Double], period: Int, lower: Double = 0, upper: Double = 1) -> Double? {
        guard let (means, deviations) = subseries(y, period: period) else { return nil }
        let cv = { (l: Double) in criterion(l, means: means, deviations: deviations) }
        guard let best = try? Brent.minimize(cv, lower: lower, upper: upper), best.value.isFinite else { return nil }
        var choice = (x: best.x, value: best.value)
        for bound in [lower, upper] {
            let v = cv(bound)
            if v.isFinite, v <= choice.value { choice = (bound, v) }
        }
        return choice.x
    }

    static func mean(_ x: [Double]) -> Double? { Metrics.mean(x) }

    /// The sample standard deviation (divisor n − 1).
    static func standardDeviation(_ x: [Double]) -> Double? {
        x.count >= 2 ? SeasonalStrength.variance(x).squareRoot() : nil
    }
}

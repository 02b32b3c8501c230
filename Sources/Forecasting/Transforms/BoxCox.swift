import Foundation

/// The Box–Cox transformation of a positive series and the choice of its λ by Guerrero's method.
///
///     w = log y            (λ = 0)
///     w = (y^λ − 1) / λ    (λ ≠ 0)
///
/// Box, G. E. P. & Cox, D. R. (1964), "An analysis of transformations", *JRSS B* 26(2); Hyndman
/// & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §3.1 and §5.6. Models
/// fitted on w make the variance, the seasonal swing and the growth of the series proportional to
/// a power of its level. Forecasts on w are transformed back by the inverse, which maps the
/// median of the forecast distribution to its median and a quantile to the same quantile: the
/// back-transformed point forecast is the median (no bias adjustment), the bounds keep their
/// level.
public struct BoxCox: Sendable, Equatable {
    public var lambda: Double

    public init(lambda: Double) { self.lambda = lambda }

    /// w = (y^λ − 1)/λ, or log y for λ = 0; nil when y ≤ 0 or not finite.
    public func forward(_ y: Double) -> Double? {
        guard y > 0, y.isFinite else { return nil }
        return lambda == 0 ? log(y) : (pow(y, lambda) - 1) / lambda
    }

    /// The whole series transformed, or nil when a value is not positive and finite.
    public func forward(_ y: [Double]) -> [Double]? {
        var w: [Double] = []
        w.reserveCapacity(y.count)
        for v in y {
            guard let t = forward(v) else { return nil }
            w.append(t)
        }
        return w
    }

    /// y = exp(w) for λ = 0, (λw + 1)^(1/λ) otherwise. Where λw + 1 ≤ 0 (below the image of the
    /// positive numbers, possible for λ > 0) the value is 0, the lower end of the domain.
    /// NaN stays NaN; ±∞ map to the limits.
    public func inverse(_ w: Double) -> Double {
        if w.isNaN { return .nan }
        if lambda == 0 { return exp(w) }
        let base = lambda * w + 1
        return base > 0 ? pow(base, 1 / lambda) : 0
    }

    public func inverse(_ w: [Double]) -> [Double] { w.map(inverse) }

    /// Guerrero's coefficient of variation for `lambda`: the series' last ⌊n/p⌋·p observations
    /// cut into consecutive subseries of length p = max(period, 2), each with mean μᵢ and standard
    /// deviation σᵢ, and
    ///
    ///     CV(λ) = sd(rᵢ) / mean(rᵢ),   rᵢ = σᵢ / μᵢ^(1−λ).
    ///
    /// The λ that makes rᵢ most nearly constant stabilises the variance (Guerrero 1993, "Time-series
    /// analysis supported by power transformations", *Journal of Forecasting* 12(1), 37–48); R
    /// `forecast::BoxCox.lambda(method = "guerrero")` with its non-seasonal subseries length 2.
    static func guerreroCV(_ lambda: Double, means: [Double], deviations: [Double]) -> Double {
        let r = zip(means, deviations).map { $1 / pow($0, 1 - lambda) }
        guard let m = mean(r), m != 0, let s = standardDeviation(r) else { return .nan }
        return s / m
    }

    /// The Guerrero λ in `lower...upper` (Brent's minimisation of `guerreroCV`), or nil when the
    /// series is not positive and finite, has fewer than two whole subseries, or its
    /// subseries do not vary (the criterion is undefined).
    public static func guerreroLambda(_ y: [Double], period: Int, lower: Double = 0, upper: Double = 1) -> Double? {
        guard y.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        let p = max(period, 2)
        let count = y.count / p
        guard count >= 2 else { return nil }
        let start = y.count - count * p
        var means: [Double] = [], deviations: [Double] = []
        for i in 0..<count {
            let part = Array(y[(start + i * p)..<(start + (i + 1) * p)])
            guard let m = mean(part), let s = standardDeviation(part) else { return nil }
            means.append(m)
            deviations.append(s)
        }
        guard deviations.contains(where: { $0 > 0 }) else { return nil }
        guard let best = try? Brent.minimize({ guerreroCV($0, means: means, deviations: deviations) },
                                             lower: lower, upper: upper),
              best.value.isFinite else { return nil }
        return best.x
    }

    static func mean(_ x: [Double]) -> Double? {
        x.isEmpty ? nil : x.reduce(0, +) / Double(x.count)
    }

    /// The sample standard deviation (divisor n − 1).
    static func standardDeviation(_ x: [Double]) -> Double? {
        guard x.count >= 2, let m = mean(x) else { return nil }
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
    }
}

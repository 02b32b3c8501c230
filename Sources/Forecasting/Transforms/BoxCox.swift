import Foundation
import TimeSeriesCore

/// The Box–Cox transformation of a positive series, on the scale of a reference level c:
///
///     w = log(y / c)              (λ = 0)
///     w = ((y / c)^λ − 1) / λ     (λ ≠ 0)
///
/// Box, G. E. P. & Cox, D. R. (1964), "An analysis of transformations", *JRSS B* 26(2); Hyndman
/// & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §3.1 and §5.6. Models
/// fitted on w make the variance, the seasonal swing and the growth of the series proportional to
/// a power of its level. Dividing by c (`BoxCoxTransformed` takes the geometric mean of the
/// series, as Box & Cox normalise their likelihood) makes w the same whatever the unit of y: a
/// series in đồng and the same series in thousands of đồng give a method the same w, and so the
/// same forecasts in their units.
///
/// Forecasts on w are transformed back by the inverse, which maps the median of the forecast
/// distribution to its median and a quantile to the same quantile: the back-transformed point
/// forecast is the median (no bias adjustment), the bounds keep their level. Both directions
/// use `expm1`/`log1p`, exact to rounding as λ → 0.
public struct BoxCox: Sendable, Equatable {
    public var lambda: Double
    /// The reference level c (positive).
    public var scale: Double

    public init(lambda: Double, scale: Double = 1) {
        self.lambda = lambda
        self.scale = scale
    }

    /// w for one value; nil when y ≤ 0 or not finite.
    public func forward(_ y: Double) -> Double? {
        guard y > 0, y.isFinite else { return nil }
        let l = log(y / scale)
        return lambda == 0 ? l : expm1(lambda * l) / lambda
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

    /// y = c·exp(w) for λ = 0, c·(λw + 1)^(1/λ) otherwise. Where λw + 1 ≤ 0 (below the image of
    /// the positive numbers, possible for λ > 0) the value is 0, the lower end of the domain.
    /// NaN stays NaN; ±∞ map to the limits.
    public func inverse(_ w: Double) -> Double {
        if w.isNaN { return .nan }
        if lambda == 0 { return scale * exp(w) }
        let base = lambda * w
        guard base > -1 else { return 0 }
        return scale * exp(log1p(base) / lambda)
    }

    public func inverse(_ w: [Double]) -> [Double] { w.map(inverse) }

    /// exp(mean log y), the reference level `BoxCoxTransformed` divides by (y positive).
    static func geometricMean(_ y: [Double]) -> Double {
        exp(y.reduce(0) { $0 + log($1) } / Double(y.count))
    }

    static func format(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return String(r)
    }
}

extension BoxCox {
    /// A forecast made on the Box–Cox scale, transformed back: points and fitted values through
    /// the inverse, each interval bound likewise (a quantile stays the same quantile). λ and c go
    /// in the parameters (`lambda`, `boxcox_scale`); a note says what the numbers are, and that
    /// the fit criteria are those of the transformed series.
    public func backTransformed(_ f: Forecast) -> Forecast {
        var out = f
        out.mean = inverse(f.mean)
        out.intervals = f.intervals.map {
            PredictionInterval(level: $0.level, lower: inverse($0.lower), upper: inverse($0.upper))
        }
        out.fitted = f.fitted.map(inverse)
        out.model.parameters["lambda"] = lambda
        out.model.parameters["boxcox_scale"] = scale
        out.model.notes.append(
            "fitted on the Box-Cox scale, λ = \(Self.format(lambda)) (Guerrero), of the series "
                + "divided by its geometric mean; point forecasts transformed back are medians, and "
                + "the fit criteria (log-likelihood, AIC, σ²) are those of the transformed series")
        return out
    }
}

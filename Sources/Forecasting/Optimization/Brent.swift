import TimeSeriesCore

/// Brent's minimisation of a function of one variable on an interval: golden-section steps
/// safeguarding successive parabolic interpolation, without derivatives.
///
/// Brent, R. P. (1973). *Algorithms for Minimization without Derivatives*, ch. 5 (procedure
/// `localmin`); Forsythe, Malcolm & Moler (1977), *Computer Methods for Mathematical
/// Computations*, §8.2 (`fmin`), the routine behind R's `optimize`. The search stops when the
/// bracket around the current best point x is within 2·tol of x, tol = √ε·|x| + `tolerance`/3.
/// The result is a local minimum; on a unimodal function, the minimum.
public enum Brent {
    public struct Result: Sendable, Equatable {
        public var x: Double
        public var value: Double
        public var evaluations: Int
    }

    /// Minimises `f` on `lower...upper` (lower < upper, both finite). `f` may return `.infinity`
    /// at inadmissible points; NaN counts as `.infinity`.
    public static func minimize(
        _ f: (Double) -> Double, lower: Double, upper: Double,
        tolerance: Double = 1e-8, maxEvaluations: Int = 500
    ) throws -> Result {
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw ForecastingError(
                .invalidArgument, "Brent's minimisation needs finite bounds lower < upper, got \(lower), \(upper)")
        }
        func g(_ x: Double) -> Double {
            let v = f(x)
            return v.isNaN ? .infinity : v
        }
        let golden = (3 - 5.0.squareRoot()) / 2
        let eps = Double.ulpOfOne.squareRoot()
        var a = lower
        var b = upper
        var x = a + golden * (b - a)
        var w = x
        var v = x
        var fx = g(x)
        var fw = fx
        var fv = fx
        var d = 0.0
        var e = 0.0
        var evaluations = 1
        while evaluations < maxEvaluations {
            let xm = (a + b) / 2
            let tol1 = eps * abs(x) + tolerance / 3
            let tol2 = 2 * tol1
            if abs(x - xm) <= tol2 - (b - a) / 2 { break }
            var goldenStep = true
            if abs(e) > tol1 {
                // Fit a parabola through x, w and v.
                var r = (x - w) * (fx - fv)
                var q = (x - v) * (fx - fw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p } else { q = -q }
                r = e
                e = d
                if abs(p) < abs(q * r / 2), p > q * (a - x), p < q * (b - x) {
                    d = p / q
                    let u = x + d
                    if u - a < tol2 || b - u < tol2 { d = xm >= x ? tol1 : -tol1 }
                    goldenStep = false
                }
            }
            if goldenStep {
                e = (x < xm ? b : a) - x
                d = golden * e
            }
            let u = abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1)
            let fu = g(u)
            evaluations += 1
            if fu <= fx {
                if u < x { b = x } else { a = x }
                v = w
                fv = fw
                w = x
                fw = fx
                x = u
                fx = fu
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    v = w
                    fv = fw
                    w = u
                    fw = fu
                } else if fu <= fv || v == x || v == w {
                    v = u
                    fv = fu
                }
            }
        }
        return Result(x: x, value: fx, evaluations: evaluations)
    }
}

import Foundation

/// Variable-metric (BFGS) minimisation with forward-difference gradients and a backtracking
/// line search, after Nash (1990), *Compact Numerical Methods for Computers*, Algorithm 21
/// (the `vmmin` behind R `optim(method = "BFGS")`, which `stats::arima` uses).
///
/// ARIMA likelihoods are smooth in the transformed parameters, and the gradient method
/// needs a few dozen function evaluations where the simplex needs hundreds; the model search
/// fits tens of models per series, so this is what keeps `arima` fast. Module-internal: the
/// optimisers (this and `NelderMead`) live in Optimization/, written once for every model.
struct BFGS {
    var maxIterations = 100
    /// Relative convergence tolerance on the function value.
    var relativeTolerance = 1e-8
    /// Forward-difference step, relative to max(|x_i|, 1)... absolute floor.
    var differenceStep = 1e-6

    struct Result {
        var x: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
    }

    func gradient(_ f: ([Double]) -> Double, at x: [Double], value: Double) -> [Double] {
        var g = [Double](repeating: 0, count: x.count)
        var probe = x
        for i in 0..<x.count {
            let h = differenceStep * max(abs(x[i]), 1)
            probe[i] = x[i] + h
            var fh = f(probe)
            if fh.isFinite {
                g[i] = (fh - value) / h
            } else {
                probe[i] = x[i] - h
                fh = f(probe)
                g[i] = fh.isFinite ? (value - fh) / h : 0
            }
            probe[i] = x[i]
        }
        return g
    }

    func minimize(_ f: ([Double]) -> Double, start: [Double]) -> Result {
        let n = start.count
        var x = start
        var fx = f(x)
        if n == 0 || !fx.isFinite { return Result(x: x, value: fx, iterations: 0, converged: n == 0) }
        var g = gradient(f, at: x, value: fx)
        var b = identity(n)
        var iterations = 0
        var lastReset = 0
        var converged = false
        var t = [Double](repeating: 0, count: n)
        var trial = x
        while iterations < maxIterations {
            iterations += 1
            if lastReset == iterations - 1 { b = identity(n) }
            let slope = descentDirection(b, g, into: &t)
            // Not a descent direction, or no acceptable step along it: restart from steepest
            // descent, unless this iteration did already (then nothing is left to try).
            guard slope < 0, let fTrial = lineSearch(f, from: x, value: fx, direction: t, slope: slope, into: &trial)
            else {
                if lastReset == iterations - 1 {
                    converged = true
                    break
                }
                lastReset = iterations
                continue
            }
            let enough = abs(fTrial - fx) > relativeTolerance * (abs(fx) + relativeTolerance)
            let gNew = gradient(f, at: trial, value: fTrial)
            var s = [Double](repeating: 0, count: n)
            var y = s
            var d1 = 0.0
            for i in 0..<n {
                s[i] = trial[i] - x[i]
                y[i] = gNew[i] - g[i]
                d1 += s[i] * y[i]
            }
            x = trial
            fx = fTrial
            g = gNew
            if !enough {
                converged = true
                break
            }
            if d1 > 0 {
                update(&b, step: s, gradientChange: y, curvature: d1)
            } else {
                lastReset = iterations
            }
        }
        return Result(x: x, value: fx, iterations: iterations, converged: converged)
    }

    /// t = −B·g, the quasi-Newton direction; returns the slope tᵀg along it.
    private func descentDirection(_ b: [Double], _ g: [Double], into t: inout [Double]) -> Double {
        let n = g.count
        var slope = 0.0
        for i in 0..<n {
            var s = 0.0
            for j in 0..<n { s -= b[i * n + j] * g[j] }
            t[i] = s
            slope += s * g[i]
        }
        return slope
    }

    /// Backtracking from a unit step, by a factor 0.2, until the Armijo condition
    /// f(x + step·t) ≤ f(x) + 10⁻⁴·step·slope holds; `trial` is left at the accepted point and its
    /// value returned. Nil when the step no longer moves any coordinate (tested as 10 + xᵢ, as
    /// Nash does) before a point is accepted.
    private func lineSearch(
        _ f: ([Double]) -> Double, from x: [Double], value fx: Double, direction t: [Double],
        slope: Double, into trial: inout [Double]
    ) -> Double? {
        let stepReduction = 0.2
        let acceptance = 1e-4
        var step = 1.0
        while true {
            var changed = 0
            for i in 0..<x.count {
                trial[i] = x[i] + step * t[i]
                if 10 + trial[i] != 10 + x[i] { changed += 1 }
            }
            if changed == 0 { return nil }
            let fTrial = f(trial)
            if fTrial.isFinite && fTrial <= fx + slope * step * acceptance { return fTrial }
            step *= stepReduction
        }
    }

    /// The BFGS update of the inverse Hessian approximation B (row-major, n × n) from the step s
    /// and the change of gradient y, with d1 = sᵀy > 0:
    /// B += ((1 + yᵀBy/d1)·s·sᵀ − (By)·sᵀ − s·(By)ᵀ) / d1.
    private func update(_ b: inout [Double], step s: [Double], gradientChange y: [Double], curvature d1: Double) {
        let n = s.count
        var by = [Double](repeating: 0, count: n)
        var d2 = 0.0
        for i in 0..<n {
            var v = 0.0
            for j in 0..<n { v += b[i * n + j] * y[j] }
            by[i] = v
            d2 += y[i] * v
        }
        d2 = 1 + d2 / d1
        for i in 0..<n {
            for j in 0..<n {
                b[i * n + j] += (d2 * s[i] * s[j] - by[i] * s[j] - s[i] * by[j]) / d1
            }
        }
    }

    private func identity(_ n: Int) -> [Double] {
        var b = [Double](repeating: 0, count: n * n)
        for i in 0..<n { b[i * n + i] = 1 }
        return b
    }
}

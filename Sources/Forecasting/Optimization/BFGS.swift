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
        let stepReduction = 0.2, acceptance = 1e-4
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
            var slope = 0.0
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n { s -= b[i * n + j] * g[j] }
                t[i] = s
                slope += s * g[i]
            }
            if slope < 0 {
                var step = 1.0
                var accepted = false
                var fTrial = fx
                while true {
                    var changed = 0
                    for i in 0..<n {
                        trial[i] = x[i] + step * t[i]
                        if 10 + trial[i] != 10 + x[i] { changed += 1 }
                    }
                    if changed == 0 { break }
                    fTrial = f(trial)
                    if fTrial.isFinite && fTrial <= fx + slope * step * acceptance {
                        accepted = true
                        break
                    }
                    step *= stepReduction
                }
                let enough = accepted && abs(fTrial - fx) > relativeTolerance * (abs(fx) + relativeTolerance)
                if accepted {
                    let gNew = gradient(f, at: trial, value: fTrial)
                    var s = [Double](repeating: 0, count: n), y = s
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
                    } else {
                        lastReset = iterations
                    }
                } else {
                    if lastReset == iterations - 1 {
                        converged = true
                        break
                    }
                    lastReset = iterations
                }
            } else {
                if lastReset == iterations - 1 {
                    converged = true
                    break
                }
                lastReset = iterations
            }
        }
        return Result(x: x, value: fx, iterations: iterations, converged: converged)
    }

    private func identity(_ n: Int) -> [Double] {
        var b = [Double](repeating: 0, count: n * n)
        for i in 0..<n { b[i * n + i] = 1 }
        return b
    }
}

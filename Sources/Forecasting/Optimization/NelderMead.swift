/// Bounded Nelder–Mead simplex minimisation, the one derivative-free optimiser every model shares.
///
/// Nelder, J. A. & Mead, R. (1965). A simplex method for function minimization. Computer Journal
/// 7, 308–313. With the adaptive coefficients of Gao & Han (2012), Computational Optimization
/// and Applications 51, 259–277, for higher dimensions. Bounds are enforced by projecting every
/// trial point onto the box, as in R `forecast::ets` and statsforecast's ETS optimiser.
public struct NelderMead: Sendable {
    public struct Options: Sendable {
        /// Initial simplex step, as a fraction of each parameter's range (or absolute when unbounded).
        public var initialStep: Double = 0.05
        /// Stop when the simplex spans less than this in every coordinate...
        public var xTolerance: Double = 1e-4
        /// ...and the function values differ by less than this.
        public var fTolerance: Double = 1e-4
        public var maxIterations: Int = 2000
        /// Use dimension-dependent coefficients (Gao & Han 2012).
        public var adaptive: Bool = true
        /// Initial vertex i moves coordinate i by `initialStep · xᵢ` (or to `zeroPerturbation`
        /// when xᵢ = 0) instead of by a fraction of the range: the relative simplex of
        /// statsforecast's ETS optimiser.
        public var relativeStep: Bool = false
        public var zeroPerturbation: Double = 1e-4
        /// Stop when the population standard deviation of the n + 1 function values falls below
        /// `fTolerance` (statsforecast's rule), instead of the value range and the x-spread.
        public var standardDeviationStop: Bool = false
        public init() {}
    }

    public struct Result: Sendable {
        public var x: [Double]
        public var value: Double
        public var iterations: Int
        public var converged: Bool
    }

    public var options: Options
    public init(options: Options = Options()) { self.options = options }

    /// Minimises `f` from `start`, keeping every coordinate in `lower[i]...upper[i]`.
    /// `f` may return `.infinity` for inadmissible points.
    public func minimize(_ f: ([Double]) -> Double, start: [Double],
                         lower: [Double], upper: [Double]) -> Result {
        let n = start.count
        precondition(lower.count == n && upper.count == n, "bounds must match the start point")
        if n == 0 { return Result(x: [], value: f([]), iterations: 0, converged: true) }
        let dn = Double(n)
        let alpha = 1.0
        let gamma = options.adaptive ? 1 + 2 / dn : 2.0
        let rho = options.adaptive ? 0.75 - 1 / (2 * dn) : 0.5
        let sigma = options.adaptive ? 1 - 1 / dn : 0.5

        @inline(__always) func clamp(_ x: inout [Double]) {
            for i in 0..<n { x[i] = min(max(x[i], lower[i]), upper[i]) }
        }
        func eval(_ x: [Double]) -> Double {
            let v = f(x)
            return v.isNaN ? .infinity : v
        }

        // The simplex lives in one flat array: vertex k occupies simplex[k*n ..< (k+1)*n].
        // Trial points reuse preallocated buffers, so no iteration allocates.
        var x0 = start
        clamp(&x0)
        var simplex = [Double](repeating: 0, count: (n + 1) * n)
        var values = [Double](repeating: 0, count: n + 1)
        var point = x0
        for i in 0..<n { simplex[i] = x0[i] }
        values[0] = eval(x0)
        for j in 0..<n {
            for i in 0..<n { point[i] = x0[i] }
            let range = upper[j] - lower[j]
            if options.relativeStep {
                point[j] = point[j] == 0 ? options.zeroPerturbation : point[j] * (1 + options.initialStep)
            } else {
                var step = range.isFinite ? options.initialStep * range : options.initialStep * max(abs(point[j]), 1)
                if step == 0 { step = 1e-4 }
                point[j] += step
                if point[j] > upper[j] { point[j] = x0[j] - step }
            }
            clamp(&point)
            for i in 0..<n { simplex[(j + 1) * n + i] = point[i] }
            values[j + 1] = eval(point)
        }
        var order = Array(0...n)
        var iterations = 0
        var converged = false

        var centroid = [Double](repeating: 0, count: n)
        var trial = [Double](repeating: 0, count: n)
        var reflected = [Double](repeating: 0, count: n)
        @inline(__always) func store(_ x: [Double], at k: Int) {
            for i in 0..<n { simplex[k * n + i] = x[i] }
        }
        while iterations < options.maxIterations {
            if options.standardDeviationStop {
                var mean = 0.0
                for v in values { mean += v }
                mean /= Double(n + 1)
                var ss = 0.0
                for v in values { ss += (v - mean) * (v - mean) }
                if (ss / Double(n + 1)).squareRoot() < options.fTolerance {
                    converged = true
                    break
                }
            }
            order.sort { values[$0] < values[$1] }
            let best = order[0], worst = order[n], secondWorst = order[n - 1]
            // Convergence: values close and simplex small (the spread is only needed once the
            // values agree).
            let fSpread = abs(values[worst] - values[best])
            if !options.standardDeviationStop && fSpread <= options.fTolerance {
                var spread = 0.0
                let b = best * n
                for k in 1...n {
                    let p = order[k] * n
                    for i in 0..<n { spread = max(spread, abs(simplex[p + i] - simplex[b + i])) }
                }
                if spread <= options.xTolerance {
                    converged = true
                    break
                }
            }
            iterations += 1
            for i in 0..<n { centroid[i] = 0 }
            for k in 0..<n {
                let p = order[k] * n
                for i in 0..<n { centroid[i] += simplex[p + i] }
            }
            for i in 0..<n { centroid[i] /= dn }
            let w = worst * n

            // Reflection
            for i in 0..<n { trial[i] = centroid[i] + alpha * (centroid[i] - simplex[w + i]) }
            clamp(&trial)
            let fr = eval(trial)
            if fr < values[best] {
                for i in 0..<n { reflected[i] = trial[i] }
                for i in 0..<n { trial[i] = centroid[i] + gamma * (reflected[i] - centroid[i]) }
                clamp(&trial)
                let fe = eval(trial)
                if fe < fr {
                    store(trial, at: worst); values[worst] = fe
                } else {
                    store(reflected, at: worst); values[worst] = fr
                }
                continue
            }
            if fr < values[secondWorst] {
                store(trial, at: worst); values[worst] = fr
                continue
            }
            // Contraction (outside when the reflection improved on the worst, else inside).
            let outside = fr < values[worst]
            for i in 0..<n { reflected[i] = trial[i] }
            for i in 0..<n {
                trial[i] = outside
                    ? centroid[i] + rho * (reflected[i] - centroid[i])
                    : centroid[i] + rho * (simplex[w + i] - centroid[i])
            }
            clamp(&trial)
            let fc = eval(trial)
            if fc < (outside ? fr : values[worst]) {
                store(trial, at: worst); values[worst] = fc
                continue
            }
            // Shrink towards the best point.
            let b = best * n
            for k in 1...n {
                let p = order[k] * n
                for i in 0..<n { point[i] = simplex[b + i] + sigma * (simplex[p + i] - simplex[b + i]) }
                clamp(&point)
                store(point, at: order[k])
                values[order[k]] = eval(point)
            }
        }
        var bestIndex = 0
        for k in 1...n where values[k] < values[bestIndex] { bestIndex = k }
        let bestX = Array(simplex[(bestIndex * n)..<((bestIndex + 1) * n)])
        return Result(x: bestX, value: values[bestIndex], iterations: iterations, converged: converged)
    }
}

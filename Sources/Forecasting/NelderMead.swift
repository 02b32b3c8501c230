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

        var x0 = start
        clamp(&x0)
        var simplex = [x0]
        for i in 0..<n {
            var p = x0
            let range = upper[i] - lower[i]
            var step = range.isFinite ? options.initialStep * range : options.initialStep * max(abs(p[i]), 1)
            if step == 0 { step = 1e-4 }
            p[i] += step
            if p[i] > upper[i] { p[i] = x0[i] - step }
            clamp(&p)
            simplex.append(p)
        }
        var values = simplex.map(eval)
        var order = Array(0...n)
        var iterations = 0
        var converged = false

        var centroid = [Double](repeating: 0, count: n)
        var trial = [Double](repeating: 0, count: n)
        while iterations < options.maxIterations {
            order.sort { values[$0] < values[$1] }
            let best = order[0], worst = order[n], secondWorst = order[n - 1]
            // Convergence: simplex small and values close.
            var spread = 0.0
            for k in 1...n {
                let p = simplex[order[k]]
                for i in 0..<n { spread = max(spread, abs(p[i] - simplex[best][i])) }
            }
            let fSpread = abs(values[worst] - values[best])
            if spread <= options.xTolerance && fSpread <= options.fTolerance {
                converged = true
                break
            }
            iterations += 1
            for i in 0..<n { centroid[i] = 0 }
            for k in 0..<n {
                let p = simplex[order[k]]
                for i in 0..<n { centroid[i] += p[i] }
            }
            for i in 0..<n { centroid[i] /= dn }

            // Reflection
            for i in 0..<n { trial[i] = centroid[i] + alpha * (centroid[i] - simplex[worst][i]) }
            clamp(&trial)
            let fr = eval(trial)
            if fr < values[best] {
                let reflected = trial
                for i in 0..<n { trial[i] = centroid[i] + gamma * (reflected[i] - centroid[i]) }
                clamp(&trial)
                let fe = eval(trial)
                if fe < fr {
                    simplex[worst] = trial; values[worst] = fe
                } else {
                    simplex[worst] = reflected; values[worst] = fr
                }
                continue
            }
            if fr < values[secondWorst] {
                simplex[worst] = trial; values[worst] = fr
                continue
            }
            // Contraction (outside when the reflection improved on the worst, else inside).
            let outside = fr < values[worst]
            let reflected = trial
            for i in 0..<n {
                trial[i] = outside
                    ? centroid[i] + rho * (reflected[i] - centroid[i])
                    : centroid[i] + rho * (simplex[worst][i] - centroid[i])
            }
            clamp(&trial)
            let fc = eval(trial)
            if fc < (outside ? fr : values[worst]) {
                simplex[worst] = trial; values[worst] = fc
                continue
            }
            // Shrink towards the best point.
            let bestPoint = simplex[best]
            for k in 1...n {
                let idx = order[k]
                for i in 0..<n { simplex[idx][i] = bestPoint[i] + sigma * (simplex[idx][i] - bestPoint[i]) }
                clamp(&simplex[idx])
                values[idx] = eval(simplex[idx])
            }
        }
        var bestIndex = 0
        for k in 1...n where values[k] < values[bestIndex] { bestIndex = k }
        return Result(x: simplex[bestIndex], value: values[bestIndex], iterations: iterations, converged: converged)
    }
}

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
    public func minimize(
        _ f: ([Double]) -> Double, start: [Double],
        lower: [Double], upper: [Double]
    ) -> Result {
        let n = start.count
        precondition(lower.count == n && upper.count == n, "bounds must match the start point")
        if n == 0 { return Result(x: [], value: f([]), iterations: 0, converged: true) }
        let box = Box(lower: lower, upper: upper)
        let moves = Moves(n: n, adaptive: options.adaptive)
        var simplex = initialSimplex(f, start: start, box: box)
        var scratch = Scratch(n: n)
        var order = Array(0...n)
        var iterations = 0
        var converged = false
        while iterations < options.maxIterations {
            if options.standardDeviationStop && simplex.valueDeviation() < options.fTolerance {
                converged = true
                break
            }
            order.sort { simplex.values[$0] < simplex.values[$1] }
            if !options.standardDeviationStop
                && simplex.isSmall(
                    order: order, fTolerance: options.fTolerance,
                    xTolerance: options.xTolerance)
            {
                converged = true
                break
            }
            iterations += 1
            iterate(f, &simplex, order: order, box: box, moves: moves, scratch: &scratch)
        }
        var bestIndex = 0
        for k in 1...n where simplex.values[k] < simplex.values[bestIndex] { bestIndex = k }
        return Result(
            x: simplex.vertex(bestIndex), value: simplex.values[bestIndex], iterations: iterations,
            converged: converged)
    }

    /// The coefficients of reflection (α), expansion (γ), contraction (ρ) and shrinkage (σ):
    /// 1, 2, ½, ½ (Nelder & Mead), or 1, 1 + 2/n, ¾ − 1/(2n), 1 − 1/n (Gao & Han 2012).
    private struct Moves {
        let dn: Double
        let alpha = 1.0
        let gamma: Double, rho: Double, sigma: Double
        init(n: Int, adaptive: Bool) {
            let dn = Double(n)
            self.dn = dn
            gamma = adaptive ? 1 + 2 / dn : 2.0
            rho = adaptive ? 0.75 - 1 / (2 * dn) : 0.5
            sigma = adaptive ? 1 - 1 / dn : 0.5
        }
    }

    /// The box every trial point is projected onto.
    private struct Box {
        let lower: [Double], upper: [Double]
        @inline(__always) func clamp(_ x: inout [Double]) {
            for i in 0..<x.count { x[i] = min(max(x[i], lower[i]), upper[i]) }
        }
    }

    /// The n + 1 vertices in one flat array (vertex k occupies `vertices[k*n ..< (k+1)*n]`) and
    /// their function values.
    private struct Simplex {
        let n: Int
        var vertices: [Double]
        var values: [Double]

        @inline(__always) mutating func store(_ x: [Double], at k: Int) {
            for i in 0..<n { vertices[k * n + i] = x[i] }
        }

        func vertex(_ k: Int) -> [Double] { Array(vertices[(k * n)..<((k + 1) * n)]) }

        /// The population standard deviation of the values (statsforecast's stopping rule).
        func valueDeviation() -> Double {
            var mean = 0.0
            for v in values { mean += v }
            mean /= Double(n + 1)
            var ss = 0.0
            for v in values { ss += (v - mean) * (v - mean) }
            return (ss / Double(n + 1)).squareRoot()
        }

        /// Values close and simplex small, `order` sorting the vertices from best to worst (the
        /// spread is only needed once the values agree).
        func isSmall(order: [Int], fTolerance: Double, xTolerance: Double) -> Bool {
            let best = order[0]
            let worst = order[n]
            guard abs(values[worst] - values[best]) <= fTolerance else { return false }
            var spread = 0.0
            let b = best * n
            for k in 1...n {
                let p = order[k] * n
                for i in 0..<n { spread = max(spread, abs(vertices[p + i] - vertices[b + i])) }
            }
            return spread <= xTolerance
        }
    }

    /// Trial points reuse these buffers, so no iteration allocates.
    private struct Scratch {
        var centroid: [Double], trial: [Double], reflected: [Double], point: [Double]
        init(n: Int) {
            centroid = [Double](repeating: 0, count: n)
            trial = centroid
            reflected = centroid
            point = centroid
        }
    }

    @inline(__always) private static func admissible(_ f: ([Double]) -> Double, _ x: [Double]) -> Double {
        let v = f(x)
        return v.isNaN ? .infinity : v
    }

    /// The start (projected onto the box) and one vertex per coordinate, moved by `initialStep`.
    private func initialSimplex(_ f: ([Double]) -> Double, start: [Double], box: Box) -> Simplex {
        let n = start.count
        var x0 = start
        box.clamp(&x0)
        var simplex = Simplex(
            n: n, vertices: [Double](repeating: 0, count: (n + 1) * n),
            values: [Double](repeating: 0, count: n + 1))
        var point = x0
        simplex.store(x0, at: 0)
        simplex.values[0] = Self.admissible(f, x0)
        for j in 0..<n {
            for i in 0..<n { point[i] = x0[i] }
            let range = box.upper[j] - box.lower[j]
            if options.relativeStep {
                point[j] = point[j] == 0 ? options.zeroPerturbation : point[j] * (1 + options.initialStep)
            } else {
                var step = range.isFinite ? options.initialStep * range : options.initialStep * max(abs(point[j]), 1)
                if step == 0 { step = 1e-4 }
                point[j] += step
                if point[j] > box.upper[j] { point[j] = x0[j] - step }
            }
            box.clamp(&point)
            simplex.store(point, at: j + 1)
            simplex.values[j + 1] = Self.admissible(f, point)
        }
        return simplex
    }

    /// One step: reflect the worst vertex through the centroid of the others, then expand,
    /// contract (outside when the reflection improved on the worst, else inside) or shrink
    /// towards the best vertex. `order` sorts the vertices from best to worst.
    private func iterate(
        _ f: ([Double]) -> Double, _ simplex: inout Simplex, order: [Int], box: Box, moves: Moves,
        scratch s: inout Scratch
    ) {
        let n = simplex.n
        let best = order[0]
        let worst = order[n]
        let secondWorst = order[n - 1]
        for i in 0..<n { s.centroid[i] = 0 }
        for k in 0..<n {
            let p = order[k] * n
            for i in 0..<n { s.centroid[i] += simplex.vertices[p + i] }
        }
        for i in 0..<n { s.centroid[i] /= moves.dn }
        let w = worst * n

        // Reflection
        for i in 0..<n { s.trial[i] = s.centroid[i] + moves.alpha * (s.centroid[i] - simplex.vertices[w + i]) }
        box.clamp(&s.trial)
        let fr = Self.admissible(f, s.trial)
        if fr < simplex.values[best] {
            for i in 0..<n { s.reflected[i] = s.trial[i] }
            for i in 0..<n { s.trial[i] = s.centroid[i] + moves.gamma * (s.reflected[i] - s.centroid[i]) }
            box.clamp(&s.trial)
            let fe = Self.admissible(f, s.trial)
            if fe < fr {
                simplex.store(s.trial, at: worst)
                simplex.values[worst] = fe
            } else {
                simplex.store(s.reflected, at: worst)
                simplex.values[worst] = fr
            }
            return
        }
        if fr < simplex.values[secondWorst] {
            simplex.store(s.trial, at: worst)
            simplex.values[worst] = fr
            return
        }
        // Contraction (outside when the reflection improved on the worst, else inside).
        let outside = fr < simplex.values[worst]
        for i in 0..<n { s.reflected[i] = s.trial[i] }
        for i in 0..<n {
            s.trial[i] =
                outside
                ? s.centroid[i] + moves.rho * (s.reflected[i] - s.centroid[i])
                : s.centroid[i] + moves.rho * (simplex.vertices[w + i] - s.centroid[i])
        }
        box.clamp(&s.trial)
        let fc = Self.admissible(f, s.trial)
        if fc < (outside ? fr : simplex.values[worst]) {
            simplex.store(s.trial, at: worst)
            simplex.values[worst] = fc
            return
        }
        // Shrink towards the best point.
        let b = best * n
        for k in 1...n {
            let p = order[k] * n
            for i in 0..<n {
                s.point[i] = simplex.vertices[b + i] + moves.sigma * (simplex.vertices[p + i] - simplex.vertices[b + i])
            }
            box.clamp(&s.point)
            simplex.store(s.point, at: order[k])
            simplex.values[order[k]] = Self.admissible(f, s.point)
        }
    }
}

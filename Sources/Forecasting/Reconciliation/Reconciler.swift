import LinearAlgebra
import TimeSeriesCore

/// Coherent forecasts from base forecasts of every series of a hierarchy: ỹ = S·P·ŷ.
///
/// For MinT (Wickramasuriya, Athanasopoulos & Hyndman 2019, JASA 114(526), eq. 9 and
/// Lemma 1) P = (Sᵀ·W⁻¹·S)⁻¹·Sᵀ·W⁻¹, which is computed, as hierarchicalforecast does, in the
/// form that needs no W⁻¹: with S = [A; I_m], Uᵀ = [I_a | −A] (the a coherence constraints
/// Uᵀ·y = 0) and J = [0 | I_m],
///
///   P = J − J·W·U·(Uᵀ·W·U)⁻¹·Uᵀ,
///
/// so that W need only be positive definite on the constraints (Uᵀ·W·U invertible). Uᵀ·W·U
/// (a × a) is factored by `PivotedQR`; a rank below a — W singular where it matters — is
/// refused (`rank-deficient`), never solved approximately. hierarchicalforecast additionally sets
/// entries below 10⁻¹⁰ of Uᵀ·W·U and Uᵀ·W·Jᵀ to zero; muavu does not (the fixtures still agree
/// to about 10⁻¹⁵ relative, docs/models/reconciliation.md).
///
/// Series are in `Hierarchy.names` order (aggregates first) in every input and output; forecasts
/// are n rows of h steps, residuals n rows of T in-sample errors (actual − fitted).
public struct Reconciler: Sendable {
    public let hierarchy: Hierarchy
    public let method: ReconciliationMethod
    /// W (n × n): I for bottom-up and OLS.
    public let weights: [[Double]]
    /// P (m × n).
    public let projection: [[Double]]
    /// λ of `minTraceShrink` (nil for the other methods).
    public let shrinkageIntensity: Double?

    /// Estimates W (from `residuals` for `wlsVariance` and `minTraceShrink`) and P.
    public init(hierarchy: Hierarchy, method: ReconciliationMethod, residuals: [[Double]]? = nil) throws {
        let n = hierarchy.count
        let m = hierarchy.bottom.count
        let a = hierarchy.aggregates.count
        var lambda: Double?
        let w: [[Double]]
        switch method {
        case .bottomUp, .ols:
            w = Self.diagonal([Double](repeating: 1, count: n))
        case .wlsStructural:
            w = Self.diagonal(hierarchy.summingRows.map { $0.reduce(0, +) })
        case .wlsVariance:
            let e = try Self.checkedResiduals(residuals, series: n, method: method)
            w = Self.diagonal(e.map { row in row.reduce(0) { $0 + $1 * $1 } / Double(row.count) + 2e-8 })
        case .minTraceShrink(let ridge):
            guard ridge.isFinite, ridge >= 0 else {
                throw ForecastingError(
                    .invalidArgument, "the ridge of MinT shrink must be finite and ≥ 0, got \(ridge)")
            }
            let e = try Self.checkedResiduals(residuals, series: n, method: method)
            let shrunk = try ShrinkageCovariance(residuals: e, ridge: ridge)
            w = shrunk.matrix
            lambda = shrunk.intensity
        case .minTrace(let given):
            guard given.count == n, given.allSatisfy({ $0.count == n }) else {
                throw ForecastingError(.invalidArgument, "W must be \(n) × \(n), one row and column per series")
            }
            for row in given { try ArgumentCheck.finite(row, "W has") }
            w = given
        }
        weights = w
        shrinkageIntensity = lambda
        self.hierarchy = hierarchy
        self.method = method
        if case .bottomUp = method {
            projection = (0..<m).map { j in (0..<n).map { $0 == a + j ? 1.0 : 0.0 } }
            return
        }
        projection = try Self.minTraceProjection(hierarchy, weights: w)
    }

    /// P = J − (X)ᵀ·Uᵀ with X = (Uᵀ·W·U)⁻¹·(Uᵀ·W·Jᵀ) (a × m).
    static func minTraceProjection(_ hierarchy: Hierarchy, weights: [[Double]]) throws -> [[Double]] {
        let n = hierarchy.count
        let m = hierarchy.bottom.count
        let a = hierarchy.aggregates.count
        // Uᵀ (a × n) = [I_a | −A].
        var ut = Matrix(rows: a, columns: n)
        for (i, members) in hierarchy.memberIndices.enumerated() {
            ut[i, i] = 1
            for j in members { ut[i, a + j] = -1 }
        }
        do {
            let utw = try BLAS.product(ut, Matrix(rowsOf: weights))  // a × n
            let coefficient = try BLAS.product(utw, ut, transposeB: true)  // a × a
            let qr = try PivotedQR(coefficient)
            guard qr.isFullRank else {
                throw ForecastingError(
                    .rankDeficient,
                    "W is singular on the hierarchy's coherence constraints: UᵀWU has rank \(qr.rank) < \(a); "
                        + "choose another reconciliation method or a positive definite W")
            }
            var p = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
            for j in 0..<m {
                // Column j of Uᵀ·W·Jᵀ is column a + j of Uᵀ·W.
                let x = try qr.solve(utw.column(a + j))
                for k in 0..<n {
                    var s = k == a + j ? 1.0 : 0.0
                    for i in 0..<a { s -= x[i] * ut[i, k] }
                    p[j][k] = s
                }
            }
            return p
        } catch let error as LinearAlgebraError {
            throw ForecastingError(.fitFailed, "reconciliation: \(error)")
        }
    }

    /// The reconciled means S·P·ŷ of `base` (n series × h steps).
    public func reconcile(_ base: [[Double]]) throws -> [[Double]] {
        let h = try checkedForecasts(base, "base forecasts")
        let sp = try summingProjection()
        return Self.product(sp, base, steps: h)
    }

    /// The reconciled means and, under normality, their standard deviations and `levels` bounds,
    /// as hierarchicalforecast's `Normality` (probabilistic_methods.py; Panagiotelis et al. 2023,
    /// EJOR 306(2)) computes them: with R the correlation matrix of W (W_ij/√(W_ii·W_jj); the
    /// identity for bottom-up, OLS and WLS) and σ_h the base standard deviations at step h,
    ///
    ///   W_h = R ∘ σ_h·σ_hᵀ,  Var(ỹ_h) = S·P·W_h·Pᵀ·Sᵀ,  σ̃_h = √max(diag Var(ỹ_h), 0),
    ///
    /// and the bounds are ỹ_h ∓ z·σ̃_h, z = Φ⁻¹(0.5 + level/200). `standardDeviations` is n × h;
    /// `baseStandardDeviations(from:)` recovers it from base bounds as hierarchicalforecast does.
    public func reconcile(
        _ base: [[Double]], standardDeviations sigma: [[Double]], levels: [Int]
    ) throws -> ReconciledForecast {
        try ArgumentCheck.levels(levels)
        let h = try checkedForecasts(base, "base forecasts")
        guard try checkedForecasts(sigma, "base standard deviations") == h else {
            throw ForecastingError(
                .invalidArgument, "base forecasts have \(h) steps, their standard deviations \(sigma[0].count)")
        }
        let n = hierarchy.count
        let d = weights.indices.map { weights[$0][$0] }
        guard d.allSatisfy({ $0 > 0 }) else {
            throw ForecastingError(.invalidArgument, "W has a non-positive diagonal: no correlation matrix")
        }
        let sd = d.map { $0.squareRoot() }
        let sp = try summingProjection()
        let mean = Self.product(sp, base, steps: h)
        var out = [[Double]](repeating: [Double](repeating: 0, count: h), count: n)
        do {
            let spm = Matrix(rowsOf: sp)
            for k in 0..<h {
                var cov = Matrix(rows: n, columns: n)
                for i in 0..<n {
                    for j in 0..<n { cov[i, j] = weights[i][j] / (sd[i] * sd[j]) * sigma[i][k] * sigma[j][k] }
                }
                let spw = try BLAS.product(spm, cov)  // n × n
                for i in 0..<n {
                    var v = 0.0
                    for j in 0..<n { v += spw[i, j] * spm[i, j] }
                    out[i][k] = max(v, 0).squareRoot()
                }
            }
        } catch let error as LinearAlgebraError {
            throw ForecastingError(.fitFailed, "reconciliation: \(error)")
        }
        let bounds = levels.map { level in
            let z = NormalDistribution.criticalValue(level: level)
            return LevelBounds(
                level: level,
                lower: zip(mean, out).map { m, s in zip(m, s).map { $0 - z * $1 } },
                upper: zip(mean, out).map { m, s in zip(m, s).map { $0 + z * $1 } })
        }
        return ReconciledForecast(mean: mean, standardDeviation: out, bounds: bounds)
    }

    /// σ_h of each base forecast from its bounds at one or more levels, as hierarchicalforecast
    /// does when given intervals (core.py `_estimate_sigmah`): the mean over the levels of
    /// (upper − lower)/(2·z), z = Φ⁻¹(0.5 + level/200), and at least 0.
    public static func baseStandardDeviations(from bounds: [LevelBounds]) throws -> [[Double]] {
        guard let first = bounds.first else {
            throw ForecastingError(.invalidArgument, "no bounds to recover standard deviations from")
        }
        try ArgumentCheck.levels(bounds.map(\.level))
        let shape = first.lower.map(\.count)
        for b in bounds where b.lower.map(\.count) != shape || b.upper.map(\.count) != shape {
            throw ForecastingError(.invalidArgument, "the bounds of every level must have the same series and steps")
        }
        var sigma = shape.map { [Double](repeating: 0, count: $0) }
        for b in bounds {
            let z = NormalDistribution.criticalValue(level: b.level)
            for i in sigma.indices {
                for k in sigma[i].indices { sigma[i][k] += (b.upper[i][k] - b.lower[i][k]) / (2 * z) }
            }
        }
        let count = Double(bounds.count)
        return sigma.map { row in row.map { max($0 / count, 0) } }
    }

    /// S·P (n × n).
    func summingProjection() throws -> [[Double]] {
        do {
            let sp = try BLAS.product(hierarchy.summing, Matrix(rowsOf: projection))
            return (0..<sp.rows).map { sp.row($0) }
        } catch let error as LinearAlgebraError {
            throw ForecastingError(.fitFailed, "reconciliation: \(error)")
        }
    }

    /// `a` (n × n) times `x` (n × h), by rows.
    static func product(_ a: [[Double]], _ x: [[Double]], steps: Int) -> [[Double]] {
        a.map { row in
            (0..<steps).map { k in
                var s = 0.0
                for (j, v) in row.enumerated() { s += v * x[j][k] }
                return s
            }
        }
    }

    /// The number of steps h of `values` (n rows of equal length ≥ 1, finite), or a refusal.
    func checkedForecasts(_ values: [[Double]], _ what: String) throws -> Int {
        guard values.count == hierarchy.count else {
            throw ForecastingError(
                .invalidArgument, "\(what) have \(values.count) series, the hierarchy \(hierarchy.count)")
        }
        guard let h = values.first?.count, h >= 1, values.allSatisfy({ $0.count == h }) else {
            throw ForecastingError(
                .invalidArgument, "\(what) must have the same number (≥ 1) of steps for every series")
        }
        for row in values { try ArgumentCheck.finite(row, "\(what) have") }
        return h
    }

    static func checkedResiduals(
        _ residuals: [[Double]]?, series n: Int, method: ReconciliationMethod
    ) throws -> [[Double]] {
        guard let residuals else {
            throw ForecastingError(.invalidArgument, "\(method.name) needs in-sample residuals")
        }
        guard residuals.count == n else {
            throw ForecastingError(.invalidArgument, "residuals have \(residuals.count) series, the hierarchy \(n)")
        }
        guard let t = residuals.first?.count, t >= 1, residuals.allSatisfy({ $0.count == t }) else {
            throw ForecastingError(
                .invalidArgument, "residuals must have the same number (≥ 1) of observations for every series")
        }
        for row in residuals { try ArgumentCheck.finite(row, "the residuals have") }
        return residuals
    }

    static func diagonal(_ d: [Double]) -> [[Double]] {
        d.indices.map { i in d.indices.map { $0 == i ? d[i] : 0 } }
    }
}

/// Bounds of a central interval at `level` percent: n series × h steps each.
public struct LevelBounds: Sendable, Equatable, Codable {
    public var level: Int
    public var lower: [[Double]]
    public var upper: [[Double]]

    public init(level: Int, lower: [[Double]], upper: [[Double]]) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}

/// Reconciled forecasts: means, standard deviations and bounds, n series × h steps.
public struct ReconciledForecast: Sendable, Equatable, Codable {
    public var mean: [[Double]]
    public var standardDeviation: [[Double]]
    public var bounds: [LevelBounds]
}

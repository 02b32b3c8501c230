import TimeSeriesCore

/// The base forecasts of every series of a hierarchy and their reconciliation: what
/// `muavu reconcile` writes.
///
/// The base forecasts are made one series at a time (by any `Forecaster`, on the series' common
/// span); the residuals that `wlsVariance` and `minTraceShrink` estimate W from are the in-sample
/// one-step errors y_t − ŷ_t of the base models (`Forecast.fitted`), at the periods where every
/// series has a finite fitted value (hierarchicalforecast masks undefined residuals pair by pair;
/// muavu keeps the periods all series share, so that W is one sample covariance). The base
/// standard deviations are recovered from the base bounds (`Reconciler.baseStandardDeviations`),
/// and the reconciled bounds are normal (`Reconciler.reconcile(_:standardDeviations:levels:)`).
public struct HierarchyForecast: Sendable {
    public let reconciler: Reconciler
    /// The base forecasts, in `Hierarchy.names` order.
    public let base: [Forecast]
    public let reconciled: ReconciledForecast
    /// The periods of in-sample residuals (T), or nil when a base model gives no fitted values.
    public let residualPeriods: Int?

    /// `values[i]` is the history of series i (`Hierarchy.names` order) over the common span,
    /// `base[i]` its forecast with intervals at `levels`.
    public init(
        hierarchy: Hierarchy, values: [[Double]], base: [Forecast], method: ReconciliationMethod, levels: [Int]
    ) throws {
        let names = hierarchy.names
        guard values.count == names.count, base.count == names.count else {
            throw ForecastingError(
                .invalidArgument, "\(values.count) histories and \(base.count) forecasts for \(names.count) series")
        }
        let residuals = Self.residuals(values: values, fitted: base.map(\.fitted))
        if method.needsResiduals {
            guard let residuals else {
                let without = zip(names, base).filter { $0.1.fitted == nil }.map { "'\($0.0)' (\($0.1.model.name))" }
                throw ForecastingError(
                    .invalidArgument,
                    "\(method.name) estimates W from in-sample residuals, and the base model of "
                        + without.joined(separator: ", ")
                        + " gives no fitted values; choose another model or a method without residuals "
                        + "(bottom-up, ols, wls-structural)")
            }
            guard residuals[0].count >= 2 else {
                throw ForecastingError(
                    .tooShort,
                    "\(method.name) needs at least 2 periods at which every series has an in-sample residual; "
                        + "there are \(residuals[0].count)")
            }
        }
        reconciler = try Reconciler(hierarchy: hierarchy, method: method, residuals: residuals)
        let bounds = try levels.map { level in
            let intervals = try zip(names, base).map { name, forecast in
                guard let interval = forecast.interval(level: level) else {
                    throw ForecastingError(
                        .fitFailed, "the base forecast of '\(name)' has no \(level)% interval to reconcile")
                }
                return interval
            }
            return LevelBounds(level: level, lower: intervals.map(\.lower), upper: intervals.map(\.upper))
        }
        let sigma = try Reconciler.baseStandardDeviations(from: bounds)
        reconciled = try reconciler.reconcile(base.map(\.mean), standardDeviations: sigma, levels: levels)
        self.base = base
        residualPeriods = residuals?[0].count
    }

    /// The residuals y_t − ŷ_t of every series at the periods where all are finite (n × T), or
    /// nil when a series has no fitted values.
    static func residuals(values: [[Double]], fitted: [[Double]?]) -> [[Double]]? {
        var rows: [[Double]] = []
        for (y, f) in zip(values, fitted) {
            guard let f, f.count == y.count else { return nil }
            rows.append(zip(y, f).map { $0 - $1 })
        }
        let t = rows.first?.count ?? 0
        let kept = (0..<t).filter { k in rows.allSatisfy { $0[k].isFinite } }
        return rows.map { row in kept.map { row[$0] } }
    }
}

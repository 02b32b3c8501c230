import TimeSeriesCore

/// Does reconciliation lower the error? A rolling-origin evaluation (Tashman 2000; FPP3 §5.10
/// and §11.5) of the base forecasts of a hierarchy and of their reconciliation by several methods:
/// what `muavu reconcile --backtest N` writes.
///
/// At each origin (a training length, `RollingOrigin.origins`) the caller fits the base model on
/// every series' first `origin` values and forecasts `horizon` steps; here each method reconciles
/// those base forecasts exactly as `HierarchyForecast` does on a whole history (the residuals
/// y_t − ŷ_t of the base models' fitted values on the training part, at the periods every series
/// has one), and every forecast is scored against the values that followed the origin.
///
/// Scores pool the errors of a level: each aggregate on its own, and the bottom series together
/// (the errors of every bottom series, window and step). MAPE (percent) and RMSE are `Metrics.mape`
/// and `Metrics.rmse` of the pooled actuals and forecasts; pooled RMSE weighs the larger series
/// more, MAPE weighs every series alike. A method that fails at some origin (a base model without
/// fitted values for `wlsVariance`, a singular W) has its failure recorded and no score.
public struct HierarchyBacktest: Sendable {
    /// One origin: the base and reconciled forecasts of every series.
    public struct Window: Sendable, Equatable {
        /// Observations the base models were fitted on (the first forecast is of index `origin`).
        public var origin: Int
        /// `forecasts[k][i][h]`: method k (0 = the base forecasts, then `methods` in order),
        /// series i (`Hierarchy.names` order), step h; nil for a method that failed here.
        public var forecasts: [[[Double]]?]
        /// Why method k failed here (k as in `forecasts`), for the methods that did.
        public var failures: [Int: String]
        /// λ of `minTraceShrink` at this origin, if one of the methods is it.
        public var shrinkageIntensity: Double?
        /// The periods of in-sample residuals, nil when a base model gives no fitted values.
        public var residualPeriods: Int?
    }

    /// The errors of one level (an aggregate, or the bottom series pooled) under one method, over
    /// every window and the steps `horizon` (nil: all steps).
    public struct Score: Sendable, Equatable {
        /// The aggregate's index in `Hierarchy.aggregates`, or nil for the bottom series pooled.
        public var aggregate: Int?
        /// 0 = base, then `methods` in order.
        public var method: Int
        public var horizon: Int?
        /// Errors pooled.
        public var count: Int
        public var mape: Double?
        public var rmse: Double?
    }

    public let hierarchy: Hierarchy
    public let methods: [ReconciliationMethod]
    public let horizon: Int
    public let windows: [Window]
    /// Per level (aggregates in order, then the bottom series), per method (base first), pooled
    /// over all steps and then step by step.
    public let scores: [Score]

    /// `values[i]` is the history of series i (`Hierarchy.names` order); `base[w][i]` the base
    /// forecast of series i fitted on its first `origins[w]` values, at least `horizon` steps,
    /// with every `origins[w] + horizon` ≤ the history's length.
    public init(
        hierarchy: Hierarchy, values: [[Double]], origins: [Int], horizon: Int, base: [[Forecast]],
        methods: [ReconciliationMethod]
    ) throws {
        try ArgumentCheck.atLeastOne(horizon, "horizon")
        let n = hierarchy.count
        let length = values.first?.count ?? 0
        guard values.count == n, values.allSatisfy({ $0.count == length }), base.count == origins.count,
            base.allSatisfy({ $0.count == n && $0.allSatisfy { $0.mean.count >= horizon } }),
            origins.allSatisfy({ $0 >= 1 && $0 + horizon <= length })
        else {
            throw ForecastingError(
                .invalidArgument,
                "a hierarchy backtest needs \(n) histories of one length, and \(n) forecasts of \(horizon) steps "
                    + "at each origin, every origin + \(horizon) within the history")
        }
        self.hierarchy = hierarchy
        self.methods = methods
        self.horizon = horizon
        windows = origins.enumerated().map { w, origin in
            let means = base[w].map { Array($0.mean.prefix(horizon)) }
            let residuals = HierarchyForecast.residuals(
                values: values.map { Array($0.prefix(origin)) }, fitted: base[w].map(\.fitted))
            var window = Window(
                origin: origin, forecasts: [means], failures: [:], shrinkageIntensity: nil,
                residualPeriods: residuals?.first?.count)
            for (k, method) in methods.enumerated() {
                do {
                    if method.needsResiduals, (residuals?.first?.count ?? 0) < 2 {
                        throw ForecastingError(
                            .tooShort,
                            "\(method.name) needs at least 2 periods at which every series has an in-sample "
                                + "residual; there are \(residuals?.first?.count ?? 0)")
                    }
                    // As `HierarchyForecast` on the whole history, so that a window is a direct run cut short.
                    let reconciler = try Reconciler(hierarchy: hierarchy, method: method, residuals: residuals)
                    window.forecasts.append(try reconciler.reconcile(means))
                    if case .minTraceShrink = method { window.shrinkageIntensity = reconciler.shrinkageIntensity }
                } catch {
                    window.forecasts.append(nil)
                    window.failures[k + 1] = (error as? ForecastingError)?.message ?? "\(error)"
                }
            }
            return window
        }
        let a = hierarchy.aggregates.count
        let levels: [(Int?, Range<Int>)] = (0..<a).map { ($0, $0..<($0 + 1)) } + [(nil, a..<n)]
        let windows = self.windows
        scores = levels.flatMap { aggregate, rows in
            (0...methods.count).flatMap { k in
                ([nil] + (1...horizon).map { $0 }).map { step -> Score in
                    let steps = step.map { ($0 - 1)..<$0 } ?? 0..<horizon
                    var actual: [Double] = []
                    var forecast: [Double] = []
                    var failed = false
                    for window in windows {
                        guard let f = window.forecasts[k] else {
                            failed = true
                            continue
                        }
                        for i in rows {
                            for h in steps {
                                actual.append(values[i][window.origin + h])
                                forecast.append(f[i][h])
                            }
                        }
                    }
                    return Score(
                        aggregate: aggregate, method: k, horizon: step, count: failed ? 0 : actual.count,
                        mape: failed ? nil : Metrics.mape(actual, forecast),
                        rmse: failed ? nil : Metrics.rmse(actual, forecast))
                }
            }
        }
    }
}

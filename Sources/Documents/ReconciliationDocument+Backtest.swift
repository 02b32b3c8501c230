import Forecasting
import TimeSeriesCore

extension ReconciliationDocument {
    /// The `backtest` member of `muavu.reconciliation/v1` (`muavu reconcile --backtest N`): at each
    /// origin, the base forecasts of every series and their reconciliation by every method, with
    /// the values observed; and the MAPE and RMSE of each level under each method.
    public struct Backtest: Sendable, Equatable, Codable {
        /// The number of origins (N).
        public var origins: Int
        public var horizon: Int
        /// Periods between origins.
        public var step: Int
        /// `base`, then the reconciliation methods as the command line names them.
        public var methods: [String]
        public var windows: [Window]
        public var scores: [Score]

        public struct Point: Sendable, Equatable, Codable {
            @Nullable public var date: String?
            public var horizon: Int
            public var actual: Double
            /// Each method's forecast (`methods`), null where the method failed at this origin.
            public var forecasts: [String: Double?]
        }

        public struct SeriesEntry: Sendable, Equatable, Codable {
            public var id: String
            public var points: [Point]
        }

        public struct Failure: Sendable, Equatable, Codable {
            public var method: String
            public var message: String
        }

        public struct Window: Sendable, Equatable, Codable {
            /// The last period the base models were fitted on (from the common span's start).
            @Nullable public var fitted_through: String?
            /// Periods fitted on.
            public var observations: Int
            @Nullable public var residual_periods: Int?
            @Nullable public var shrinkage_intensity: Double?
            public var failures: [Failure]
            public var series: [SeriesEntry]
        }

        public struct Score: Sendable, Equatable, Codable {
            /// `aggregate` (one aggregate, `id`) or `bottom` (every bottom series pooled, `id` null).
            public var level: String
            @Nullable public var id: String?
            public var method: String
            /// The step scored; null: every step 1…horizon pooled.
            @Nullable public var horizon: Int?
            /// Errors pooled; 0 when the method failed at an origin.
            public var count: Int
            /// Percent; null when the method failed at an origin (see the windows' failures).
            @Nullable public var mape: Double?
            @Nullable public var rmse: Double?
        }

        /// `history[i]` is series i (`Hierarchy.names` order) over the common span the backtest
        /// cut; `methods` the command line's names of `result.methods`.
        public init(_ result: HierarchyBacktest, methods: [String], history: [TimeSeries]) {
            let names = ["base"] + methods
            origins = result.windows.count
            horizon = result.horizon
            step = result.windows.count > 1 ? result.windows[1].origin - result.windows[0].origin : 1
            self.methods = names
            windows = result.windows.map { w in
                Window(
                    fitted_through: history.first?.date(at: w.origin - 1)?.description, observations: w.origin,
                    residual_periods: w.residualPeriods, shrinkage_intensity: w.shrinkageIntensity,
                    failures: w.failures.keys.sorted().map { Failure(method: names[$0], message: w.failures[$0]!) },
                    series: history.enumerated().map { i, s in
                        SeriesEntry(
                            id: s.id,
                            points: (0..<result.horizon).map { h in
                                var forecasts: [String: Double?] = [:]
                                for (k, name) in names.enumerated() {
                                    forecasts[name] = w.forecasts[k].flatMap { finite($0[i][h]) }
                                }
                                return Point(
                                    date: s.date(at: w.origin + h)?.description, horizon: h + 1,
                                    actual: s.values[w.origin + h], forecasts: forecasts)
                            })
                    })
            }
            let aggregates = result.hierarchy.aggregates
            scores = result.scores.map { s in
                Score(
                    level: s.aggregate == nil ? "bottom" : "aggregate", id: s.aggregate.map { aggregates[$0].name },
                    method: names[s.method], horizon: s.horizon, count: s.count, mape: s.mape.flatMap(finite),
                    rmse: s.rmse.flatMap(finite))
            }
        }
    }
}

import Forecasting
import Foundation
import TimeSeriesCore

/// `muavu.backtest/v1`: rolling-origin evaluation of models on each series, window by window,
/// with a summary per series and model and one per model over every series.
public struct BacktestDocument: Sendable, Equatable, Encodable {
    public static let schemaName = "muavu.backtest/v1"

    public var dataset: String
    public var horizon: Int
    public var windows: Int
    public var step: Int
    public var levels: [Int]
    public var models: [String]
    public var series: [SeriesEntry]
    public var summary: [ModelSummaryEntry]
    public var errors: [BenchmarkDocument.ErrorEntry]
    // What every document carries: its schema, the engine that wrote it and when (ISO 8601 UTC).
    public var schema: String = BacktestDocument.schemaName
    public var engine: Engine
    public var issued: String

    /// Every measure of `RollingOrigin.Summary` or `ForecastScore`; `null` where undefined.
    public struct Measures: Sendable, Equatable, Encodable {
        /// Errors in the series' unit: mean absolute and root mean squared.
        @Nullable public var mae: Double?
        @Nullable public var rmse: Double?
        /// Percentage errors: MAPE and sMAPE.
        @Nullable public var mape: Double?
        @Nullable public var smape: Double?
        /// Errors scaled by the in-sample seasonal naive errors: MASE and RMSSE.
        @Nullable public var mase: Double?
        @Nullable public var rmsse: Double?
        /// Mean pinball loss over the bounds of every interval (each bound a quantile).
        @Nullable public var pinball: Double?
        public var coverage: [String: Double?]
        public var winkler: [String: Double?]

        init(
            levels: [Int], mae: Double?, rmse: Double?, mape: Double?, smape: Double?, mase: Double?,
            rmsse: Double?, pinball: Double?, coverage: [Int: Double], winkler: [Int: Double]
        ) {
            self.mae = finite(mae)
            self.rmse = finite(rmse)
            self.mape = finite(mape)
            self.smape = finite(smape)
            self.mase = finite(mase)
            self.rmsse = finite(rmsse)
            self.pinball = finite(pinball)
            var c: [String: Double?] = [:]
            var w: [String: Double?] = [:]
            for level in levels {
                c["\(level)"] = finite(coverage[level])
                w["\(level)"] = finite(winkler[level])
            }
            self.coverage = c
            self.winkler = w
        }

        public init(_ s: ForecastScore, levels: [Int]) {
            self.init(
                levels: levels, mae: s.mae, rmse: s.rmse, mape: s.mape, smape: s.smape, mase: s.mase,
                rmsse: s.rmsse, pinball: s.pinball, coverage: s.coverage, winkler: s.winkler)
        }

        public init(_ s: RollingOrigin.Summary, levels: [Int]) {
            self.init(
                levels: levels, mae: s.mae, rmse: s.rmse, mape: s.mape, smape: s.smape, mase: s.mase,
                rmsse: s.rmsse, pinball: s.pinball, coverage: s.coverage, winkler: s.winkler)
        }
    }

    public struct WindowEntry: Sendable, Equatable, Encodable {
        /// Observations fitted on; the test values start at this 0-based index.
        public var origin: Int
        /// Date of the first test value, when the series has a calendar (else null).
        @Nullable public var start: String?
        /// The model as fitted in this window (e.g. `ETS(A,N,N)`).
        public var fitted: String
        public var measures: Measures
    }

    public struct ModelResult: Sendable, Equatable, Encodable {
        public var model: String
        public var summary: Measures
        public var windows: [WindowEntry]
    }

    public struct SeriesEntry: Sendable, Equatable, Encodable {
        public var id: String
        public var period: Int
        public var observations: Int
        public var results: [ModelResult]
    }

    public struct ModelSummaryEntry: Sendable, Equatable, Encodable {
        public var model: String
        /// Series evaluated (without the failures).
        public var series: Int
        public var failures: Int
        /// Means over every window of every series evaluated.
        public var measures: Measures
    }

    /// One evaluated series: its id, period, calendar (for the window dates) and, per model in the
    /// order of `models`, the result or the error.
    public struct Input: Sendable {
        public var id: String
        public var period: Int
        public var observations: Int
        public var date: @Sendable (Int) -> String?
        public var outcomes: [Result<RollingOrigin.Result, ForecastingError>]

        public init(
            id: String, period: Int, observations: Int, date: @escaping @Sendable (Int) -> String?,
            outcomes: [Result<RollingOrigin.Result, ForecastingError>]
        ) {
            (self.id, self.period, self.observations) = (id, period, observations)
            (self.date, self.outcomes) = (date, outcomes)
        }
    }

    public init(dataset: String, plan: RollingOrigin, levels: [Int], models: [String], inputs: [Input], issued: Date) {
        engine = Engine.current
        self.issued = IssueTime.iso8601(issued)
        self.dataset = dataset
        horizon = plan.horizon
        windows = plan.windows
        step = plan.step
        self.levels = levels
        self.models = models
        var series: [SeriesEntry] = []
        var errors: [BenchmarkDocument.ErrorEntry] = []
        var scores: [[ForecastScore]] = Array(repeating: [], count: models.count)
        var counts = Array(repeating: 0, count: models.count)
        var failures = Array(repeating: 0, count: models.count)
        for input in inputs {
            var results: [ModelResult] = []
            for (k, outcome) in input.outcomes.enumerated() where k < models.count {
                switch outcome {
                case .success(let r):
                    results.append(
                        ModelResult(
                            model: models[k], summary: Measures(r.summary, levels: levels),
                            windows: r.windows.map { w in
                                WindowEntry(
                                    origin: w.origin, start: input.date(w.origin), fitted: w.model.name,
                                    measures: Measures(w.score, levels: levels))
                            }))
                    scores[k].append(contentsOf: r.windows.map(\.score))
                    counts[k] += 1
                case .failure(let e):
                    failures[k] += 1
                    errors.append(.init(id: input.id, model: models[k], message: e.description))
                }
            }
            series.append(
                SeriesEntry(
                    id: input.id, period: input.period, observations: input.observations,
                    results: results))
        }
        self.series = series
        self.errors = errors.sorted { ($0.id, $0.model) < ($1.id, $1.model) }
        summary = models.indices.map { k in
            ModelSummaryEntry(
                model: models[k], series: counts[k], failures: failures[k],
                measures: Measures(RollingOrigin.Summary(scores[k]), levels: levels))
        }
    }
}

import AgriData
import Forecasting
import Foundation
import TimeSeriesCore

/// `muavu.reconciliation/v1` (docs/contract.md): the base and reconciled forecasts of every
/// series of a hierarchy, the method, and the coherence of the history itself (each aggregate
/// against the sum of its members, period by period, with the periods beyond the tolerance).
public struct ReconciliationDocument: Sendable, Equatable, Encodable {
    public static let schemaName = "muavu.reconciliation/v1"

    public var schema: String = ReconciliationDocument.schemaName
    public var engine: Engine
    public var issued: String
    public var dataset: String
    /// The hierarchy file's name.
    public var hierarchy: String
    /// As the command line names it: bottom-up, ols, wls-structural, wls-variance, mint-shrink.
    public var method: String
    /// hierarchicalforecast's name of the method (`MinTrace_method-mint_shrink`).
    public var method_reference: String
    /// The base model asked for (`auto`, `ets`, ...).
    public var model: String
    public var horizon: Int
    public var levels: [Int]
    /// The common span the base models were fitted on.
    public var span: Span
    /// Periods of in-sample residuals (every series finite) W was estimated from; null without fitted values.
    @Nullable public var residual_periods: Int?
    /// λ of mint-shrink; null for the other methods.
    @Nullable public var shrinkage_intensity: Double?
    /// The largest |aggregate − sum of its bottom series| / |aggregate| of the reconciled means.
    @Nullable public var reconciled_incoherence: Double?
    public var series: [SeriesEntry]
    public var coherence: Coherence
    /// The rolling-origin evaluation of every method (`--backtest N`); null without it.
    @Nullable public var backtest: Backtest?

    public struct Span: Sendable, Equatable, Encodable {
        @Nullable public var start: String?
        @Nullable public var end: String?
        public var observations: Int
    }

    public struct Values: Sendable, Equatable, Encodable {
        @Nullable public var mean: Double?
        public var lower: [String: Double?]
        public var upper: [String: Double?]
    }

    public struct Point: Sendable, Equatable, Encodable {
        @Nullable public var date: String?
        public var horizon: Int
        public var base: Values
        public var reconciled: Values
    }

    public struct SeriesEntry: Sendable, Equatable, Encodable {
        public var id: String
        /// `aggregate` or `bottom`.
        public var level: String
        /// An aggregate's members as the hierarchy file declares them (absent for a bottom series).
        public var members: [String]?
        /// The bottom series an aggregate sums (absent for a bottom series).
        public var bottom: [String]?
        public var model: ForecastDocument.ModelEntry
        public var points: [Point]
    }

    public struct Difference: Sendable, Equatable, Encodable {
        public var date: String
        public var published: Double
        public var sum_of_members: Double
        public var difference: Double
        @Nullable public var relative: Double?

        init(_ d: HistoryCoherence.Difference) {
            date = d.date.description
            published = d.published
            sum_of_members = d.sumOfMembers
            difference = d.difference
            relative = d.relative
        }
    }

    public struct AggregateCoherence: Sendable, Equatable, Encodable {
        public var id: String
        public var members: [String]
        /// Periods compared (the aggregate and every member have a value).
        public var compared: Int
        /// Periods beyond the tolerance, in time order.
        public var incoherent: [Difference]
        /// Every period compared.
        public var differences: [Difference]
        /// Periods of the aggregate at which a member has no value.
        public var not_compared: [String]
    }

    public struct Coherence: Sendable, Equatable, Encodable {
        /// The tolerance, percent of the published aggregate.
        public var tolerance_percent: Double
        /// True when no aggregate has a period beyond the tolerance.
        public var coherent: Bool
        public var aggregates: [AggregateCoherence]

        init(_ c: HistoryCoherence) {
            tolerance_percent = c.tolerance * 100
            aggregates = c.checks.map { check in
                AggregateCoherence(
                    id: check.name, members: check.members, compared: check.differences.count,
                    incoherent: check.incoherent.map(Difference.init),
                    differences: check.differences.map(Difference.init),
                    not_compared: check.notCompared.map(\.description))
            }
            coherent = c.checks.allSatisfy { $0.incoherent.isEmpty }
        }
    }

    /// `history[i]` is series i of `file.names` over the common span; `result` its reconciliation.
    public init(
        dataset: String, file: HierarchyFile, method: String, model: String, horizon: Int, levels: [Int],
        history: [TimeSeries], result: HierarchyForecast, coherence: HistoryCoherence, issued: Date,
        backtest: Backtest? = nil
    ) {
        engine = Engine.current
        self.issued = IssueTime.iso8601(issued)
        self.dataset = dataset
        hierarchy = URL(fileURLWithPath: file.file).lastPathComponent
        self.method = method
        method_reference = result.reconciler.method.name
        self.model = model
        self.horizon = horizon
        self.levels = levels
        let first = history.first
        span = Span(
            start: first.flatMap { $0.date(at: 0) }?.description,
            end: first.flatMap { $0.date(at: $0.count - 1) }?.description, observations: first?.count ?? 0)
        residual_periods = result.residualPeriods
        shrinkage_intensity = result.reconciler.shrinkageIntensity
        let reconciled = result.reconciled
        let a = file.aggregates.count
        func values(_ i: Int, _ h: Int, mean: Double, bound: (Int, Int, Int) -> (Double, Double)) -> Values {
            var lower: [String: Double?] = [:]
            var upper: [String: Double?] = [:]
            for (l, level) in levels.enumerated() {
                let (lo, up) = bound(l, i, h)
                lower["\(level)"] = finite(lo)
                upper["\(level)"] = finite(up)
            }
            return Values(mean: finite(mean), lower: lower, upper: upper)
        }
        series = zip(history, result.base).enumerated().map { i, pair in
            let (s, base) = pair
            let points = (0..<horizon).map { h in
                Point(
                    date: s.date(at: s.count + h)?.description, horizon: h + 1,
                    base: values(i, h, mean: base.mean[h]) { l, _, h in
                        let interval = base.interval(level: levels[l])
                        return (interval?.lower[h] ?? .nan, interval?.upper[h] ?? .nan)
                    },
                    reconciled: values(i, h, mean: reconciled.mean[i][h]) { l, i, h in
                        (reconciled.bounds[l].lower[i][h], reconciled.bounds[l].upper[i][h])
                    })
            }
            return SeriesEntry(
                id: s.id, level: i < a ? "aggregate" : "bottom", members: i < a ? file.aggregates[i].members : nil,
                bottom: i < a ? file.bottomMembers[i] : nil, model: ForecastDocument.ModelEntry(base.model),
                points: points)
        }
        reconciled_incoherence = finite(
            (0..<horizon).map { h in
                let column = reconciled.mean.map { $0[h] }
                return result.reconciler.hierarchy.memberIndices.enumerated().map { k, members in
                    let sum = members.reduce(0) { $0 + column[a + $1] }
                    return abs(column[k] - sum) / max(abs(column[k]), Double.leastNormalMagnitude)
                }.max() ?? 0
            }.max() ?? 0)
        self.coherence = Coherence(coherence)
        self.backtest = backtest
    }
}

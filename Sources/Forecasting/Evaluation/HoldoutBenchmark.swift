import Foundation
import TimeSeriesCore

/// A forecasting competition on held-out data (M3/M4 style): every model is fitted on each
/// series' `train` values, forecasts as many steps as the series has `test` values, and is scored
/// on them. Results are kept as `MetricTotals` per model and subset, never as forecasts, so memory
/// stays flat however many series there are.
///
/// OWA needs the Naive2 benchmark's sMAPE and MASE on the same series (M4 guide §3); when a model
/// named `naive2` is registered it is run as the baseline even if it was not asked for. A series
/// that a model fails on is left out of that model's means (and counted in `failures`) but not out
/// of the baseline's, so OWA is exact when the row has no failures.
public struct HoldoutBenchmark: Sendable {
    /// Model names, in the order the results list them.
    public var models: [String]
    /// Interval levels to score (coverage), in percent.
    public var levels: [Int]
    public var runner: BatchRunner
    /// Name of the OWA baseline in the registry.
    public static let baselineName = "naive2"

    /// The methods run, by name (registry names), and the OWA baseline when there is one.
    public var forecasters: [any Forecaster]
    public var baseline: (any Forecaster)?

    /// Models by registry name with `intervals`; the baseline is the registry's `naive2` when it
    /// is registered (with the same intervals).
    public init(
        models: [String], levels: [Int] = [95], intervals: IntervalMethod = .model,
        runner: BatchRunner
    ) throws {
        let baseline =
            ForecasterRegistry.names.contains(Self.baselineName)
            ? intervals.applied(to: try ForecasterRegistry.forecaster(named: Self.baselineName)) : nil
        try self.init(
            forecasters: models.map { intervals.applied(to: try ForecasterRegistry.forecaster(named: $0)) },
            baseline: baseline, levels: levels, runner: runner)
    }

    /// Explicit methods; results name them by `Forecaster.name`.
    public init(
        forecasters: [any Forecaster], baseline: (any Forecaster)?, levels: [Int] = [95],
        runner: BatchRunner
    ) throws {
        guard !forecasters.isEmpty else { throw ForecastingError(.invalidArgument, "at least one model is needed") }
        try ArgumentCheck.levels(levels)
        self.forecasters = forecasters
        self.baseline = baseline
        self.models = forecasters.map(\.name)
        self.levels = levels
        self.runner = runner
    }

    /// A series that a model could not fit or forecast.
    public struct Failure: Sendable, Equatable {
        public var id: String
        public var model: String
        public var message: String
    }

    /// Totals of one model on one subset (or on `all`).
    public struct Row: Sendable, Equatable {
        public var model: String
        public var subset: String
        public var totals: MetricTotals
    }

    public struct Report: Sendable, Equatable {
        /// Subset by subset (sorted by name), then `all`; within each, models in the order asked.
        public var rows: [Row]
        /// The Naive2 baseline per subset and `all`, when it could be run (for OWA and merging).
        public var baseline: [Row]
        /// Failures sorted by series id, then model.
        public var failures: [Failure]
        /// Why a measure is missing (e.g. no Naive2 baseline, hence no OWA).
        public var notes: [String]

        /// OWA of `row` against the baseline row of the same subset.
        public func owa(_ row: Row) -> Double? {
            guard let base = baseline.first(where: { $0.subset == row.subset }) else { return nil }
            return Metrics.owa(
                smape: row.totals.smape, mase: row.totals.mase,
                naive2Smape: base.totals.smape, naive2Mase: base.totals.mase)
        }
    }

    /// Name of the row that adds every subset up.
    public static let allSubsets = "all"

    /// Runs every model on `series`; `progress(done, total)` after each series and model.
    public func run(
        _ series: [HoldoutSeries],
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> Report {
        let subsets = Set(series.map(\.subset)).sorted()
        let baselineAvailable = baseline != nil
        var runList = models
        var forecasters = self.forecasters
        if let baseline, !runList.contains(baseline.name) {
            runList.append(baseline.name)
            forecasters.append(baseline)
        }
        let baselineName = baseline?.name ?? Self.baselineName
        let total = series.count * runList.count
        var done = 0
        var totals: [String: [String: MetricTotals]] = [:]  // model → subset → totals
        var failures: [Failure] = []
        let levels = self.levels
        for subset in subsets {
            let members = series.filter { $0.subset == subset }
            for (name, forecaster) in zip(runList, forecasters) {
                let base = done
                let clock = ContinuousClock.now
                let outcomes: [Result<MetricTotals, ForecastingError>] = runner.map(
                    count: members.count, completed: { n in progress?(base + n, total) }
                ) { i in
                    Self.score(members[i], forecaster: forecaster, levels: levels)
                }
                let elapsed = ContinuousClock.now - clock
                var sum = MetricTotals()
                for (member, outcome) in zip(members, outcomes) {
                    switch outcome {
                    case .success(let t): sum.merge(t)
                    case .failure(let error):
                        sum.failures += 1
                        failures.append(Failure(id: member.id, model: name, message: error.description))
                    }
                }
                sum.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                totals[name, default: [:]][subset] = sum
                done += members.count
            }
        }
        func rows(for names: [String]) -> [Row] {
            var out: [Row] = []
            for subset in subsets {
                for name in names {
                    out.append(Row(model: name, subset: subset, totals: totals[name]?[subset] ?? MetricTotals()))
                }
            }
            for name in names {
                var all = MetricTotals()
                for subset in subsets { if let t = totals[name]?[subset] { all.merge(t) } }
                out.append(Row(model: name, subset: Self.allSubsets, totals: all))
            }
            return out
        }
        var notes: [String] = []
        if !baselineAvailable {
            notes.append("owa is null: no '\(Self.baselineName)' model is registered to serve as the M4 baseline")
        }
        return Report(
            rows: rows(for: models),
            baseline: baselineAvailable ? rows(for: [baselineName]) : [],
            failures: failures.sorted { ($0.id, $0.model) < ($1.id, $1.model) },
            notes: notes)
    }

    /// Fits and scores one series; any error is returned, never thrown, so one series cannot sink a run.
    static func score(_ s: HoldoutSeries, forecaster: any Forecaster, levels: [Int]) -> Result<
        MetricTotals, ForecastingError
    > {
        guard !s.test.isEmpty else { return .failure(ForecastingError(.tooShort, "the series has no test values")) }
        guard s.test.allSatisfy(\.isFinite) else {
            return .failure(ForecastingError(.nonFinite, "the test values have missing or non-finite values"))
        }
        do {
            let forecast = try forecaster.forecast(s.train, period: s.period, horizon: s.test.count, levels: levels)
            guard forecast.mean.count == s.test.count else {
                return .failure(
                    ForecastingError(
                        .fitFailed,
                        "\(forecaster.name) returned \(forecast.mean.count) steps (expected \(s.test.count))"))
            }
            guard forecast.mean.allSatisfy(\.isFinite) else {
                return .failure(
                    ForecastingError(
                        .nonFinite,
                        "\(forecaster.name) returned a non-finite forecast (the values overflow double precision)"))
            }
            var t = MetricTotals()
            t.add(actual: s.test, forecast: forecast, insample: s.train, period: s.period, levels: levels)
            // Values near the largest double can overflow a measure (|y − f|, the MASE scale):
            // the series is then not scored, and says why, rather than sink the row (or the run).
            let scale = Metrics.seasonalNaiveMAE(s.train, period: s.period) ?? 0
            let error = Metrics.mae(s.test, forecast.mean) ?? 0
            guard t.smapeSum.isFinite, t.maseSum.isFinite, scale.isFinite, error.isFinite else {
                return .failure(
                    ForecastingError(
                        .nonFinite,
                        "the series cannot be scored: its sMAPE or MASE overflows double precision (values near ±1.8e308)"
                    ))
            }
            return .success(t)
        } catch let error as ForecastingError {
            return .failure(error)
        } catch {
            return .failure(ForecastingError(.fitFailed, "\(error)"))
        }
    }
}

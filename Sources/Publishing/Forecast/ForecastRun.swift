import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// The forecast of series without covariates, as `muavu forecast` makes it and `muavu serve`
/// answers `GET /v1/forecast/{id}`: each series forecast on its own by one method, a series that
/// cannot be forecast listed in the document's errors.
public enum ForecastRun {
    /// The method `model` (a `ForecasterRegistry` name; `auto` by default) with the intervals
    /// `intervals` (calibrated on a holdout by default, docs/design/intervals.md).
    public static func forecaster(model: String = "auto", intervals: IntervalMethod = .calibrated) throws
        -> any Forecaster
    {
        intervals.applied(to: try ForecasterRegistry.forecaster(named: model))
    }

    /// The `muavu.forecast/v1` document of `series` (read from `dataset`), `horizon` periods ahead
    /// with intervals at `levels` (sorted), fitted by `forecaster` on `runner`'s workers (one
    /// worker when nil); `completed` is told how many series are done after each.
    public static func document(
        _ series: [TimeSeries], dataset: String, forecaster: any Forecaster, horizon: Int, levels: [Int],
        issued: Date, runner: BatchRunner? = nil, completed: (@Sendable (Int) -> Void)? = nil
    ) throws -> ForecastDocument {
        let outcomes = try Self.outcomes(
            series, forecaster: forecaster, horizon: horizon, levels: levels, runner: runner, completed: completed)
        return ForecastDocument(
            dataset: dataset, horizon: horizon, levels: levels, series: series, outcomes: outcomes, issued: issued)
    }

    /// The forecast of each of `series` (as `document` makes them), or why there is none.
    public static func outcomes(
        _ series: [TimeSeries], forecaster: any Forecaster, horizon: Int, levels: [Int], runner: BatchRunner? = nil,
        completed: (@Sendable (Int) -> Void)? = nil
    ) throws -> [Result<Forecast, ForecastingError>] {
        let runner = try runner ?? BatchRunner(jobs: 1)
        return runner.map(count: series.count, completed: completed) { i in
            let s = series[i]
            return forecastOutcome {
                try forecaster.forecast(s.values, period: s.period, horizon: horizon, levels: levels)
            }
        }
    }
}

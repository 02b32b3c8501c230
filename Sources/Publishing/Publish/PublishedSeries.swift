import AgriData
import Forecasting
import Foundation
import TimeSeriesCore

/// How the model of one published series was chosen and how well the candidates did.
public struct ModelSelection: Sendable, Equatable {
    /// `loyo` (leave-one-year-out, crop yields) or `rolling-origin` (backtest of the models).
    public var method: String
    /// What the scores cover: `2006–2020`, `12 windows × 3 steps`.
    public var span: String
    public var candidates: [Score]

    public struct Score: Sendable, Equatable {
        public var name: String
        public var rmse: Double?
        public var mape: Double?
        /// Share of observations inside the 80% interval (rolling origin only), in percent.
        public var coverage80: Double?
        public var chosen: Bool
        /// Why a candidate has no score.
        public var note: String?
    }

    /// For a monthly price: how the chosen model's range was calibrated and how often such
    /// ranges held the price in the rolling-origin backtest (nil: the model's own intervals).
    public var range: CalibratedRange?

    /// For a monthly price whose candidates could include the configuration's export link: why
    /// they do not (the series is the export price itself, or the export price does not cover the
    /// months before it); nil when the link is a candidate or none is configured.
    public var exportLinkNote: Bilingual?

    public struct CalibratedRange: Sendable, Equatable {
        /// The calibrated level (%).
        public var level: Int
        /// The origins the candidates were compared on, and the months ahead scored.
        public var origins: Int
        public var months: Int
        /// The most recent errors of each step that calibrate a range.
        public var calibrationOrigins: Int
        /// (origin, month) pairs checked, and those whose calibrated range held the price.
        public var cases: Int
        public var held: Int
        /// Of the same cases, those the model's own interval at `level` held (nil: no such interval).
        public var modelHeld: Int?

        public var coverage: Double? { cases > 0 ? Double(held) / Double(cases) : nil }
        public var modelCoverage: Double? { cases > 0 ? modelHeld.map { Double($0) / Double(cases) } : nil }
    }

    public var chosen: Score? { candidates.first { $0.chosen } }
}

/// One series as published: its history, its forecast and the evidence for the model.
struct PublishedSeries: Sendable {
    var entry: PublishConfiguration.Entry
    /// The history shown and documented (prices: observed months only, gaps as `.nan`).
    var history: TimeSeries
    /// The series the model was fitted on (gaps filled per the dataset's policy).
    var fitted: TimeSeries
    var forecast: Forecast
    var datasetFile: String
    var unit: Bilingual
    var decimals: Int
    var selection: ModelSelection
    /// For production: the area model's selection.
    var areaSelection: ModelSelection?
    var outlook: PriceOutlook?
    var alert: Bulletin.PriceAlert?

    var chartFile: String { "charts/\(entry.id).svg" }
    var documentFile: String { "forecasts/\(entry.id).json" }
}

/// Univariate forecasting with the choice among models by a rolling-origin backtest
/// (Tashman 2000; FPP3 §5.10): the model with the lowest RMSE over the windows is refitted on the
/// whole series. Intervals are holdout-calibrated (`HoldoutCalibrated`), in the backtest and in
/// the forecast, as `muavu forecast` gives them by default. WFP's price forecasts keep whichever of ARIMA and Holt–Winters backtests better.
enum UnivariateChoice {
    static func forecast(_ s: TimeSeries, models: [String], horizon: Int, levels: [Int],
                         windows requested: Int) throws -> (Forecast, ModelSelection) {
        // Leave the oldest window at least 2 periods of a season or 8 values to fit on.
        let minimumTrain = max(8, 2 * s.period)
        let windows = max(1, min(requested, (s.count - horizon - minimumTrain) / horizon + 1))
        // Each model built once: backtested, then, if chosen, refitted on the whole series.
        let forecasters = try models.map { IntervalMethod.calibrated.applied(to: try ForecasterRegistry.forecaster(named: $0)) }
        var scores: [ModelSelection.Score] = []
        for (name, forecaster) in zip(models, forecasters) {
            do {
                let origin = try RollingOrigin(horizon: horizon, windows: windows)
                _ = try origin.origins(count: s.count, minimumTrain: minimumTrain)
                let result = try origin.evaluate(s.values, period: s.period, forecaster: forecaster, levels: levels)
                scores.append(.init(name: name, rmse: result.summary.rmse, mape: result.summary.mape,
                                    coverage80: result.summary.coverage[80].map { $0 * 100 }, chosen: false, note: nil))
            } catch {
                scores.append(.init(name: name, rmse: nil, mape: nil, coverage80: nil, chosen: false,
                                    note: "backtest failed: \(error)"))
            }
        }
        // Lowest backtest RMSE; ties and unscored models go by the configuration's order.
        let order = BacktestPreference.order(scores.map(\.rmse))
        var lastError: (any Error)?
        for i in order {
            do {
                let f = try forecasters[i].forecast(s.values, period: s.period, horizon: horizon, levels: levels)
                scores[i].chosen = true
                let span = "\(windows) × \(horizon)"
                var forecast = f
                if let r = scores[i].rmse { forecast.model.criteria["backtest_rmse"] = r }
                if let m = scores[i].mape { forecast.model.criteria["backtest_mape"] = m }
                forecast.model.notes.append("chosen by rolling-origin backtest (\(windows) windows of \(horizon) steps) among "
                                            + models.joined(separator: ", "))
                return (forecast, ModelSelection(method: "rolling-origin", span: span, candidates: scores))
            } catch {
                scores[i].note = "fit failed: \(error)"
                lastError = error
            }
        }
        throw lastError ?? ForecastingError(.fitFailed, "no model could forecast '\(s.id)'")
    }
}

import TimeSeriesCore

/// Univariate forecasting with the choice among models by a rolling-origin backtest
/// (Tashman 2000; FPP3 §5.10): the model with the lowest RMSE over the windows is refitted on the
/// whole series. Intervals are holdout-calibrated (`HoldoutCalibrated`), in the backtest and in
/// the forecast, as `muavu forecast` gives them by default. WFP's price forecasts keep whichever
/// of ARIMA and Holt–Winters backtests better.
public enum RollingOriginChoice {
    /// A candidate's score.
    public struct Score: Sendable, Equatable {
        public var name: String
        public var rmse: Double?
        public var mape: Double?
        /// Share of observations inside the 80% interval (rolling origin only), in percent.
        public var coverage80: Double?
        public var chosen: Bool
        /// Why a candidate has no score.
        public var note: String?

        public init(name: String, rmse: Double?, mape: Double?, coverage80: Double?, chosen: Bool, note: String?) {
            (self.name, self.rmse, self.mape, self.coverage80, self.chosen) = (name, rmse, mape, coverage80, chosen)
            self.note = note
        }
    }

    /// The chosen model's forecast (refitted on the whole series), what the scores cover
    /// (`12 × 3`: windows × steps) and every candidate's score.
    public static func forecast(
        _ s: TimeSeries, models: [String], horizon: Int, levels: [Int],
        windows requested: Int
    ) throws -> (forecast: Forecast, span: String, scores: [Score]) {
        // Leave the oldest window at least 2 periods of a season or 8 values to fit on.
        let minimumTrain = max(8, 2 * s.period)
        let windows = max(1, min(requested, (s.count - horizon - minimumTrain) / horizon + 1))
        // Each model built once: backtested, then, if chosen, refitted on the whole series.
        let forecasters = try models.map {
            IntervalMethod.calibrated.applied(to: try ForecasterRegistry.forecaster(named: $0))
        }
        var scores: [Score] = []
        for (name, forecaster) in zip(models, forecasters) {
            do {
                let origin = try RollingOrigin(horizon: horizon, windows: windows)
                _ = try origin.origins(count: s.count, minimumTrain: minimumTrain)
                let result = try origin.evaluate(s.values, period: s.period, forecaster: forecaster, levels: levels)
                scores.append(
                    .init(
                        name: name, rmse: result.summary.rmse, mape: result.summary.mape,
                        coverage80: result.summary.coverage[80].map { $0 * 100 }, chosen: false, note: nil))
            } catch {
                scores.append(
                    .init(
                        name: name, rmse: nil, mape: nil, coverage80: nil, chosen: false,
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
                forecast.model.notes.append(
                    "chosen by rolling-origin backtest (\(windows) windows of \(horizon) steps) among "
                        + models.joined(separator: ", "))
                return (forecast, span, scores)
            } catch {
                scores[i].note = "fit failed: \(error)"
                lastError = error
            }
        }
        throw lastError ?? ForecastingError(.fitFailed, "no model could forecast '\(s.id)'")
    }
}

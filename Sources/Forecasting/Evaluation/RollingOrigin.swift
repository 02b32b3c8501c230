import TimeSeriesCore

/// Rolling-origin evaluation ("time series cross-validation", Tashman 2000; FPP3 §5.10):
/// the model is refitted on every prefix of the series that ends at an origin and scored on the
/// `horizon` values that follow.
///
/// Origins are laid back from the end: the last window's test set ends at the last observation,
/// each earlier window starts `step` periods before the next. With n observations, window
/// w = 0..<windows (oldest first) trains on the first n − horizon − (windows − 1 − w)·step values.
public struct RollingOrigin: Sendable, Equatable {
    public var horizon: Int
    public var windows: Int
    public var step: Int

    public init(horizon: Int, windows: Int, step: Int? = nil) throws {
        try ArgumentCheck.atLeastOne(horizon, "horizon")
        try ArgumentCheck.atLeastOne(windows, "windows")
        let step = step ?? horizon
        try ArgumentCheck.atLeastOne(step, "step")
        // Each factor bounded, so that (windows − 1) × step + horizon cannot overflow.
        try Limits.horizon.check(horizon, "horizon")
        try Limits.windows.check(windows, "windows")
        try Limits.step.check(step, "step")
        self.horizon = horizon
        self.windows = windows
        self.step = step
    }

    /// The training lengths (origins) for a series of `count` observations, oldest first.
    /// Throws `.tooShort` when the oldest window would train on fewer than `minimumTrain` values.
    public func origins(count: Int, minimumTrain: Int = 1) throws -> [Int] {
        // The members are public: a caller may have set them past `Limits` after `init`.
        let (laidBack, overflow) = (windows - 1).multipliedReportingOverflow(by: step)
        let (span, overflow2) = laidBack.addingReportingOverflow(horizon)
        guard !overflow, !overflow2, windows >= 1, step >= 1, horizon >= 1 else {
            throw ForecastingError(
                .invalidArgument, "windows \(windows), step \(step) and horizon \(horizon) are out of range")
        }
        let first = count - span
        guard first >= max(1, minimumTrain) else {
            throw ForecastingError(
                .tooShort,
                "\(count) observations are too few for \(windows) windows of horizon \(horizon) "
                    + "and step \(step) (the first window would train on \(first))")
        }
        return (0..<windows).map { first + $0 * step }
    }

    /// One window: where it starts and how the forecast scored.
    public struct Window: Sendable, Equatable {
        /// Observations the model was fitted on (the test set starts at this 0-based index).
        public var origin: Int
        public var score: ForecastScore
        /// The model as fitted in this window.
        public var model: ModelSummary
    }

    /// The windows of one series under one model, and their means.
    public struct Result: Sendable, Equatable {
        public var windows: [Window]
        public var summary: Summary
    }

    /// Means over windows (or over series) of each measure, read as the measures of one score
    /// (`summary.rmse`); a measure undefined in some window is averaged over the windows where it
    /// exists, `count` saying over how many.
    @dynamicMemberLookup
    public struct Summary: Sendable, Equatable {
        /// The mean of each measure (`ForecastScore(averaging:)`).
        public var mean: ForecastScore
        /// Scores averaged.
        public var count: Int

        public init(_ scores: [ForecastScore]) {
            mean = ForecastScore(averaging: scores)
            count = scores.count
        }

        public subscript<Value>(dynamicMember measure: KeyPath<ForecastScore, Value>) -> Value {
            mean[keyPath: measure]
        }
    }

    /// Refits `forecaster` at every origin of `y` and scores each window.
    /// The first failing window's error is thrown (the caller records it against the series).
    ///
    /// With calibrated intervals (`HoldoutCalibrated`) each window also refits the method on its
    /// training part less the holdout; when the holdout is as long as the step between windows,
    /// that is the previous window's fit, which is kept and forecast from again rather than
    /// estimated twice (same numbers).
    public func evaluate(_ y: [Double], period: Int, forecaster: any Forecaster, levels: [Int]) throws -> Result {
        var windows: [Window] = []
        let calibrated = forecaster as? HoldoutCalibrated
        let keeping = calibrated?.keepsFits ?? false
        var kept: FittedModel?
        for origin in try origins(count: y.count) {
            let train = Array(y[0..<origin])
            let test = Array(y[origin..<(origin + horizon)])
            let forecast: Forecast
            if let calibrated, keeping {
                (forecast, kept) = try calibrated.forecast(
                    train, period: period, horizon: horizon, levels: levels,
                    keeping: true, reusing: kept)
            } else {
                forecast = try forecaster.forecast(train, period: period, horizon: horizon, levels: levels)
            }
            guard forecast.mean.count == horizon else {
                throw ForecastingError(
                    .fitFailed, "\(forecaster.name) returned \(forecast.mean.count) steps, expected \(horizon)")
            }
            windows.append(
                Window(
                    origin: origin,
                    score: ForecastScore(actual: test, forecast: forecast, insample: train, period: period),
                    model: forecast.model))
        }
        return Result(windows: windows, summary: Summary(windows.map(\.score)))
    }
}

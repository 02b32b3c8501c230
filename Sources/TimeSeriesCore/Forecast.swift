/// A symmetric-in-probability prediction interval at one level (an integer percentage).
public struct PredictionInterval: Sendable, Equatable {
    /// Coverage in percent, e.g. 80 or 95.
    public var level: Int
    public var lower: [Double]
    public var upper: [Double]

    public init(level: Int, lower: [Double], upper: [Double]) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}

/// What was fitted, in the words a document shows: `ETS(M,Ad,M)`, its parameters and criteria.
public struct ModelSummary: Sendable, Equatable, Codable {
    /// Display name, e.g. `ETS(M,Ad,M)`, `ARIMA(0,1,1)(0,1,1)[12]`, `Theta(dotm)`.
    public var name: String
    /// Family, the registry name of the method: `ets`, `arima`, `theta`, `naive`, ...
    public var family: String
    /// Estimated parameters by name (`alpha`, `beta`, `phi`, `theta`, `ar1`, ...).
    public var parameters: [String: Double]
    /// Fit criteria by name (`loglik`, `aic`, `aicc`, `bic`, `sigma2`, `mse`, ...).
    public var criteria: [String: Double]
    /// Plain-language notes: fallbacks and why, selection evidence.
    public var notes: [String]

    public init(
        name: String, family: String, parameters: [String: Double] = [:],
        criteria: [String: Double] = [:], notes: [String] = []
    ) {
        (self.name, self.family, self.parameters, self.criteria) = (name, family, parameters, criteria)
        self.notes = notes
    }
}

/// The result of forecasting one series: point forecasts, intervals, and what produced them.
public struct Forecast: Sendable, Equatable {
    public var model: ModelSummary
    /// Point forecasts (the mean, or the median where the model says so), steps 1...h.
    public var mean: [Double]
    /// One interval per requested level, in the order the levels were requested.
    public var intervals: [PredictionInterval]
    /// In-sample one-step-ahead fitted values, where the model has them (NaN where undefined).
    public var fitted: [Double]?
    /// The coefficients β_j of the regressors, in the order of their columns, for a model that
    /// regresses on covariates (regression with ARIMA or independent errors); empty otherwise.
    /// `model.parameters` shows them as `xreg1`, `xreg2`, …, made from the fit, not read back.
    public var regressorCoefficients: [Double] = []
    /// The holdout behind calibrated intervals (`HoldoutCalibrated`), when one was made;
    /// `model.criteria` shows it as `holdout_scale`, `holdout_mae` and `holdout_smape`.
    public var holdout: HoldoutScore?
    /// The cross-validation that chose the model, when one did (leave-one-year-out for crop
    /// yields); `model.criteria` shows it (`loyo_rmse`, `loyo_mape`).
    public var crossValidation: CrossValidationScore?

    public init(
        model: ModelSummary, mean: [Double], intervals: [PredictionInterval] = [],
        fitted: [Double]? = nil
    ) {
        (self.model, self.mean, self.intervals, self.fitted) = (model, mean, intervals, fitted)
    }

    public var horizon: Int { mean.count }

    /// The interval at `level`, if it was computed.
    public func interval(level: Int) -> PredictionInterval? {
        intervals.first { $0.level == level }
    }
}

/// A forecasting method: given a series, its seasonal period and a horizon, a forecast.
///
/// Implementations are value types (`Sendable`), so many series can be fitted in parallel.
/// `y` holds the observations in time order; `period` is the seasonal period (1 = none).
public protocol Forecaster: Sendable {
    /// The registry name (`ets`, `theta`, `naive`, ...).
    var name: String { get }
    /// Fits the method to `y` and forecasts `horizon` steps with intervals at `levels` (%).
    func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast
}

extension Forecaster {
    /// Checks the arguments shared by every method.
    /// `allowingGaps` lets NaN (missing observations) through for the models that skip them, and
    /// counts only the observed values; otherwise a gap is refused in the model's name.
    public func validateArguments(
        _ y: [Double], period: Int, horizon: Int, levels: [Int], allowingGaps: Bool = false
    ) throws {
        try ArgumentCheck.atLeastOne(horizon, "horizon")
        try ArgumentCheck.atLeastOne(period, "period")
        // Above these a caller's typo (or Int.max) would ask for gigabytes or overflow: `Limits`.
        try Limits.horizon.check(horizon, "horizon")
        try Limits.period.check(period, "period")
        try ArgumentCheck.levels(levels)
        if allowingGaps {
            try ArgumentCheck.seriesWithGaps(y)
        } else {
            try ArgumentCheck.series(y, model: name)
        }
        let observed = allowingGaps ? y.reduce(0) { $0 + ($1.isNaN ? 0 : 1) } : y.count
        guard observed >= Self.minimumObservations else {
            throw ForecastingError(
                .tooShort,
                "one observation cannot be forecast with intervals: every model needs at least "
                    + "\(Self.minimumObservations) observations (one more than it forecasts from, to estimate "
                    + "the error variance); got \(observed)")
        }
    }

    /// The fewest observations any model accepts: with one there is no residual, so an interval
    /// would have zero width (a bound equal to the mean), which no data supports. Models that
    /// need more say so (drift 3, Theta 4, CES 4 or more, seasonal ETS 4).
    public static var minimumObservations: Int { 2 }
}

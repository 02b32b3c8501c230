import TimeSeriesCore

extension FittedModel {
    /// A saved baseline: nothing beyond its training series. Baselines estimate nothing but
    /// closed-form statistics of the observations (the last value, the last season, the slope
    /// between the end points, the mean, the classical seasonal indices: FPP3 §5.2), so a saved
    /// baseline is forecast by the same closed form, the registry's forecaster of its name.
    /// Its parameters are written as an empty object.
    public struct BaselineState: FittedState {
        public static let kind = "baseline"
        public static let schema = #"""
            {"type": "object", "maxProperties": 0,
             "description": "A baseline estimates nothing beyond its training values."}
            """#

        public init() {}

        public init(from decoder: any Decoder) throws {
            _ = try decoder.singleValueContainer().decode([String: Double].self)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode([String: Double]())
        }

        /// The registry's forecaster of `name`, which must be a baseline.
        public func run(_ values: [Double], period: Int, name: String) throws -> any Forecaster {
            guard ForecasterRegistry.stateType(named: name) == BaselineState.self else {
                throw ForecastingError(.invalidArgument, "'\(name)' is not a baseline")
            }
            return try ForecasterRegistry.forecaster(named: name)
        }

        public func forecast(
            _ run: any Forecaster, values: [Double], period: Int, name: String, horizon: Int,
            levels: [Int]
        ) throws -> Forecast {
            try run.forecast(values, period: period, horizon: horizon, levels: levels)
        }
    }
}

/// A baseline method: saved as its training series alone (`FittedModel.BaselineState`), after
/// the checks its forecasts make.
public protocol BaselineForecaster: PersistableForecaster {}

extension BaselineForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        try validateArguments(y, period: period, horizon: 1, levels: [])
        return FittedModel(name: name, values: y, period: period, state: FittedModel.BaselineState())
    }
}

extension Naive: BaselineForecaster {}
extension SeasonalNaive: BaselineForecaster {}
extension Drift: BaselineForecaster {}
extension HistoricalMean: BaselineForecaster {}
extension Naive2: BaselineForecaster {}

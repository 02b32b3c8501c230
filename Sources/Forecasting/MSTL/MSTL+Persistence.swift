import TimeSeriesCore

extension FittedModel {
    /// A fitted MSTL as it is saved: the periods decomposed and the decomposition's settings, the
    /// last cycle of each seasonal component (what the seasonal-naive continuation repeats), and
    /// the trend forecaster's ETS model of the adjusted series.
    ///
    /// Forecasting from it decomposes the training values again (the decomposition is a fixed
    /// sequence of smoothers: no estimation), checks that the last cycles agree with the stored
    /// ones, runs the stored ETS model over the adjusted series from its parameters and initial
    /// states (`FittedModel.ETSState.model`, no optimiser), and forecasts as `MSTL` does.
    public struct MSTLState: Sendable, Equatable, Codable {
        /// The seasonal periods decomposed, ascending; empty when none fitted the series and the
        /// trend model forecasts it alone.
        public var periods: [Int]
        public var settings: MSTLDecomposition.Settings
        /// For each period, the last mᵢ values of its seasonal component, oldest first.
        public var lastCycles: [[Double]]
        /// The trend forecaster's model of the adjusted series (season-free ETS).
        public var trend: FittedModel.ETSState
        /// Left-out periods, in plain words.
        public var notes: [String]

        enum CodingKeys: String, CodingKey {
            case periods, settings, trend, notes
            case lastCycles = "last_cycles"
        }

        /// The JSON-Schema fragment of the state, for the model-file schema (`#/$defs/mstl`;
        /// it refers to the ETS fragment `#/$defs/ets` and to `#/$defs/numbers`).
        public static let schema = """
            {
              "type": "object", "required": ["periods", "settings", "last_cycles", "trend", "notes"],
              "additionalProperties": false,
              "description": "Seasonal periods, settings, last seasonal cycles, ETS model of the adjusted series.",
              "properties": {
                "periods": {"type": "array", "uniqueItems": true, "items": {"type": "integer", "minimum": 2}},
                "settings": {
                  "type": "object",
                  "required": ["iterations", "seasonal_degree", "inner_iterations", "robust_iterations"],
                  "additionalProperties": false,
                  "properties": {
                    "seasonal_windows": {"type": ["array", "null"], "items": {"type": "integer", "minimum": 3}},
                    "iterations": {"type": "integer", "minimum": 1},
                    "seasonal_degree": {"enum": [0, 1]},
                    "inner_iterations": {"type": "integer", "minimum": 1},
                    "robust_iterations": {"type": "integer", "minimum": 0}
                  }
                },
                "last_cycles": {"type": "array", "items": {"$ref": "#/$defs/numbers"}},
                "trend": {"$ref": "#/$defs/ets"},
                "notes": {"type": "array", "items": {"type": "string"}}
              }
            }
            """

        init(_ fit: MSTL.Fit, settings: MSTLDecomposition.Settings, trendSpecification: ETS.Specification) {
            periods = fit.decomposition?.periods ?? []
            self.settings = settings
            lastCycles = fit.lastCycles
            trend = FittedModel.ETSState(fit.trendModel, specification: trendSpecification)
            notes = fit.notes
        }

        /// The fit of the training values `y`, rebuilt from the state and checked against it.
        func fit(_ y: [Double]) throws -> MSTL.Fit {
            guard periods.count == lastCycles.count, zip(periods, lastCycles).allSatisfy({ $0 == $1.count }) else {
                throw ForecastingError(.invalidArgument, "MSTL stores one last cycle of m values for each period m")
            }
            guard periods.isEmpty || periods == MSTLDecomposition.usablePeriods(periods, count: y.count) else {
                throw ForecastingError(
                    .invalidArgument,
                    "MSTL periods \(periods) must be distinct, at least 2 and below half "
                        + "the \(y.count) training values")
            }
            guard !periods.isEmpty else {
                return MSTL.Fit(decomposition: nil, trendModel: try trendModel(y), notes: notes)
            }
            let decomposition = try MSTLDecomposition(y, periods: periods, settings: settings)
            guard FittedModel.agree(decomposition.lastCycles.flatMap { $0 }, lastCycles.flatMap { $0 }) else {
                throw ForecastingError(
                    .invalidArgument,
                    "the seasonal components do not follow from the training values and settings")
            }
            return MSTL.Fit(
                decomposition: decomposition, trendModel: try trendModel(decomposition.adjusted), notes: notes)
        }

        /// The stored ETS model run over the adjusted series, ending in its stored final states.
        private func trendModel(_ adjusted: [Double]) throws -> ETS.Model {
            let model = try trend.model(adjusted)
            try trend.check(
                model, "the trend model's final states do not follow from its parameters and the adjusted series")
            return model
        }
    }

}

extension MSTL: PersistableForecaster {
    /// The fit behind `forecast(_:period:horizon:levels:)`, kept: the decomposition's settings and
    /// last cycles, and the trend forecaster's ETS model.
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        try validateArguments(y, period: period, horizon: 1, levels: [])
        let state = FittedModel.MSTLState(
            try fit(y, period: period), settings: decomposition, trendSpecification: trend)
        return FittedModel(name: name, values: y, period: period, state: state)
    }
}

extension FittedModel.MSTLState: FittedState {
    public static let kind = "mstl"
    /// The trend model's intervals may be simulated (a multiplicative error), so a seed is kept.
    public static let isSeeded = true

    /// The decomposition again (a fixed sequence of smoothers) and the stored ETS model over the
    /// adjusted series, both checked against what is stored (`fit(_:)`).
    public func run(_ values: [Double], period: Int, name: String) throws -> MSTL.Fit { try fit(values) }

    public func forecast(
        _ run: MSTL.Fit, values: [Double], period: Int, name: String, horizon: Int,
        levels: [Int]
    ) throws -> Forecast {
        var forecaster = MSTL(periods: periods, decomposition: settings)
        forecaster.trend.simulationPaths = trend.simulationPaths
        forecaster.trend.seed = trend.seed
        return forecaster.forecast(run, horizon: horizon, levels: levels)
    }

    /// The seed of the trend model's simulated intervals.
    public var simulationSeed: UInt64? { trend.seed }
}

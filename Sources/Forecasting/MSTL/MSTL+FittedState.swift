extension MSTL {
    /// A fitted MSTL as it is saved: the periods decomposed and the decomposition's settings, the
    /// last cycle of each seasonal component (what the seasonal-naive continuation repeats), and
    /// the trend forecaster's ETS model of the adjusted series.
    ///
    /// Forecasting from it decomposes the training values again (the decomposition is a fixed
    /// sequence of smoothers: no estimation), checks that the last cycles agree with the stored
    /// ones, runs the stored ETS model over the adjusted series from its parameters and initial
    /// states (`FittedModel.ETSState.model`, no optimiser), and forecasts as `MSTL` does.
    public struct FittedState: Sendable, Equatable, Codable {
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
        public static let jsonSchema = """
            "mstl": {
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

        init(_ fit: Fit, settings: MSTLDecomposition.Settings, trendSpecification: ETS.Specification) {
            periods = fit.decomposition?.periods ?? []
            self.settings = settings
            lastCycles = fit.lastCycles
            trend = FittedModel.ETSState(fit.trendModel, specification: trendSpecification)
            notes = fit.notes
        }

        /// The fit of the training values `y`, rebuilt from the state and checked against it.
        func fit(_ y: [Double]) throws -> Fit {
            guard periods.count == lastCycles.count, zip(periods, lastCycles).allSatisfy({ $0 == $1.count }) else {
                throw ForecastingError(.invalidArgument, "MSTL stores one last cycle of m values for each period m")
            }
            guard periods.isEmpty || periods == MSTLDecomposition.usablePeriods(periods, count: y.count) else {
                throw ForecastingError(.invalidArgument,
                                       "MSTL periods \(periods) must be distinct, at least 2 and below half "
                                       + "the \(y.count) training values")
            }
            guard !periods.isEmpty else {
                return Fit(decomposition: nil, trendModel: try trendModel(y), notes: notes)
            }
            let decomposition = try MSTLDecomposition(y, periods: periods, settings: settings)
            guard FittedModel.agree(decomposition.lastCycles.flatMap { $0 }, lastCycles.flatMap { $0 }) else {
                throw ForecastingError(.invalidArgument,
                                       "the seasonal components do not follow from the training values and settings")
            }
            return Fit(decomposition: decomposition, trendModel: try trendModel(decomposition.adjusted), notes: notes)
        }

        /// The stored ETS model run over the adjusted series, ending in its stored final states.
        private func trendModel(_ adjusted: [Double]) throws -> ETS.Model {
            let model = try trend.model(adjusted)
            guard FittedModel.agree(model.finalStates, trend.finalStates) else {
                throw ForecastingError(.invalidArgument,
                                       "the trend model's final states do not follow from its parameters "
                                       + "and the adjusted series")
            }
            return model
        }
    }

    /// Fits `y` and keeps what its forecasts need.
    public func fittedState(_ y: [Double], period: Int) throws -> FittedState {
        try validateArguments(y, period: period, horizon: 1, levels: [])
        return FittedState(try fit(y, period: period), settings: decomposition, trendSpecification: trend)
    }

    /// The forecast of a saved state over its training values `y`: no estimation.
    public func forecast(_ state: FittedState, values y: [Double], horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: 1, horizon: horizon, levels: levels)
        var forecaster = self
        forecaster.decomposition = state.settings
        forecaster.trend.simulationPaths = state.trend.simulationPaths
        forecaster.trend.seed = state.trend.seed
        return forecaster.forecast(try state.fit(y), horizon: horizon, levels: levels)
    }
}

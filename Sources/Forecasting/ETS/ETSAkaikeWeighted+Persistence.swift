import TimeSeriesCore

extension FittedModel {
    /// A fitted Akaike-weighted ETS as it is saved: each candidate model (`ETSState`), its
    /// weight, and which candidates were left out and why. Loading runs each model's recursion
    /// over the training values, checks its final states, and checks that the stored weights
    /// are the Akaike weights of the models' AICc.
    public struct ETSWeightedState: Sendable, Equatable, Codable {
        public var models: [ETSState]
        public var weights: [Double]
        public var notes: [String]

        init(_ fit: ETSAkaikeWeighted.Fit, specification: ETS.Specification) {
            models = fit.models.map { ETSState($0, specification: specification) }
            weights = fit.weights
            notes = fit.notes
        }

        /// The models run over `y` from their stored parameters, with the stored weights,
        /// checked: one seed and one number of simulated paths for all models, final states as
        /// stored, and weights the Akaike weights of the runs' AICc (each to a relative 1e-9).
        func fit(_ y: [Double]) throws -> ETSAkaikeWeighted.Fit {
            guard let first = models.first, models.count == weights.count else {
                throw ForecastingError(
                    .invalidArgument,
                    "an Akaike-weighted ETS stores \(models.count) models and \(weights.count) weights; "
                        + "it needs at least one model and one weight for each")
            }
            guard models.allSatisfy({ $0.seed == first.seed && $0.simulationPaths == first.simulationPaths }) else {
                throw ForecastingError(
                    .invalidArgument,
                    "the models of an Akaike-weighted ETS must share one seed and one simulation_paths")
            }
            let runs = try models.map { state in
                let run = try state.model(y)
                try state.check(
                    run,
                    "ETS(\(state.form)): the final states do not follow from "
                        + "the parameters, initial states and training values")
                return run
            }
            let expected = runs.count == 1 ? [1] : ETSAkaikeWeighted.akaikeWeights(runs.map(\.aicc))
            // Relative to each weight, however small: an absolute tolerance would let a weight
            // below 1e-9 change unnoticed.
            guard zip(expected, weights).allSatisfy({ abs($0 - $1) <= 1e-9 * max(abs($0), abs($1)) }) else {
                throw ForecastingError(.invalidArgument, "the weights are not the Akaike weights of the models' AICc")
            }
            return ETSAkaikeWeighted.Fit(models: runs, weights: weights, notes: notes)
        }

        /// The specification the forecasts need (simulation paths and seed of the first model).
        var specification: ETS.Specification {
            var spec = ETS.Specification.automatic
            if let first = models.first {
                spec.simulationPaths = first.simulationPaths
                spec.seed = first.seed
            }
            return spec
        }

        func forecast(_ fit: ETSAkaikeWeighted.Fit, name: String, horizon: Int, levels: [Int]) throws -> Forecast {
            try ETSAkaikeWeighted(specification, name: name).forecast(fit, horizon: horizon, levels: levels)
        }
    }
}

extension ETSAkaikeWeighted: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        try validateArguments(y, period: period, horizon: 1, levels: [])
        return FittedModel(
            name: name, values: y, period: period,
            state: FittedModel.ETSWeightedState(try fit(y, period: period), specification: specification))
    }
}

extension FittedModel.ETSWeightedState: FittedState {
    public static let kind = "ets-aw"
    public static let isSeeded = true
    public static let schema = #"""
        {
          "type": "object", "required": ["models", "weights", "notes"], "additionalProperties": false,
          "description": "Akaike-weighted ETS: every candidate model and its weight (the Akaike weights of their AICc); the statistics of the file are the highest-weighted model's.",
          "properties": {
            "models": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/ets"}},
            "weights": {"type": "array", "minItems": 1, "items": {"type": "number", "minimum": 0, "maximum": 1}},
            "notes": {"type": "array", "items": {"type": "string"}, "description": "Candidates left out and why."}
          }
        }
        """#

    /// Every model run and checked, with the checked weights (`fit(_:)`).
    public func run(_ values: [Double], period: Int, name: String) throws -> ETSAkaikeWeighted.Fit { try fit(values) }

    public func forecast(
        _ run: ETSAkaikeWeighted.Fit, values: [Double], period: Int, name: String, horizon: Int,
        levels: [Int]
    ) throws -> Forecast {
        try forecast(run, name: name, horizon: horizon, levels: levels)
    }

    public var seasonalPeriods: [Int] { models.compactMap { $0.period > 1 ? $0.period : nil } }
    public var simulationSeed: UInt64? { models.first?.seed }
}

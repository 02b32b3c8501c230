import TimeSeriesCore

extension FittedModel {
    /// A fitted ETS model as it is saved: the form, the smoothing parameters, the state vector
    /// before the first observation (ℓ₀, b₀, s₀ … s₋ₘ₊₁, as `ETS.Model.initialStates`) and after
    /// the last one, and what the forecaster's intervals need (simulated paths and their seed).
    ///
    /// Forecasting runs the state equations of HKOS Table 2.3 over the training observations
    /// from the initial states (`ETS.Model.run`, the same recursion the estimation evaluates),
    /// which gives the residuals, σ² and the final states; then `ETS.Model.forecast`.
    public struct ETSState: Sendable, Equatable, Codable {
        /// R's code: `ANN`, `AAdN`, `MAdM`.
        public var form: String
        /// The model's seasonal period (1 without a season).
        public var period: Int
        public var alpha: Double
        public var beta: Double
        public var gamma: Double
        public var phi: Double
        public var initialStates: [Double]
        public var finalStates: [Double]
        /// Smoothing parameters and free initial states that were estimated (not σ²).
        public var estimatedParameters: Int
        /// False for a constant series, whose likelihood criteria are undefined.
        public var hasCriteria: Bool
        /// Fallbacks and selection evidence of the fit.
        public var notes: [String]
        /// Sample paths simulated for the intervals of a multiplicative season, and their seed.
        public var simulationPaths: Int
        public var seed: UInt64

        enum CodingKeys: String, CodingKey {
            case form, period, alpha, beta, gamma, phi, notes, seed
            case initialStates = "initial_states"
            case finalStates = "final_states"
            case estimatedParameters = "estimated_parameters"
            case hasCriteria = "has_criteria"
            case simulationPaths = "simulation_paths"
        }

        init(_ model: ETS.Model, specification: ETS.Specification) {
            form = model.form.code
            period = model.period
            alpha = model.alpha
            beta = model.beta
            gamma = model.gamma
            phi = model.phi
            initialStates = model.initialStates
            finalStates = model.finalStates
            estimatedParameters = model.estimatedParameterCount
            hasCriteria = model.hasCriteria
            notes = model.notes
            simulationPaths = specification.simulationPaths
            seed = specification.seed
        }

        /// The model run over `y` from the stored parameters and initial states.
        func model(_ y: [Double]) throws -> ETS.Model {
            guard let form = ETS.Form(code: self.form) else {
                throw ForecastingError(.invalidArgument, "'\(self.form)' is not an ETS form (e.g. ANN, AAdN, MAdM)")
            }
            let m = form.hasSeason ? period : 1
            try Limits.period.check(m, "the ETS period")
            guard m >= 1, !form.hasSeason || m >= 2 else {
                throw ForecastingError(
                    .invalidArgument, "a seasonal ETS model needs a period of at least 2, got \(period)")
            }
            let states = (form.hasTrend ? 2 : 1) + (form.hasSeason ? m : 0)
            guard initialStates.count == states, finalStates.count == states else {
                throw ForecastingError(
                    .invalidArgument,
                    "ETS(\(self.form)) with period \(m) has \(states) states; "
                        + "the model stores \(initialStates.count) initial and \(finalStates.count) final ones")
            }
            let parameters = [alpha, beta, gamma, phi] + initialStates
            guard parameters.allSatisfy(\.isFinite) else {
                throw ForecastingError(.nonFinite, "the ETS parameters or initial states are not finite")
            }
            try Limits.simulationPaths.check(simulationPaths, "simulation_paths")
            guard estimatedParameters >= 0, simulationPaths >= 0 else {
                throw ForecastingError(.invalidArgument, "estimated_parameters and simulation_paths cannot be negative")
            }
            // At most the four smoothing parameters, the initial states and σ² (Int.max overflowed
            // the information criteria).
            guard estimatedParameters <= states + 5 else {
                throw ForecastingError(
                    .invalidArgument,
                    "estimated_parameters is \(estimatedParameters); ETS(\(self.form)) with \(states) states has at most \(states + 5)"
                )
            }
            if form.error == .multiplicative || form.season == .multiplicative, !y.allSatisfy({ $0 > 0 }) {
                throw ForecastingError(.outOfDomain, "ETS(\(self.form)) needs strictly positive observations")
            }
            var model = ETS.Model.run(
                y, form: form, period: m,
                smoothing: ETSSmoothing(alpha: alpha, beta: beta, gamma: gamma, phi: phi),
                states: initialStates, estimatedParameterCount: estimatedParameters)
            model.notes = notes
            model.hasCriteria = hasCriteria
            return model
        }
    }
}

extension FittedModel.ETSState: FittedState {
    public static let kind = "ets"
    public static let isSeeded = true
    public static let schema = #"""
        {
          "type": "object",
          "required": ["form", "period", "alpha", "beta", "gamma", "phi", "initial_states", "final_states",
                       "estimated_parameters", "has_criteria", "notes", "simulation_paths", "seed"],
          "additionalProperties": false,
          "properties": {
            "form": {"type": "string", "pattern": "^[AM](N|A|Ad)[NAM]$"},
            "period": {"type": "integer", "minimum": 1},
            "alpha": {"type": "number"}, "beta": {"type": "number"}, "gamma": {"type": "number"}, "phi": {"type": "number"},
            "initial_states": {"$ref": "#/$defs/numbers", "minItems": 1,
                               "description": "l0, then b0 with a trend, then the m seasonal states s0, s-1, ..."},
            "final_states": {"$ref": "#/$defs/numbers", "minItems": 1},
            "estimated_parameters": {"type": "integer", "minimum": 0},
            "has_criteria": {"type": "boolean"},
            "notes": {"type": "array", "items": {"type": "string"}},
            "simulation_paths": {"type": "integer", "minimum": 0},
            "seed": {"type": "integer", "minimum": 0}
          }
        }
        """#

    public func run(_ values: [Double], period: Int, name: String) throws -> ETS.Model { try model(values) }

    /// The run ends in the stored final states.
    public func check(_ run: ETS.Model) throws {
        try check(run, "the final states do not follow from the parameters, initial states and training values")
    }

    /// The run ends in the stored final states; otherwise an `.invalidArgument` saying `message`.
    func check(_ run: ETS.Model, _ message: @autoclosure () -> String) throws {
        guard FittedModel.agree(run.finalStates, finalStates) else {
            throw ForecastingError(.invalidArgument, message())
        }
    }

    public func forecast(
        _ run: ETS.Model, values: [Double], period: Int, name: String, horizon: Int,
        levels: [Int]
    ) throws -> Forecast {
        run.forecast(horizon: horizon, levels: levels, simulationPaths: simulationPaths, seed: seed)
    }

    public var seasonalPeriods: [Int] { period > 1 ? [period] : [] }
    public var simulationSeed: UInt64? { seed }
}

extension ETS: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        let model = try fit(y, period: period)
        return FittedModel(
            name: name, values: y, period: period,
            state: FittedModel.ETSState(model, specification: specification))
    }
}

import TimeSeriesCore

extension FittedModel {
    /// A fitted Theta model as it is saved: the variant, ℓ₀, α and θ of the state-space model of
    /// Fiorucci et al. (2016), the classical seasonal adjustment it was fitted behind (kind and
    /// indices), and the state after the last observation (ℓₙ, Ȳₙ, Aₙ, Bₙ).
    ///
    /// Forecasting adjusts the training observations by the stored indices, runs the Theta
    /// recursion over them from ℓ₀ with α and θ (`ThetaModel.init`, no estimation), and forecasts
    /// as `Theta` does. A constant series stores no parameters: its forecast is its value.
    public struct ThetaState: Sendable, Equatable, Codable {
        public var variant: ThetaModel.Variant
        /// Nil for a constant series.
        @Nullable public var alpha: Double?
        @Nullable public var theta: Double?
        @Nullable public var initialLevel: Double?
        public var adjustment: SeasonalAdjustment
        /// ℓₙ, Ȳₙ, Aₙ, Bₙ after the last observation (empty for a constant series).
        public var finalState: [Double]

        enum CodingKeys: String, CodingKey {
            case variant, alpha, theta, adjustment
            case initialLevel = "initial_level"
            case finalState = "final_state"
        }

        init(variant: ThetaModel.Variant, model: ThetaModel?, adjustment: SeasonalAdjustment) {
            self.variant = variant
            alpha = model?.alpha
            theta = model?.theta
            initialLevel = model?.initialLevel
            self.adjustment = adjustment
            finalState = model.map { [$0.level, $0.meanY, $0.intercept, $0.slope] } ?? []
        }

        var isConstant: Bool { alpha == nil }

        /// The Theta model of the adjusted observations, run from the stored parameters.
        func model(_ y: [Double]) throws -> ThetaModel? {
            guard let alpha, let theta, let initialLevel else {
                guard theta == nil, initialLevel == nil, finalState.isEmpty, let first = y.first,
                    y.allSatisfy({ $0 == first })
                else {
                    throw ForecastingError(
                        .invalidArgument,
                        "a Theta model without alpha, theta and initial_level is only the forecast of a constant series"
                    )
                }
                return nil
            }
            guard [alpha, theta, initialLevel].allSatisfy(\.isFinite), alpha > 0, alpha < 1, theta >= 1 else {
                throw ForecastingError(
                    .invalidArgument,
                    "Theta parameters out of range: alpha must be in (0, 1), theta at least 1, all finite")
            }
            try ThetaModel.checkLength(y.count)
            try checkAdjustment()
            return ThetaModel(
                adjustment.adjust(y), variant: variant, initialLevel: initialLevel, alpha: alpha, theta: theta)
        }

        private func checkAdjustment() throws {
            let a = adjustment
            switch a.kind {
            case .none: return
            case .additive, .multiplicative:
                guard a.period >= 2, a.indices.count == a.period, a.indices.allSatisfy(\.isFinite),
                    a.kind == .additive || a.indices.allSatisfy({ $0 > 0 })
                else {
                    throw ForecastingError(
                        .invalidArgument,
                        "the seasonal adjustment needs one finite index per season (period \(a.period), "
                            + "\(a.indices.count) indices; multiplicative indices positive)")
                }
            }
        }

        /// The forecast of `model`, the run of `model(_:)` over the training values `y`.
        func forecast(_ model: ThetaModel?, _ y: [Double], name: String, horizon: Int, levels: [Int]) throws -> Forecast
        {
            let forecaster = Theta(variant: variant, name: name)
            guard let model else {
                // A constant series: `Theta.forecast` forecasts its value without fitting.
                return try forecaster.forecast(y, period: 1, horizon: horizon, levels: levels)
            }
            return forecaster.forecast(model, adjustment: adjustment, horizon: horizon, levels: levels)
        }

        /// `model`, the run of `model(_:)`, ends in the stored final state.
        func verify(_ model: ThetaModel?) throws {
            guard let model else { return }
            guard FittedModel.agree([model.level, model.meanY, model.intercept, model.slope], finalState) else {
                throw ForecastingError(
                    .invalidArgument,
                    "the final state does not follow from the parameters and training values")
            }
        }
    }
}

extension Theta: PersistableForecaster {
    /// The fit behind `forecast(_:period:horizon:levels:)` (`fit(_:period:)`), kept.
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        try validateArguments(y, period: period, horizon: 1, levels: [])
        let fitted = try fit(y, period: period)
        let state = FittedModel.ThetaState(
            variant: variant, model: fitted?.model,
            adjustment: fitted?.adjustment ?? .identity)
        return FittedModel(name: name, values: y, period: period, state: state)
    }
}

extension FittedModel.ThetaState: FittedState {
    public static let kind = "theta"
    public static let schema = #"""
        {
          "type": "object",
          "required": ["variant", "alpha", "theta", "initial_level", "adjustment", "final_state"],
          "additionalProperties": false,
          "properties": {
            "variant": {"enum": ["stm", "otm", "dstm", "dotm"]},
            "alpha": {"type": ["number", "null"], "exclusiveMinimum": 0, "exclusiveMaximum": 1},
            "theta": {"type": ["number", "null"], "minimum": 1},
            "initial_level": {"type": ["number", "null"]},
            "adjustment": {
              "type": "object", "required": ["kind", "period", "indices"], "additionalProperties": false,
              "properties": {
                "kind": {"enum": ["none", "additive", "multiplicative"]},
                "period": {"type": "integer", "minimum": 1},
                "indices": {"$ref": "#/$defs/numbers"}
              }
            },
            "final_state": {"$ref": "#/$defs/numbers", "description": "l_n, mean of y, A_n, B_n; empty for a constant series.",
                            "maxItems": 4}
          }
        }
        """#

    public func run(_ values: [Double], period: Int, name: String) throws -> ThetaModel? { try model(values) }

    public func check(_ run: ThetaModel?) throws { try verify(run) }

    public func forecast(
        _ run: ThetaModel?, values: [Double], period: Int, name: String, horizon: Int,
        levels: [Int]
    ) throws -> Forecast {
        try forecast(run, values, name: name, horizon: horizon, levels: levels)
    }

    public var seasonalPeriods: [Int] {
        adjustment.kind == .none || adjustment.period <= 1 ? [] : [adjustment.period]
    }
}

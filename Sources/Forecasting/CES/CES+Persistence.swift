import Foundation
import TimeSeriesCore

extension FittedModel {
    /// A fitted Complex Exponential Smoothing model as it is saved: the seasonal form, its lag L,
    /// the complex smoothing constants α₀ + iα₁ (and β₀, β₁), the L state rows the final filtering
    /// pass starts from (the data-driven starting states after backcasting), the L state rows after
    /// the last observation, σ², and the notes of the fit (the AICc evidence of the chosen form).
    ///
    /// Forecasting runs the CES state equations (`CESRecursion`; Svetunkov, Kourentzes & Ord 2022,
    /// Naval Research Logistics 69(8), §2–3) once forward over the training observations from the
    /// stored starting rows: the same final pass estimation ends with, so the one-step errors,
    /// Σe², σ² = Σe²/(n − k − 1), the criteria and the final states come out as when fitted, with
    /// no backcasting and no optimiser. A constant series stores no parameters: its forecast is
    /// its value.
    public struct CESState: Sendable, Equatable, Codable {
        /// N, S, P or F; nil for a constant series.
        @Nullable public var seasonality: CES.Seasonality?
        /// The lag L of the recursion: the seasonal period for S, P and F, 1 for N.
        public var lag: Int
        @Nullable public var alpha0: Double?
        @Nullable public var alpha1: Double?
        /// β₀ of the partial and full forms.
        @Nullable public var beta0: Double?
        /// β₁ of the full form.
        @Nullable public var beta1: Double?
        /// The L state rows before the first observation, oldest first, row by row (ℓ, c, then s
        /// for P, s and d for F), as backcasting left them.
        public var initialStates: [Double]
        /// The L state rows after the last observation, in the same layout.
        public var finalStates: [Double]
        /// Σe²/(n − k − 1) of the fit; nil for a constant series.
        @Nullable public var sigma2: Double?
        /// The notes of the fit (the AICc evidence, a short-series fallback).
        public var notes: [String]

        enum CodingKeys: String, CodingKey {
            case seasonality, lag, alpha0, alpha1, beta0, beta1, sigma2, notes
            case initialStates = "initial_states"
            case finalStates = "final_states"
        }

        /// The state of a constant series.
        static let constant = CESState(
            seasonality: nil, lag: 1, alpha0: nil, alpha1: nil, beta0: nil, beta1: nil,
            initialStates: [], finalStates: [], sigma2: nil, notes: [])

        init(
            seasonality: CES.Seasonality?, lag: Int, alpha0: Double?, alpha1: Double?, beta0: Double?, beta1: Double?,
            initialStates: [Double], finalStates: [Double], sigma2: Double?, notes: [String]
        ) {
            (self.seasonality, self.lag, self.alpha0, self.alpha1) = (seasonality, lag, alpha0, alpha1)
            (self.beta0, self.beta1, self.initialStates, self.finalStates) = (beta0, beta1, initialStates, finalStates)
            (self.sigma2, self.notes) = (sigma2, notes)
        }

        init(_ model: CESModel, notes: [String]) {
            self.init(
                seasonality: model.seasonality, lag: model.period,
                alpha0: model.parameters.alpha0, alpha1: model.parameters.alpha1,
                beta0: model.parameters.beta0, beta1: model.parameters.beta1,
                initialStates: model.initialStates, finalStates: model.finalStates, sigma2: model.sigma2, notes: notes)
        }

        /// The CES model run over `y` (seasonal period `period`) from the stored parameters and
        /// starting rows; nil for a constant series.
        func model(_ y: [Double], period: Int) throws -> CESModel? {
            guard let seasonality else {
                guard alpha0 == nil, alpha1 == nil, beta0 == nil, beta1 == nil, sigma2 == nil,
                    initialStates.isEmpty, finalStates.isEmpty, let first = y.first, y.allSatisfy({ $0 == first })
                else {
                    throw ForecastingError(
                        .invalidArgument,
                        "a CES model without a seasonality is only the forecast of a constant series")
                }
                return nil
            }
            guard let alpha0, let alpha1 else {
                throw ForecastingError(.invalidArgument, "CES(\(seasonality.rawValue)) needs alpha0 and alpha1")
            }
            let needsBeta0 = seasonality == .partial || seasonality == .full
            let needsBeta1 = seasonality == .full
            guard (beta0 != nil) == needsBeta0, (beta1 != nil) == needsBeta1 else {
                throw ForecastingError(
                    .invalidArgument,
                    "CES(\(seasonality.rawValue)) has "
                        + ["no beta", "beta0", "beta0 and beta1"][(needsBeta0 ? 1 : 0) + (needsBeta1 ? 1 : 0)]
                        + "; the model stores \(beta0 == nil ? "no" : "a") beta0 and \(beta1 == nil ? "no" : "a") beta1"
                )
            }
            let parameters = CES.Parameters(alpha0: alpha0, alpha1: alpha1, beta0: beta0, beta1: beta1)
            guard ([alpha0, alpha1] + [beta0, beta1].compactMap { $0 } + initialStates).allSatisfy(\.isFinite) else {
                throw ForecastingError(.nonFinite, "the CES parameters or initial states are not finite")
            }
            let expectedLag = seasonality == .none ? 1 : period
            guard lag == expectedLag else {
                throw ForecastingError(
                    .invalidArgument,
                    "CES(\(seasonality.rawValue)) of a series with period \(period) has lag \(expectedLag), the model stores \(lag)"
                )
            }
            let checked = try CESModel.checkedLag(y, period: period, seasonality: seasonality)
            let rows = checked * seasonality.components
            guard initialStates.count == rows, finalStates.count == rows else {
                throw ForecastingError(
                    .invalidArgument,
                    "CES(\(seasonality.rawValue)) with lag \(checked) has \(rows) states; "
                        + "the model stores \(initialStates.count) initial and \(finalStates.count) final ones")
            }
            return CESModel(
                y, seasonality: seasonality, lag: checked, parameters: parameters, filteredFrom: initialStates)
        }

        /// The forecast of `model`, the run of `model(_:period:)` over the training values `y`.
        func forecast(
            _ model: CESModel?, _ y: [Double], name: String, period: Int, horizon: Int,
            levels: [Int]
        ) throws -> Forecast {
            let forecaster = CES(name: name)
            guard let model else {
                // A constant series: `CES.forecast` forecasts its value without fitting.
                return try forecaster.forecast(y, period: period, horizon: horizon, levels: levels)
            }
            return forecaster.forecast(model, notes: notes, horizon: horizon, levels: levels)
        }

        /// `model`, the run of `model(_:period:)`, ends in the stored final states and gives the
        /// stored σ².
        func verify(_ model: CESModel?) throws {
            guard let model else { return }
            guard FittedModel.agree(model.finalStates, finalStates) else {
                throw ForecastingError(
                    .invalidArgument,
                    "the final states do not follow from the parameters, initial states and training values")
            }
            guard let sigma2, FittedModel.agree([model.sigma2], [sigma2]) else {
                throw ForecastingError(
                    .invalidArgument, "sigma2 does not follow from the parameters, initial states and training values")
            }
        }
    }
}

extension CES: PersistableForecaster {
    /// The fit behind `forecast(_:period:horizon:levels:)`: the same checks, the same choice of
    /// form, the same estimation; the fitted model keeps the starting rows its final filtering
    /// pass ran from.
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        try validateArguments(y, period: period, horizon: 1, levels: [])
        if let first = y.first, y.allSatisfy({ $0 == first }) {
            return FittedModel(name: name, values: y, period: period, state: FittedModel.CESState.constant)
        }
        let (model, notes) = try fit(y, period: period)
        let state = FittedModel.CESState(model, notes: notes)
        return FittedModel(name: name, values: y, period: period, state: state)
    }

    /// The forecast of a fitted model, as `forecast(_:period:horizon:levels:)` gives it: normal
    /// intervals mean ± z·σ·√(Σψ²) (`CESModel.forecast(horizon:)`).
    func forecast(_ model: CESModel, notes: [String], horizon: Int, levels: [Int]) -> Forecast {
        let path = model.forecast(horizon: horizon)
        let intervals = levels.map { level -> PredictionInterval in
            let z = NormalDistribution.criticalValue(level: level)
            return PredictionInterval(
                level: level,
                lower: zip(path.mean, path.standardErrors).map { $0 - z * $1 },
                upper: zip(path.mean, path.standardErrors).map { $0 + z * $1 })
        }
        return Forecast(
            model: ModelSummary(
                name: "CES(\(model.seasonality.rawValue))", family: name,
                parameters: model.parameters.named,
                criteria: [
                    "loglik": model.logLikelihood, "aic": model.aic, "aicc": model.aicc,
                    "bic": model.bic, "sigma2": model.sigma2,
                    "mse": model.sse / Double(model.count),
                ],
                notes: notes),
            mean: path.mean,
            intervals: intervals,
            fitted: model.fitted)
    }
}

extension FittedModel.CESState: FittedState {
    public static let kind = "ces"
    public static let schema = #"""
        {
          "type": "object",
          "required": ["seasonality", "lag", "alpha0", "alpha1", "beta0", "beta1", "initial_states", "final_states",
                       "sigma2", "notes"],
          "additionalProperties": false,
          "description": "Complex Exponential Smoothing: the form, its constants and the state rows; every parameter null for a constant series.",
          "properties": {
            "seasonality": {"enum": ["N", "S", "P", "F", null], "description": "none, simple, partial or full seasonality."},
            "lag": {"type": "integer", "minimum": 1, "description": "The lag of the recursion: the seasonal period for S, P and F, 1 for N."},
            "alpha0": {"type": ["number", "null"]}, "alpha1": {"type": ["number", "null"]},
            "beta0": {"type": ["number", "null"], "description": "Forms P and F only."},
            "beta1": {"type": ["number", "null"], "description": "Form F only."},
            "initial_states": {"$ref": "#/$defs/numbers",
                               "description": "The lag rows before the first observation after backcasting, row by row: l, c, then s (P) or s, d (F)."},
            "final_states": {"$ref": "#/$defs/numbers", "description": "The lag rows after the last observation, same layout."},
            "sigma2": {"type": ["number", "null"], "minimum": 0},
            "notes": {"type": "array", "items": {"type": "string"}}
          }
        }
        """#

    public func run(_ values: [Double], period: Int, name: String) throws -> CESModel? {
        try model(values, period: period)
    }

    public func check(_ run: CESModel?) throws { try verify(run) }

    public func forecast(
        _ run: CESModel?, values: [Double], period: Int, name: String, horizon: Int,
        levels: [Int]
    ) throws -> Forecast {
        try forecast(run, values, name: name, period: period, horizon: horizon, levels: levels)
    }
}

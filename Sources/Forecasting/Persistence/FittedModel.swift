/// A forecaster whose fit can be kept: `fitModel` estimates once and returns a `FittedModel`,
/// which forecasts later from its stored parameters without estimating anything again.
///
/// Conformances live beside each model (`ETS+Persistence.swift`, `Theta+Persistence.swift`,
/// `SARIMA+Persistence.swift`, `CES+Persistence.swift`, `Baselines+Persistence.swift`); combinations (`ensemble`, `auto`)
/// keep each member's state (`Ensemble+Persistence.swift`).
public protocol PersistableForecaster: Forecaster {
    /// Fits the method to `y` (seasonal period `period`) and returns what its forecasts need.
    func fitModel(_ y: [Double], period: Int) throws -> FittedModel
}

/// A fitted model reduced to what its forecasts need: the registry name it was fitted under, the
/// training observations and period, and the parameters and starting states of its family.
///
/// `forecast(horizon:levels:)` runs the model's own recursions (the ETS state equations, the
/// Theta state recursion, the ARIMA state-space filter, the CES recursion) from the stored parameters over the
/// stored observations, then forecasts as the fitted forecaster would: no optimiser runs, and
/// the forecast equals the one `forecast(_:period:horizon:levels:)` of the forecaster gives on
/// the same data. The baselines have no estimated parameters: their forecasts are closed-form
/// functions of the stored observations (FPP3 §5.2).
public struct FittedModel: Sendable, Equatable {
    /// The registry name (`ets`, `holt`, `theta`, `stm`, `arima`, `naive`, ...).
    public var name: String
    /// The observations the model was fitted to, in time order.
    public var values: [Double]
    /// The seasonal period the forecaster was given.
    public var period: Int
    /// The family's parameters and starting states.
    public var state: State

    public enum State: Sendable, Equatable {
        case ets(ETSState)
        case theta(ThetaState)
        case arima(ARIMAState)
        case ces(CESState)
        /// naive, snaive, drift, mean, naive2: nothing is estimated beyond the observations.
        case baseline
        /// ensemble, auto: each member's state.
        case ensemble(EnsembleState)
    }

    /// The kinds of state, as a saved model names them.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case ets, theta, arima, ces, baseline, ensemble
    }

    public init(name: String, values: [Double], period: Int, state: State) {
        self.name = name
        self.values = values
        self.period = period
        self.state = state
    }

    public var kind: Kind { state.kind }

    /// The registry names whose fits can be saved, by kind: what a model file may name.
    public static let savableNames: [String: Kind] = [
        "ets": .ets, "ses": .ets, "holt": .ets, "damped": .ets, "holt-winters": .ets,
        "theta": .theta, "stm": .theta, "otm": .theta, "dotm": .theta,
        "arima": .arima, "arima-fixed": .arima,
        "ces": .ces,
        "naive": .baseline, "snaive": .baseline, "drift": .baseline, "mean": .baseline, "naive2": .baseline,
        "ensemble": .ensemble, "auto": .ensemble,
    ]

    /// The seed of the simulated intervals, for the models that simulate (ETS); nil otherwise.
    public var seed: UInt64? {
        switch state {
        case .ets(let s): s.seed
        case .ensemble(let s): s.seed
        default: nil
        }
    }

    /// Fits the registry model `name` to `y`; `.invalidArgument` when its fit cannot be kept
    /// (combinations: save their members instead).
    public static func fit(named name: String, _ y: [Double], period: Int) throws -> FittedModel {
        try fit(ForecasterRegistry.forecaster(named: name), y, period: period)
    }

    /// Fits `forecaster` (saved under its registry name) to `y`.
    public static func fit(_ forecaster: any Forecaster, _ y: [Double], period: Int) throws -> FittedModel {
        let name = forecaster.name
        guard let persistable = forecaster as? any PersistableForecaster, savableNames[name] != nil else {
            throw ForecastingError(.invalidArgument, FittedModel.cannotBeSaved(name))
        }
        guard period >= 1 else { throw ForecastingError(.invalidArgument, "period must be at least 1, got \(period)") }
        guard !y.isEmpty else { throw ForecastingError(.tooShort, "the series is empty") }
        guard y.allSatisfy(\.isFinite) else {
            throw ForecastingError(.nonFinite, "the series has missing or non-finite values")
        }
        var model = try persistable.fitModel(y, period: period)
        model.name = name
        return model
    }

    /// Why `name` cannot be saved, with the names that can.
    public static func cannotBeSaved(_ name: String) -> String {
        let known = savableNames.keys.sorted().joined(separator: ", ")
        return "\(name) cannot be saved. Models that can be saved: \(known)"
    }

    /// Point forecasts and intervals for steps 1...horizon at `levels` (%), from the stored
    /// parameters.
    public func forecast(horizon: Int, levels: [Int]) throws -> Forecast {
        guard horizon >= 1 else {
            throw ForecastingError(.invalidArgument, "horizon must be at least 1, got \(horizon)")
        }
        for level in levels where !(1...99).contains(level) {
            throw ForecastingError(.invalidArgument, "level must be between 1 and 99 (%), got \(level)")
        }
        try checkValues()
        switch state {
        case .ets(let s): return try s.forecast(values, horizon: horizon, levels: levels)
        case .theta(let s): return try s.forecast(values, name: name, horizon: horizon, levels: levels)
        case .arima(let s): return try s.forecast(values, horizon: horizon, levels: levels)
        case .ces(let s): return try s.forecast(values, name: name, period: period, horizon: horizon, levels: levels)
        case .baseline:
            return try FittedModel.baseline(named: name).forecast(values, period: period, horizon: horizon, levels: levels)
        case .ensemble(let s): return try s.forecast(values, name: name, period: period, horizon: horizon, levels: levels)
        }
    }

    /// What the model is, as a forecast document shows it (name, family, parameters, criteria).
    public func summary() throws -> ModelSummary {
        try forecast(horizon: 1, levels: []).model
    }

    /// Checks that the stored parameters are consistent with the stored observations: the
    /// model's recursion is run and must end in the stored final states (relative difference
    /// at most 1e-9), so that an edited or damaged file is refused rather than forecast from.
    public func verify() throws {
        try checkValues()
        guard FittedModel.savableNames[name] == kind else {
            throw ForecastingError(.invalidArgument, "the model '\(name)' does not have a state of kind '\(kind.rawValue)'")
        }
        switch state {
        case .ets(let s): try s.verify(values)
        case .theta(let s): try s.verify(values)
        case .arima(let s): try s.verify(values)
        case .ces(let s): try s.verify(values, period: period)
        case .baseline: _ = try FittedModel.baseline(named: name)
        case .ensemble(let s): try s.verify(values, period: period)
        }
    }

    private func checkValues() throws {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else {
            throw ForecastingError(.nonFinite, "the training series is empty or has non-finite values")
        }
        guard period >= 1 else { throw ForecastingError(.invalidArgument, "period must be at least 1, got \(period)") }
    }

    /// `a` and `b` agree to a relative 1e-9 (absolute below 1).
    static func agree(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0), abs($1)) }
    }
}

extension FittedModel.State {
    public var kind: FittedModel.Kind {
        switch self {
        case .ets: .ets
        case .theta: .theta
        case .arima: .arima
        case .ces: .ces
        case .baseline: .baseline
        case .ensemble: .ensemble
        }
    }

    /// Writes the kind's parameters under `key` (an empty object for a baseline).
    public func encode<Key: CodingKey>(to c: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        switch self {
        case .ets(let s): try c.encode(s, forKey: key)
        case .theta(let s): try c.encode(s, forKey: key)
        case .arima(let s): try c.encode(s, forKey: key)
        case .ces(let s): try c.encode(s, forKey: key)
        case .baseline: try c.encode([String: Double](), forKey: key)
        case .ensemble(let s): try c.encode(s, forKey: key)
        }
    }

    /// Reads the parameters of a model of `kind` under `key`.
    public static func decode<Key: CodingKey>(_ kind: FittedModel.Kind, from c: KeyedDecodingContainer<Key>,
                                              forKey key: Key) throws -> Self {
        switch kind {
        case .ets: return .ets(try c.decode(FittedModel.ETSState.self, forKey: key))
        case .theta: return .theta(try c.decode(FittedModel.ThetaState.self, forKey: key))
        case .arima: return .arima(try c.decode(FittedModel.ARIMAState.self, forKey: key))
        case .ces: return .ces(try c.decode(FittedModel.CESState.self, forKey: key))
        case .baseline:
            _ = try c.decode([String: Double].self, forKey: key)
            return .baseline
        case .ensemble: return .ensemble(try c.decode(FittedModel.EnsembleState.self, forKey: key))
        }
    }
}

import TimeSeriesCore

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
/// functions of the stored observations (FPP3 §5.2). A model read from a file is checked by
/// `verified()`, which runs the recursion once and keeps the run for its forecasts.
public struct FittedModel: Sendable, Equatable {
    /// The registry name (`ets`, `holt`, `theta`, `stm`, `arima`, `naive`, ...).
    public var name: String { didSet { if name != oldValue { run = nil } } }
    /// The observations the model was fitted to, in time order.
    public var values: [Double] { didSet { if values != oldValue { run = nil } } }
    /// The seasonal period the forecaster was given.
    public var period: Int { didSet { if period != oldValue { run = nil } } }
    /// The family's parameters and starting states.
    public var state: State { didSet { if state != oldValue { run = nil } } }
    /// The model's recursion run over `values`, kept by `verified()` so that the forecasts and
    /// the summary of a checked model start from it instead of running it again; nil otherwise.
    /// Changing the name, values, period or state drops it.
    private var run: Run?

    public enum State: Sendable, Equatable {
        case ets(ETSState)
        /// ets-aw: the candidate ETS models and their Akaike weights.
        case etsWeighted(ETSWeightedState)
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
        case ets, etsWeighted = "ets-aw", theta, arima, ces, baseline, ensemble
    }

    public init(name: String, values: [Double], period: Int, state: State) {
        self.name = name
        self.values = values
        self.period = period
        self.state = state
    }

    /// Two models are equal when their name, values, period and state are: a kept run is the
    /// function of these and does not count.
    public static func == (a: FittedModel, b: FittedModel) -> Bool {
        a.name == b.name && a.values == b.values && a.period == b.period && a.state == b.state
    }

    public var kind: Kind { state.kind }

    /// The registry names whose fits can be saved, by kind: what a model file may name.
    public static let savableNames: [String: Kind] = [
        "ets": .ets, "ses": .ets, "holt": .ets, "damped": .ets, "holt-winters": .ets, "ets-aw": .etsWeighted,
        "theta": .theta, "stm": .theta, "otm": .theta, "dotm": .theta,
        "arima": .arima, "arima-fixed": .arima, "arima-exhaustive": .arima,
        "ces": .ces,
        "naive": .baseline, "snaive": .baseline, "drift": .baseline, "mean": .baseline, "naive2": .baseline,
        "ensemble": .ensemble, "auto": .ensemble,
    ]

    /// The seed of the simulated intervals, for the models that simulate (ETS); nil otherwise.
    public var seed: UInt64? {
        switch state {
        case .ets(let s): s.seed
        case .etsWeighted(let s): s.models.first?.seed
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
        try Limits.period.check(period, "period")
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
    /// parameters: from the run `verified()` kept, or from a run of the recursion made now.
    public func forecast(horizon: Int, levels: [Int]) throws -> Forecast {
        guard horizon >= 1 else {
            throw ForecastingError(.invalidArgument, "horizon must be at least 1, got \(horizon)")
        }
        try Limits.horizon.check(horizon, "horizon")
        for level in levels where !(1...99).contains(level) {
            throw ForecastingError(.invalidArgument, "level must be between 1 and 99 (%), got \(level)")
        }
        try checkValues()
        return try forecast(run ?? makeRun(), horizon: horizon, levels: levels)
    }

    /// What the model is, as a forecast document shows it (name, family, parameters, criteria).
    public func summary() throws -> ModelSummary {
        try forecast(horizon: 1, levels: []).model
    }

    /// The model with its recursion run once over the stored observations and checked against
    /// the stored parameters, so that an edited or damaged file is refused rather than forecast
    /// from: the run must end in the stored final states (relative difference at most 1e-9;
    /// ETS, Theta, CES), CES's σ² must be the stored one, ARIMA's exact log-likelihood at the
    /// stored coefficients the stored one (`ARIMAState.verify`), and each member of a
    /// combination must pass its own check. The run is kept: the forecasts and summary of the
    /// returned model start from it.
    public func verified() throws -> FittedModel {
        try checkValues()
        guard FittedModel.savableNames[name] == kind else {
            throw ForecastingError(.invalidArgument, "the model '\(name)' does not have a state of kind '\(kind.rawValue)'")
        }
        // A seasonal state was fitted at the model's period: an edited period is refused here,
        // before the run (a stored 1e6 would otherwise be shown while 12 seasonal states are used).
        for seasonal in state.seasonalPeriods where seasonal != period {
            throw ForecastingError(.invalidArgument,
                                   "the period is \(period), but the parameters hold a season of \(seasonal) (the period they were fitted at)")
        }
        let run = try makeRun()
        switch (state, run) {
        case (.ets(let s), .ets(let model)):
            guard FittedModel.agree(model.finalStates, s.finalStates) else {
                throw ForecastingError(.invalidArgument,
                                       "the final states do not follow from the parameters, initial states and training values")
            }
        case (.theta(let s), .theta(let model)): try s.verify(model)
        case (.ces(let s), .ces(let model)): try s.verify(model)
        // ARIMA: `ARIMAState.fit` verified; ets-aw: `ETSWeightedState.fit` checked each model's
        // final states and the weights; combinations: `EnsembleState.savedMembers` verified
        // each member; baselines have nothing to check.
        default: break
        }
        var model = self
        model.run = run
        return model
    }

    /// Checks the stored parameters against the stored observations (`verified()`).
    public func verify() throws {
        _ = try verified()
    }

    /// A model's recursion run over its training values: what its forecasts start from.
    enum Run: Sendable {
        case ets(ETS.Model)
        /// Every candidate run, with its checked weight.
        case etsWeighted(ETSAkaikeWeighted.Fit)
        /// Nil for a constant series.
        case theta(ThetaModel?)
        case arima(SARIMA.Fit)
        /// Nil for a constant series.
        case ces(CESModel?)
        /// Baselines (closed-form) and combinations (members forecasting from their runs).
        case forecaster(any Forecaster)
    }

    /// Runs the model's recursion over `values` from the stored parameters.
    private func makeRun() throws -> Run {
        switch state {
        case .ets(let s): return .ets(try s.model(values))
        case .etsWeighted(let s): return .etsWeighted(try s.fit(values))
        case .theta(let s): return .theta(try s.model(values))
        case .arima(let s): return .arima(try s.fit(values))
        case .ces(let s): return .ces(try s.model(values, period: period))
        case .baseline: return .forecaster(try FittedModel.baseline(named: name))
        case .ensemble(let s): return .forecaster(try s.forecaster(name: name, values, period: period))
        }
    }

    /// The forecast from a run of this model's recursion.
    private func forecast(_ run: Run, horizon: Int, levels: [Int]) throws -> Forecast {
        switch (state, run) {
        case (.ets(let s), .ets(let model)):
            return model.forecast(horizon: horizon, levels: levels, simulationPaths: s.simulationPaths, seed: s.seed)
        case (.etsWeighted(let s), .etsWeighted(let fit)):
            return try s.forecast(fit, name: name, horizon: horizon, levels: levels)
        case (.theta(let s), .theta(let model)):
            return try s.forecast(model, values, name: name, horizon: horizon, levels: levels)
        case (.arima, .arima(let fit)):
            return try fit.forecast(horizon: horizon, levels: levels)
        case (.ces(let s), .ces(let model)):
            return try s.forecast(model, values, name: name, period: period, horizon: horizon, levels: levels)
        case (_, .forecaster(let forecaster)):
            return try forecaster.forecast(values, period: period, horizon: horizon, levels: levels)
        default:
            throw ForecastingError(.invalidArgument, "the run of the model does not match its kind '\(kind.rawValue)'")
        }
    }

    private func checkValues() throws {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else {
            throw ForecastingError(.nonFinite, "the training series is empty or has non-finite values")
        }
        guard period >= 1 else { throw ForecastingError(.invalidArgument, "period must be at least 1, got \(period)") }
        try Limits.period.check(period, "period")
    }

    /// `a` and `b` agree to a relative 1e-9 (absolute below 1).
    static func agree(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0), abs($1)) }
    }
}

extension FittedModel.State {
    /// The seasonal periods the parameters were fitted at (each > 1; empty without a season):
    /// an ETS season, Theta's seasonal adjustment, a seasonal ARIMA part, and those of the members
    /// of a combination. (CES checks its lag against the period itself, `CESState.model`.)
    public var seasonalPeriods: [Int] {
        switch self {
        case .ets(let s): return s.period > 1 ? [s.period] : []
        case .etsWeighted(let s): return s.models.compactMap { $0.period > 1 ? $0.period : nil }
        case .theta(let s): return s.adjustment.kind == .none || s.adjustment.period <= 1 ? [] : [s.adjustment.period]
        case .arima(let s):
            let o = s.order
            return o.period > 1 && o.seasonalP + o.seasonalD + o.seasonalQ > 0 ? [o.period] : []
        case .ces, .baseline: return []
        case .ensemble(let s): return s.members.flatMap { $0.state?.seasonalPeriods ?? [] }
        }
    }

    public var kind: FittedModel.Kind {
        switch self {
        case .ets: .ets
        case .etsWeighted: .etsWeighted
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
        case .etsWeighted(let s): try c.encode(s, forKey: key)
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
        case .etsWeighted: return .etsWeighted(try c.decode(FittedModel.ETSWeightedState.self, forKey: key))
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

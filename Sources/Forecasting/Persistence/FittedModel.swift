import TimeSeriesCore

/// A forecaster whose fit can be kept: `fitModel` estimates once and returns a `FittedModel`,
/// which forecasts later from its stored parameters without estimating anything again.
///
/// Conformances live beside each model (`ETS+Persistence.swift`, `Theta+Persistence.swift`, ...),
/// with the model's `FittedState`; combinations (`ensemble`, `auto`) keep each member's state
/// (`Ensemble+Persistence.swift`).
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
    public var state: any FittedState { didSet { if !state.isEqual(to: oldValue) { run = nil } } }
    /// The model's recursion run over `values` (the state's `Run`), kept by `verified()` so that
    /// the forecasts and the summary of a checked model start from it instead of running it
    /// again; nil otherwise. Changing the name, values, period or state drops it.
    private var run: KeptRun?

    public init(name: String, values: [Double], period: Int, state: any FittedState) {
        (self.name, self.values, self.period, self.state) = (name, values, period, state)
    }

    /// Two models are equal when their name, values, period and state are: a kept run is the
    /// function of these and does not count.
    public static func == (a: FittedModel, b: FittedModel) -> Bool {
        a.name == b.name && a.values == b.values && a.period == b.period && a.state.isEqual(to: b.state)
    }

    /// The kind of state, as a saved model names it (`FittedState.kind`).
    public var kind: String { type(of: state).kind }

    /// The seed of the simulated intervals, for the models that simulate (ETS); nil otherwise.
    public var seed: UInt64? { state.simulationSeed }

    /// Fits the registry model `name` to `y`; `.invalidArgument` when its fit cannot be kept
    /// (combinations: save their members instead).
    public static func fit(named name: String, _ y: [Double], period: Int) throws -> FittedModel {
        try fit(ForecasterRegistry.forecaster(named: name), y, period: period)
    }

    /// Fits `forecaster` (saved under its registry name) to `y`.
    public static func fit(_ forecaster: any Forecaster, _ y: [Double], period: Int) throws -> FittedModel {
        let name = forecaster.name
        guard let persistable = forecaster as? any PersistableForecaster,
            ForecasterRegistry.stateType(named: name) != nil
        else {
            throw ForecastingError(.invalidArgument, ForecasterRegistry.cannotBeSaved(name))
        }
        try ArgumentCheck.atLeastOne(period, "period")
        try Limits.period.check(period, "period")
        try ArgumentCheck.series(y)
        var model = try persistable.fitModel(y, period: period)
        model.name = name
        return model
    }

    /// Point forecasts and intervals for steps 1...horizon at `levels` (%), from the stored
    /// parameters: from the run `verified()` kept, or from a run of the recursion made now.
    public func forecast(horizon: Int, levels: [Int]) throws -> Forecast {
        try ArgumentCheck.atLeastOne(horizon, "horizon")
        try Limits.horizon.check(horizon, "horizon")
        try ArgumentCheck.levels(levels)
        try checkValues()
        return try state.forecast(
            from: run, values: values, period: period, name: name, horizon: horizon, levels: levels)
    }

    /// What the model is, as a forecast document shows it (name, family, parameters, criteria).
    public func summary() throws -> ModelSummary {
        try forecast(horizon: 1, levels: []).model
    }

    /// The model with its recursion run once over the stored observations and checked against
    /// the stored parameters (`FittedState.check`), so that an edited or damaged file is refused
    /// rather than forecast from: the name must be a registry name whose fits are states of this
    /// kind, the seasonal periods of the parameters the model's period, and the run must agree
    /// with what is stored (ETS, Theta and CES: the final states to a relative 1e-9; CES: σ²;
    /// ARIMA: the exact log-likelihood; ets-aw: each model and the weights; combinations: each
    /// member). The run is kept: the forecasts and summary of the returned model start from it.
    public func verified() throws -> FittedModel {
        try checkValues()
        guard let expected = ForecasterRegistry.stateType(named: name), expected.kind == kind else {
            throw ForecastingError(.invalidArgument, "the model '\(name)' does not have a state of kind '\(kind)'")
        }
        // A seasonal state was fitted at the model's period: an edited period is refused here,
        // before the run (a stored 1e6 would otherwise be shown while 12 seasonal states are used).
        for seasonal in state.seasonalPeriods where seasonal != period {
            throw ForecastingError(
                .invalidArgument,
                "the period is \(period), but the parameters hold a season of \(seasonal) (the period they were fitted at)"
            )
        }
        var model = self
        model.run = try state.checkedRun(values, period: period, name: name)
        return model
    }

    /// Checks the stored parameters against the stored observations (`verified()`).
    public func verify() throws {
        _ = try verified()
    }

    private func checkValues() throws {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else {
            throw ForecastingError(.nonFinite, "the training series is empty or has non-finite values")
        }
        try ArgumentCheck.atLeastOne(period, "period")
        try Limits.period.check(period, "period")
    }

    /// `a` and `b` agree to a relative 1e-9 (absolute below 1).
    static func agree(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0), abs($1)) }
    }
}

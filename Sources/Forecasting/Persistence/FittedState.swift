import TimeSeriesCore

/// The fitted state of one family of models: what a saved model (`muavu.model/v1`) stores under
/// `parameters`, and what forecasts from it without estimating anything again.
///
/// Each family has one such type beside its model (`FittedModel.ETSState`, `ThetaState`,
/// `ARIMAState`, `CESState`, `BaselineState`, `EnsembleState`, ...). The registry
/// (`ForecasterRegistry`) names, for each model that can be saved, its state type; a saved model
/// names the state's `kind`, and the model-file schema is assembled from the states' `schema`
/// fragments. docs/design/model-registry.md says how a model is added.
public protocol FittedState: Codable, Sendable, Equatable, SendableMetatype {
    /// The recursion run over the training values from the stored parameters: what forecasts start from.
    associatedtype Run: Sendable

    /// The kind a saved model names (`ets`, `theta`, `baseline`, ...), one per state type.
    static var kind: String { get }
    /// The JSON Schema (draft 2020-12) of the state, as the `$defs` entry `kind` of the
    /// model-file schema (an object's text; `#/$defs/numbers` is an array of numbers).
    static var schema: String { get }
    /// Whether a saved model of this kind always has a seed (the models that simulate intervals).
    static var isSeeded: Bool { get }

    /// Runs the model's recursion over `values` (seasonal period `period`) from the stored
    /// parameters; `name` is the registry name the model was fitted under.
    func run(_ values: [Double], period: Int, name: String) throws -> Run
    /// Checks `run` against what is stored (final states, σ², weights): an edited or damaged
    /// state is refused. The default checks nothing (a state whose `run` checks everything).
    func check(_ run: Run) throws
    /// The forecast of `run`, as the fitted forecaster would give it on `values`.
    func forecast(_ run: Run, values: [Double], period: Int, name: String, horizon: Int, levels: [Int]) throws
        -> Forecast
    /// The seasonal periods the parameters were fitted at (each > 1; empty without a season).
    var seasonalPeriods: [Int] { get }
    /// The seed of the simulated intervals, for the models that simulate; nil otherwise.
    var simulationSeed: UInt64? { get }
}

extension FittedState {
    public static var isSeeded: Bool { false }
    public func check(_ run: Run) throws {}
    public var seasonalPeriods: [Int] { [] }
    public var simulationSeed: UInt64? { nil }

    /// Whether `other` is a state of this type equal to this one.
    func isEqual(to other: any FittedState) -> Bool {
        (other as? Self) == self
    }

    /// Runs the recursion and checks the run (`run`, then `check`).
    func checkedRun(_ values: [Double], period: Int, name: String) throws -> KeptRun {
        let run = try run(values, period: period, name: name)
        try check(run)
        return KeptRun(run: run)
    }

    /// The forecast from `kept` when it holds a run of this state, otherwise from a run made now.
    func forecast(
        from kept: KeptRun?, values: [Double], period: Int, name: String, horizon: Int,
        levels: [Int]
    ) throws -> Forecast {
        let run: Run
        if let kept, let stored = kept.run as? Run {
            run = stored
        } else {
            run = try self.run(values, period: period, name: name)
        }
        return try forecast(run, values: values, period: period, name: name, horizon: horizon, levels: levels)
    }
}

/// A state's run kept by a checked model (`FittedModel.verified()`); the box tells a kept run
/// that is itself nil (a constant series' Theta or CES) from no run kept.
struct KeptRun: Sendable {
    let run: any Sendable
}

extension KeyedDecodingContainer {
    /// The state of type `type` under `key`.
    public func decodeState(_ type: any FittedState.Type, forKey key: Key) throws -> any FittedState {
        try decode(type, forKey: key)
    }
}

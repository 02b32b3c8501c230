import TimeSeriesCore

/// Models by the names the CLI and configurations use (docs/contract.md): `naive`, `snaive`,
/// `drift`, `mean`, `ets`, `theta`, `arima`, `regression`, `ensemble`, `auto`, ...
///
/// Each entry is one line: the name, how the forecaster is made, and the type of its saved fit
/// (`FittedState`) when its fits can be saved. Every list of models (the CLI's `--model` and
/// `--models`, `fit`'s savable names, the publish configuration's checks, the model-file schema)
/// is read from here; docs/design/model-registry.md says how a model is added.
public enum ForecasterRegistry {
    /// One model: its name, its factory, and the state type of its saved fits (nil when its fits
    /// cannot be saved).
    public struct Entry: Sendable {
        public var name: String
        public var state: (any FittedState.Type)?
        var make: @Sendable () -> any Forecaster

        init(_ name: String, _ state: (any FittedState.Type)?, make: @escaping @Sendable () -> any Forecaster) {
            self.name = name
            self.state = state
            self.make = make
        }
    }

    /// One line per model; each model's file stays the only place that knows how it is built.
    public static let entries: [Entry] = [
        Entry("naive", FittedModel.BaselineState.self) { Naive() },
        Entry("snaive", FittedModel.BaselineState.self) { SeasonalNaive() },
        Entry("drift", FittedModel.BaselineState.self) { Drift() },
        Entry("mean", FittedModel.BaselineState.self) { HistoricalMean() },
        Entry("naive2", FittedModel.BaselineState.self) { Naive2() },
        Entry("ets", FittedModel.ETSState.self) { ETS(.automatic, name: "ets") },
        Entry("ses", FittedModel.ETSState.self) { ETS(.simple, name: "ses") },
        Entry("holt", FittedModel.ETSState.self) { ETS(.holt, name: "holt") },
        Entry("damped", FittedModel.ETSState.self) { ETS(.damped, name: "damped") },
        Entry("ets-aw", FittedModel.ETSWeightedState.self) { ETSAkaikeWeighted() },
        Entry("holt-winters", FittedModel.ETSState.self) { ETS(.holtWinters, name: "holt-winters") },
        Entry("theta", FittedModel.ThetaState.self) { Theta(variant: .dotm, name: "theta") },
        Entry("stm", FittedModel.ThetaState.self) { Theta(variant: .stm) },
        Entry("otm", FittedModel.ThetaState.self) { Theta(variant: .otm) },
        Entry("dotm", FittedModel.ThetaState.self) { Theta(variant: .dotm) },
        Entry("ces", FittedModel.CESState.self) { CES() },
        Entry("mstl", FittedModel.MSTLState.self) { MSTL() },
        Entry("regression", nil) { TrendSeasonRegression() },
        Entry("arima", FittedModel.ARIMAState.self) { AutoARIMA() },
        Entry("arima-fixed", FittedModel.ARIMAState.self) { SARIMA() },
        Entry("arima-exhaustive", FittedModel.ARIMAState.self) { AutoARIMA.exhaustive },
        Entry("ensemble", FittedModel.EnsembleState.self) { Ensemble(members: Ensemble.defaultMembers) },
        Entry("auto", FittedModel.EnsembleState.self) { AutomaticForecaster() },
    ]

    /// Every name a user can ask for, in the order `--help` lists them.
    public static var names: [String] { entries.map(\.name) }

    /// The forecaster for `name`, or `.unknownModel` listing the known names.
    public static func forecaster(named name: String) throws -> any Forecaster {
        if let entry = entries.first(where: { $0.name == name }) { return entry.make() }
        throw ForecastingError(
            .unknownModel,
            "no model '\(name)'; known models: \(names.joined(separator: ", "))")
    }

    /// The names whose fits can be saved, in registry order.
    public static var savableNames: [String] { entries.filter { $0.state != nil }.map(\.name) }

    /// The state type of the saved fits of `name`; nil when it is unknown or cannot be saved.
    public static func stateType(named name: String) -> (any FittedState.Type)? {
        entries.first { $0.name == name }?.state
    }

    /// The state type a saved model of kind `kind` stores; nil for an unknown kind.
    public static func stateType(kind: String) -> (any FittedState.Type)? {
        stateTypes.first { $0.kind == kind }
    }

    /// Every state type, once each, in the order the registry first names them.
    public static var stateTypes: [any FittedState.Type] {
        var seen: Set<String> = []
        var types: [any FittedState.Type] = []
        for case let type? in entries.map(\.state) where seen.insert(type.kind).inserted { types.append(type) }
        return types
    }

    /// Why `name` cannot be saved, with the names that can.
    public static func cannotBeSaved(_ name: String) -> String {
        "\(name) cannot be saved. Models that can be saved: \(savableNames.sorted().joined(separator: ", "))"
    }
}

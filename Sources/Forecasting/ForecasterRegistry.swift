import TimeSeriesCore

/// Models by the names the CLI and configurations use (CONTRACT.md): `naive`, `snaive`, `drift`,
/// `mean`, `ets`, `theta`, `arima`, `regression`, `ensemble`, `auto`, ...
public enum ForecasterRegistry {
    /// Every name a user can ask for, in the order `--help` lists them.
    public static var names: [String] { entries.map(\.name) }

    /// The forecaster for `name`, or `.unknownModel` listing the known names.
    public static func forecaster(named name: String) throws -> any Forecaster {
        if let entry = entries.first(where: { $0.name == name }) { return entry.make() }
        throw ForecastingError(.unknownModel,
                               "no model '\(name)'; known models: \(names.joined(separator: ", "))")
    }

    private struct Entry: Sendable {
        var name: String
        var make: @Sendable () -> any Forecaster
    }

    /// One line per model; each model's file stays the only place that knows how it is built.
    private static let entries: [Entry] = [
        Entry(name: "naive") { Naive() },
        Entry(name: "snaive") { SeasonalNaive() },
        Entry(name: "drift") { Drift() },
        Entry(name: "mean") { HistoricalMean() },
        Entry(name: "naive2") { Naive2() },
        Entry(name: "ets") { ETS(.automatic, name: "ets") },
        Entry(name: "ses") { ETS(.simple, name: "ses") },
        Entry(name: "holt") { ETS(.holt, name: "holt") },
        Entry(name: "damped") { ETS(.damped, name: "damped") },
        Entry(name: "ets-aw") { ETSAkaikeWeighted() },
        Entry(name: "holt-winters") { ETS(.holtWinters, name: "holt-winters") },
        Entry(name: "theta") { Theta(variant: .dotm, name: "theta") },
        Entry(name: "stm") { Theta(variant: .stm) },
        Entry(name: "otm") { Theta(variant: .otm) },
        Entry(name: "dotm") { Theta(variant: .dotm) },
        Entry(name: "ces") { CES() },
        Entry(name: "regression") { TrendSeasonRegression() },
        Entry(name: "arima") { AutoARIMA() }, Entry(name: "arima-fixed") { SARIMA() },
        Entry(name: "arima-exhaustive") { AutoARIMA.exhaustive },
        Entry(name: "ensemble") { Ensemble(members: Ensemble.defaultMembers) }, Entry(name: "auto") { AutomaticForecaster() },
    ]
}

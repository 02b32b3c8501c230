import TimeSeriesCore

/// `auto`, the default model: the forecast muavu offers when nobody names a method.
///
/// It is the equally weighted mean of five automatic methods: Akaike-weighted ETS
/// (`ETSAkaikeWeighted`), ARIMA, dynamic optimised Theta, the standard Theta method and complex
/// exponential smoothing (`AutomaticForecaster.members`). ARIMA, the one member whose
/// seasonality and errors are additive, is fitted on the Box–Cox scale of the series divided by
/// its geometric mean, with Guerrero's λ in [0, 1] (`BoxCoxTransformed`), and its forecast
/// transformed back: a log-like scale gives it seasonal swings and errors proportional to the
/// level, which the other members have in their multiplicative forms, and the division keeps
/// ARIMA's forecasts the same whatever the unit of the data. With the models' own
/// intervals (`IntervalMethod.model`) its intervals are the members' envelope; with calibrated
/// intervals (the CLI's default) each member's intervals are calibrated on a holdout of the
/// series (`HoldoutCalibrated`) and the bounds are averaged like the points (quantile
/// averaging), since the envelope of calibrated members is too wide. A member that fails is
/// dropped with a note; when all fail, seasonal naïve or naïve (see `Ensemble`).
///
/// Why these members, this scale and this combination, and the M3 record: docs/design/auto.md
/// (Makridakis, Spiliotis & Assimakopoulos 2020, *IJF* 36(1); Timmermann 2006).
public struct AutomaticForecaster: Forecaster, IntervalMethodConfigurable {
    public var name: String { "auto" }
    public var ensemble: Ensemble
    /// The members' own intervals and their envelope, or calibrated members averaged.
    public let intervalMethod: IntervalMethod

    public init(intervals: IntervalMethod = .model) {
        intervalMethod = intervals
        ensemble = Ensemble(members: Self.members, combiner: .mean, intervals: .envelope, name: "auto")
            .withIntervals(intervals)
    }

    /// The members: Akaike-weighted ETS, automatic ARIMA, dynamic optimised Theta, the standard
    /// Theta method and automatic complex exponential smoothing, by their registry names.
    public static var members: [any Forecaster] {
        [
            ETSAkaikeWeighted(), BoxCoxTransformed(AutoARIMA()), Theta(variant: .dotm, name: "theta"),
            Theta(variant: .stm),
            CES(),
        ]
    }

    public func with(intervals: IntervalMethod) -> any Forecaster {
        AutomaticForecaster(intervals: intervals)
    }

    /// Why `auto` is what it is, as the forecast's first note; it names the members this
    /// combination has (a saved model keeps the members it was fitted with).
    public var rationale: String {
        let bounds =
            intervalMethod == .model
            ? "the members' envelope as intervals"
            : "intervals averaged from the members' holdout-calibrated intervals"
        let names = ensemble.members.map(\.name).joined(separator: ", ")
        return "auto: the mean of the \(names) forecasts, with \(bounds); the members were chosen on two "
            + "validation windows of M3's training parts (docs/benchmarks/m3.md), and on M3 the combination beat "
            + "each member overall (Makridakis et al. 2020; Timmermann 2006)"
    }

    /// What the first note adds for the members fitted on a Box–Cox scale of `y`: each member
    /// and its λ, by name.
    static func scaleNote(_ members: [any Forecaster], _ y: [Double], period: Int) -> String {
        let parts = members.compactMap { member -> (name: String, lambda: Double)? in
            guard case .boxCox(let t)? = (member as? any BoxCoxScaled)?.scale(for: y, period: period) else {
                return nil
            }
            return (member.name, t.lambda)
        }.sorted { $0.name < $1.name }.map { "\($0.name) λ = \(BoxCox.format($0.lambda))" }
        guard !parts.isEmpty else { return "" }
        return "; fitted on the Box-Cox scale of the series divided by its geometric mean (Guerrero): "
            + parts.joined(separator: ", ") + ", forecasts transformed back"
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        var (f, members) = try ensemble.forecastWithMembers(y, period: period, horizon: horizon, levels: levels)
        f.model.notes.insert(rationale + Self.scaleNote(members, y, period: period), at: 0)
        return f
    }
}

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
/// Why this design. Combinations of these families beat the selection of one of them per series
/// on M3 and M4 (Makridakis, Spiliotis & Assimakopoulos 2020, *IJF* 36(1), §4; Petropoulos &
/// Svetunkov 2020, *IJF* 36(1)), and equal weights are hard to beat with estimated ones (Stock &
/// Watson 2004; Timmermann 2006, §7; Claeskens et al. 2016). An earlier measurement on every
/// fifth M3 series chose the equally weighted mean over the median, inverse-MSE weights and
/// per-series selection by rolling-origin error (13.387 sMAPE for selection against 12.666 for
/// the mean of ETS, ARIMA and Theta).
///
/// The members were chosen on two validation windows that hold no test data
/// (`scripts/bench/m3_members.py`): every M3 series' training part without its last h values
/// (h = the test horizon: 6, 8, 18, 8), and without the h values before those, forecast h ahead
/// and scored on the values held out. Among the equally weighted means of 1 to 5 of ETS,
/// Akaike-weighted ETS, ARIMA, DOTM, STM, CES, damped trend, SES, Holt, OTM, Naive2 and drift,
/// the five members above score best over both windows. The mean with ARIMA on the Box–Cox
/// scale has a lower sMAPE than with ARIMA on the series itself on both windows in every
/// subset (13.108 / 13.512 against 13.251 / 13.562; MASE about the same;
/// `scripts/bench/m3_box_cox.py`). Fitting every member on that scale
/// scored better still on the windows, but the series centred near 0 makes CES explosive (on one
/// window a monthly series' forecast reached a thousand times its level), and without the
/// division the forecasts depend on the unit of the data; docs/benchmarks/m3.md tells the
/// order in which the designs were tried and each time the test parts were read. Scored on the
/// M3 test parts (sMAPE over every step):
///
/// | subset    | auto   | ets-aw | best single model |
/// |-----------|--------|--------|-------------------|
/// | yearly    | 15.718 | 16.054 | 15.783 (theta)    |
/// | quarterly |  9.082 |  9.212 |  9.212 (ets-aw)   |
/// | monthly   | 13.384 | 13.839 | 13.738 (theta)    |
/// | other     |  4.358 |  4.328 |  4.328 (ets-aw)   |
/// | all       | 12.586 | 12.957 | 12.880 (theta)    |
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
        [ETSAkaikeWeighted(), BoxCoxTransformed(AutoARIMA()), Theta(variant: .dotm, name: "theta"), Theta(variant: .stm),
         CES()]
    }

    public func with(intervals: IntervalMethod) -> any Forecaster {
        AutomaticForecaster(intervals: intervals)
    }

    /// Why `auto` is what it is, as the forecast's first note; it names the members this
    /// combination has (a saved model keeps the members it was fitted with).
    public var rationale: String {
        let bounds = intervalMethod == .model
            ? "the members' envelope as intervals"
            : "intervals averaged from the members' holdout-calibrated intervals"
        let names = ensemble.members.map(\.name).joined(separator: ", ")
        return "auto: the mean of the \(names) forecasts, with \(bounds); the members were chosen on two "
            + "validation windows of M3's training parts (docs/benchmarks/m3.md), and on M3 the combination beat "
            + "each member overall (Makridakis et al. 2020; Timmermann 2006)"
    }

    /// What the first note adds when a member was fitted on the Box–Cox scale (its parameters
    /// hold `lambda`): the member and its λ, by name.
    static func scaleNote(_ parameters: [String: Double]) -> String {
        let keys = parameters.keys.filter { $0.hasSuffix(".lambda") }.sorted()
        guard !keys.isEmpty else { return "" }
        let parts = keys.compactMap { key in
            parameters[key].map { "\(key.dropLast(".lambda".count)) λ = \(BoxCox.format($0))" }
        }
        return "; fitted on the Box-Cox scale of the series divided by its geometric mean (Guerrero): "
            + parts.joined(separator: ", ") + ", forecasts transformed back"
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        var f = try ensemble.forecast(y, period: period, horizon: horizon, levels: levels)
        f.model.notes.insert(rationale + Self.scaleNote(f.model.parameters), at: 0)
        return f
    }
}

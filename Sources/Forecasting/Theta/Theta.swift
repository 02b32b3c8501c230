import TimeSeriesCore

/// The Theta family as a forecaster: the M3 seasonal adjustment, then a `ThetaModel`.
///
/// - `stm`: the standard Theta method (Assimakopoulos & Nikolopoulos 2000), θ = 2, as the
///   state-space model of Fiorucci et al. (2016) (equivalently SES with drift, Hyndman &
///   Billah 2003).
/// - `otm`: optimised Theta (θ estimated).
/// - `dotm`: dynamic optimised Theta, the registry's `theta`: of the four models it is the most
///   accurate on M3 overall (Fiorucci et al. 2016, table 3; statsforecast's M3 results).
/// - `dstm`: dynamic standard Theta.
///
/// When the 90% autocorrelation test finds seasonality at the period (which needs n ≥ 2m), the
/// series is adjusted by classical multiplicative decomposition (additive for data that are not
/// all positive) and the forecasts and interval bounds are re-seasonalised
/// (`SeasonalAdjustment`). Intervals are normal, with the exact h-step variance of the model
/// (`ThetaModel.forecast(horizon:)`). A constant series is forecast by its value.
public struct Theta: Forecaster {
    public var variant: ThetaModel.Variant
    public let name: String

    /// `name` is the registry name; it defaults to the variant's (`stm`, `otm`, `dstm`, `dotm`).
    public init(variant: ThetaModel.Variant = .dotm, name: String? = nil) {
        self.variant = variant
        self.name = name ?? variant.rawValue
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        guard let (model, adjustment) = try fit(y, period: period) else {
            return .constantSeries(
                y, horizon: horizon, levels: levels, name: "Theta(\(variant.rawValue))", family: name)
        }
        return forecast(model, adjustment: adjustment, horizon: horizon, levels: levels)
    }

    /// The fit behind every forecast and saved model: the seasonal adjustment of `y` (validated
    /// finite values) and the model of the adjusted series; nil for a constant series, which is
    /// forecast by its value.
    func fit(_ y: [Double], period: Int) throws -> (model: ThetaModel, adjustment: SeasonalAdjustment)? {
        // The length is checked first, so that a short constant series is refused like any other.
        try ThetaModel.checkLength(y.count)
        if let first = y.first, y.allSatisfy({ $0 == first }) { return nil }
        let adjustment = SeasonalAdjustment.detect(y, period: period)
        return (try ThetaModel.fit(adjustment.adjust(y), variant: variant), adjustment)
    }

    /// The forecast of a fitted `model` of the adjusted series, re-seasonalised by `adjustment`:
    /// shared by `forecast(_:period:horizon:levels:)` and a model loaded from a file.
    func forecast(_ model: ThetaModel, adjustment: SeasonalAdjustment, horizon: Int, levels: [Int]) -> Forecast {
        let n = model.count
        let displayName = "Theta(\(variant.rawValue))"
        let path = model.forecast(horizon: horizon)
        let intervals = levels.map { level -> PredictionInterval in
            let z = NormalDistribution.criticalValue(level: level)
            return PredictionInterval(
                level: level,
                lower: adjustment.reseasonalize(zip(path.mean, path.standardErrors).map { $0 - z * $1 }, startingAt: n),
                upper: adjustment.reseasonalize(zip(path.mean, path.standardErrors).map { $0 + z * $1 }, startingAt: n))
        }
        var notes: [String] = []
        if let note = adjustment.note { notes.append(note) }
        return Forecast(
            model: ModelSummary(
                name: displayName, family: name,
                parameters: ["alpha": model.alpha, "theta": model.theta, "l0": model.initialLevel],
                criteria: ["mse": model.mse, "sigma2": model.sigma * model.sigma],
                notes: notes),
            mean: adjustment.reseasonalize(path.mean, startingAt: n),
            intervals: intervals,
            fitted: adjustment.reseasonalize(model.fitted, startingAt: 0))
    }
}

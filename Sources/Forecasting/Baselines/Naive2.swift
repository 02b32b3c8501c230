import TimeSeriesCore

/// Naive2, the benchmark of the M3 and M4 competitions (Makridakis & Hibon 2000, IJF 16;
/// Makridakis, Spiliotis & Assimakopoulos 2020, IJF 36): the naïve method applied to the
/// seasonally adjusted series, with the season put back.
///
/// The series is adjusted only when the 90% autocorrelation test finds seasonality at its period
/// (`SeasonalityTest`), by classical multiplicative decomposition (`ClassicalDecomposition`);
/// additive when the data are not all positive. Then ŷ_{T+h} = (y_T / S_T)·S_{T+h}.
/// Intervals are the naïve ones on the adjusted series (σ̂ √h), re-seasonalised the same way.
public struct Naive2: CheckedForecaster {
    public var name: String { "naive2" }
    public init() {}

    public func forecast(checked y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        let n = y.count
        let adjustment = SeasonalAdjustment.detect(y, period: period)
        let fit = Naive.fit(adjustment.adjust(y), horizon: horizon)
        let mean = adjustment.reseasonalize(fit.mean, startingAt: n)
        let intervals = BaselineIntervals.normal(mean: fit.mean, sigmaH: fit.sigmaH, levels: levels).map {
            PredictionInterval(
                level: $0.level,
                lower: adjustment.reseasonalize($0.lower, startingAt: n),
                upper: adjustment.reseasonalize($0.upper, startingAt: n))
        }
        var parameters: [String: Double] = [:]
        for (i, s) in adjustment.indices.enumerated() { parameters["season\(i + 1)"] = s }
        return Forecast(
            model: ModelSummary(
                name: "Naive2", family: name, parameters: parameters,
                criteria: ["sigma2": fit.sigma * fit.sigma],
                notes: adjustment.note.map { [$0] } ?? []),
            mean: mean, intervals: intervals,
            fitted: adjustment.reseasonalize(fit.fitted, startingAt: 0))
    }
}

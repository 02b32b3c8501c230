import TimeSeriesCore

/// Normal prediction intervals ŷ ± z·σ̂ₕ for the benchmark methods (FPP3 §5.5, table 5.2).
///
/// σ̂ is the root mean square of the defined in-sample residuals (as statsforecast computes it;
/// the mean method uses the sample standard deviation, divisor T − 1); σ̂ₕ multiplies it by the
/// method's h-step factor.
enum BaselineIntervals {
    /// √(Σeₜ²/k) over the k finite residuals `residuals`; 0 when there are none.
    static func rootMeanSquare(_ residuals: [Double], divisor: Int? = nil) -> Double {
        var s = 0.0
        var k = 0
        for e in residuals where e.isFinite {
            s += e * e
            k += 1
        }
        let d = divisor ?? k
        return d > 0 ? (s / Double(d)).squareRoot() : 0
    }

    /// One interval per level: mean[h] ± z(level)·sigmaH[h].
    static func normal(mean: [Double], sigmaH: [Double], levels: [Int]) -> [PredictionInterval] {
        levels.map { level in
            let z = NormalDistribution.criticalValue(level: level)
            return PredictionInterval(
                level: level,
                lower: zip(mean, sigmaH).map { $0 - z * $1 },
                upper: zip(mean, sigmaH).map { $0 + z * $1 })
        }
    }

    /// The forecast of a benchmark method: `mean` with the normal intervals mean[h] ± z·sigmaH[h],
    /// and σ̂² as its criterion. The one way the baselines report, so that their documents agree.
    static func forecast(
        name: String, family: String, parameters: [String: Double] = [:], sigma: Double,
        notes: [String] = [], mean: [Double], sigmaH: [Double], levels: [Int],
        fitted: [Double]
    ) -> Forecast {
        Forecast(
            model: ModelSummary(
                name: name, family: family, parameters: parameters,
                criteria: ["sigma2": sigma * sigma], notes: notes),
            mean: mean,
            intervals: normal(mean: mean, sigmaH: sigmaH, levels: levels),
            fitted: fitted)
    }
}

import Forecasting
import Foundation
import TimeSeriesCore

/// Production = area × yield, with the uncertainty of both carried through by simulation.
///
/// Area and yield are forecast separately (FAO/JRC practice: area from a univariate model, yield
/// from `CropYieldModel`). Each forecast step is treated as a normal distribution matched to the
/// model's widest interval, σ = (upper − lower) / (2·z), z the normal quantile of that level;
/// area and yield errors are taken as independent. Then
///
///     E[P] = E[A]·E[Y]  (exact under independence),
///     P's quantiles = empirical quantiles (R type 7) of `draws` simulated products Aᵢ·Yᵢ,
///
/// drawn with the seeded `SeededGenerator`, so the same inputs and seed give the same bytes.
/// (The delta method, Var P ≈ E[A]²σ_Y² + E[Y]²σ_A², agrees to first order; simulation keeps
/// the product's skewness.)
public enum ProductionForecast {
    /// Simulated draws (draws × steps) one forecast may ask for: 20000 draws up to 100 steps
    /// ahead, fewer beyond (at least 500), so that the longest horizon (`Limits.horizon`) takes
    /// seconds and megabytes.
    public static let drawBudget = 2_000_000

    /// `draws` per step over `horizon` steps, within `drawBudget`.
    public static func drawsPerStep(requested draws: Int, horizon: Int) -> Int {
        let fit = drawBudget / max(horizon, 1)
        return fit >= draws ? draws : min(draws, max(fit, 500))
    }

    public static func combine(
        area: Forecast, yield: Forecast, levels: [Int], draws requested: Int = 20_000,
        seed: UInt64
    ) throws -> Forecast {
        let h = min(area.horizon, yield.horizon)
        guard h >= 1 else {
            throw ForecastingError(.invalidArgument, "area and yield forecasts need at least one step")
        }
        guard requested >= 100 else {
            throw ForecastingError(.invalidArgument, "need at least 100 draws, got \(requested)")
        }
        let draws = drawsPerStep(requested: requested, horizon: h)
        var rng = SeededGenerator(seed: seed)
        var lower = [[Double]](repeating: [], count: levels.count)
        var upper = [[Double]](repeating: [], count: levels.count)
        var mean: [Double] = []
        for step in 0..<h {
            let a = try moments(area, step: step, what: "area")
            let y = try moments(yield, step: step, what: "yield")
            var products = [Double](repeating: 0, count: draws)
            for i in 0..<draws {
                let ai = rng.nextNormal(mean: a.mean, sd: a.sd)
                let yi = rng.nextNormal(mean: y.mean, sd: y.sd)
                products[i] = ai * yi
            }
            products.sort()
            mean.append(a.mean * y.mean)
            for (k, level) in levels.enumerated() {
                let alpha = (1 - Double(level) / 100) / 2
                lower[k].append(quantile(products, alpha))
                upper[k].append(quantile(products, 1 - alpha))
            }
        }
        let intervals = levels.indices.map { PredictionInterval(level: levels[$0], lower: lower[$0], upper: upper[$0]) }
        let model = ModelSummary(
            name: "Production(area: \(area.model.name) × yield: \(yield.model.name))", family: "production",
            parameters: [:],
            criteria: yield.crossValidation?.criteria(prefix: "yield_loyo_") ?? [:],
            notes: [
                "production = area × yield; \(draws) simulated draws (seed \(seed)), area and yield independent normals "
                    + "matched to each model's widest interval"
            ])
        return Forecast(model: model, mean: mean, intervals: intervals)
    }

    /// The mean and the normal-equivalent standard deviation of step `step` of `f`.
    static func moments(_ f: Forecast, step: Int, what: String) throws -> (mean: Double, sd: Double) {
        guard let widest = f.intervals.max(by: { $0.level < $1.level }), step < widest.lower.count,
            step < widest.upper.count
        else { throw ForecastingError(.invalidArgument, "the \(what) forecast has no interval") }
        let z = NormalDistribution.quantile(0.5 + Double(widest.level) / 200)
        let sd = (widest.upper[step] - widest.lower[step]) / (2 * z)
        let m = f.mean[step]
        guard m.isFinite, sd.isFinite, sd >= 0 else {
            throw ForecastingError(.nonFinite, "the \(what) forecast of step \(step + 1) is not finite")
        }
        return (m, sd)
    }

    /// Quantile of sorted `x` by linear interpolation between order statistics (Hyndman & Fan type 7).
    static func quantile(_ x: [Double], _ p: Double) -> Double {
        let hIndex = Double(x.count - 1) * p
        let lo = Int(hIndex.rounded(.down))
        let hi = min(lo + 1, x.count - 1)
        return x[lo] + (hIndex - Double(lo)) * (x[hi] - x[lo])
    }
}

import Foundation

/// Exponential smoothing by model averaging: every ETS model that `ETS` would choose among is
/// fitted, and the point forecasts are averaged with Akaike weights
/// wᵢ = exp(−Δᵢ/2) / Σⱼ exp(−Δⱼ/2), Δᵢ = AICcᵢ − minⱼ AICcⱼ
/// (Burnham & Anderson 2002, §2.9; Kolassa 2011, "Combining exponential smoothing forecasts
/// using Akaike weights", *IJF* 27(2), which found it more accurate than selecting the best
/// model on M3). Intervals are those of the model with the highest weight (the one `ETS`
/// selects), centred on the averaged point forecast. When no candidate fits, or the series is
/// one `ETS` handles by a fallback (constant, too short), this is `ETS` itself.
public struct ETSAkaikeWeighted: Forecaster {
    public let name: String
    public var specification: ETS.Specification

    public init(_ specification: ETS.Specification = .automatic, name: String = "ets-aw") {
        self.specification = specification
        self.name = name
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        let ets = ETS(specification, name: name)
        guard y.count >= 2, y.allSatisfy(\.isFinite), !y.allSatisfy({ $0 == y[0] }) else {
            return try ets.forecast(y, period: period, horizon: horizon, levels: levels)
        }
        let (forms, _) = try ETS.candidates(specification, y: y, period: period)
        var models: [ETS.Model] = []
        for form in forms {
            guard let model = try? ETSEstimation.fit(y, form: form, period: period, specification: specification),
                  model.aicc.isFinite else { continue }
            models.append(model)
        }
        guard let best = models.min(by: { $0.aicc < $1.aicc }) else {
            return try ets.forecast(y, period: period, horizon: horizon, levels: levels)
        }
        let weights = Self.akaikeWeights(models.map(\.aicc))
        let mean = Self.weightedMean(models.map { $0.pointForecasts(horizon: horizon) }, weights: weights)
        guard mean.allSatisfy(\.isFinite) else {
            return try ets.forecast(y, period: period, horizon: horizon, levels: levels)
        }
        var f = best.forecast(horizon: horizon, levels: levels, simulationPaths: specification.simulationPaths,
                              seed: specification.seed)
        let shift = zip(mean, f.mean).map { $0 - $1 }
        f.intervals = f.intervals.map { i in
            PredictionInterval(level: i.level, lower: zip(i.lower, shift).map { $0 + $1 },
                               upper: zip(i.upper, shift).map { $0 + $1 })
        }
        f.mean = mean
        f.model.name = "ETS Akaike-weighted (\(models.count) models; highest weight \(best.form.description))"
        for (model, w) in zip(models, weights) {
            f.model.parameters["weight.\(model.form.code)"] = w
        }
        f.model.notes.append("point forecasts: the Akaike-weighted mean of \(models.count) ETS models "
                             + "(weights from AICc); intervals of the highest-weighted one, centred on that mean")
        return f
    }

    /// Akaike weights of models with information criteria `criteria` (AICc): 
    /// wᵢ = exp(−Δᵢ/2) / Σⱼ exp(−Δⱼ/2), Δᵢ = cᵢ − min c.
    public static func akaikeWeights(_ criteria: [Double]) -> [Double] {
        guard let least = criteria.min() else { return [] }
        let raw = criteria.map { exp(-0.5 * ($0 - least)) }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    /// Σᵢ wᵢ·pathᵢ, step by step.
    public static func weightedMean(_ paths: [[Double]], weights: [Double]) -> [Double] {
        guard let horizon = paths.first?.count else { return [] }
        var mean = [Double](repeating: 0, count: horizon)
        for (path, w) in zip(paths, weights) {
            for h in 0..<min(horizon, path.count) { mean[h] += w * path[h] }
        }
        return mean
    }
}

import Foundation
import TimeSeriesCore

/// Exponential smoothing by model averaging (`ets-aw`): every ETS model that automatic `ETS`
/// chooses among is fitted, and the point forecasts are averaged with Akaike weights
///
///     wᵢ = exp(−Δᵢ/2) / Σⱼ exp(−Δⱼ/2),   Δᵢ = AICcᵢ − minⱼ AICcⱼ
///
/// (Burnham & Anderson 2002, *Model Selection and Multimodel Inference*, §2.9; Kolassa 2011,
/// "Combining exponential smoothing forecasts using Akaike weights", *IJF* 27(2), 238–251, which
/// found the weighted forecast more accurate than the selected model's on M3). The intervals
/// are those of the model with the highest weight (the one `ETS` selects), moved to centre on
/// the averaged point forecast. A series `ETS` handles by a fallback (constant, too short for
/// every candidate) gets `ETS`'s own forecast.
///
/// Its M3 record: docs/design/estimation-choices.md.
public struct ETSAkaikeWeighted: Forecaster {
    public let name: String
    /// The candidates (and fixed parameters, criterion, simulation paths and seed) of `ETS`;
    /// the weights always come from AICc.
    public var specification: ETS.Specification

    public init(_ specification: ETS.Specification = .automatic, name: String = "ets-aw") {
        self.specification = specification
        self.name = name
    }

    /// The fitted candidates and their weights; one model with weight 1 when `ETS` fell back.
    public struct Fit: Sendable, Equatable {
        public var models: [ETS.Model]
        public var weights: [Double]
        /// Which candidates were left out and why (as `ETS` says it).
        public var notes: [String] = []
    }

    /// Fits every candidate that can be fitted and weighs it by AICc.
    public func fit(_ y: [Double], period: Int) throws -> Fit {
        let ets = ETS(specification, name: name)
        guard y.count >= 2, y.allSatisfy(\.isFinite), !y.allSatisfy({ $0 == y[0] }) else {
            return Fit(models: [try ets.fit(y, period: period)], weights: [1])
        }
        let (forms, notes) = try ETS.candidates(specification, y: y, period: period)
        let models = ETS.fitEach(forms, y: y, period: period, spec: specification).filter { $0.aicc.isFinite }
        guard models.count > 1 else { return Fit(models: [try ets.fit(y, period: period)], weights: [1]) }
        return Fit(models: models, weights: Self.akaikeWeights(models.map(\.aicc)), notes: notes)
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        return try forecast(fit(y, period: period), horizon: horizon, levels: levels)
    }

    /// The forecast of a fit: the weighted point forecasts, and the intervals of the
    /// highest-weighted model moved to centre on them. Parameters `weight.<form>` give each
    /// model's weight.
    public func forecast(_ fit: Fit, horizon: Int, levels: [Int]) throws -> Forecast {
        guard !fit.models.isEmpty, fit.models.count == fit.weights.count,
            let top = fit.weights.indices.max(by: { fit.weights[$0] < fit.weights[$1] })
        else {
            throw ForecastingError(.invalidArgument, "an Akaike-weighted ETS needs as many weights as models")
        }
        let best = fit.models[top]
        var f = best.forecast(
            horizon: horizon, levels: levels, simulationPaths: specification.simulationPaths,
            seed: specification.seed)
        guard fit.models.count > 1 else { return f }
        let mean = Self.weightedMean(fit.models.map { $0.pointForecasts(horizon: horizon) }, weights: fit.weights)
        guard mean.allSatisfy(\.isFinite) else {
            f.model.notes.append("the Akaike-weighted mean is not finite: the forecast of the highest-weighted model")
            return f
        }
        let shift = zip(mean, f.mean).map { $0 - $1 }
        f.intervals = f.intervals.map { i in
            PredictionInterval(
                level: i.level, lower: zip(i.lower, shift).map { $0 + $1 },
                upper: zip(i.upper, shift).map { $0 + $1 })
        }
        f.mean = mean
        f.model.name = "ETS Akaike-weighted (\(fit.models.count) models; highest weight \(best.form.description))"
        for (model, w) in zip(fit.models, fit.weights) {
            f.model.parameters["weight.\(model.form.code)"] = w
        }
        f.model.notes = fit.notes + f.model.notes
        f.model.notes.append(
            "point forecasts: the Akaike-weighted mean of \(fit.models.count) ETS models "
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

import TimeSeriesCore

/// How the members' forecasts are combined, step by step.
///
/// - `median`: the median of the members' values at each step (the middle one, or the mean of
///   the two middle ones). Robust to one member that goes astray; the combination of the M4
///   benchmark "Comb" family and of statsforecast's M3/M4 ensembles uses the median or the mean
///   (Makridakis, Spiliotis & Assimakopoulos 2020, *IJF* 36(1), §4).
/// - `mean`: the equally weighted mean, the "forecast combination puzzle" winner: equal weights
///   are hard to beat (Stock & Watson 2004; Timmermann 2006, *Handbook of Economic Forecasting*
///   ch. 4, §7; Claeskens et al. 2016, *IJF* 32(3)).
/// - `inverseMSE`: weights wᵢ = (1/MSEᵢ) / Σⱼ (1/MSEⱼ), MSEᵢ the member's mean squared error over a
///   rolling-origin validation on the training data (Bates & Granger 1969; Timmermann 2006, §5.1;
///   Kolassa 2011, *IJF* 27(2) uses AIC weights in the same spirit). The weights ignore the
///   covariances of the errors, which are poorly estimated on short validation sets (Timmermann
///   2006, §7.1).
public enum EnsembleCombiner: String, Sendable, Codable, CaseIterable {
    case median
    case mean
    case inverseMSE = "inverse-mse"
}

/// How the members' prediction intervals are combined into the combination's intervals.
///
/// - `quantiles`: each bound (a quantile of the forecast distribution) is combined by the same
///   combiner as the point forecasts: quantile averaging (Lichtendahl, Grushka-Cockayne & Winkler
///   2013, *Management Science* 59(8)), or its median and weighted forms. The members' own
///   intervals are typically too narrow on M3 (coverage below nominal), and quantile averaging
///   keeps that miscalibration.
/// - `envelope`: the lowest lower bound and the highest upper bound of the members (Gaba, Tsetlin &
///   Winkler 2017, *Decision Analysis* 14(1), "envelope" method): wider, and it corrects the
///   members' shared overconfidence on held-out data.
public enum IntervalCombiner: String, Sendable, Codable, CaseIterable {
    case quantiles
    case envelope
}

/// The arithmetic of combining forecasts, step by step; pure functions on arrays.
public enum Combination {
    /// The median of `values`: the middle value, or the mean of the two middle values.
    /// `nil` for an empty array.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let k = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[k] : (sorted[k - 1] + sorted[k]) / 2
    }

    /// Σ wᵢ xᵢ / Σ wᵢ; `nil` when empty, when the counts differ, or when the weights do not sum
    /// to a positive finite number.
    public static func weightedMean(_ values: [Double], weights: [Double]) -> Double? {
        guard !values.isEmpty, values.count == weights.count else { return nil }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        var sum = 0.0
        for (x, w) in zip(values, weights) { sum += w * x }
        return sum / total
    }

    /// Inverse-MSE weights wᵢ = (1/MSEᵢ) / Σⱼ (1/MSEⱼ) (Bates & Granger 1969).
    ///
    /// A member with a zero MSE (a perfect validation fit) takes all the weight, shared equally
    /// with any other perfect member; a non-finite or negative MSE is an invalid input.
    public static func inverseMSEWeights(_ mse: [Double]) throws -> [Double] {
        guard !mse.isEmpty else { throw ForecastingError(.invalidArgument, "no member errors to weight") }
        for e in mse where !(e.isFinite && e >= 0) {
            throw ForecastingError(.invalidArgument, "a validation MSE must be finite and non-negative, got \(e)")
        }
        let perfect = mse.filter { $0 == 0 }.count
        if perfect > 0 { return mse.map { $0 == 0 ? 1 / Double(perfect) : 0 } }
        let inverse = mse.map { 1 / $0 }
        let total = inverse.reduce(0, +)
        return inverse.map { $0 / total }
    }

    /// Combines member paths (each `horizon` long) step by step. `weights` is used by
    /// `.inverseMSE` only and must have one entry per member.
    public static func combine(
        _ paths: [[Double]], by combiner: EnsembleCombiner,
        weights: [Double]? = nil
    ) throws -> [Double] {
        guard let horizon = paths.first?.count else {
            throw ForecastingError(.invalidArgument, "no member forecasts to combine")
        }
        guard paths.allSatisfy({ $0.count == horizon }) else {
            throw ForecastingError(.invalidArgument, "member forecasts have different horizons")
        }
        let w: [Double]
        switch combiner {
        case .median, .mean:
            w = [Double](repeating: 1, count: paths.count)
        case .inverseMSE:
            guard let weights, weights.count == paths.count else {
                throw ForecastingError(.invalidArgument, "inverse-MSE combination needs one weight per member")
            }
            w = weights
        }
        return try (0..<horizon).map { h in
            let values = paths.map { $0[h] }
            let combined = combiner == .median ? median(values) : weightedMean(values, weights: w)
            guard let combined, combined.isFinite else {
                throw ForecastingError(.fitFailed, "the combination at step \(h + 1) is not finite")
            }
            return combined
        }
    }

    /// Combines the members' intervals at one level: bound by bound with the point combiner
    /// (`.quantiles`), or as the members' envelope (`.envelope`). The result is made to contain
    /// `point` (a median of bounds may otherwise fall on one side of a median of means).
    public static func combineIntervals(
        _ intervals: [PredictionInterval], level: Int, point: [Double],
        by combiner: EnsembleCombiner, weights: [Double]? = nil,
        method: IntervalCombiner
    ) throws -> PredictionInterval {
        var lower: [Double]
        var upper: [Double]
        switch method {
        case .quantiles:
            lower = try combine(intervals.map(\.lower), by: combiner, weights: weights)
            upper = try combine(intervals.map(\.upper), by: combiner, weights: weights)
        case .envelope:
            guard let first = intervals.first,
                intervals.allSatisfy({ $0.lower.count == first.lower.count && $0.upper.count == first.lower.count })
            else { throw ForecastingError(.invalidArgument, "no member intervals to combine, or different horizons") }
            lower = (0..<first.lower.count).map { h in intervals.map { $0.lower[h] }.min() ?? .nan }
            upper = (0..<first.lower.count).map { h in intervals.map { $0.upper[h] }.max() ?? .nan }
        }
        guard lower.count == point.count else {
            throw ForecastingError(.invalidArgument, "member intervals and forecasts have different horizons")
        }
        for h in point.indices {
            lower[h] = min(lower[h], point[h])
            upper[h] = max(upper[h], point[h])
        }
        return PredictionInterval(level: level, lower: lower, upper: upper)
    }
}

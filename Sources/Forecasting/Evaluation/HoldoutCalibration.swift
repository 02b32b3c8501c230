import TimeSeriesCore

/// Which prediction intervals a forecast carries.
///
/// - `model`: the model's own intervals (analytic or simulated), as R `forecast` and
///   statsforecast give them.
/// - `calibrated`: the model's intervals widened where a holdout of the series' own last
///   observations shows them too narrow (`HoldoutCalibrated`). muavu's default.
public enum IntervalMethod: String, Sendable, Codable, CaseIterable {
    case model
    case calibrated

    /// The forecaster that gives these intervals for `base`. Combinations
    /// (`IntervalMethodConfigurable`) calibrate their members rather than themselves.
    public func applied(to base: any Forecaster) -> any Forecaster {
        if let combination = base as? IntervalMethodConfigurable { return combination.with(intervals: self) }
        switch self {
        case .model: return base
        case .calibrated: return base is HoldoutCalibrated ? base : HoldoutCalibrated(base)
        }
    }
}

/// A method built of other methods that applies an `IntervalMethod` to its members.
public protocol IntervalMethodConfigurable: Forecaster {
    /// The same method with `intervals` applied.
    func with(intervals: IntervalMethod) -> any Forecaster
}

/// A method that can refit, on other data, the very model it chose for a forecast, without
/// choosing again (a holdout refit of automatic ETS refits the selected form only).
public protocol ChosenModelRefitting: Forecaster {
    /// The forecast of `forecast(_:period:horizon:levels:)`, and the forecaster that refits the
    /// model chosen for it (its form, its scale), made from the chosen model itself.
    func forecastAndRefitter(
        _ y: [Double], period: Int, horizon: Int,
        levels: [Int]
    ) throws -> (forecast: Forecast, refitter: any Forecaster)
}

/// Prediction intervals calibrated on a holdout of the series' last observations.
///
/// Empirical intervals from out-of-sample errors (Williams & Goodman 1971; Lee & Scholtes 2014,
/// *IJF* 30(2); split-conformal prediction, Vovk et al. 2005). Why: docs/design/intervals.md.
///
/// The method is refitted (the chosen model only, when it is a `ChosenModelRefitting`) on the
/// series without its last m = min(max(h, 4), n − n₀) observations, n₀ = max(8, 2m_s) for seasonal
/// period m_s, and forecasts them. Each holdout error is standardised by the model's own
/// standard error at that step, read off its 95% interval on the side the observation fell:
///
///     z_j = (y_{n−m+j} − ŷ_j) / s_j,   s_j = |b_j − ŷ_j| / z₀.₉₇₅,   j = 1 … m,
///
/// with b_j the upper bound when y ≥ ŷ and the lower bound otherwise (asymmetric intervals keep
/// their shape). The holdout scale ĉ = √(Σ z_j² / m) measures how much larger the errors are than
/// the model says; with the scale estimated from m errors the standardised error is Student-t
/// with m degrees of freedom. Each level-L interval of the forecast on the whole series is then
/// widened about its point forecast by
///
///     f_L = max(1, ĉ · t_{m, (1+L)/2} / z_{(1+L)/2}),
///
/// never narrowed: the model's interval is the floor, the holdout can only add the uncertainty
/// the model leaves out (parameter estimates, model choice, change). When the series is too
/// short for m ≥ 4 or the holdout refit fails, the model's intervals are kept and a note says
/// why. Point forecasts and fitted values are the base method's, unchanged. The holdout's scale, MAE
/// and sMAPE are kept in the forecast's `holdout` (and shown in the criteria, `holdout_mae`,
/// `holdout_smape`): a backtest of the method on the series' latest m observations, which
/// ensembles report per member.
public struct HoldoutCalibrated: Forecaster {
    public var base: any Forecaster
    public var name: String { base.name }

    /// Holdouts shorter than this leave the model's intervals as they are.
    public static let minimumHoldout = 4

    public init(_ base: any Forecaster) {
        self.base = base
    }

    /// Observations kept for the refit: at least 8, and two seasons.
    public static func minimumFitLength(period: Int) -> Int {
        let (twice, overflow) = period.multipliedReportingOverflow(by: 2)
        return overflow ? Int.max : max(8, twice)
    }

    /// The holdout length m = min(max(h, 4), n − n₀) for a series of `count` observations and
    /// horizon h, or nil when it is below 4. A horizon shorter than 4 still gets a holdout of 4
    /// (its scale then also counts the errors a few steps further ahead).
    public static func holdoutLength(count: Int, period: Int, horizon: Int) -> Int? {
        let m = min(max(horizon, minimumHoldout), count - minimumFitLength(period: period))
        return m >= minimumHoldout ? m : nil
    }

    /// The widening factor f_L of a level-`level` interval for holdout scale `scale` from `m` errors.
    public static func wideningFactor(scale: Double, holdout m: Int, level: Int) -> Double {
        let t = StudentT.criticalValue(level: Double(level), degreesOfFreedom: Double(m))
        let z = NormalDistribution.criticalValue(level: level)
        return max(1, scale * t / z)
    }

    /// The holdout scale ĉ = √(Σ z_j² / m) of `actual` against a holdout forecast, or nil when
    /// the forecast has no 95% interval or a zero-width interval met a non-zero error.
    public static func holdoutScale(actual: [Double], forecast: Forecast) -> Double? {
        guard let interval = forecast.interval(level: 95), actual.count <= forecast.mean.count,
            !actual.isEmpty
        else { return nil }
        let z95 = NormalDistribution.criticalValue(level: 95)
        var sum = 0.0
        for (j, y) in actual.enumerated() {
            let error = y - forecast.mean[j]
            let bound = error >= 0 ? interval.upper[j] : interval.lower[j]
            let s = abs(bound - forecast.mean[j]) / z95
            guard error.isFinite, s.isFinite else { return nil }
            if error == 0 { continue }
            guard s > 0 else { return nil }
            sum += (error / s) * (error / s)
        }
        return (sum / Double(actual.count)).squareRoot()
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try forecast(y, period: period, horizon: horizon, levels: levels, keeping: false, reusing: nil).forecast
    }

    /// Whether the base method's fit can be kept and forecast from again (`FittedModel`) as the
    /// holdout refit: a savable single model that refits itself on the holdout. A
    /// `ChosenModelRefitting` method refits another model there (the chosen form only), and a
    /// combination's members are calibrated one by one.
    var keepsFits: Bool {
        guard base is any PersistableForecaster, let state = ForecasterRegistry.stateType(named: base.name) else {
            return false
        }
        return state.kind != FittedModel.EnsembleState.kind && !(base is any ChosenModelRefitting)
    }

    /// The forecast of `forecast(_:period:horizon:levels:)`, for forecasts on growing prefixes of
    /// one series (the windows of a backtest). With `keeping`, the base method is fitted once as a
    /// `FittedModel` (`keepsFits`), its forecast taken from that fit (the same numbers: a kept fit
    /// forecasts as the method does) and the fit returned. `previous`, the fit an earlier call
    /// returned, serves as the holdout refit when it was fitted to exactly the holdout's
    /// training part (the same observations, period and method): when the holdout length equals
    /// the step between windows, the previous window's fit.
    func forecast(
        _ y: [Double], period: Int, horizon: Int, levels: [Int], keeping: Bool,
        reusing previous: FittedModel?
    ) throws -> (forecast: Forecast, fit: FittedModel?) {
        try Limits.horizon.check(horizon, "horizon")
        try Limits.period.check(period, "period")
        var kept: FittedModel?
        var result: Forecast
        var chosen: (any Forecaster)?
        if keeping, keepsFits, let fit = try? FittedModel.fit(base, y, period: period),
            let f = try? fit.forecast(horizon: horizon, levels: levels)
        {
            kept = fit
            result = f
        } else if let choosing = base as? any ChosenModelRefitting {
            (result, chosen) = try choosing.forecastAndRefitter(y, period: period, horizon: horizon, levels: levels)
        } else {
            result = try base.forecast(y, period: period, horizon: horizon, levels: levels)
        }
        guard !levels.isEmpty else { return (result, kept) }
        let n = y.count
        guard let m = Self.holdoutLength(count: n, period: period, horizon: horizon) else {
            result.model.notes.append(
                "intervals: the model's own; \(n) observations are too few for a holdout of \(Self.minimumHoldout) "
                    + "after the \(Self.minimumFitLength(period: period)) kept for the fit")
            return (result, kept)
        }
        let head = Array(y[..<(n - m)])
        let actual = Array(y[(n - m)...])
        let held: Forecast
        do {
            if keepsFits, let previous, previous.name == base.name, previous.period == period, previous.values == head,
                let f = try? previous.forecast(horizon: m, levels: [95])
            {
                held = f
            } else if let chosen, let f = try? chosen.forecast(head, period: period, horizon: m, levels: [95]) {
                held = f
            } else {
                held = try base.forecast(head, period: period, horizon: m, levels: [95])
            }
        } catch {
            result.model.notes.append("intervals: the model's own; the holdout refit failed (\(error))")
            return (result, kept)
        }
        guard let scale = Self.holdoutScale(actual: actual, forecast: held) else {
            result.model.notes.append("intervals: the model's own; the holdout forecast had no usable 95% interval")
            return (result, kept)
        }
        var widened: [String] = []
        for (k, interval) in result.intervals.enumerated() {
            let f = Self.wideningFactor(scale: scale, holdout: m, level: interval.level)
            guard f > 1 else { continue }
            var lower = interval.lower
            var upper = interval.upper
            for j in 0..<result.mean.count {
                let mu = result.mean[j]
                lower[j] = mu - f * (mu - interval.lower[j])
                upper[j] = mu + f * (interval.upper[j] - mu)
            }
            result.intervals[k] = PredictionInterval(level: interval.level, lower: lower, upper: upper)
            widened.append("\(interval.level)% ×" + Self.format(f))
        }
        // The holdout is also a backtest of the method on this series: its scores go in the criteria
        // (an ensemble lists them per member), so a reader sees how each model did on the latest data.
        let predicted = Array(held.mean.prefix(m))
        let score = HoldoutScore(
            scale: scale, mae: Metrics.mae(actual, predicted), smape: Metrics.smape(actual, predicted))
        result.holdout = score
        result.model.criteria.merge(score.criteria) { $1 }
        let widenedNote = widened.isEmpty ? "the model's intervals kept" : "widened " + widened.joined(separator: ", ")
        result.model.notes.append(
            "intervals calibrated on a holdout of the last \(m) observations: errors \(Self.format(scale))× "
                + "the model's standard error; \(widenedNote)")
        return (result, kept)
    }

    private static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return String(r)
    }
}

import Foundation
import TimeSeriesCore

/// Prediction ranges calibrated on a model's own rolling-origin errors: split-conformal
/// prediction (Vovk, Gammerman & Shafer 2005; Lei, G'Sell, Rinaldo, Tibshirani & Wasserman 2018,
/// §2.2) applied to time series as in Stankevičiūtė, Alaa & van der Schaar (2021): the
/// calibration set of step h is the h-step errors of forecasts made from earlier origins.
///
/// For an origin T (the model sees y[0..<T]) and a step h, the nonconformity score of an earlier
/// origin t is the absolute log ratio of actual to forecast,
///
///     s(t, h) = |log(y[t + h − 1] / ŷ_t(h))|,  for the origins t with t + h ≤ T
///
/// (the actual was observed before T). Of these, the `calibrationOrigins` most recent scores
/// s_1..s_m set the half-width on the log scale,
///
///     q = the ⌈(m + 1)·level/100⌉-th smallest of s_1..s_m   (none when that exceeds m),
///
/// and the range is ŷ_T(h)·[e^(−q), e^(+q)]: relative errors, because a price's error scales
/// with its level, and the range stays positive. When the scores are exchangeable the range
/// holds the actual with probability at least `level`% (Lei et al. 2018, Theorem 2.2). Taking
/// only the most recent errors lets the range follow the current volatility (rice prices moved
/// 13% a month in 2008 and 1–4% in 2014–2017): a model's interval from a variance estimated on
/// the whole history is as wide in calm years as in the crisis.
///
/// Series with gaps (NaN = no report) are handled without looking ahead: an origin is used only
/// when its last training value was observed, the training prefix's own gaps are filled by
/// linear interpolation between observed values inside the prefix, and an error is scored only
/// where the actual was observed.
public struct ConformalRange: Sendable, Equatable {
    /// How many of the most recent scores of each step calibrate a range.
    public var calibrationOrigins: Int
    /// The fewest values a model is fitted on.
    public var minimumTrain: Int

    public init(calibrationOrigins: Int = 24, minimumTrain: Int = 24) throws {
        try ArgumentCheck.atLeastOne(calibrationOrigins, "calibrationOrigins")
        try Limits.calibrationOrigins.check(calibrationOrigins, "calibrationOrigins")
        try ArgumentCheck.atLeastOne(minimumTrain, "minimumTrain")
        self.calibrationOrigins = calibrationOrigins
        self.minimumTrain = minimumTrain
    }

    private init(checked calibrationOrigins: Int, _ minimumTrain: Int) {
        self.calibrationOrigins = calibrationOrigins
        self.minimumTrain = minimumTrain
    }

    /// 24 calibration origins (two years of monthly errors), models fitted on at least 24 values.
    public static let standard = ConformalRange(checked: 24, 24)

    /// The conformal quantile: the ⌈(m + 1)·level/100⌉-th smallest score (1-based) of the m
    /// finite scores, or nil when m is too small for that rank (k > m) or `level` is not 1–99.
    public static func quantile(_ scores: [Double], level: Int) -> Double? {
        guard (1...99).contains(level) else { return nil }
        let sorted = scores.filter(\.isFinite).sorted()
        let m = sorted.count
        // ⌈(m + 1)·level / 100⌉ in integers.
        let k = ((m + 1) * level + 99) / 100
        guard k >= 1, k <= m else { return nil }
        return sorted[k - 1]
    }

    /// The nonconformity score |log(actual / forecast)|, or nil when either is not a positive
    /// finite number.
    public static func score(actual: Double, forecast: Double) -> Double? {
        guard actual.isFinite, forecast.isFinite, actual > 0, forecast > 0 else { return nil }
        return abs(log(actual / forecast))
    }

    /// A model's forecasts from many origins of one series.
    public struct OriginForecasts: Sendable, Equatable {
        /// The series, NaN where nothing was reported.
        public var y: [Double]
        public var horizon: Int
        /// The forecast from each origin (training length) that could be fitted.
        public var forecasts: [Int: Forecast]
        /// Origins where the model failed, with the reason.
        public var failures: [Int: String]

        public init(y: [Double], horizon: Int, forecasts: [Int: Forecast], failures: [Int: String] = [:]) {
            (self.y, self.horizon, self.forecasts, self.failures) = (y, horizon, forecasts, failures)
        }
    }

    /// The origins t (training lengths) in `minimumTrain...y.count` whose last training value
    /// y[t − 1] was observed and whose prefix holds at least `minimumTrain` observed values.
    public func usableOrigins(_ y: [Double]) -> [Int] {
        var origins: [Int] = []
        var observed = 0
        for t in 1...max(1, y.count) where t <= y.count {
            if y[t - 1].isFinite { observed += 1 } else { continue }
            if t >= minimumTrain, observed >= minimumTrain { origins.append(t) }
        }
        return origins
    }

    /// `y[0..<t]` with its gaps filled by linear interpolation between observed neighbours
    /// inside the prefix; leading gaps take the first observed value. Nothing after t is used.
    public static func filledPrefix(_ y: [Double], count t: Int) -> [Double] {
        var x = Array(y[0..<t])
        guard let first = x.firstIndex(where: \.isFinite) else { return x }
        for i in 0..<first { x[i] = x[first] }
        var previous = first
        for i in (first + 1)..<max(first + 1, t) where x[i].isFinite {
            if i - previous > 1 {
                let a = x[previous]
                let b = x[i]
                let span = Double(i - previous)
                for j in (previous + 1)..<i { x[j] = a + (b - a) * Double(j - previous) / span }
            }
            previous = i
        }
        return x
    }

    /// Fits `forecaster` at each of `origins` (training lengths) on the filled prefix (or, with
    /// `fillGaps` false, on the prefix with its gaps as NaN, for a model that takes missing
    /// values) and keeps its forecast of `horizon` steps at `levels`. A failing origin is
    /// recorded, not thrown.
    public static func forecasts(
        _ y: [Double], period: Int, horizon: Int, levels: [Int], forecaster: any Forecaster,
        origins: [Int], fillGaps: Bool = true
    ) throws -> OriginForecasts {
        try ArgumentCheck.atLeastOne(horizon, "horizon")
        var forecasts: [Int: Forecast] = [:]
        var failures: [Int: String] = [:]
        for t in origins where t >= 1 && t <= y.count {
            do {
                let f = try forecaster.forecast(
                    fillGaps ? filledPrefix(y, count: t) : Array(y[0..<t]), period: period, horizon: horizon,
                    levels: levels)
                guard f.mean.count == horizon else {
                    throw ForecastingError(.fitFailed, "\(f.mean.count) steps, expected \(horizon)")
                }
                forecasts[t] = f
            } catch {
                failures[t] = "\(error)"
            }
        }
        return OriginForecasts(y: y, horizon: horizon, forecasts: forecasts, failures: failures)
    }

    /// The calibrated range of one step.
    public struct Range: Sendable, Equatable {
        public var step: Int
        public var mean: Double
        public var lower: Double
        public var upper: Double
        /// The half-width on the log scale.
        public var quantile: Double
        /// How many scores calibrated it.
        public var calibration: Int
    }

    /// The scores s(t, h) for the origins t < `origin` whose h-step target was observed before
    /// `origin`, the most recent `calibrationOrigins` of them, oldest first.
    public func scores(_ f: OriginForecasts, step h: Int, before origin: Int) -> [Double] {
        var out: [Double] = []
        var t = origin - h
        while t >= 1, out.count < calibrationOrigins {
            if let forecast = f.forecasts[t], h <= forecast.mean.count, t + h - 1 < f.y.count,
                let s = ConformalRange.score(actual: f.y[t + h - 1], forecast: forecast.mean[h - 1])
            {
                out.append(s)
            }
            t -= 1
        }
        return out.reversed()
    }

    /// The ranges at `level` of the forecast made at `origin`, one per step, or nil for a step
    /// with too few scores (fewer than 100/(100 − level) − 1).
    public func ranges(_ f: OriginForecasts, origin: Int, level: Int) -> [Range?] {
        guard let forecast = f.forecasts[origin] else { return Array(repeating: nil, count: f.horizon) }
        return (1...f.horizon).map { h in
            let s = scores(f, step: h, before: origin)
            guard h <= forecast.mean.count, let q = ConformalRange.quantile(s, level: level) else { return nil }
            let m = forecast.mean[h - 1]
            return Range(step: h, mean: m, lower: m * exp(-q), upper: m * exp(q), quantile: q, calibration: s.count)
        }
    }

    /// How often ranges held the actual price, in a rolling-origin backtest.
    public struct Coverage: Sendable, Equatable {
        /// (origin, step) pairs with an observed actual and a range.
        public var cases: Int
        /// Of them, those whose calibrated range held the actual.
        public var hits: Int
        /// Of the same cases, those whose model interval at the level held the actual (nil
        /// when the model gave no interval at that level).
        public var modelHits: Int?
        /// Per step h = 1...horizon: cases and hits of the calibrated range.
        public var byStep: [(cases: Int, hits: Int)]
        /// The first and last origins evaluated.
        public var firstOrigin: Int?
        public var lastOrigin: Int?
        /// Mean of upper/lower − 1 over the cases (relative width), calibrated and model.
        public var meanRelativeWidth: Double?
        public var modelMeanRelativeWidth: Double?

        public var rate: Double? { cases > 0 ? Double(hits) / Double(cases) : nil }
        public var modelRate: Double? { cases > 0 ? modelHits.map { Double($0) / Double(cases) } : nil }

        public static func == (a: Coverage, b: Coverage) -> Bool {
            a.cases == b.cases && a.hits == b.hits && a.modelHits == b.modelHits && a.firstOrigin == b.firstOrigin
                && a.lastOrigin == b.lastOrigin && a.byStep.map(\.cases) == b.byStep.map(\.cases)
                && a.byStep.map(\.hits) == b.byStep.map(\.hits)
        }
    }

    /// The rolling-origin coverage: at every origin of `f` before the end of the series, the
    /// range from earlier errors only, checked against each observed actual that follows.
    /// An actual on a bound counts as held.
    /// - Parameter only: when given, only the origins in it are evaluated (their ranges still use
    ///   every earlier origin's errors).
    public func coverage(_ f: OriginForecasts, level: Int, only: ClosedRange<Int>? = nil) -> Coverage {
        var cases = 0
        var hits = 0
        var modelHits = 0
        var modelMissing = false
        var byStep = Array(repeating: (cases: 0, hits: 0), count: f.horizon)
        var first: Int?
        var last: Int?
        var width = 0.0
        var modelWidth = 0.0
        var modelWidthCount = 0
        for origin in f.forecasts.keys.sorted() where origin < f.y.count && only.map({ $0.contains(origin) }) != false {
            let interval = f.forecasts[origin]?.interval(level: level)
            for case let r? in ranges(f, origin: origin, level: level) {
                let i = origin + r.step - 1
                guard i < f.y.count, f.y[i].isFinite else { continue }
                let y = f.y[i]
                cases += 1
                byStep[r.step - 1].cases += 1
                if y >= r.lower && y <= r.upper {
                    hits += 1
                    byStep[r.step - 1].hits += 1
                }
                width += r.upper / r.lower - 1
                if let interval, r.step <= interval.lower.count, r.step <= interval.upper.count {
                    let lo = interval.lower[r.step - 1]
                    let hi = interval.upper[r.step - 1]
                    if y >= lo && y <= hi { modelHits += 1 }
                    if lo > 0 {
                        modelWidth += hi / lo - 1
                        modelWidthCount += 1
                    }
                } else {
                    modelMissing = true
                }
                first = first ?? origin
                last = origin
            }
        }
        return Coverage(
            cases: cases, hits: hits, modelHits: modelMissing ? nil : modelHits, byStep: byStep,
            firstOrigin: first, lastOrigin: last, meanRelativeWidth: cases > 0 ? width / Double(cases) : nil,
            modelMeanRelativeWidth: modelWidthCount > 0 ? modelWidth / Double(modelWidthCount) : nil)
    }
}

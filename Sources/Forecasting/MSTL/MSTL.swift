import TimeSeriesCore

/// MSTL forecasting: decompose, forecast the seasonally adjusted series by ETS, and add each
/// seasonal component back by its seasonal-naive continuation (Bandara, Hyndman & Bergmeir
/// 2021; R `forecast::stlf` on an `mstl` fit; statsforecast `MSTL`).
///
///     ŷₙ₊ₕ = T̂ₙ₊ₕ + Σᵢ S⁽ⁱ⁾ₙ₋ₘᵢ₊((h−1) mod mᵢ)+1
///
/// where T̂ is the forecast of the trend forecaster fitted to the adjusted series Tₜ + Rₜ of
/// `MSTLDecomposition`: by default ETS chosen by AICc among the non-seasonal forms
/// (statsforecast's `AutoETS(model='ZZN')`). Its intervals are shifted by the same seasonal
/// sum: the seasonal components are treated as known.
///
/// Periods: `periods` when given, otherwise `defaultPeriods(for:)` of the single period the
/// caller passes. Periods that do not fit twice into the series are left out (R `mstl`), with a
/// note; with none left, the series is forecast by the trend forecaster alone.
public struct MSTL: Forecaster {
    /// The seasonal periods; nil to derive them from the `period` of each call.
    public var periods: [Int]?
    public var decomposition: MSTLDecomposition.Settings
    /// The trend forecaster's ETS candidates (their season is ignored: the adjusted series has
    /// none).
    public var trend: ETS.Specification
    public let name: String

    /// ETS(Z,Z,N): every error and trend, no season; AICc, as statsforecast's default.
    public static let defaultTrend = ETS.Specification(seasons: [.none])

    public init(
        periods: [Int]? = nil, decomposition: MSTLDecomposition.Settings = .init(),
        trend: ETS.Specification = MSTL.defaultTrend, name: String = "mstl"
    ) {
        self.periods = periods
        self.decomposition = decomposition
        var trend = trend
        trend.seasons = [.none]
        self.trend = trend
        self.name = name
    }

    /// The periods of a series given one period: daily data (7) get the week and the year,
    /// [7, 365]; hourly data (24) the day and the week, [24, 168]; any other m > 1 itself; 1 none.
    public static func defaultPeriods(for period: Int) -> [Int] {
        switch period {
        case ...1: []
        case 7: [7, 365]
        case 24: [24, 168]
        default: [period]
        }
    }

    /// A fitted MSTL: the decomposition (nil when no period fits the series) and the trend
    /// forecaster's model of the adjusted series.
    public struct Fit: Sendable, Equatable {
        public var decomposition: MSTLDecomposition?
        public var trendModel: ETS.Model
        /// Left-out periods, in plain words.
        public var notes: [String]

        /// The last cycle of each seasonal component (none without a decomposition).
        public var lastCycles: [[Double]] { decomposition?.lastCycles ?? [] }
    }

    /// Decomposes `y` and fits the trend forecaster to the adjusted series.
    public func fit(_ y: [Double], period: Int) throws -> Fit {
        let (usable, notes) = try usablePeriods(y, period: period)
        guard !usable.isEmpty else {
            return Fit(decomposition: nil, trendModel: try ETS(trend).fit(y, period: 1), notes: notes)
        }
        let decomposition = try MSTLDecomposition(y, periods: usable, settings: self.decomposition)
        return Fit(
            decomposition: decomposition, trendModel: try ETS(trend).fit(decomposition.adjusted, period: 1),
            notes: notes)
    }

    /// The periods to decompose `y` at, and notes on those left out.
    func usablePeriods(_ y: [Double], period: Int) throws -> (periods: [Int], notes: [String]) {
        let asked = periods ?? MSTL.defaultPeriods(for: period)
        for m in asked {
            guard m >= 1 else { throw ForecastingError(.invalidArgument, "MSTL periods must be at least 1, got \(m)") }
            try Limits.period.check(m, "period")
        }
        let usable = MSTLDecomposition.usablePeriods(asked, count: y.count)
        let notes = Set(asked).subtracting(usable).filter { $0 > 1 }.sorted().map {
            "seasonal period \($0) left out: \(y.count) observations do not cover two of its cycles"
        }
        return (usable, notes)
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        return forecast(try fit(y, period: period), horizon: horizon, levels: levels)
    }

    /// The forecast of a fit: the trend model's forecast, its points, bounds and fitted values
    /// shifted by the seasonal components.
    public func forecast(_ fit: Fit, horizon: Int, levels: [Int]) -> Forecast {
        let base = fit.trendModel.forecast(
            horizon: horizon, levels: levels,
            simulationPaths: trend.simulationPaths, seed: trend.seed)
        let season = MSTLDecomposition.seasonalForecast(lastCycles: fit.lastCycles, horizon: horizon)
        let shift = { (x: [Double]) in zip(x, season).map { $0 + $1 } }
        var fitted = base.fitted
        if let d = fit.decomposition, let f = fitted {
            fitted = f.indices.map { t in d.seasonal.reduce(f[t]) { $0 + $1[t] } }
        }
        var summary = base.model
        let periods = fit.decomposition?.periods ?? []
        summary.name = "MSTL(\(periods.map(String.init).joined(separator: ",")); \(summary.name))"
        summary.family = name
        summary.notes = fit.notes + summary.notes
        return Forecast(
            model: summary, mean: shift(base.mean),
            intervals: base.intervals.map {
                PredictionInterval(level: $0.level, lower: shift($0.lower), upper: shift($0.upper))
            },
            fitted: fitted)
    }
}

import Forecasting
import TimeSeriesCore

/// The WFP Alert for Price Spikes (ALPS).
///
/// WFP (2014). *Technical Guidance Note: Calculation and Use of the Alert for Price Spikes
/// (ALPS) Indicator.* Rome. The "normal" price is the long-run seasonal trend, a least-squares
/// fit of the price on a linear time trend and calendar-month effects:
///
///     P_t = α_{m(t)} + β·t + ε_t          (equivalently: intercept, trend, 11 month dummies)
///
/// and the indicator is the gap to that trend in units of the residual standard deviation:
///
///     ALPS_t = (P_t − P̂_t) / σ̂,   σ̂ = √( Σ ε̂² / (n − k) ),  k = months with data + 1
///
/// Classes: ALPS < 0.25 normal, 0.25 ≤ ALPS < 1 stress, 1 ≤ ALPS < 2 alert, ALPS ≥ 2 crisis
/// (prices below the trend are normal: the indicator warns of high prices only).
///
/// The fit uses every observed month up to the last one; gaps keep their calendar place in t.
/// β is the within-month estimator Σ(t − t̄_m)(P − P̄_m) / Σ(t − t̄_m)² and α_m = P̄_m − β·t̄_m,
/// the exact least-squares solution for this design (Frisch–Waugh), computed on centred data.
/// WFP requires at least three years of prices; a warning is given only while the latest
/// observation is at most `maximumAgeInMonths` old.
public struct PriceSpikeAlert: Sendable, Equatable {
    /// Fewest observed months for a fit (WFP: three years of data).
    public var minimumObservations: Int
    /// Oldest the latest observation may be (months, against the 'as of' date) for a warning.
    public var maximumAgeInMonths: Int

    public init(minimumObservations: Int = 36, maximumAgeInMonths: Int = 2) {
        self.minimumObservations = minimumObservations
        self.maximumAgeInMonths = maximumAgeInMonths
    }

    /// The fitted seasonal trend.
    public struct SeasonalTrend: Sendable, Equatable {
        /// Month effects α_m for January...December (nil for a month never observed).
        public var monthEffects: [Double?]
        /// β, the trend per month; t is `PeriodDate.ordinal` of the month.
        public var slope: Double
        /// σ̂, the residual standard deviation with n − k degrees of freedom.
        public var sigma: Double
        public var observations: Int
        public var parameters: Int

        /// P̂ for the month with running number `ordinal`, if its calendar month was observed.
        public func trend(atOrdinal ordinal: Int) -> Double? {
            let m = ((ordinal % 12) + 12) % 12
            return monthEffects[m].map { $0 + slope * Double(ordinal) }
        }
    }

    /// The indicator for one month.
    public struct Point: Sendable, Equatable {
        public var date: PeriodDate
        public var price: Double
        /// The seasonal trend P̂ ("normal" price).
        public var trend: Double
        public var value: Double
        public var severity: PriceSpikeClass
    }

    public struct Assessment: Sendable, Equatable {
        public var latest: PeriodDate
        public var point: Point
        public var status: AlertStatus
        public var fit: SeasonalTrend
        /// The class to publish: the point's class while `status` is `.current`, otherwise nil.
        public var severity: PriceSpikeClass? { status == .current ? point.severity : nil }
    }

    /// Fits the seasonal trend to every observed month.
    public func fit(_ prices: MonthlyPrices, id: String = "") throws -> SeasonalTrend {
        guard minimumObservations >= 3 else {
            throw ForecastingError(.invalidArgument, "at least 3 observations are needed, got \(minimumObservations)")
        }
        var byMonth = [[(t: Double, p: Double)]](repeating: [], count: 12)
        for (i, value) in prices.prices.enumerated() {
            guard let p = value else { continue }
            let ordinal = prices.firstOrdinal + i
            byMonth[((ordinal % 12) + 12) % 12].append((Double(ordinal), p))
        }
        let n = byMonth.reduce(0) { $0 + $1.count }
        let k = byMonth.filter { !$0.isEmpty }.count + 1
        guard n >= minimumObservations, n > k else {
            throw ForecastingError(
                .tooShort,
                "series '\(id)': the seasonal trend needs at least \(max(minimumObservations, k + 1)) observed months, found \(n)"
            )
        }
        var means = [(t: Double, p: Double)?](repeating: nil, count: 12)
        var sxy = 0.0
        var sxx = 0.0
        for m in 0..<12 where !byMonth[m].isEmpty {
            let group = byMonth[m]
            let tm = group.reduce(0) { $0 + $1.t } / Double(group.count)
            let pm = group.reduce(0) { $0 + $1.p } / Double(group.count)
            means[m] = (tm, pm)
            for o in group {
                sxy += (o.t - tm) * (o.p - pm)
                sxx += (o.t - tm) * (o.t - tm)
            }
        }
        guard sxx > 0 else {
            throw ForecastingError(
                .tooShort, "series '\(id)': each calendar month is observed only once; no trend can be fitted")
        }
        let slope = sxy / sxx
        let effects = means.map { $0.map { $0.p - slope * $0.t } }
        var rss = 0.0
        for m in 0..<12 {
            guard let a = effects[m] else { continue }
            for o in byMonth[m] {
                let e = o.p - (a + slope * o.t)
                rss += e * e
            }
        }
        let sigma = (rss / Double(n - k)).squareRoot()
        guard sigma > 0 else {
            throw ForecastingError(.fitFailed, "series '\(id)': the prices lie exactly on the seasonal trend (σ = 0)")
        }
        return SeasonalTrend(monthEffects: effects, slope: slope, sigma: sigma, observations: n, parameters: k)
    }

    /// The indicator for every observed month, with the trend fitted on the whole record.
    public func values(_ series: TimeSeries) throws -> [Point] {
        let prices = try MonthlyPrices(series)
        return try values(prices, fit: fit(prices, id: series.id))
    }

    func values(_ prices: MonthlyPrices, fit: SeasonalTrend) -> [Point] {
        prices.prices.enumerated().compactMap { i, value in
            guard let p = value, let trend = fit.trend(atOrdinal: prices.firstOrdinal + i) else { return nil }
            let alps = (p - trend) / fit.sigma
            return Point(
                date: prices.date(at: i), price: p, trend: trend, value: alps,
                severity: PriceSpikeClass(alps: alps))
        }
    }

    /// The indicator for the latest observation of `series`, judged against `asOf`.
    public func assess(_ series: TimeSeries, asOf: PeriodDate) throws -> Assessment {
        guard maximumAgeInMonths >= 0 else {
            throw ForecastingError(.invalidArgument, "the maximum age must not be negative, got \(maximumAgeInMonths)")
        }
        let prices = try MonthlyPrices(series)
        let trend = try fit(prices, id: series.id)
        guard let last = values(prices, fit: trend).last else {
            throw ForecastingError(.tooShort, "series '\(series.id)' has no observed prices")
        }
        let status = AlertStatus.from(age: try prices.age(asOf: asOf), maximumAge: maximumAgeInMonths)
        return Assessment(latest: last.date, point: last, status: status, fit: trend)
    }
}

/// The WFP ALPS classes.
public enum PriceSpikeClass: String, Sendable, Equatable, CaseIterable {
    case normal, stress, alert, crisis

    /// < 0.25 normal, [0.25, 1) stress, [1, 2) alert, ≥ 2 crisis.
    public init(alps: Double) {
        if alps >= 2 {
            self = .crisis
        } else if alps >= 1 {
            self = .alert
        } else if alps >= 0.25 {
            self = .stress
        } else {
            self = .normal
        }
    }
}

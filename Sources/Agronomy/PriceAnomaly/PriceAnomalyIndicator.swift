import Forecasting
import Foundation
import TimeSeriesCore

/// The FAO GIEWS Indicator of Price Anomalies (IPA), the method behind SDG indicator 2.c.1.
///
/// Baquedano, F. G. (2015). *Developing an indicator of price anomalies as an early warning
/// tool: a compound growth approach.* FAO, Rome. For a monthly price P:
///
///     CQGR_t = (P_t / P_{t−3})^(1/3) − 1          compound monthly growth over a quarter
///     CAGR_t = (P_t / P_{t−12})^(1/12) − 1        compound monthly growth over a year
///
/// Each rate is compared with the same calendar month in other years, which takes out both
/// seasonality and the general drift of prices (inflation):
///
///     IQ_t = (CQGR_t − m_Q(month)) / s_Q(month),   IA_t = (CAGR_t − m_A(month)) / s_A(month)
///
/// with the weighted mean m = Σ w_y x_y / Σ w_y and the weighted standard deviation
/// s = √( Σ w_y (x_y − m)² / (Σ w_y · (n − 1)/n) ) over the n years y that have the rate for
/// that month (Baquedano 2015, eqs. 4–5; with equal weights s is the usual sample standard
/// deviation). The indicator combines the two:
///
///     IPA_t = γ · IQ_t + (1 − γ) · IA_t,   γ = 0.4
///
/// Bands (GIEWS FPMA): IPA ≥ 1 abnormally high, 0.5 ≤ IPA < 1 moderately high,
/// −0.5 < IPA < 0.5 normal, −1 < IPA ≤ −0.5 moderately low, IPA ≤ −1 abnormally low.
///
/// The reference years for a month are those observed up to and including the month scored,
/// so each value uses only what was known at the time; for the latest observation this is the
/// whole record. The volatility adjustment of the 2015 working paper (vCGR) is not applied, as
/// in the SDG 2.c.1 computation. A warning is given only while the latest observation is at
/// most `maximumAgeInMonths` (GIEWS: two) months old.
public struct PriceAnomalyIndicator: Sendable, Equatable {
    /// How the years of one calendar month are weighted in the mean and standard deviation.
    public enum YearWeighting: String, Sendable, Equatable {
        /// Every year counts the same.
        case equal
        /// The k-th oldest year has weight k, so recent years count more.
        case linear
    }

    /// γ, the weight of the quarterly score (the annual one gets 1 − γ).
    public var quarterlyWeight: Double
    /// Fewest years with the growth rate for a calendar month before that month is scored.
    public var minimumYears: Int
    public var yearWeighting: YearWeighting
    /// Oldest the latest observation may be (in months, against the 'as of' date) for a warning.
    public var maximumAgeInMonths: Int

    public init(
        quarterlyWeight: Double = 0.4, minimumYears: Int = 5,
        yearWeighting: YearWeighting = .equal, maximumAgeInMonths: Int = 2
    ) {
        (self.quarterlyWeight, self.minimumYears, self.yearWeighting) = (quarterlyWeight, minimumYears, yearWeighting)
        self.maximumAgeInMonths = maximumAgeInMonths
    }

    /// The indicator for one month.
    public struct Point: Sendable, Equatable {
        public var date: PeriodDate
        public var price: Double
        /// Compound quarterly and annual growth rates (per month).
        public var cqgr: Double
        public var cagr: Double
        /// The standardised rates, IQ and IA.
        public var quarterlyScore: Double
        public var annualScore: Double
        /// γ·IQ + (1 − γ)·IA.
        public var value: Double
        public var band: PriceAnomalyBand
        /// Years behind the quarterly and annual reference statistics for this calendar month.
        public var quarterlyYears: Int
        public var annualYears: Int
    }

    /// The indicator for the latest observation, and whether it may be published as a warning.
    public struct Assessment: Sendable, Equatable {
        /// The month of the latest observation.
        public var latest: PeriodDate
        /// The indicator for that month, when it can be computed.
        public var point: Point?
        public var status: AlertStatus
        /// The band to publish: the point's band while `status` is `.current`, otherwise nil.
        public var band: PriceAnomalyBand? { status == .current ? point?.band : nil }
    }

    func validate() throws {
        guard quarterlyWeight >= 0, quarterlyWeight <= 1 else {
            throw ForecastingError(
                .invalidArgument, "the quarterly weight γ must lie in [0, 1], got \(quarterlyWeight)")
        }
        guard minimumYears >= 2 else {
            throw ForecastingError(
                .invalidArgument, "at least two years are needed for a standard deviation, got \(minimumYears)")
        }
        guard maximumAgeInMonths >= 0 else {
            throw ForecastingError(.invalidArgument, "the maximum age must not be negative, got \(maximumAgeInMonths)")
        }
    }

    /// The indicator for every month where it can be computed, in time order.
    public func values(_ series: TimeSeries) throws -> [Point] {
        try values(MonthlyPrices(series), id: series.id)
    }

    /// The indicator for every month of `prices` where it can be computed, in time order.
    public func values(_ prices: MonthlyPrices, id: String = "") throws -> [Point] {
        try validate()
        if let bad = prices.prices.first(where: { ($0 ?? 1) <= 0 }) {
            throw ForecastingError(
                .outOfDomain,
                "series '\(id)': growth rates need positive prices, found \(bad ?? 0)")
        }
        let n = prices.prices.count
        var cqgr = [Double?](repeating: nil, count: n)
        var cagr = [Double?](repeating: nil, count: n)
        for i in 0..<n {
            guard let p = prices.prices[i] else { continue }
            if i >= 3, let q = prices.prices[i - 3] { cqgr[i] = pow(p / q, 1.0 / 3) - 1 }
            if i >= 12, let a = prices.prices[i - 12] { cagr[i] = pow(p / a, 1.0 / 12) - 1 }
        }
        var points: [Point] = []
        for i in 0..<n {
            guard let price = prices.prices[i], let q = cqgr[i], let a = cagr[i] else { continue }
            // Same calendar month, this year and earlier ones, oldest first.
            let months = stride(from: i % 12, through: i, by: 12)
            let pastQ = months.compactMap { cqgr[$0] }
            let pastA = months.compactMap { cagr[$0] }
            guard pastQ.count >= minimumYears, pastA.count >= minimumYears,
                let (mq, sq) = weightedMoments(pastQ), let (ma, sa) = weightedMoments(pastA),
                sq > 0, sa > 0
            else { continue }
            let iq = (q - mq) / sq
            let ia = (a - ma) / sa
            let ipa = quarterlyWeight * iq + (1 - quarterlyWeight) * ia
            points.append(
                Point(
                    date: prices.date(at: i), price: price, cqgr: q, cagr: a,
                    quarterlyScore: iq, annualScore: ia, value: ipa,
                    band: PriceAnomalyBand(ipa: ipa),
                    quarterlyYears: pastQ.count, annualYears: pastA.count))
        }
        return points
    }

    /// The indicator for the latest observation of `series`, judged against `asOf`.
    public func assess(_ series: TimeSeries, asOf: PeriodDate) throws -> Assessment {
        let prices = try MonthlyPrices(series)
        let latest = prices.date(at: prices.prices.count - 1)
        let point = try values(prices, id: series.id).last.flatMap { $0.date == latest ? $0 : nil }
        let status = AlertStatus.from(age: try prices.age(asOf: asOf), maximumAge: maximumAgeInMonths)
        return Assessment(
            latest: latest, point: point,
            status: point == nil && status == .current ? .notComputable : status)
    }

    /// Weighted mean and standard deviation (Baquedano 2015, eqs. 4–5) of `x`, oldest first.
    func weightedMoments(_ x: [Double]) -> (mean: Double, sd: Double)? {
        let n = x.count
        guard n >= 2 else { return nil }
        let w: [Double] =
            switch yearWeighting {
            case .equal: Array(repeating: 1, count: n)
            case .linear: (1...n).map(Double.init)
            }
        let sw = w.reduce(0, +)
        var mean = 0.0
        for k in 0..<n { mean += w[k] * x[k] }
        mean /= sw
        var ss = 0.0
        for k in 0..<n { ss += w[k] * (x[k] - mean) * (x[k] - mean) }
        let variance = ss / (sw * Double(n - 1) / Double(n))
        return (mean, variance.squareRoot())
    }
}

/// The GIEWS bands of the Indicator of Price Anomalies.
public enum PriceAnomalyBand: String, Sendable, Equatable, CaseIterable {
    case abnormallyLow = "abnormally-low"
    case moderatelyLow = "moderately-low"
    case normal
    case moderatelyHigh = "moderately-high"
    case abnormallyHigh = "abnormally-high"

    /// IPA ≥ 1 abnormally high; [0.5, 1) moderately high; (−0.5, 0.5) normal;
    /// (−1, −0.5] moderately low; ≤ −1 abnormally low.
    public init(ipa: Double) {
        if ipa >= 1 {
            self = .abnormallyHigh
        } else if ipa >= 0.5 {
            self = .moderatelyHigh
        } else if ipa > -0.5 {
            self = .normal
        } else if ipa > -1 {
            self = .moderatelyLow
        } else {
            self = .abnormallyLow
        }
    }
}

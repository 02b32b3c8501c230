/// How old a series' data is on an issue date: its last observed period, and the whole periods
/// of the series' own kind from that period to the issue date's (months for a monthly series,
/// years for a yearly one), so that a bulletin dated this month can say that its newest price is
/// of June 2022, 53 months before.
///
/// - `age` = ordinal(issue period) − ordinal(last observed period), the issue date taken as its
///   own period of the series' kind (a day counts as its month, quarter or year); 0 when the last
///   observation is of the issue period, negative when it lies after the issue date. A season
///   series (whose seasons need a calendar to place a day) counts in years.
/// - `monthsOld` = the issue month's ordinal − the ordinal of the last month the last observed
///   period covers (December for a year): how long the newest number has been closed.
/// - `stale` when `monthsOld` exceeds the allowed freshness in months (issue 14: 2 months for
///   monthly prices, 18 months for yearly crops). Staleness is what withholds a price alert
///   (`AlertStatus` in Agronomy reads `isStale`), so the test is written once.
public struct DataAge: Sendable, Equatable {
    /// The kind of period an age is counted in.
    public enum Unit: String, Sendable, Equatable, CaseIterable {
        case days, months, quarters, years
    }

    /// Periods of this many months or fewer after the last observation before a forecast is
    /// withheld: past a gap of 24 periods there is no forecast (issue 14).
    public static let maximumGap = 24

    /// The default freshness, in months: 2 for a monthly (or finer) series, 18 for a yearly one.
    public static func defaultFreshness(_ frequency: Frequency) -> Int {
        switch frequency {
        case .yearly, .season, .index: 18
        case .quarterly: 6
        case .monthly, .weekly, .daily: 2
        }
    }

    public var lastObserved: PeriodDate
    /// The issue date as a period of the series' kind (the issue month of a monthly series).
    public var issuePeriod: PeriodDate
    public var age: Int
    public var unit: Unit
    public var monthsOld: Int
    /// The freshness allowed, in months.
    public var freshness: Int

    /// True when the newest number is older than `freshness` months.
    public var isStale: Bool { Self.isStale(monthsOld: monthsOld, freshness: freshness) }

    /// True when the gap from the last observation to the issue date is past `maximumGap` periods.
    public var isPastMaximumGap: Bool { age > Self.maximumGap }

    /// The one staleness test: older than `freshness` months.
    public static func isStale(monthsOld: Int, freshness: Int) -> Bool { monthsOld > freshness }

    /// The age of `series` (its last finite value) on `issueDay` (a day or a month); nil when
    /// the series has no calendar, no observation, or `issueDay` is not a day or a month.
    public init?(of series: TimeSeries, issueDay: PeriodDate, freshness: Int? = nil) {
        guard let i = series.values.lastIndex(where: \.isFinite), let last = series.date(at: i) else { return nil }
        self.init(lastObserved: last, issueDay: issueDay, freshness: freshness ?? Self.defaultFreshness(series.frequency))
    }

    /// The age of data last observed in `lastObserved` on `issueDay` (a day or a month).
    public init?(lastObserved: PeriodDate, issueDay: PeriodDate, freshness: Int) {
        let (y, m): (Int, Int)
        switch issueDay {
        case .day(let yy, let mm, _), .month(let yy, let mm): (y, m) = (yy, mm)
        default: return nil
        }
        let issueMonth = PeriodDate.month(year: y, month: m).ordinal
        switch lastObserved {
        case .year(let ly):
            (issuePeriod, unit, monthsOld) = (.year(y), .years, issueMonth - PeriodDate.month(year: ly, month: 12).ordinal)
        case .season(let ly, _, _):
            (issuePeriod, unit, monthsOld) = (.year(y), .years, issueMonth - PeriodDate.month(year: ly, month: 12).ordinal)
        case .quarter(let ly, let q):
            let closing = PeriodDate.month(year: ly, month: q * 3).ordinal
            (issuePeriod, unit, monthsOld) = (.quarter(year: y, quarter: (m - 1) / 3 + 1), .quarters, issueMonth - closing)
        case .month:
            (issuePeriod, unit, monthsOld) = (.month(year: y, month: m), .months, issueMonth - lastObserved.ordinal)
        case .day(let ly, let lm, _):
            guard case .day = issueDay else { return nil }
            (issuePeriod, unit) = (issueDay, .days)
            monthsOld = issueMonth - PeriodDate.month(year: ly, month: lm).ordinal
        case .index:
            return nil
        }
        self.lastObserved = lastObserved
        self.freshness = freshness
        age = unit == .years ? y - (lastObserved.year ?? y) : issuePeriod.ordinal - lastObserved.ordinal
    }

    /// The periods of a forecast that starts after the last observation: `true` for a period
    /// before the issue period (an estimate of a period already past), `false` from the issue
    /// period on (a forecast).
    public func isEstimate(_ period: PeriodDate) -> Bool {
        switch (period, issuePeriod) {
        case (.season(let y, _, _), .year(let iy)): y < iy
        default: period.ordinal < issuePeriod.ordinal
        }
    }
}

extension PeriodDate {
    /// The calendar year of the period (nil for an index).
    public var year: Int? {
        switch self {
        case .year(let y), .quarter(let y, _), .month(let y, _), .day(let y, _, _), .season(let y, _, _): y
        case .index: nil
        }
    }
}

extension TimeSeries {
    /// The periods after the series' last period and before the issue period of `issueDay`:
    /// estimates of periods already past, so that a forecast of `estimates + horizon` steps has
    /// its horizon counted from the issue period. 0 when the series reaches the issue period, and
    /// for a season series (whose seasons need a calendar to place a day) or an index.
    public func estimatedPeriods(before issueDay: PeriodDate) -> Int {
        guard count > 0, let last = date(at: count - 1) else { return 0 }
        if case .season = last { return 0 }
        guard let age = DataAge(lastObserved: last, issueDay: issueDay, freshness: 0) else { return 0 }
        return max(0, age.age - 1)
    }

    /// The series without its periods after the issue period of `issueDay` (a day or a month):
    /// what can have been known on that date. The series itself when none lies after it (or when
    /// its periods cannot be placed against a day: an index).
    public func known(through issueDay: PeriodDate) -> TimeSeries {
        var k = count
        while k > 0, let d = date(at: k - 1), let age = DataAge(lastObserved: d, issueDay: issueDay, freshness: 0),
            age.age < 0
        {
            k -= 1
        }
        guard k < count else { return self }
        var s = self
        s.values = Array(values.prefix(k))
        return s
    }
}

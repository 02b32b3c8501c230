import TimeSeriesCore

/// How a period is kept: `PeriodDate.ordinal` in an INTEGER column, and its series' frequency
/// (and crops a year) in the series table, from which the period is rebuilt.
enum StoredPeriod {
    /// The period of `ordinal` for a series of `frequency`: the period with ordinal 0 advanced by
    /// `ordinal` (days step by one day, weekly series included).
    static func date(ordinal: Int, frequency: Frequency, seasonsPerYear: Int?) -> PeriodDate {
        let origin: PeriodDate
        switch frequency {
        case .yearly: origin = .year(0)
        case .quarterly: origin = .quarter(year: 0, quarter: 1)
        case .monthly: origin = .month(year: 0, month: 1)
        case .daily, .weekly: origin = .day(year: 1970, month: 1, day: 1)
        case .season: origin = .season(year: 0, season: 1, seasonsPerYear: seasonsPerYear ?? 3)
        case .index: origin = .index(0)
        }
        return origin.advanced(by: ordinal)
    }

    /// Whether `period` is written as a series of `frequency` writes its dates (a weekly series'
    /// dates are days).
    static func fits(_ period: PeriodDate, _ frequency: Frequency) -> Bool {
        let implied = period.impliedFrequency
        return implied == frequency || (frequency == .weekly && implied == .daily)
    }

    /// Crops a year of a crop-season period, nil for other periods.
    static func seasonsPerYear(_ period: PeriodDate) -> Int? {
        if case .season(_, _, let k) = period { return k }
        return nil
    }
}

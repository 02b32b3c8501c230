import Foundation
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

extension StoredPeriod {
    /// The instant a period counts as published under a release lag of `lagMonths` months: the
    /// start (00:00 UTC) of its last day advanced by that many months (the day clamped to the
    /// month's length). A crop season's last day is its year's: the season tables come out in the
    /// year's statistics.
    static func knownFrom(_ period: PeriodDate, lagMonths: Int) -> Date {
        let (y, m, d): (Int, Int, Int)
        switch period {
        case .year(let year), .season(let year, _, _): (y, m, d) = (year, 12, 31)
        case .quarter(let year, let q): (y, m, d) = (year, q * 3, PeriodDate.daysInMonth(year: year, month: q * 3))
        case .month(let year, let month): (y, m, d) = (year, month, PeriodDate.daysInMonth(year: year, month: month))
        case .day(let year, let month, let day): (y, m, d) = (year, month, day)
        case .index: return Date(timeIntervalSince1970: 0)
        }
        let shifted = PeriodDate.month(year: y, month: m).advanced(by: lagMonths)
        guard case .month(let sy, let sm) = shifted else { return Date(timeIntervalSince1970: 0) }
        let day = min(d, PeriodDate.daysInMonth(year: sy, month: sm))
        return Date(timeIntervalSince1970: Double(PeriodDate.daysFromCivil(year: sy, month: sm, day: day)) * 86_400)
    }
}

import Foundation
import TimeSeriesCore

/// One series as the store holds it today (every vintage counted): its span, its source and when
/// it was last imported.
public struct SeriesStatus: Sendable, Equatable {
    public var id: String
    public var unit: String
    public var frequency: Frequency
    public var label: String?
    public var first: PeriodDate
    /// The last period with a value.
    public var last: PeriodDate
    /// Periods with a value.
    public var count: Int
    /// The newest vintage of any of its observations.
    public var lastVintage: Date
    /// The file of the last import that held the series, its publisher and when it was imported.
    public var source: String
    public var publisher: String
    public var lastImport: Date

    /// Periods from the last observation to the period holding `date` (UTC): 0 when the series
    /// reaches that period. Nil for crop seasons and indices, which have no calendar date.
    public func age(at date: Date) -> Int? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        guard let y = c.year, let m = c.month, let d = c.day else { return nil }
        let now: PeriodDate
        switch frequency {
        case .yearly: now = .year(y)
        case .quarterly: now = .quarter(year: y, quarter: (m - 1) / 3 + 1)
        case .monthly: now = .month(year: y, month: m)
        case .daily, .weekly: now = .day(year: y, month: m, day: d)
        case .season, .index: return nil
        }
        let steps = now.ordinal - last.ordinal
        return frequency == .weekly ? steps / 7 : steps
    }
}

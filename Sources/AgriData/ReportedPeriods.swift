import TimeSeriesCore

/// The periods of one series for which its file gives a value (a value cell that is neither empty
/// nor `NA`), as opposed to the periods whose value `MissingPolicy.interpolate` filled in. Price
/// alerts and the history a bulletin shows use only these, so that a filled-in value never counts
/// as an observation.
///
/// `TidyReader` keeps one per series (`TidyDataset.reported`) as it reads the file, so the file is
/// parsed once. It is stored against the series the reader built: that series' first period, its
/// number of periods and the positions of the filled-in ones; every other period of the series is
/// reported. Under `fail` and `skip` nothing is filled in, so every period of the series is reported.
public struct ReportedPeriods: Sendable, Equatable {
    /// The first period of the series.
    public let start: PeriodDate
    /// Its frequency (a weekly series steps by 7 days).
    public let frequency: Frequency
    /// Its number of periods, reported or filled in.
    public let count: Int
    /// Positions (0-based, into the series' values, ascending) of the periods with no reported value.
    public let filled: [Int]

    public init(start: PeriodDate, frequency: Frequency, count: Int, filled: [Int] = []) {
        (self.start, self.frequency, self.count, self.filled) = (start, frequency, count, filled)
    }

    /// The number of reported periods.
    public var reportedCount: Int { count - filled.count }

    /// Whether position `i` of the series has a reported value.
    public func isReported(at i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        // Binary search in `filled`, which is sorted.
        var lo = 0
        var hi = filled.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if filled[mid] < i { lo = mid + 1 } else { hi = mid }
        }
        return lo == filled.count || filled[lo] != i
    }

    /// The position of `date` in the series, or nil when it is not one of its periods.
    public func position(of date: PeriodDate) -> Int? {
        let step = frequency == .weekly ? 7 : 1
        let distance = date.ordinal - start.ordinal
        guard distance % step == 0 else { return nil }
        let i = distance / step
        // Same kind of date (and, for crop seasons, the same number of crops a year).
        guard i >= 0, i < count, start.advanced(by: i, frequency: frequency) == date else { return nil }
        return i
    }

    /// Whether `date` is a period of the series with a reported value.
    public func contains(_ date: PeriodDate) -> Bool {
        position(of: date).map(isReported(at:)) ?? false
    }

    /// The reported periods, in date order.
    public var dates: [PeriodDate] {
        (0..<count).filter(isReported(at:)).map { start.advanced(by: $0, frequency: frequency) }
    }

    /// `s` with `.nan` at every period that is not reported (a filled-in value, or a date outside
    /// the series read). `s` is the series read or any series on its calendar (a part of it).
    public func masking(_ s: TimeSeries) -> TimeSeries {
        var reported = s
        for i in reported.values.indices where !(s.date(at: i).map(contains) ?? false) {
            reported.values[i] = .nan
        }
        return reported
    }
}

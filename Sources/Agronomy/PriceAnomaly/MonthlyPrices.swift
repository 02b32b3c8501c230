import Forecasting
import TimeSeriesCore

/// A monthly price series laid out on the calendar: one slot per month from the first to the
/// last observation, `nil` where no price was reported.
///
/// Both price-alert methods (GIEWS IPA, WFP ALPS) work on calendar months: growth rates look
/// back three and twelve calendar months, and seasonal effects belong to the month of the year.
/// Gaps in the record (a market not surveyed for a while) must stay gaps, not be closed up.
public struct MonthlyPrices: Sendable, Equatable {
    /// Running month number of the first slot (`year * 12 + month - 1`, as `PeriodDate.ordinal`).
    public let firstOrdinal: Int
    /// Prices by month; `nil` is a month without a usable observation.
    public let prices: [Double?]

    /// Lays out `series` on the calendar. It must be monthly with a start date; NaN values are
    /// missing months.
    public init(_ series: TimeSeries) throws {
        guard case .month = series.start else {
            throw ForecastingError(
                .invalidArgument,
                "series '\(series.id)': price alerts need a monthly series with dates (YYYY-MM)")
        }
        guard let start = series.start else {
            throw ForecastingError(.invalidArgument, "series '\(series.id)' has no start date")
        }
        var values = series.values.map { $0.isFinite ? Optional($0) : nil }
        while let last = values.last, last == nil { values.removeLast() }
        var first = start.ordinal
        while let head = values.first, head == nil {
            values.removeFirst()
            first += 1
        }
        guard !values.isEmpty else {
            throw ForecastingError(.tooShort, "series '\(series.id)' has no observed prices")
        }
        self.firstOrdinal = first
        self.prices = values
    }

    /// Builds the layout directly (tests, and callers holding dated observations).
    public init(firstOrdinal: Int, prices: [Double?]) {
        self.firstOrdinal = firstOrdinal
        self.prices = prices
    }

    /// The price in the month with running number `ordinal`, if observed.
    public func price(atOrdinal ordinal: Int) -> Double? {
        let i = ordinal - firstOrdinal
        guard i >= 0, i < prices.count else { return nil }
        return prices[i]
    }

    /// The month of slot `i`.
    public func date(at i: Int) -> PeriodDate {
        MonthlyPrices.month(ordinal: firstOrdinal + i)
    }

    /// The last slot (always observed after `init(_:)`).
    public var lastOrdinal: Int { firstOrdinal + prices.count - 1 }

    /// The number of observed months.
    public var observedCount: Int { prices.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    static func month(ordinal: Int) -> PeriodDate {
        let year = Int((Double(ordinal) / 12).rounded(.down))
        return .month(year: year, month: ordinal - year * 12 + 1)
    }

    /// Months between the last observation and `asOf` (0 when `asOf` is the month of the last
    /// observation). `asOf` may be a month or a day; a day counts as its month.
    public func age(asOf: PeriodDate) throws -> Int {
        switch asOf {
        case .month:
            return asOf.ordinal - lastOrdinal
        case .day(let y, let m, _):
            return PeriodDate.month(year: y, month: m).ordinal - lastOrdinal
        default:
            throw ForecastingError(.invalidArgument, "the 'as of' date must be a month or a day, got \(asOf)")
        }
    }
}

/// Why an alert was or was not issued for the latest observation.
public enum AlertStatus: Sendable, Equatable {
    /// The latest observation is recent enough and has a value.
    case current
    /// The latest observation is older than the method allows; no warning is given.
    case stale(ageInMonths: Int)
    /// The latest observation lies after the 'as of' date.
    case future(monthsAhead: Int)
    /// The latest observation cannot be scored (too little history for its month).
    case notComputable
}

extension AlertStatus {
    /// Classifies the age of the last observation against the allowed maximum.
    static func from(age: Int, maximumAge: Int) -> AlertStatus {
        if age < 0 { return .future(monthsAhead: -age) }
        return DataAge.isStale(monthsOld: age, freshness: maximumAge) ? .stale(ageInMonths: age) : .current
    }
}

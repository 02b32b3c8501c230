/// How often a series is observed.
public enum Frequency: String, Sendable, Codable, CaseIterable {
    case yearly, quarterly, monthly, weekly, daily
    /// Crop seasons: `k` crops a year (three rice crops in the Mekong Delta is period 3).
    case season
    /// A plain integer index with no calendar.
    case index

    /// The seasonal period used when none is given: 1, 4, 12, 52, 7, 3, 1.
    public var defaultPeriod: Int {
        switch self {
        case .yearly, .index: 1
        case .quarterly: 4
        case .monthly: 12
        case .weekly: 52
        case .daily: 7
        case .season: 3
        }
    }
}

/// A date at the resolution of its series, as written in the tidy CSV contract:
/// `YYYY`, `YYYY-Qn`, `YYYY-MM`, `YYYY-MM-DD` (daily or weekly), `YYYY-Sn` (crop season n),
/// or a positive integer index.
public enum PeriodDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    case year(Int)
    case quarter(year: Int, quarter: Int)
    case month(year: Int, month: Int)
    /// A calendar day (daily and weekly series).
    case day(year: Int, month: Int, day: Int)
    /// Crop season `season` (1-based) of `year`, with `seasonsPerYear` crops a year.
    case season(year: Int, season: Int, seasonsPerYear: Int)
    case index(Int)

    /// Parses the contract's date forms; `nil` when the text is none of them.
    /// A `YYYY` with four digits is a year; other plain integers are indices.
    public init?(parsing raw: Substring, seasonsPerYear: Int = 3) {
        let text = raw.utf8
        func number(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.utf8.count <= 9, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int(s)
        }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let n = number(parts[0]) else { return nil }
            if text.count == 4 { self = .year(n) } else if n >= 1 { self = .index(n) } else { return nil }
        case 2:
            guard parts[0].utf8.count == 4, let y = number(parts[0]) else { return nil }
            let second = parts[1]
            if let first = second.first, first == "Q" || first == "q" {
                guard let q = number(second.dropFirst()), (1...4).contains(q) else { return nil }
                self = .quarter(year: y, quarter: q)
            } else if let first = second.first, first == "S" || first == "s" {
                guard let s = number(second.dropFirst()), (1...seasonsPerYear).contains(s) else { return nil }
                self = .season(year: y, season: s, seasonsPerYear: seasonsPerYear)
            } else {
                guard second.utf8.count == 2, let m = number(second), (1...12).contains(m) else { return nil }
                self = .month(year: y, month: m)
            }
        case 3:
            guard parts[0].utf8.count == 4, parts[1].utf8.count == 2, parts[2].utf8.count == 2,
                let y = number(parts[0]), let m = number(parts[1]), let d = number(parts[2]),
                (1...12).contains(m), d >= 1, d <= PeriodDate.daysInMonth(year: y, month: m)
            else { return nil }
            self = .day(year: y, month: m, day: d)
        default:
            return nil
        }
    }

    public init?(parsing raw: String, seasonsPerYear: Int = 3) {
        self.init(parsing: Substring(raw), seasonsPerYear: seasonsPerYear)
    }

    /// The frequency this date implies (a day could be daily or weekly; `.daily` here).
    public var impliedFrequency: Frequency {
        switch self {
        case .year: .yearly
        case .quarter: .quarterly
        case .month: .monthly
        case .day: .daily
        case .season: .season
        case .index: .index
        }
    }

    /// A running number: consecutive periods of one frequency differ by one
    /// (days: days since 1970-01-01).
    public var ordinal: Int {
        switch self {
        case .year(let y): y
        case .quarter(let y, let q): y * 4 + (q - 1)
        case .month(let y, let m): y * 12 + (m - 1)
        case .day(let y, let m, let d): PeriodDate.daysFromCivil(year: y, month: m, day: d)
        case .season(let y, let s, let k): y * k + (s - 1)
        case .index(let i): i
        }
    }

    /// The date `steps` periods later; weekly series step by 7 days.
    public func advanced(by steps: Int, frequency: Frequency? = nil) -> PeriodDate {
        switch self {
        case .year(let y): return .year(y + steps)
        case .quarter:
            let o = ordinal + steps
            return .quarter(year: Int((Double(o) / 4).rounded(.down)), quarter: ((o % 4) + 4) % 4 + 1)
        case .month:
            let o = ordinal + steps
            return .month(year: Int((Double(o) / 12).rounded(.down)), month: ((o % 12) + 12) % 12 + 1)
        case .day:
            let days = ordinal + steps * (frequency == .weekly ? 7 : 1)
            let c = PeriodDate.civilFromDays(days)
            return .day(year: c.year, month: c.month, day: c.day)
        case .season(_, _, let k):
            let o = ordinal + steps
            return .season(
                year: Int((Double(o) / Double(k)).rounded(.down)), season: ((o % k) + k) % k + 1, seasonsPerYear: k)
        case .index(let i): return .index(i + steps)
        }
    }

    /// The text form, as in the contract.
    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(abs(v))
            return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, w - s.count)) + s
        }
        switch self {
        case .year(let y): return pad(y, 4)
        case .quarter(let y, let q): return "\(pad(y, 4))-Q\(q)"
        case .month(let y, let m): return "\(pad(y, 4))-\(pad(m, 2))"
        case .day(let y, let m, let d): return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        case .season(let y, let s, _): return "\(pad(y, 4))-S\(s)"
        case .index(let i): return String(i)
        }
    }

    public static func < (a: PeriodDate, b: PeriodDate) -> Bool { a.ordinal < b.ordinal }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// One observed series: values in time order with its calendar.
public struct TimeSeries: Sendable, Equatable {
    public var id: String
    /// Observations in time order; `.nan` marks a missing value.
    public var values: [Double]
    public var frequency: Frequency
    /// Seasonal period (1 = non-seasonal).
    public var period: Int
    /// Date of the first observation, when the series has a calendar.
    public var start: PeriodDate?
    /// Unit of the values (`t/ha`, `VND/kg`, `USD/t`...), when known.
    public var unit: String?
    /// How the dates of the file were read (`1000` as a year or an index, `2015-01-01` as a day
    /// or a month...), when the series came from a file; documents repeat it.
    public var dateReading: String? = nil

    public init(
        id: String, values: [Double], frequency: Frequency = .index, period: Int? = nil,
        start: PeriodDate? = nil, unit: String? = nil
    ) {
        self.id = id
        self.values = values
        self.frequency = frequency
        self.period = period ?? frequency.defaultPeriod
        self.start = start
        self.unit = unit
    }

    public var count: Int { values.count }

    /// The date of observation `i` (0-based), or of a future step when `i >= count`.
    public func date(at i: Int) -> PeriodDate? {
        start?.advanced(by: i, frequency: frequency)
    }

    /// True when any observation is missing.
    public var hasMissing: Bool { values.contains { $0.isNaN } }
}

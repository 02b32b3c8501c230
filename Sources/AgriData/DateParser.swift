import TimeSeriesCore

/// A date cell as read, before the series' calendar is known (a crop season needs the number of
/// crops a year, which is known only once the whole series has been seen).
struct RawDate: Equatable {
    enum Kind: UInt8 { case year, quarter, month, day, season, index }
    var kind: Kind
    var year: Int
    var part: Int  // quarter, month, season number
    var day: Int
    var index: Int

    /// Orders dates of one kind: consecutive periods differ by one, except crop seasons
    /// (`year * 16 + season`, turned into true ordinals by `date(seasonsPerYear:)`).
    var key: Int {
        switch kind {
        case .year: year
        case .quarter: year * 4 + part - 1
        case .month: year * 12 + part - 1
        case .day: PeriodDate.daysFromCivil(year: year, month: part, day: day)
        case .season: year * 16 + part
        case .index: index
        }
    }

    func date(seasonsPerYear k: Int) -> PeriodDate {
        switch kind {
        case .year: .year(year)
        case .quarter: .quarter(year: year, quarter: part)
        case .month: .month(year: year, month: part)
        case .day: .day(year: year, month: part, day: day)
        case .season: .season(year: year, season: part, seasonsPerYear: k)
        case .index: .index(index)
        }
    }

    var kindName: String {
        switch kind {
        case .year: "a year (YYYY)"
        case .quarter: "a quarter (YYYY-Qn)"
        case .month: "a month (YYYY-MM)"
        case .day: "a day (YYYY-MM-DD)"
        case .season: "a crop season (YYYY-Sn)"
        case .index: "an integer index"
        }
    }
}

extension DateParser {
    /// `date` as `frequency` reads it (`--frequency`), or `nil` when that frequency has no reading
    /// of it. `nil` frequency: the date as written.
    static func read(_ date: RawDate, as frequency: Frequency?) -> RawDate? {
        guard let frequency else { return date }
        let isQuarterStart = (date.part - 1) % 3 == 0
        switch (frequency, date.kind) {
        case (.index, .index), (.yearly, .year), (.quarterly, .quarter), (.monthly, .month),
            (.weekly, .day), (.daily, .day), (.season, .season):
            return date
        case (.index, .year):
            return date.year >= 1 ? RawDate(kind: .index, year: 0, part: 0, day: 0, index: date.year) : nil
        case (.yearly, .month) where date.part == 1, (.yearly, .day) where date.part == 1 && date.day == 1:
            return RawDate(kind: .year, year: date.year, part: 0, day: 0, index: 0)
        case (.quarterly, .month) where isQuarterStart, (.quarterly, .day) where isQuarterStart && date.day == 1:
            return RawDate(kind: .quarter, year: date.year, part: (date.part - 1) / 3 + 1, day: 0, index: 0)
        case (.monthly, .day) where date.day == 1:
            return RawDate(kind: .month, year: date.year, part: date.part, day: 0, index: 0)
        default:
            return nil
        }
    }

    /// What `--frequency` reads, for messages.
    static func accepted(by frequency: Frequency) -> String {
        switch frequency {
        case .index: "whole numbers (an integer index, also with four digits)"
        case .yearly: "YYYY, YYYY-01 or YYYY-01-01"
        case .quarterly: "YYYY-Qn, or the first month or day of a quarter (YYYY-04, YYYY-04-01)"
        case .monthly: "YYYY-MM or the first of a month (YYYY-MM-01)"
        case .weekly, .daily: "YYYY-MM-DD"
        case .season: "YYYY-Sn"
        }
    }
}

/// Parses the contract's date forms straight from a field's bytes, without building a string:
/// `YYYY`, `YYYY-Qn`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Sn` (n = 1...9), or a positive integer index.
/// Accepts the same texts as `PeriodDate(parsing:)` (which allows seasons up to its `seasonsPerYear`).
enum DateParser {
    @inline(__always)
    static func parse(_ raw: UnsafeBufferPointer<UInt8>) -> RawDate? {
        var lo = 0
        var hi = raw.count
        while lo < hi, raw[lo] == 0x20 || raw[lo] == 0x09 { lo += 1 }
        while hi > lo, raw[hi - 1] == 0x20 || raw[hi - 1] == 0x09 { hi -= 1 }
        let n = hi - lo
        guard n > 0 else { return nil }
        @inline(__always) func digit(_ k: Int) -> Int? {
            let d = raw[lo + k] &- 0x30
            return d < 10 ? Int(d) : nil
        }
        @inline(__always) func number(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for k in from..<(from + count) {
                guard let d = digit(k) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        // All digits: a year (four digits) or an index.
        if let v = n <= 9 ? number(0, n) : nil {
            if n == 4 { return RawDate(kind: .year, year: v, part: 0, day: 0, index: 0) }
            return v >= 1 ? RawDate(kind: .index, year: 0, part: 0, day: 0, index: v) : nil
        }
        guard n >= 6, raw[lo + 4] == 0x2D, let y = number(0, 4) else { return nil }
        let tag = raw[lo + 5]
        if n == 7, tag == 0x51 || tag == 0x71 {  // Q, q
            guard let q = digit(6), (1...4).contains(q) else { return nil }
            return RawDate(kind: .quarter, year: y, part: q, day: 0, index: 0)
        }
        if n == 7, tag == 0x53 || tag == 0x73 {  // S, s
            guard let s = digit(6), s >= 1 else { return nil }
            return RawDate(kind: .season, year: y, part: s, day: 0, index: 0)
        }
        if n == 7 {
            guard let m = number(5, 2), (1...12).contains(m) else { return nil }
            return RawDate(kind: .month, year: y, part: m, day: 0, index: 0)
        }
        if n == 10, raw[lo + 7] == 0x2D {
            guard let m = number(5, 2), (1...12).contains(m), let d = number(8, 2),
                d >= 1, d <= PeriodDate.daysInMonth(year: y, month: m)
            else { return nil }
            return RawDate(kind: .day, year: y, part: m, day: d, index: 0)
        }
        return nil
    }
}

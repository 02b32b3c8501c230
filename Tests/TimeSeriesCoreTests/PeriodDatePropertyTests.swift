import Foundation
import PropertyBased
import Testing

@testable import TimeSeriesCore

/// Properties of the calendar arithmetic behind every series' dates, on random dates. The
/// reference for days and months is Foundation's Gregorian calendar (ICU), independent of
/// muavu's own arithmetic; it is proleptic only from 1582, so years start at 1600.
@Suite("PeriodDate properties")
struct PeriodDatePropertyTests {
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// A valid calendar day of 1600–9999.
    static let days = zip(Gen.int(in: 1600...9999), Gen.int(in: 1...12), Gen.int(in: 1...31))
        .map { y, m, d in (y, m, min(d, PeriodDate.daysInMonth(year: y, month: m))) }

    @Test func daysSince1970AgreeWithFoundation() async {
        await propertyCheck(count: 500, input: Self.days) { y, m, d in
            let date = Self.utc.date(from: DateComponents(year: y, month: m, day: d))!
            let reference = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
            #expect(PeriodDate.daysFromCivil(year: y, month: m, day: d) == reference, "\(y)-\(m)-\(d)")
            let back = PeriodDate.civilFromDays(reference)
            #expect(back.year == y && back.month == m && back.day == d)
        }
    }

    @Test func monthStepsAgreeWithFoundation() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1600...9000), Gen.int(in: 1...12), Gen.int(in: -2400...2400))
        { y, m, n in
            let moved = PeriodDate.month(year: y, month: m).advanced(by: n)
            let date = Self.utc.date(
                byAdding: .month, value: n, to: Self.utc.date(from: DateComponents(year: y, month: m, day: 1))!)!
            let c = Self.utc.dateComponents([.year, .month], from: date)
            #expect(moved == .month(year: c.year!, month: c.month!), "\(y)-\(m) + \(n)")
        }
    }

    @Test func weeklyStepsAreSevenDays() async {
        await propertyCheck(count: 300, input: Self.days, Gen.int(in: -500...500)) { day, n in
            let (y, m, d) = day
            let start = PeriodDate.day(year: y, month: m, day: d)
            let moved = start.advanced(by: n, frequency: .weekly)
            #expect(moved.ordinal - start.ordinal == 7 * n)
        }
    }

    /// Every kind: n steps forward then n back is the identity, the ordinal moves by n, and the
    /// text form parses back to the same date (4-digit years).
    @Test func stepsInvertAndTextRoundTrips() async {
        let kinds = zip(
            Gen.int(in: 0...4), Gen.int(in: 1000...9000), Gen.int(in: 1...12), Gen.int(in: 1...28), Gen.int(in: 1...4))
        await propertyCheck(count: 500, input: kinds, Gen.int(in: -900...900)) { kind, n in
            let (k, y, m, d, q) = kind
            let date: PeriodDate =
                switch k {
                case 0: .year(y)
                case 1: .quarter(year: y, quarter: q)
                case 2: .month(year: y, month: m)
                case 3: .day(year: y, month: m, day: d)
                default: .season(year: y, season: min(q, 3), seasonsPerYear: 3)
                }
            let moved = date.advanced(by: n)
            #expect(moved.advanced(by: -n) == date)
            #expect(moved.ordinal - date.ordinal == n)
            #expect(PeriodDate(parsing: date.description) == date, "\(date)")
        }
    }
}

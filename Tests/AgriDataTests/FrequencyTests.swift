import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// How dates are read (issue 12 §4): whole numbers as an index or years, month starts as months,
/// and `TidyReadOptions.frequency` (`--frequency`) to choose.
@Suite struct FrequencyTests {
    static func read(_ text: String, _ frequency: Frequency? = nil) throws -> TidyDataset {
        var options = TidyReadOptions()
        options.frequency = frequency
        return try TidyReader.read(data: Data(text.utf8), file: "t.csv", options: options)
    }

    static func problems(_ text: String, _ frequency: Frequency? = nil) throws -> [DataError] {
        var options = TidyReadOptions()
        options.frequency = frequency
        return try TidyReader.validate(data: Data(text.utf8), file: "t.csv", options: options).problems
    }

    static func rows(_ dates: some Sequence<String>) -> String {
        "series_id,date,value\n" + dates.enumerated().map { "s,\($1),\($0 + 1)\n" }.joined()
    }

    /// 1..n crosses 1000 without becoming years.
    @Test(arguments: [1500, 10_500])
    func integerIndexAcrossFourDigitsStaysAnIndex(_ n: Int) throws {
        let s = try Self.read(Self.rows((1...n).map(String.init))).series[0]
        #expect(s.frequency == .index)
        #expect(s.count == n)
        #expect(s.start == .index(1))
        #expect(s.dateReading?.contains("integer index") == true)
    }

    /// 1000..10500: starts as four digits, so it is first taken for years, then for an index.
    @Test func fourDigitsThenFiveAreAnIndex() throws {
        let s = try Self.read(Self.rows((1000...10_500).map(String.init))).series[0]
        #expect(s.frequency == .index)
        #expect(s.start == .index(1000))
        #expect(s.count == 9501)
    }

    @Test func fourDigitNumbersAreYearsUnlessAskedOtherwise() throws {
        let text = Self.rows((1000..<1100).map(String.init))
        let years = try Self.read(text).series[0]
        #expect(years.frequency == .yearly)
        #expect(years.dateReading?.contains("--frequency index") == true)
        let index = try Self.read(text, .index).series[0]
        #expect(index.frequency == .index)
        #expect(index.start == .index(1000))
        #expect(index.date(at: 100) == .index(1100))
    }

    /// Month starts as pandas and statsforecast write them (`MS`).
    @Test func monthStartsAreMonthly() throws {
        let dates = (0..<36).map { "\(2015 + $0 / 12)-\(String(format: "%02d", $0 % 12 + 1))-01" }
        let s = try Self.read(Self.rows(dates)).series[0]
        #expect(s.frequency == .monthly)
        #expect(s.period == 12)
        #expect(s.start == .month(year: 2015, month: 1))
        #expect(s.count == 36)
        #expect(s.date(at: 36) == .month(year: 2018, month: 1))
    }

    /// One day that is not a 1st: a daily series with gaps, as before.
    @Test func oneDayNotAMonthStartKeepsDays() throws {
        let found = try Self.problems(Self.rows(["2015-01-01", "2015-02-01", "2015-03-02"]))
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.code == .missingValue })
    }

    @Test(arguments: [
        (
            Frequency.monthly, ["2015-01-01", "2015-02-01", "2015-03-01"], Frequency.monthly,
            PeriodDate.month(year: 2015, month: 1)
        ),
        (.monthly, ["2015-01", "2015-02"], .monthly, .month(year: 2015, month: 1)),
        (.quarterly, ["2015-01-01", "2015-04-01", "2015-07-01"], .quarterly, .quarter(year: 2015, quarter: 1)),
        (.quarterly, ["2015-04", "2015-07"], .quarterly, .quarter(year: 2015, quarter: 2)),
        (.yearly, ["2015-01-01", "2016-01-01"], .yearly, .year(2015)),
        (.weekly, ["2015-01-05", "2015-01-12"], .weekly, .day(year: 2015, month: 1, day: 5)),
        (.daily, ["2015-01-05", "2015-01-12"], .daily, .day(year: 2015, month: 1, day: 5)),
        (.index, ["2015", "2016"], .index, .index(2015)),
    ])
    func frequencyOptionChoosesTheReading(
        _ asked: Frequency, _ dates: [String], _ frequency: Frequency,
        _ start: PeriodDate
    ) throws {
        if asked == .daily {
            // Two dates a week apart, read as days: a gap of 6 days.
            #expect(try Self.problems(Self.rows(dates), asked).first?.code == .missingValue)
            return
        }
        let s = try Self.read(Self.rows(dates), asked).series[0]
        #expect(s.frequency == frequency)
        #expect(s.start == start)
        #expect(s.count == dates.count)
        #expect(s.dateReading?.hasPrefix("--frequency \(asked.rawValue)") == true, "\(s.dateReading ?? "none")")
    }

    /// A date the asked frequency cannot read is refused on its line and column.
    @Test(arguments: [
        (Frequency.monthly, "2015-01-15"), (.quarterly, "2015-02-01"), (.quarterly, "2015-02"),
        (.yearly, "2015-03-01"), (.index, "2015-01"), (.season, "2015-01"), (.weekly, "2015-01"),
    ])
    func unreadableDateIsRefusedOnItsLine(_ asked: Frequency, _ date: String) throws {
        let found = try Self.problems("series_id,date,value\ns,\(date),1\n", asked)
        #expect(found.count == 1)
        #expect(found.first?.line == 2 && found.first?.column == 2)
        #expect(found.first?.message.contains("--frequency \(asked.rawValue) does not read") == true, "\(found)")
    }
}

/// Months three apart are quarters (issue 12 §3's kind: read as months, a gap-filling policy
/// would invent two values of every three).
@Suite struct QuarterlyMonthsTests {
    static func rows(_ dates: [String]) -> String {
        "series_id,date,value\n" + dates.enumerated().map { "s,\($1),\($0 + 1)\n" }.joined()
    }

    @Test(arguments: [
        (["2015-01", "2015-04", "2015-07", "2015-10", "2016-01"], PeriodDate.quarter(year: 2015, quarter: 1)),
        (["2015-03", "2015-06", "2015-09"], .quarter(year: 2015, quarter: 1)),
        (["2015-04-01", "2015-07-01", "2015-10-01", "2016-01-01"], .quarter(year: 2015, quarter: 2)),
    ])
    func monthsThreeApartAreQuarterly(_ dates: [String], _ start: PeriodDate) throws {
        var options = TidyReadOptions()
        options.onMissing = .interpolate
        let s = try TidyReader.read(data: Data(Self.rows(dates).utf8), file: "q.csv", options: options).series[0]
        #expect(s.frequency == .quarterly)
        #expect(s.period == 4)
        #expect(s.start == start)
        #expect(s.count == dates.count)  // nothing invented
        #expect(s.dateReading?.contains("read as quarters") == true)
    }

    /// Months twelve apart (pandas' yearly `AS` dates) are years.
    @Test(arguments: [
        ["2015-01-01", "2016-01-01", "2018-01-01"], ["2015-06", "2016-06", "2018-06"],
        ["2015-Q2", "2016-Q2", "2018-Q2"],
    ])
    func monthsTwelveApartAreYearly(_ dates: [String]) throws {
        var options = TidyReadOptions()
        options.onMissing = .interpolate
        let s = try TidyReader.read(data: Data(Self.rows(dates).utf8), file: "y.csv", options: options).series[0]
        #expect(s.frequency == .yearly)
        #expect(s.start == .year(2015))
        #expect(s.count == 4)  // 2017 filled, nothing else
        #expect(s.values[2] == 2.5)
        #expect(s.dateReading?.contains("read as years") == true)
    }

    /// A gap of two quarters stays a gap of quarters; --frequency monthly keeps months.
    @Test func quarterGapsAndMonthlyOnRequest() throws {
        let text = Self.rows(["2015-01", "2015-04", "2015-10", "2016-01"])
        var options = TidyReadOptions()
        let found = try TidyReader.validate(data: Data(text.utf8), file: "q.csv", options: options).problems
        #expect(found.count == 1)
        #expect(found.first?.message.contains("has no row for 2015-Q3") == true, "\(found)")
        options.frequency = .monthly
        options.onMissing = .interpolate
        let monthly = try TidyReader.read(data: Data(text.utf8), file: "q.csv", options: options).series[0]
        #expect(monthly.frequency == .monthly)
        #expect(monthly.count == 13)
    }

    /// With --period the calendar is read as written: months three apart stay months.
    @Test func periodGivenKeepsMonths() throws {
        var options = TidyReadOptions()
        options.period = 12
        options.onMissing = .interpolate
        let text = Self.rows(["2015-01", "2015-04", "2015-07"])
        let s = try TidyReader.read(data: Data(text.utf8), file: "q.csv", options: options).series[0]
        #expect(s.frequency == .monthly)
        #expect(s.count == 7)
    }

    /// A monthly series with one gap of three months stays monthly.
    @Test func monthlyWithAGapStaysMonthly() throws {
        let text = Self.rows(["2015-01", "2015-02", "2015-05", "2015-06"])
        var options = TidyReadOptions()
        options.onMissing = .interpolate
        let s = try TidyReader.read(data: Data(text.utf8), file: "q.csv", options: options).series[0]
        #expect(s.frequency == .monthly)
        #expect(s.count == 6)
    }
}

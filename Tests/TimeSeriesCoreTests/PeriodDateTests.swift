import Testing

@testable import TimeSeriesCore

@Suite struct PeriodDateTests {
    @Test(arguments: ["2024", "2024-Q3", "2024-02", "2024-02-29", "2023-S2", "17"])
    func parsesAndPrintsTheContractForms(text: String) throws {
        let date = try #require(PeriodDate(parsing: text))
        #expect(date.description == text)
    }

    @Test(arguments: ["2023-02-29", "2024-13", "2024-Q5", "24-01", "2024-1", "abc", "0", "2024-S4"])
    func rejectsMalformedDates(text: String) {
        #expect(PeriodDate(parsing: text) == nil)
    }

    @Test func advancesAcrossYearBoundaries() throws {
        #expect(PeriodDate.month(year: 2023, month: 11).advanced(by: 3).description == "2024-02")
        #expect(PeriodDate.quarter(year: 2023, quarter: 4).advanced(by: 1).description == "2024-Q1")
        #expect(PeriodDate.season(year: 2023, season: 3, seasonsPerYear: 3).advanced(by: 1).description == "2024-S1")
        #expect(
            PeriodDate.day(year: 2024, month: 2, day: 26).advanced(by: 1, frequency: .weekly).description
                == "2024-03-04")
        // 1970-01-01 is day 0; 2000-03-01 is day 11017 (a count any calendar tool confirms).
        #expect(PeriodDate.daysFromCivil(year: 2000, month: 3, day: 1) == 11017)
    }
}

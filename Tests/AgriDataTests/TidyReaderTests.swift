import Foundation
import Testing

@testable import AgriData

@Suite struct TidyReaderTests {
    func read(_ text: String, _ configure: (inout TidyReadOptions) -> Void = { _ in }) throws -> TidyDataset {
        var options = TidyReadOptions()
        configure(&options)
        return try TidyReader.read(data: Data(text.utf8), file: "t.csv", options: options)
    }

    func problems(_ text: String, _ configure: (inout TidyReadOptions) -> Void = { _ in }) throws -> [DataError] {
        var options = TidyReadOptions()
        configure(&options)
        return try TidyReader.validate(data: Data(text.utf8), file: "t.csv", options: options).problems
    }

    @Test func readsSeriesInOrderOfFirstAppearanceWithFrequencies() throws {
        let text = """
            series_id,date,value,unit
            b,2020-01,8100,VND/kg
            b,2020-02,8102.5,VND/kg
            a,2019,10,t
            a,2020,11,t
            b,2020-03,8103,VND/kg

            """
        let d = try read(text)
        #expect(d.series.map(\.id) == ["b", "a"])
        #expect(d.series[0].values == [8100, 8102.5, 8103])
        #expect(d.series[0].frequency == .monthly)
        #expect(d.series[0].period == 12)
        #expect(d.series[0].start == .month(year: 2020, month: 1))
        #expect(d.series[0].unit == "VND/kg")
        #expect(d.series[1].frequency == .yearly)
        #expect(d.series[1].start == .year(2019))
        #expect(d.rows == 5)
    }

    @Test func infersWeeklyFromSpacingAndDailyOtherwise() throws {
        let d = try read(
            "series_id,date,value\nw,2024-01-01,1\nw,2024-01-08,2\nw,2024-01-15,3\nd,2024-01-01,1\nd,2024-01-02,2\n")
        #expect(d.series[0].frequency == .weekly)
        #expect(d.series[0].period == 52)
        #expect(d.series[1].frequency == .daily)
    }

    @Test func cropSeasonsAsOneSeriesOfPeriodThree() throws {
        let d = try read("series_id,date,value\nr,2020-S1,7\nr,2020-S2,5.5\nr,2020-S3,5\nr,2021-S1,7.1\n")
        #expect(d.series[0].frequency == .season)
        #expect(d.series[0].period == 3)
        #expect(d.series[0].date(at: 3) == .season(year: 2021, season: 1, seasonsPerYear: 3))
    }

    @Test func aSingleCropSeriesIsYearly() throws {
        let d = try read("series_id,date,value\nhe-thu,2019-S2,5.5\nhe-thu,2020-S2,5.6\nhe-thu,2021-S2,5.8\n")
        #expect(d.series[0].frequency == .yearly)
        #expect(d.series[0].start == .year(2019))
        #expect(d.cropSeason["he-thu"] == 2)
    }

    @Test func namesCompareNFCNormalisedAndKeepTheirSpelling() throws {
        let composed = "\u{110}\u{1ED3}ng Th\u{E1}p"  // Đồng Tháp
        let decomposed = "\u{110}o\u{302}\u{300}ng Tha\u{301}p"  // same, combining marks
        let d = try read("series_id,date,value\n\(decomposed),2020-01,1\n\(composed),2020-02,2\n")
        #expect(d.series.count == 1)
        #expect(d.series[0].id == decomposed)
        #expect(d.series(named: composed)?.values == [1, 2])
    }

    @Test func coversCovariatesAlignedWithValues() throws {
        let d = try read("series_id,date,value,oni\ns,2020,1,0.5\ns,2021,2,-1.25\n") { $0.covariates = ["oni"] }
        #expect(d.covariates["s"]?["oni"] == [0.5, -1.25])
    }

    @Test func missingPolicies() throws {
        let text = "series_id,date,value\ns,2020-01,1\ns,2020-02,NA\ns,2020-04,4\ns,2020-05,5\ns,2020-06,6\n"
        #expect(try problems(text).map(\.code) == [.missingValue, .missingValue])
        let skipped = try read(text) { $0.onMissing = .skip }
        #expect(skipped.series[0].values == [4, 5, 6])
        #expect(skipped.series[0].start == .month(year: 2020, month: 4))
        let filled = try read(text) { $0.onMissing = .interpolate }
        #expect(filled.series[0].values == [1, 2, 3, 4, 5, 6])
    }

    @Test func readThrowsTheFirstProblemAndCountsTheRest() throws {
        let text = "series_id,date,value\ns,2020,x\ns,2021,y\n"
        do {
            _ = try read(text)
            Issue.record("expected an error")
        } catch let e as DataError {
            #expect(e.code == .notNumeric)
            #expect(e.line == 2)
            #expect(e.column == 3)
            #expect(e.message.contains("2 more problems"))  // the second bad value and the now empty series
        }
    }
}

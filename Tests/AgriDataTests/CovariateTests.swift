import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

@Suite struct CovariateTests {
    static var rice: CropCalendar {
        get throws {
            try CropCalendar.load(path: CropCalendarTests.calendars.appendingPathComponent("mekong-rice.json").path)
        }
    }

    /// A driver whose value is the number of months since Jan 2015 (Jan 2015 = 0, Dec 2015 = 11,
    /// Jan 2016 = 12...), so every window mean can be checked by hand.
    static let counter = TimeSeries(
        id: "count", values: (0..<48).map(Double.init), frequency: .monthly,
        start: .month(year: 2015, month: 1))

    @Test func seasonWindowsByHand() throws {
        // Rice crops of 2016 as one series of period 3: 2016-S1, S2, S3.
        let target = TimeSeries(
            id: "yield", values: [7, 5.5, 5], frequency: .season,
            start: .season(year: 2016, season: 1, seasonsPerYear: 3))
        let a = try CovariateAligner.align(driver: Self.counter, to: target, calendar: Self.rice)
        // Đông Xuân 2016: Dec 2015, Jan, Feb 2016 = 11, 12, 13 → 12.
        // Hè Thu 2016: May–Jul 2016 = 16, 17, 18 → 17. Thu Đông 2016: Aug–Oct = 19, 20, 21 → 20.
        #expect(a.values == [12, 17, 20])
        // Lag 3: Đông Xuân 2016 uses Sep–Nov 2015 = 8, 9, 10 → 9; lead 1 (lag −1): Jan–Mar 2016 → 13.
        #expect(
            try CovariateAligner.align(driver: Self.counter, to: target, lagMonths: 3, calendar: Self.rice).values == [
                9, 14, 17,
            ])
        #expect(
            try CovariateAligner.align(driver: Self.counter, to: target, lagMonths: -1, calendar: Self.rice).values == [
                13, 18, 21,
            ])
    }

    @Test func aHeThuOnlyYearlySeriesUsesItsCropWindow() throws {
        let target = TimeSeries(id: "he-thu", values: [5.5, 5.6], frequency: .yearly, start: .year(2015))
        let a = try CovariateAligner.align(driver: Self.counter, to: target, calendar: Self.rice, cropSeason: 2)
        // May–Jul 2015 = 4, 5, 6 → 5; May–Jul 2016 = 16, 17, 18 → 17.
        #expect(a.values == [5, 17])
        // Without a crop: the calendar year, Jan–Dec 2015 = 0...11 → 5.5.
        #expect(try CovariateAligner.align(driver: Self.counter, to: target).values == [5.5, 17.5])
    }

    @Test func windowsNotFullyObservedAreMissing() throws {
        // Đông Xuân 2015 needs Dec 2014, before the driver starts.
        let target = TimeSeries(
            id: "y", values: [1, 2], frequency: .season, start: .season(year: 2015, season: 1, seasonsPerYear: 3))
        let a = try CovariateAligner.align(driver: Self.counter, to: target, calendar: Self.rice)
        #expect(a.values[0].isNaN)
        #expect(a.values[1] == 5)
    }

    @Test func futureStepsKnownOnlyWhenTheirLaggedWindowIsObserved() throws {
        // Driver to Dec 2018 (month 47). Target: crops to Thu Đông 2018; next: ĐX 2019, HT 2019, TĐ 2019.
        let target = TimeSeries(
            id: "y", values: [1, 2, 3], frequency: .season, start: .season(year: 2018, season: 1, seasonsPerYear: 3))
        let plain = try CovariateAligner.align(driver: Self.counter, to: target, horizon: 3, calendar: Self.rice)
        #expect(plain.needsFuture == [true, true, true])  // ĐX 2019 needs Jan–Feb 2019
        #expect(plain.future.allSatisfy { $0.isNaN })
        // A 3-month lag: ĐX 2019 uses Sep–Nov 2018 = 44, 45, 46 → 45, known; HT 2019 uses Feb–Apr 2019: not.
        let lagged = try CovariateAligner.align(
            driver: Self.counter, to: target, horizon: 3, lagMonths: 3, calendar: Self.rice)
        #expect(lagged.needsFuture == [false, true, true])
        #expect(lagged.future[0] == 45)
        #expect(lagged.availability == .mustForecast)
    }

    @Test func monthlyAndQuarterlyTargets() throws {
        let monthly = TimeSeries(id: "p", values: [1, 2], frequency: .monthly, start: .month(year: 2016, month: 3))
        #expect(try CovariateAligner.align(driver: Self.counter, to: monthly).values == [14, 15])
        #expect(try CovariateAligner.align(driver: Self.counter, to: monthly, lagMonths: 12).values == [2, 3])
        let quarterly = TimeSeries(id: "q", values: [1], frequency: .quarterly, start: .quarter(year: 2015, quarter: 2))
        #expect(try CovariateAligner.align(driver: Self.counter, to: quarterly).values == [4])  // Apr–Jun 2015 = 3, 4, 5
    }

    @Test func seasonTargetsNeedAMatchingCalendar() throws {
        let target = TimeSeries(
            id: "y", values: [1], frequency: .season, start: .season(year: 2016, season: 1, seasonsPerYear: 2))
        #expect(throws: DataError.self) {
            try CovariateAligner.align(driver: Self.counter, to: target, calendar: Self.rice)
        }
        #expect(throws: DataError.self) { try CovariateAligner.align(driver: Self.counter, to: target) }
    }

    /// The ONI over each rice crop's window, 2015–2020, lags 0, 3, 6, against pandas
    /// (scripts/fixtures/enso_windows.py).
    @Test func oniOverRiceCropsMatchesPandas() throws {
        let dir = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent(
            "enso")
        let oni = try #require(TidyReader.read(path: dir.appendingPathComponent("oni-2014-2020.csv").path).series.first)
        let expected = try CSVTable(path: dir.appendingPathComponent("expected-windows.csv").path)
        let year = try expected.numericColumn("crop_year")
        let season = try expected.numericColumn("season")
        let lag = try expected.numericColumn("lag_months")
        let mean = try expected.numericColumn("mean")
        #expect(expected.rows.count == 54)
        for k in expected.rows.indices {
            let y = Int(year[k]!)
            let s = Int(season[k]!)
            let l = Int(lag[k]!)
            let target = TimeSeries(
                id: "t", values: [0], frequency: .season, start: .season(year: y, season: s, seasonsPerYear: 3))
            let got = try CovariateAligner.align(driver: oni, to: target, lagMonths: l, calendar: Self.rice).values[0]
            #expect(abs(got - mean[k]!) <= 1e-9 * max(1, abs(mean[k]!)), "crop year \(y) season \(s) lag \(l)")
        }
    }
}

import Foundation
import Testing

@testable import AgriData

@Suite struct CropCalendarTests {
    static var calendars: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("models/calendars")
    }

    @Test func mekongRiceHasThreeCropsAndDongXuanStartsTheYearBefore() throws {
        let c = try CropCalendar.load(path: Self.calendars.appendingPathComponent("mekong-rice.json").path)
        #expect(c.period == 3)
        #expect(c.seasons.map(\.nameVi) == ["Đông Xuân", "Hè Thu", "Thu Đông"])
        let dx = try #require(c.season(named: "dong-xuan"))
        // Sown Nov–Dec 2015 for the 2016 crop: months 2015*12+10 ... 2015*12+11.
        #expect(dx.start.months(cropYear: 2016) == (2015 * 12 + 10)...(2015 * 12 + 11))
        #expect(dx.growingMonths(cropYear: 2016) == (2015 * 12 + 10)...(2016 * 12 + 2))
        #expect(dx.covariateWindow.length == 3)
        #expect(c.season(named: "He\u{302}\u{300} Thu") == nil)  // not a name
        #expect(c.season(named: "H\u{00E8} Thu")?.number == 2)  // precomposed
        #expect(c.season(named: "He\u{300} Thu")?.number == 2)  // decomposed
        #expect(c.date(year: 2016, season: 3) == .season(year: 2016, season: 3, seasonsPerYear: 3))
    }

    @Test func mangoHasAMainAndAnOffSeason() throws {
        let c = try CropCalendar.load(path: Self.calendars.appendingPathComponent("mango.json").path)
        #expect(c.period == 2)
        #expect(c.seasons.map(\.nameEn) == ["Main season", "Off-season"])
        #expect(c.seasons.allSatisfy { $0.startStage == "flowering" })
    }

    func calendar(_ seasons: String, overlap: Bool = false) -> Data {
        Data(
            """
            {"crop": "rice", "region": "test", "overlapAllowed": \(overlap), "seasons": [\(seasons)]}
            """.utf8)
    }

    func season(
        _ n: Int, window: String, start: String = #"{"from": 4, "to": 5}"#,
        harvest: String = #"{"from": 7, "to": 8}"#
    ) -> String {
        #"{"number": \#(n), "id": "s\#(n)", "nameVi": "Vụ \#(n)", "nameEn": "Crop \#(n)", "startStage": "sowing", "#
            + #""start": \#(start), "harvest": \#(harvest), "covariateWindow": \#(window)}"#
    }

    @Test func overlappingCovariateWindowsAreRefusedByName() throws {
        let data = calendar(
            season(1, window: #"{"from": 12, "to": 2, "yearOffset": -1}"#) + ","
                + season(2, window: #"{"from": 2, "to": 4}"#))
        do {
            _ = try CropCalendar.decode(data, file: "c.json")
            Issue.record("expected an overlap error")
        } catch let e as DataError {
            #expect(e.code == .badConfiguration)
            #expect(e.message.contains("Vụ 1 (Dec–Feb (crop year -1)) and Vụ 2 (Feb–Apr) overlap"))
        }
        // Allowed when the calendar says so.
        _ = try CropCalendar.decode(
            calendar(
                season(1, window: #"{"from": 1, "to": 3}"#) + ","
                    + season(2, window: #"{"from": 2, "to": 4}"#), overlap: true), file: "c.json")
    }

    @Test(arguments: [
        (#"{"from": 13, "to": 2}"#, "months must be 1–12"),
        (#"{"from": 0, "to": 2}"#, "months must be 1–12"),
    ])
    func monthsOutOfRange(_ window: String, _ expected: String) throws {
        #expect(throws: DataError.self) { try CropCalendar.decode(calendar(season(1, window: window)), file: "c.json") }
        do { _ = try CropCalendar.decode(calendar(season(1, window: window)), file: "c.json") } catch let e as DataError
        {
            #expect(e.message.contains(expected))
        }
    }

    @Test func harvestBeforeSowingIsRefused() throws {
        let bad = calendar(
            season(
                1, window: #"{"from": 5, "to": 6}"#, start: #"{"from": 8, "to": 9}"#,
                harvest: #"{"from": 2, "to": 3}"#))
        #expect(throws: DataError.self) { try CropCalendar.decode(bad, file: "c.json") }
    }

    @Test func seasonNumbersMustRunFromOne() throws {
        let bad = calendar(
            season(1, window: #"{"from": 1, "to": 2}"#) + "," + season(3, window: #"{"from": 5, "to": 6}"#))
        #expect(throws: DataError.self) { try CropCalendar.decode(bad, file: "c.json") }
    }

    @Test func missingFieldIsNamed() throws {
        do {
            _ = try CropCalendar.decode(
                Data(#"{"crop": "rice", "overlapAllowed": false, "seasons": []}"#.utf8), file: "c.json")
            Issue.record("expected an error")
        } catch let e as DataError {
            #expect(e.message.contains("missing 'region'"))
        }
    }
}

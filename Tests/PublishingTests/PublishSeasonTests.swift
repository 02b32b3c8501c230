import AgriData
import Documents
import Foundation
import Testing
import TimeSeriesCore

@testable import Publishing

/// A season series in `muavu publish`: Đồng Tháp's rice yield by GSO season (Đông Xuân = S1,
/// Hè Thu + Thu Đông = S2), labelled by the entry's calendar (models/calendars/gso-rice.json) in
/// GSO's crop years, compared like with like (the same season's 5-year average, the same season a
/// year before), and forecast season by season by the crop-yield model. The expected values come
/// from scripts/fixtures/dong_thap_seasons.py, computed from the GSO CSV without muavu.
@Suite struct PublishSeasonTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seasons")

    struct Expected: Decodable {
        struct Series: Decodable {
            var target, labelVi, labelEn, lastObservedVi: String
            var fiveYearAverage, lastYear, allSeasonsAverage: Double
        }
        var issueDay: String
        var series: [String: Series]
    }

    static func expected() throws -> Expected {
        let url = fixtures.appendingPathComponent("expected.json")
        return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
    }

    /// A configuration in a fresh directory: `dt-rice-yield` as a yield (ENSO ONI over each
    /// season's window) and `dt-rice-yield-to-s1` as a univariate series, both with calendar `gso`.
    static func configuration(calendar: Bool = true) throws -> (PublishConfiguration, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-seasons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var yield: [String: Any] = [
            "id": "dt-rice-yield", "kind": "yield", "name": ["vi": "Năng suất lúa", "en": "Rice yield"],
            "dataset": "seasons", "series": "dt-rice-yield", "horizon": 2,
            "indicators": [["dataset": "enso", "series": "enso-oni", "calendar": "gso", "name": "oni"]],
        ]
        var series: [String: Any] = [
            "id": "dt-rice-yield-to-s1", "kind": "series", "name": ["vi": "Năng suất (đến S1)", "en": "Yield (to S1)"],
            "dataset": "seasons", "series": "dt-rice-yield-to-s1", "models": ["naive", "theta"], "horizon": 2,
        ]
        if calendar {
            yield["calendar"] = "gso"
            series["calendar"] = "gso"
        }
        let object: [String: Any] = [
            "name": "seasons", "title": ["vi": "Lúa theo vụ", "en": "Rice by season"], "levels": [80, 95],
            "datasets": [
                "seasons": ["path": fixtures.appendingPathComponent("dong-thap-rice-seasons.csv").path],
                "enso": ["path": root.appendingPathComponent("datasets/enso-monthly.csv").path],
            ],
            "calendars": ["gso": root.appendingPathComponent("models/calendars/gso-rice.json").path],
            "forecasts": [yield, series],
        ]
        let path = dir.appendingPathComponent("config.json")
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: path)
        return (try PublishConfiguration.load(path: path.path), dir)
    }

    static let issued = Date(timeIntervalSince1970: 1_484_438_400)

    /// The published series and the bulletin, as `Publisher.build` makes them.
    static func bulletin(calendar: Bool = true) throws -> ([PublishedSeries], Bulletin) {
        let (configuration, dir) = try configuration(calendar: calendar)
        defer { try? FileManager.default.removeItem(at: dir) }
        let issueDay = try #require(PeriodDate(parsing: try expected().issueDay))
        var data = try ConfiguredDatasets(configuration)
        data.issueDay = issueDay
        var inputs: [PublishIndex.Input] = []
        let calendars = try Publisher.readCalendars(configuration, inputs: &inputs)
        let sources = Publisher.EntryForecasts(
            configuration: configuration, data: data, calendars: calendars, levels: [80, 95], issueDay: issueDay)
        var published: [PublishedSeries] = []
        for (i, entry) in configuration.forecasts.enumerated() {
            published.append(try sources.publish(entry, index: i, earlier: published))
        }
        let bulletin = try BulletinAssembly.bulletin(configuration, published: published, issueDay: issueDay, level: 80)
        return (published, bulletin)
    }

    @Test func headlinesNameTheCropYearOfTheCalendarInBothLanguages() throws {
        let expected = try Self.expected()
        let (_, bulletin) = try Self.bulletin()
        for (i, id) in ["dt-rice-yield", "dt-rice-yield-to-s1"].enumerated() {
            let e = try #require(expected.series[id])
            #expect(bulletin.headlines[i].vi.contains(e.labelVi), "\(bulletin.headlines[i].vi)")
            #expect(bulletin.headlines[i].en.contains(e.labelEn), "\(bulletin.headlines[i].en)")
            #expect(!bulletin.headlines[i].vi.contains("Vụ "))
            #expect(bulletin.dataAges.contains { $0.vi.contains(e.lastObservedVi) })
        }
    }

    /// The comparison table: the same season's 5-year average and the same season a year before,
    /// not the average of the last 5 seasons of any kind.
    @Test func theComparisonIsLikeWithLike() throws {
        let expected = try Self.expected()
        let (_, bulletin) = try Self.bulletin()
        for (i, id) in ["dt-rice-yield", "dt-rice-yield-to-s1"].enumerated() {
            let e = try #require(expected.series[id])
            let row = bulletin.comparisons[i]
            let average = try #require(row.fiveYearAverage)
            #expect(abs(average - e.fiveYearAverage) <= 1e-9 * e.fiveYearAverage)
            #expect(abs(average - e.allSeasonsAverage) > 1)
            let lastYear = try #require(row.lastYear)
            #expect(abs(lastYear - e.lastYear) <= 1e-12 * e.lastYear)
        }
    }

    /// The yield is forecast season by season: the step of each season stays near that season's
    /// level (Đông Xuân ≈ 70 tạ/ha, Hè Thu + Thu Đông ≈ 57), and each season has its candidates.
    @Test func aSeasonYieldIsForecastSeasonBySeason() throws {
        let expected = try Self.expected()
        let (published, _) = try Self.bulletin()
        let p = published[0]
        #expect(p.forecast.horizon == 2)
        let e = try #require(expected.series["dt-rice-yield"])
        #expect(abs(p.forecast.mean[0] - e.fiveYearAverage) < 5, "Đông Xuân 2017: \(p.forecast.mean[0])")
        #expect(abs(p.forecast.mean[1] - 57) < 5, "Hè Thu + Thu Đông 2017: \(p.forecast.mean[1])")
        let names = p.selection.candidates.map(\.name)
        #expect(names.contains { $0.hasPrefix("Đông Xuân: ") })
        #expect(names.contains { $0.hasPrefix("Hè Thu + Thu Đông: ") })
        #expect(p.selection.candidates.filter(\.chosen).count == 2)
        for interval in p.forecast.intervals {
            #expect(zip(interval.lower, interval.upper).allSatisfy { $0 < $1 && $0.isFinite })
        }
    }

    /// Without a calendar the periods keep the old label, "Vụ 1/2017".
    @Test func withoutACalendarTheOldLabelStays() throws {
        let (_, bulletin) = try Self.bulletin(calendar: false)
        #expect(bulletin.headlines[0].vi.contains("Vụ 1/2017"))
        #expect(bulletin.headlines[0].en.contains("Season 1/2017"))
    }

    /// The published files say the same: bulletin.md in both languages.
    @Test func theBulletinFileCarriesTheLabels() throws {
        let (configuration, dir) = try Self.configuration()
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = try Self.expected()
        let files = try Publisher.build(
            configuration, issued: Self.issued, issueDay: PeriodDate(parsing: expected.issueDay))
        let md = String(decoding: try #require(files.first { $0.path == "bulletin.md" }).data, as: UTF8.self)
        #expect(md.contains("Đông Xuân 2016–2017"))
        #expect(md.contains("Winter–Spring 2016–2017"))
    }

    /// An entry's `calendar` must be a key of `calendars`.
    @Test func anUnknownCalendarKeyIsRefused() throws {
        let json = """
            {"name": "x", "title": {"vi": "x", "en": "x"}, "datasets": {"d": {"path": "d.csv"}},
             "calendars": {"gso": "gso-rice.json"},
             "forecasts": [{"id": "y", "kind": "series", "name": {"vi": "y", "en": "y"}, "dataset": "d",
                            "series": "y", "models": ["naive"], "calendar": "mekong"}]}
            """
        let error = try #require(throws: PublishingError.self) {
            try PublishConfiguration.decode(Data(json.utf8), file: "c.json")
        }
        #expect(error.message.contains("unknown calendar 'mekong'; the calendars are: gso"))
    }

    /// A calendar whose number of crops differs from the series' is refused, naming both.
    @Test func aCalendarOfAnotherNumberOfSeasonsIsRefused() throws {
        let (configuration, dir) = try Self.configuration()
        defer { try? FileManager.default.removeItem(at: dir) }
        var c = configuration
        c.calendars["gso"] = Self.root.appendingPathComponent("models/calendars/mekong-rice.json").path
        let error = try #require(throws: PublishingError.self) {
            try Publisher.build(c, issued: Self.issued, issueDay: PeriodDate(parsing: "2017-01-15"))
        }
        #expect(error.message.contains("calendar 'gso' has 3 crop seasons a year, series 'dt-rice-yield' has 2"))
    }
}

/// GSO's dating of crops by harvest year, in both languages.
@Suite struct SeasonLabelTests {
    static func calendar(_ name: String) throws -> CropCalendar {
        try CropCalendar.load(path: PublishSeasonTests.root.appendingPathComponent("models/calendars/\(name)").path)
    }

    @Test(arguments: [
        ("gso-rice.json", 2027, 1, 2, "Đông Xuân 2026–2027", "Winter–Spring 2026–2027"),
        ("gso-rice.json", 2016, 2, 2, "Hè Thu + Thu Đông 2016", "Summer–Autumn and Autumn–Winter 2016"),
        ("mekong-rice.json", 2017, 1, 3, "Đông Xuân 2016–2017", "Winter–Spring 2016–2017"),
        ("mekong-rice.json", 2017, 2, 3, "Hè Thu 2017", "Summer–Autumn 2017"),
        ("mekong-rice.json", 2017, 3, 3, "Thu Đông 2017", "Autumn–Winter 2017"),
        ("gso-rice-mua.json", 1996, 3, 3, "Mùa 1996", "Main (wet) season 1996"),
    ])
    func label(file: String, year: Int, season: Int, k: Int, vi: String, en: String) throws {
        let c = try Self.calendar(file)
        let date = PeriodDate.season(year: year, season: season, seasonsPerYear: k)
        #expect(c.label(date) == vi)
        #expect(c.label(date, english: true) == en)
    }

    /// A series of another number of crops a year, or a non-season period, has no calendar label.
    @Test func otherPeriodsHaveNone() throws {
        let c = try Self.calendar("gso-rice.json")
        #expect(c.label(.season(year: 2017, season: 1, seasonsPerYear: 3)) == nil)
        #expect(c.label(.year(2017)) == nil)
    }

    /// The calendars validate (GSO's combined season cannot join mekong-rice.json: see its sources).
    @Test(arguments: ["gso-rice.json", "gso-rice-mua.json", "mekong-rice.json"])
    func calendarsValidate(file: String) throws {
        let c = try Self.calendar(file)
        #expect(c.season(named: "he-thu-thu-dong") != nil || file == "mekong-rice.json")
    }
}

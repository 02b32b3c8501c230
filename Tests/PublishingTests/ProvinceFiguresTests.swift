import AgriData
import Documents
import Foundation
import Testing
import TimeSeriesCore

@testable import Publishing

/// `ProvinceFigures` on made-up figures small enough to check by hand: today's province sums area
/// and production and derives its yield, the former province keeps its own, the age is counted in
/// months under a year, and a series in another unit than GSO's is refused.
@Suite struct ProvinceFiguresTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Province `a` (2020: 100 nghìn ha, 600 nghìn tấn; 2021: 110, 660) and `b`, merged into `a`
    /// (2020: 50, 250; 2021: 40, 240), Đông Xuân only.
    static func section(productionUnit: String = "nghìn tấn", issue: PeriodDate) throws
        -> Bulletin.ProvinceSection?
    {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-pf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "series_id,date,value,unit\n"
        let rows: [(String, [Double], String)] = [
            ("area-dong-xuan-a", [100, 110], "nghìn ha"), ("production-dong-xuan-a", [600, 660], productionUnit),
            ("yield-dong-xuan-a", [60, 60], "tạ/ha"), ("area-dong-xuan-b", [50, 40], "nghìn ha"),
            ("production-dong-xuan-b", [250, 240], productionUnit), ("yield-dong-xuan-b", [50, 60], "tạ/ha"),
        ]
        for (id, values, unit) in rows {
            for (year, v) in zip([2020, 2021], values) { csv += "gso-paddy-\(id),\(year),\(v),\(unit)\n" }
        }
        try Data(csv.utf8).write(to: dir.appendingPathComponent("gso.csv"))
        let calendar = root.appendingPathComponent("models/calendars/gso-rice.json").path
        let json = """
            {"name": "t", "title": {"vi": "t", "en": "t"},
             "datasets": {"gso": {"path": "gso.csv", "source": {"vi": "Tổng cục Thống kê", "en": "GSO"}}},
             "calendars": {"gso-rice": "\(calendar)"},
             "forecasts": [{"id": "y", "kind": "series", "name": {"vi": "y", "en": "y"}, "dataset": "gso",
                            "series": "gso-paddy-area-dong-xuan-a", "models": ["naive"]}],
             "province": {"id": "a", "name": {"vi": "A", "en": "A"}, "dataset": "gso", "calendar": "gso-rice",
                          "seasons": ["dong-xuan"],
                          "merged": [{"id": "b", "name": {"vi": "B", "en": "B"}, "since": "2025-07-01"}]}}
            """
        let path = dir.appendingPathComponent("c.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        let configuration = try PublishConfiguration.load(path: path)
        var inputs: [PublishIndex.Input] = []
        let calendars = try Publisher.readCalendars(configuration, inputs: &inputs)
        var data = try ConfiguredDatasets(configuration)
        data.issueDay = issue
        return try ProvinceFigures.section(configuration, data: data, calendars: calendars, issueDay: issue)
    }

    @Test func sumsAreaAndProductionDerivesYieldAndKeepsTheFormerProvince() throws {
        let s = try #require(try Self.section(issue: .day(year: 2021, month: 12, day: 7)))
        let t = try #require(s.tables.first)
        #expect(t.title.vi == "Vụ Đông Xuân 2020–2021")
        #expect(t.seasonBefore.vi == "Đông Xuân 2019–2020")
        #expect(
            t.rows.map { $0.place.vi } == Array(repeating: "A (gồm B cũ)", count: 3)
                + Array(repeating: "A (cũ, trước 1/7/2025)", count: 3))
        #expect(t.rows[0].cells() == ["150,0", "150,0", "0,0%"])
        #expect(t.rows[1].cells() == ["60,0", "56,7", "+5,9%"])  // 900 / 150 × 10; 850 / 150 × 10
        #expect(t.rows[2].cells() == ["900,0", "850,0", "+5,9%"])
        #expect(t.rows[3].cells() == ["110,0", "100,0", "+10,0%"])
        #expect(t.rows[4].cells() == ["60,0", "60,0", "0,0%"])
        #expect(t.rows[5].place.en == "former A (before 1 July 2025)")
        // Harvest ends in March 2021: 9 months before the issue date.
        #expect(
            s.note.vi.hasPrefix(
                "Số liệu chính thức mới nhất: vụ Đông Xuân 2020–2021 (thu hoạch xong tháng 3/2021), cách đây 9 tháng"))
    }

    @Test func aSeriesInAnotherUnitIsRefused() throws {
        #expect(throws: DataError.self) {
            _ = try Self.section(productionUnit: "tấn", issue: .day(year: 2021, month: 12, day: 7))
        }
    }
}

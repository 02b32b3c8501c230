import Foundation
import TestSupport
import Testing

/// `muavu publish --as-of` on a season series: Đồng Tháp's rice yield by GSO season
/// (Tests/PublishingTests/Fixtures/seasons, made by scripts/fixtures/dong_thap_seasons.py from the
/// bundled GSO table), its entry naming calendar gso-rice.json. The bulletin names the crop year
/// and its comparison row holds the same season's 5-year average and the same season a year before,
/// as the script computed them.
@Suite("muavu publish, season series")
struct PublishSeasonCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/PublishingTests/Fixtures/seasons")

    @Test func theBulletinNamesTheCropYearAndComparesLikeWithLike() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-seasons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let object: [String: Any] = [
            "name": "seasons", "title": ["vi": "Lúa theo vụ", "en": "Rice by season"], "levels": [80, 95],
            "datasets": ["seasons": ["path": Self.fixtures.appendingPathComponent("dong-thap-rice-seasons.csv").path]],
            "calendars": ["gso": Self.root.appendingPathComponent("models/calendars/gso-rice.json").path],
            "forecasts": [
                [
                    "id": "yield", "kind": "yield", "name": ["vi": "Năng suất lúa", "en": "Rice yield"],
                    "dataset": "seasons", "series": "dt-rice-yield", "horizon": 2, "calendar": "gso",
                ]
            ],
        ]
        let config = dir.appendingPathComponent("config.json")
        try JSONSerialization.data(withJSONObject: object).write(to: config)
        let expectedData = try Data(contentsOf: Self.fixtures.appendingPathComponent("expected.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let series = try #require((expected["series"] as? [String: Any])?["dt-rice-yield"] as? [String: Any])
        let out = dir.appendingPathComponent("out")
        let run = try CLIRunner.run(
            [
                "publish", "--config", config.path, "--out", out.path, "--as-of",
                try #require(expected["issueDay"] as? String),
            ],
            environment: ["SOURCE_DATE_EPOCH": "1484438400"])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOf: out.appendingPathComponent("bulletin.md"), encoding: .utf8)
        #expect(md.contains("Năng suất lúa \(try #require(series["labelVi"] as? String)) nhiều khả năng"))
        #expect(md.contains("Rice yield \(try #require(series["labelEn"] as? String)) is likely"))
        func vi(_ key: String) throws -> String {
            String(format: "%.1f", try #require(series[key] as? Double)).replacingOccurrences(of: ".", with: ",")
        }
        let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| Năng suất lúa") })
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        // Item, unit, forecast, 5-year average, change, last year.
        #expect(cells[3] == (try vi("fiveYearAverage")), "\(row)")
        #expect(cells[5] == (try vi("lastYear")), "\(row)")
    }
}

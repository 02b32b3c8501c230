import Foundation
import Testing

/// `muavu outlook` on a store holding forecasts of record, end to end: a bulletin published with
/// `--record` as of 30 November 2025 (the Pink Sheet's November release, data to October), then
/// the outlook of today (the December release, data to November): its document carries the change
/// since that issue, split by the previous model (naive) re-run on today's data, and the track
/// record of the month now observed, each checked against the published forecast document and the
/// data file.
@Suite struct OutlookTrackRecordTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The values of `wb-rice-vnm-5` in datasets/wb-pinksheet-monthly.csv, by month.
    static func prices() throws -> [String: Double] {
        let text = try String(
            contentsOf: root.appendingPathComponent("datasets/wb-pinksheet-monthly.csv"), encoding: .utf8)
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("wb-rice-vnm-5,") {
            let cells = line.split(separator: ",")
            values[String(cells[1])] = Double(cells[2])
        }
        return values
    }

    @Test func theOutlookOfTodayShowsTheChangeSinceTheRecordedIssue() throws {
        let f = try DataCommandTests.Folder()
        try TrackRecordCommandTests.pinkSheet(f, december: true)
        // Far enough ahead to reach this month from October 2025.
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        guard let year = Int(today.prefix(4)), let month = Int(today.dropFirst(5).prefix(2)) else {
            Issue.record("today is \(today)")
            return
        }
        let horizon = (year * 12 + month) - (2025 * 12 + 11) + 1
        try #require(horizon <= 23, "the test's data is too old for an outlook of today")
        let config = try f.write(
            "export.json",
            """
            {"name": "record", "title": {"vi": "Giá", "en": "Prices"}, "horizon": \(horizon), "levels": [80, 95],
             "datasets": {"wb": {"store": true, "onMissing": "interpolate"}},
             "forecasts": [{"id": "wb-rice-vnm-5", "kind": "price",
                            "name": {"vi": "Giá gạo xuất khẩu", "en": "Rice export price"},
                            "commodity": {"vi": "Gạo xuất khẩu", "en": "Export rice"},
                            "market": {"vi": "Xuất khẩu", "en": "Export"},
                            "dataset": "wb", "series": "wb-rice-vnm-5", "models": ["naive"]}]}
            """)
        let out = f.url.appendingPathComponent("bulletin").path
        let published = try CLIRunner.run([
            "publish", "--config", config, "--out", out, "--store", f.store, "--as-of", "2025-11-30", "--record",
        ])
        #expect(published.status == 0, "\(published.stderr)")
        // The month now observed gets its check.
        let verified = try CLIRunner.run(["verify", "--store", f.store])
        #expect(verified.status == 0, "\(verified.stderr)")

        let r = try CLIRunner.run([
            "outlook", "--config", config, "--commodity", "export", "--months", "2", "--json", "--store", f.store,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let change = try #require(doc["change_since_previous"] as? [String: Any], "\(r.stdout.prefix(400))")
        let previous = try #require(change["previous"] as? [String: Any])
        let target = try #require(change["target"] as? String)
        #expect(target == String(today.prefix(7)))
        #expect(previous["issue_day"] as? String == "2025-11-30" && previous["origin"] as? String == "issued")

        // The published forecast of that month, and of November 2025, from the bulletin's document.
        let forecastDoc = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: out + "/forecasts/wb-rice-vnm-5.json"))) as? [String: Any])
        let points = try #require(((forecastDoc["series"] as? [[String: Any]])?.first?["points"]) as? [[String: Any]])
        let then = try #require(points.first { $0["date"] as? String == target })
        let before = try #require(then["mean"] as? Double)
        #expect(abs((previous["forecast"] as? Double ?? .nan) - before) <= 1e-12 * before)

        // Naive then, naive now: the whole change is the new data's, the latest price (November 2025)
        // against the one the previous issue carried forward.
        let prices = try Self.prices()
        let november = try #require(prices["2025-11"])
        let expected = try #require(change["forecast"] as? Double)
        #expect(abs(expected - november) < 1e-9)
        #expect(abs((change["change"] as? Double ?? .nan) - (november - before)) < 1e-9)
        #expect(abs((change["data_effect"] as? Double ?? .nan) - (november - before)) < 1e-9)
        #expect(abs(change["model_effect"] as? Double ?? .nan) < 1e-9)
        #expect(change["rerun_model"] as? String == "naive")

        // The forecast of November 2025 one month ahead, checked against November's first release.
        let lines = try #require(doc["track_record"] as? [[String: Any]])
        let one = try #require(lines.first { $0["horizon"] as? Int == 1 && $0["origin"] as? String == "issued" })
        #expect(one["checked"] as? Int == 1 && one["issues"] as? Int == 1)
        let nov = try #require(points.first { $0["date"] as? String == "2025-11" })
        let lower = try #require((nov["lower"] as? [String: Any])?["80"] as? Double)
        let upper = try #require((nov["upper"] as? [String: Any])?["80"] as? Double)
        let at80 = try #require((one["levels"] as? [[String: Any]])?.first { $0["level"] as? Int == 80 })
        #expect(at80["held"] as? Int == (november >= lower && november <= upper ? 1 : 0))
        let mape = try #require(one["mape"] as? Double)
        let point = try #require(nov["mean"] as? Double)
        #expect(abs(mape - 100 * abs(november - point) / november) < 1e-9)
    }
}

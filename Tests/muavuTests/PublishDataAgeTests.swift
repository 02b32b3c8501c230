import Foundation
import Testing

/// `muavu publish` is honest about the age of its data (issue 14, §5): every series states its
/// last observed period and its age at the issue date; a series older than its freshness is
/// stale; the periods before the issue period are estimates and the horizon counts from the issue
/// period; past 24 periods there is no forecast, and the bulletin says why. The fixture's crops end
/// in 2020 and its Đồng Tháp prices in June 2021 (Fixtures/publish/README.md); the expected ages are
/// calendar arithmetic on those dates.
@Suite("muavu publish: the age of the data", .serialized)
struct PublishDataAgeTests {
    static let epoch = ["SOURCE_DATE_EPOCH": "1795000000"]

    struct Published {
        let status: Int32
        let stderr: String
        let out: URL
        var index: [String: Any] { (try? DocumentCheck.json(out.appendingPathComponent("index.json").path)) ?? [:] }
        var bulletin: String {
            (try? String(contentsOf: out.appendingPathComponent("bulletin.md"), encoding: .utf8)) ?? ""
        }
        func series(_ id: String) -> [String: Any]? {
            (index["series"] as? [[String: Any]])?.first { $0["id"] as? String == id }
        }
        func document(_ id: String) throws -> [String: Any] {
            let doc = try DocumentCheck.json(out.appendingPathComponent("forecasts/\(id).json").path)
            return try #require((doc["series"] as? [[String: Any]])?.first)
        }
    }

    /// Publishes `config` (default: the small fixture) as of `asOf` into a new folder of `dir`.
    static func publish(_ dir: URL, asOf: String, config: String = CLIRunner.fixture("publish/small.json")) throws
        -> Published
    {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("out-\(asOf)")
        let r = try CLIRunner.run(
            ["publish", "--config", config, "--out", out.path, "--as-of", asOf], environment: Self.epoch)
        return Published(status: r.status, stderr: r.stderr, out: out)
    }

    @Test("Old data: stated, marked stale, estimates before the issue year, the price withheld past 24 months")
    func oldData() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = try Self.publish(dir, asOf: "2024-03-15")
        #expect(p.status == 0, "\(p.stderr)")

        // Yield: last 2020, issued March 2024: 4 years, 39 months after December 2020 (> 18: stale).
        let yield = try #require(p.series("rice-yield"))
        let age = try #require(yield["data_age"] as? [String: Any])
        #expect(age["last_observed"] as? String == "2020")
        #expect(age["issue_period"] as? String == "2024")
        #expect(age["age"] as? Int == 4)
        #expect(age["unit"] as? String == "years")
        #expect(age["months_old"] as? Int == 39)
        #expect(age["freshness_months"] as? Int == 18)
        #expect(age["stale"] as? Bool == true)
        #expect(yield["stale"] as? Bool == true)

        // The forecast runs through the issue year plus the horizon (2): 2021–2023 are estimates of
        // years already past, 2024 and 2025 forecasts.
        let document = try p.document("rice-yield")
        #expect((document["data_age"] as? [String: Any])?["age"] as? Int == 4)
        let points = try #require(document["points"] as? [[String: Any]])
        #expect(points.compactMap { $0["date"] as? String } == ["2021", "2022", "2023", "2024", "2025"])
        #expect(
            points.compactMap { $0["period"] as? String }
                == ["estimate", "estimate", "estimate", "forecast", "forecast"])

        // The headline speaks of the issue year; the bulletin states the age in words.
        let md = p.bulletin
        #expect(md.contains("**Năng suất lúa 2024 nhiều khả năng đạt"), "\(md)")
        #expect(md.contains("Năng suất lúa — Số liệu cũ: mới nhất là năm 2020, cách đây 4 năm."), "\(md)")
        #expect(md.contains("Rice yield — Old data: the latest is 2020, 4 years before the issue date."))

        // The price ends in June 2021, 33 months before March 2024: more than 24, no forecast.
        #expect(p.series("rice-price") == nil)
        let withheld = try #require((p.index["withheld"] as? [[String: Any]])?.first)
        #expect(withheld["id"] as? String == "rice-price")
        #expect((withheld["data_age"] as? [String: Any])?["age"] as? Int == 33)
        #expect(!FileManager.default.fileExists(atPath: p.out.appendingPathComponent("forecasts/rice-price.json").path))
        #expect(
            md.contains(
                "Giá gạo Đồng Tháp: không dự báo, vì số liệu mới nhất là tháng 6/2021, cách đây 33 tháng, quá 24 tháng."),
            "\(md)")
        // "hiện nay" (now) never names a period older than the issue month.
        #expect(!md.contains("hiện nay"))
    }

    @Test("Recent data: not stale, no estimates, the outlook speaks of the issue month as the latest price's next")
    func recentData() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = try Self.publish(dir, asOf: "2021-07-15")
        #expect(p.status == 0, "\(p.stderr)")
        // The price: June 2021 is 1 month before July 2021 (freshness 2 months).
        let price = try #require(p.series("rice-price")?["data_age"] as? [String: Any])
        #expect(price["age"] as? Int == 1 && price["unit"] as? String == "months")
        #expect(price["stale"] as? Bool == false)
        let points = try #require(try p.document("rice-price")["points"] as? [[String: Any]])
        #expect(points.compactMap { $0["date"] as? String } == ["2021-07", "2021-08", "2021-09"])
        #expect(points.allSatisfy { $0["period"] as? String == "forecast" })
        // The yield: 2020 closed 7 months before July 2021 (freshness 18 months).
        let yield = try #require(p.series("rice-yield")?["data_age"] as? [String: Any])
        #expect(yield["months_old"] as? Int == 7 && yield["stale"] as? Bool == false)
        #expect(p.bulletin.contains("giá tháng 7/2021 dự kiến khoảng"), "\(p.bulletin)")
        #expect(!p.bulletin.contains("Số liệu cũ"))
    }

    @Test("Only what can have been known on the issue date is used: no period after it")
    func nothingFromAfterTheIssueDate() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Issued in June 2015: the crops of 2016–2020 and the prices after June 2015 were not known.
        let p = try Self.publish(dir, asOf: "2015-06-15")
        #expect(p.status == 0, "\(p.stderr)")
        let age = try #require(p.series("rice-yield")?["data_age"] as? [String: Any])
        #expect(age["last_observed"] as? String == "2015" && age["age"] as? Int == 0)
        let points = try #require(try p.document("rice-yield")["points"] as? [[String: Any]])
        #expect(points.first?["date"] as? String == "2016")
        let price = try #require(try p.document("rice-price")["points"] as? [[String: Any]])
        #expect(price.first?["date"] as? String == "2015-07")
        #expect(p.bulletin.contains("Năng suất lúa: số liệu mới nhất là năm 2015."), "\(p.bulletin)")
        // Before every observation: nothing to forecast from, exit 65, nothing written.
        let early = try Self.publish(dir, asOf: "1990-01")
        #expect(early.status == 65 && early.stderr.contains("no value dated on or before"), "\(early.stderr)")
        #expect(!FileManager.default.fileExists(atPath: early.out.path))
    }

    @Test("A display unit converts the numbers (t/ha → tạ/ha is × 10); a unit the data's does not convert into is refused")
    func displayUnit() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = URL(fileURLWithPath: CLIRunner.fixture("publish/small.json")).deletingLastPathComponent()
        for name in ["crops.csv", "enso.csv", "prices.csv", "rice-calendar.json"] {
            try FileManager.default.copyItem(
                at: fixture.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        func configuration(_ unit: String?) throws -> String {
            var object = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.appendingPathComponent("small.json")))
                    as? [String: Any])
            var entries = try #require(object["forecasts"] as? [[String: Any]])
            entries = [entries[0]]
            if let unit { entries[0]["unit"] = unit }
            object["forecasts"] = entries
            let path = dir.appendingPathComponent("config-\(unit == nil ? "as-given" : "unit").json")
            try JSONSerialization.data(withJSONObject: object).write(to: path)
            return path.path
        }
        let asGiven = try Self.publish(dir, asOf: "2021-07-15", config: try configuration(nil))
        let inTa = try Self.publish(
            dir.appendingPathComponent("ta"), asOf: "2021-07-15", config: try configuration("tạ/ha"))
        #expect(asGiven.status == 0 && inTa.status == 0, "\(asGiven.stderr)\(inTa.stderr)")
        let a = try #require(try asGiven.document("rice-yield")["points"] as? [[String: Any]])
        let b = try #require(try inTa.document("rice-yield")["points"] as? [[String: Any]])
        #expect(a.count == b.count && !a.isEmpty)
        for (x, y) in zip(a, b) {
            let (mx, my) = (try #require(x["mean"] as? Double), try #require(y["mean"] as? Double))
            #expect(abs(my - 10 * mx) <= 1e-9 * abs(my), "\(mx) t/ha against \(my) tạ/ha")
        }
        #expect(inTa.bulletin.contains("tạ/ha"))
        #expect(!inTa.bulletin.contains(" t/ha"))

        let refused = try Self.publish(
            dir.appendingPathComponent("bad"), asOf: "2021-07-15", config: try configuration("đồng/kg"))
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("đồng/kg") && refused.stderr.contains("t/ha"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: refused.out.path))
    }
}

import Foundation
import Testing

/// `muavu outlook --sell-or-store`: the `sell_or_store` section of `muavu.outlook/v1` (checked
/// against its schema with python3's `jsonschema`), its sentence, its costs from the options and
/// the configuration, and its refusals.
@Suite("muavu outlook --sell-or-store")
struct OutlookSellOrStoreTests {
    static let config = BundledConfiguration.withCSVDatasets([
        ("wfp", "wfp-rice-wholesale.csv"), ("pinksheet", "wb-pinksheet-monthly.csv"),
        ("paddy", "paddy-price-monthly.csv"),
    ])
    static let epoch = ["SOURCE_DATE_EPOCH": "1795910400"]
    static let rice = [
        "outlook", "--config", config, "--commodity", "rice", "--market", "Đồng Tháp", "--as-of", "2022-07",
        "--models", "naive",
    ]

    func document(_ args: [String]) throws -> (doc: [String: Any], path: String, dir: URL) {
        let dir = try DocumentCheck.temporaryDirectory()
        let out = dir.appendingPathComponent("outlook.json").path
        let r = try CLIRunner.run(args + ["--json", "--out", out], environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        return (try DocumentCheck.json(out), out, dir)
    }

    static func months(_ doc: [String: Any]) throws -> [[String: Any]] {
        let s = try #require(doc["sell_or_store"] as? [String: Any])
        return try #require(s["months"] as? [[String: Any]])
    }

    @Test func theSectionConformsAndStatesEachMonth() throws {
        let (doc, path, dir) = try document(Self.rice + ["--sell-or-store", "--fresh-price", "5550"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try DocumentCheck.schemaViolation(kind: "outlook", document: path) == nil)
        let s = try #require(doc["sell_or_store"] as? [String: Any])
        #expect(s["now"] as? String == "2022-06")
        #expect(s["fresh_price"] as? Double == 5550)
        #expect(s["fresh_price_from"] as? String == "given")
        let costs = try #require(s["costs"] as? [String: Any])
        #expect(costs["drying_cost"] as? Double == 180)
        #expect(costs["field_moisture"] as? Double == 0.25)
        let months = try Self.months(doc)
        #expect(months.map { $0["months"] as? Int } == [1, 2, 3, 4, 5, 6])
        let dates = months.map { $0["date"] as? String }
        #expect(dates == ["2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12"])
        for m in months {
            let p = try #require(m["probability"] as? Double)
            #expect((0...1).contains(p))
            #expect(m["expected_gain_per_tonne"] is Double)
            let rel = try #require(m["reliability"] as? [String: Any])
            #expect((rel["statements"] as? Int ?? 0) > 50)
        }
        let text = try #require((doc["text"] as? [String: Any])?["vi"] as? String)
        #expect(text.contains("Phơi khô và giữ lúa để bán sau"), "\(text)")
        #expect(text.contains("giữ 2 tháng, khả năng lời hơn bán tươi ngay là"))
        #expect(text.contains("đồng/tấn"))
    }

    @Test func aDearerDryingChargeLowersTheGain() throws {
        let a = try document(Self.rice + ["--sell-or-store", "--fresh-price", "5550"])
        defer { try? FileManager.default.removeItem(at: a.dir) }
        let b = try document(Self.rice + ["--sell-or-store", "--fresh-price", "5550", "--drying-cost", "400"])
        defer { try? FileManager.default.removeItem(at: b.dir) }
        let costs = try #require((b.doc["sell_or_store"] as? [String: Any])?["costs"] as? [String: Any])
        #expect(costs["drying_cost"] as? Double == 400)
        for (x, y) in zip(try Self.months(a.doc), try Self.months(b.doc)) {
            let gx = try #require(x["expected_gain_per_tonne"] as? Double)
            let gy = try #require(y["expected_gain_per_tonne"] as? Double)
            // 220 đồng/kg more on a tonne: 220,000 đồng less, to the rounding of each.
            #expect(abs((gx - gy) - 220_000) <= 1, "\(gx) vs \(gy)")
        }
    }

    @Test func theConfigurationAsksItForThePaddyPrice() throws {
        let (doc, path, dir) = try document([
            "outlook", "--config", Self.config, "--commodity", "lúa", "--market", "An Giang", "--as-of", "2026-04",
            "--models", "naive",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try DocumentCheck.schemaViolation(kind: "outlook", document: path) == nil)
        let s = try #require(doc["sell_or_store"] as? [String: Any])
        #expect(s["fresh_price_from"] as? String == "series")
        #expect(s["now"] as? String == "2026-03")
        #expect(s["fresh_price"] as? Double == 5500)
        // The wholesale price is not asked for without --sell-or-store.
        let rice = try document(Self.rice)
        defer { try? FileManager.default.removeItem(at: rice.dir) }
        #expect(rice.doc["sell_or_store"] == nil)
    }

    static let refused: [(args: [String], message: String)] = [
        (["--sell-or-store"], "--fresh-price"),
        (["--sell-or-store", "--fresh-price", "-5"], "--fresh-price"),
        (["--sell-or-store", "--fresh-price", "5550", "--field-moisture", "10"], "storage moisture"),
        (["--sell-or-store", "--fresh-price", "5550", "--storage-loss", "100"], "storage loss"),
    ]

    @Test("Exit 64 for a request that cannot be answered", arguments: refused.indices)
    func refusals(_ i: Int) throws {
        let (args, message) = Self.refused[i]
        let r = try CLIRunner.run(Self.rice + args)
        #expect(r.status == 64, "\(args): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}

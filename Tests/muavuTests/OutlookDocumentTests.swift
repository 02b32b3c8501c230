import Foundation
import Testing

/// `muavu outlook --commodity rice --market "Đồng Tháp" --json`: the outlook found in the model
/// configuration, as a `muavu.outlook/v1` document checked with python3's `jsonschema`, and the
/// measured bar of issue 6: the calibrated 80% ranges held the price in 70–90% of the
/// rolling-origin backtest (the computation itself is checked in ConformalRangeTests).
@Suite("muavu outlook --json")
struct OutlookDocumentTests {
    /// models/dong-thap.json with its price datasets read from the bundled CSV files: `--as-of
    /// 2022-07` would read a store as known then, and a store made today knew nothing then
    /// (OutlookAsOfTests covers the store).
    static let config = BundledConfiguration.withCSVDatasets([
        ("wfp", "wfp-rice-wholesale.csv"), ("pinksheet", "wb-pinksheet-monthly.csv"),
    ])
    static let epoch = ["SOURCE_DATE_EPOCH": "1795910400"]
    /// Fast candidates (theta and naive against the export link) keep the test quick in debug.
    static let base = [
        "outlook", "--config", config, "--commodity", "rice", "--market", "Đồng Tháp",
        "--as-of", "2022-07", "--models", "theta,naive,arima-x",
    ]

    func document(_ extra: [String] = []) throws -> (path: String, doc: [String: Any], bytes: Data, dir: URL) {
        let dir = try DocumentCheck.temporaryDirectory()
        let out = dir.appendingPathComponent("outlook.json").path
        let r = try CLIRunner.run(Self.base + ["--json", "--out", out] + extra, environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        return (out, try DocumentCheck.json(out), try Data(contentsOf: URL(fileURLWithPath: out)), dir)
    }

    @Test func theDocumentConformsAndItsRangesAreCalibrated() throws {
        let (path, doc, _, dir) = try document()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try DocumentCheck.schemaViolation(kind: "outlook", document: path) == nil)
        #expect(doc["schema"] as? String == "muavu.outlook/v1")
        #expect(doc["issued"] as? String == "2026-11-29T00:00:00Z")
        let series = try #require(doc["series"] as? [String: Any])
        #expect(series["id"] as? String == "wfp-rice-wholesale-dong-thap")
        let last = try #require(doc["last_observation"] as? [String: Any])
        #expect(last["date"] as? String == "2022-06" && last["price"] as? Double == 8625)
        let data = try #require(doc["data"] as? [[String: Any]])
        #expect(data.map { $0["role"] as? String } == ["price", "export"])

        // The comparison: univariate models against the export link, one chosen, with the reason.
        let model = try #require(doc["model"] as? [String: Any])
        let selection = try #require(model["selection"] as? [String: Any])
        let candidates = try #require(selection["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["name"] as? String } == ["theta", "naive", "arima-x"])
        #expect(candidates.contains { $0["kind"] as? String == "export-link" })
        #expect(candidates.filter { $0["chosen"] as? Bool == true }.count == 1)
        let chosen = try #require(candidates.first { $0["chosen"] as? Bool == true })
        let best = candidates.compactMap { $0["rmse"] as? Double }.min()
        #expect(chosen["rmse"] as? Double == best)
        let why = try #require(model["why"] as? [String: String])
        #expect(why["en"]?.contains("lowest backtest RMSE") == true && why["en"]?.contains("export price") == true)

        // The measured bar: 70–90% of the calibrated ranges held the price.
        let range = try #require(doc["range"] as? [String: Any])
        let backtest = try #require(range["backtest"] as? [String: Any])
        let cases = try #require(backtest["cases"] as? Int)
        let held = try #require(backtest["held"] as? Int)
        let coverage = try #require(backtest["coverage"] as? Double)
        #expect(cases >= 200)
        #expect(abs(coverage - Double(held) / Double(cases)) < 1e-12)
        #expect(coverage >= 0.70 && coverage <= 0.90, "coverage \(coverage)")

        // Each month: the calibrated range around the expected price.
        let months = try #require(doc["months"] as? [[String: Any]])
        #expect(months.map { $0["date"] as? String } == ["2022-07", "2022-08", "2022-09"])
        for m in months {
            let e = try #require(m["expected"] as? Double)
            let lo = try #require(m["lower"] as? Double)
            let hi = try #require(m["upper"] as? Double)
            #expect(lo < e && e < hi)
            #expect(m["range"] as? String == "calibrated")
        }
        // The schema is not a rubber stamp: a coverage above 1 and a second chosen model are refused.
        var broken = doc
        var brokenRange = range
        var brokenBacktest = backtest
        brokenBacktest["coverage"] = 1.5
        brokenRange["backtest"] = brokenBacktest
        broken["range"] = brokenRange
        var brokenModel = model
        var brokenSelection = selection
        brokenSelection["candidates"] = candidates.map { c -> [String: Any] in
            var c = c
            c["chosen"] = true
            return c
        }
        brokenModel["selection"] = brokenSelection
        broken["model"] = brokenModel
        let brokenPath = dir.appendingPathComponent("broken.json").path
        try JSONSerialization.data(withJSONObject: broken).write(to: URL(fileURLWithPath: brokenPath))
        let violation = try #require(try DocumentCheck.schemaViolation(kind: "outlook", document: brokenPath))
        #expect(violation.contains("1.5") && violation.contains("candidates"), "\(violation)")

        let text = try #require(doc["text"] as? [String: String])
        #expect(text["en"]?.contains("of such ranges held the actual price (\(held) of \(cases))") == true)
        #expect(text["vi"]?.contains("khoảng dự báo như vậy chứa đúng giá thực tế (\(held)/\(cases) lần)") == true)
    }

    @Test func theDocumentIsByteReproducible() throws {
        let a = try document()
        defer { try? FileManager.default.removeItem(at: a.dir) }
        let b = try document()
        defer { try? FileManager.default.removeItem(at: b.dir) }
        #expect(a.bytes == b.bytes)
    }

    @Test func vietnameseTextFromAFoldedMarketName() throws {
        let r = try CLIRunner.run([
            "outlook", "--config", Self.config, "--commodity", "gạo", "--market", "dong thap",
            "--as-of", "2022-07", "--models", "theta", "--lang", "vi", "--months", "2",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Gạo (bán buôn) tại Đồng Tháp: giá tháng 7/2022 dự kiến khoảng"), "\(r.stdout)")
        #expect(r.stdout.contains("Các tháng sau: tháng 8/2022 khoảng"))
        #expect(!r.stdout.contains("tháng 9/2022"))
        #expect(r.stdout.contains("Kiểm tra trên giá các năm trước"))
        #expect(!r.stdout.contains("expected"))
    }

    static let failures: [(args: [String], status: Int32, message: String)] = [
        (["--commodity", "cà phê"], 64, "its prices are"),
        (["--commodity", "rice"], 64, "name the market with --market"),
        (["--commodity", "rice", "--market", "Đồng Tháp", "--export-link", "nothing"], 64, "--export-link"),
        (["--commodity", "rice", "--market", "Đồng Tháp", "--model", "theta", "--models", "naive"], 64, "not both"),
        (["--market", "Đồng Tháp"], 64, "--commodity"),
        (["--commodity", "rice", "--market", "Đồng Tháp", "--models", "prophet"], 64, "prophet"),
    ]

    @Test("Exit 64 for a price the configuration does not have", arguments: failures.indices)
    func badRequests(_ i: Int) throws {
        let (args, status, message) = Self.failures[i]
        let r = try CLIRunner.run(["outlook", "--config", Self.config] + args)
        #expect(r.status == status, "\(args): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func anUnwritableOutputLeavesNothing() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("missing/outlook.json").path
        let r = try CLIRunner.run(Self.base + ["--json", "--out", out])
        // A folder that does not exist is a usage error (64) that says so (issue 12 §4).
        #expect(r.status == 64)
        #expect(r.stderr.contains("will not write --output") && r.stderr.contains("does not exist"), "\(r.stderr)")
        #expect(DocumentCheck.contents(dir).isEmpty)
    }
}

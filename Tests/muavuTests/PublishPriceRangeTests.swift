import Foundation
import Testing

/// The bulletin's price outlook is `muavu outlook`'s: `muavu publish` and `muavu outlook` run on
/// the same configuration, series and day give the same expected prices and calibrated 80%
/// ranges, and the bulletin reports how often such ranges held the Đồng Tháp price in the
/// backtest, which must lie in the 70–90% bar of a nominal 80% range.
@Suite("muavu publish: the calibrated price ranges of muavu outlook", .serialized)
struct PublishPriceRangeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// 2026-11-29T00:00:00Z.
    static let epoch = ["SOURCE_DATE_EPOCH": "1795910400"]
    /// The month after the WFP prices end (June 2022): the outlook and the bulletin speak of it.
    static let issueMonth = "2022-07"

    /// The Đồng Tháp wholesale price and the export price it is linked to, from the bundled
    /// datasets; fast univariate candidates (theta, naive) keep the test quick in debug, the
    /// export link (`arima-x`) is added by both commands.
    static func configuration(in dir: URL, levels: [Int] = [80, 95]) throws -> String {
        let datasets = root.appendingPathComponent("datasets").path
        let text = """
            {
              "name": "price-range-test",
              "title": {"vi": "Bản tin giá", "en": "Price bulletin"},
              "horizon": 3,
              "exportLink": "wb-rice-vnm-5",
              "levels": \(levels),
              "datasets": {
                "wfp": {"path": "\(datasets)/wfp-rice-wholesale.csv", "onMissing": "interpolate"},
                "pinksheet": {"path": "\(datasets)/wb-pinksheet-monthly.csv", "onMissing": "interpolate"}
              },
              "forecasts": [
                {
                  "id": "wfp-rice-wholesale-dong-thap", "kind": "price",
                  "name": {"vi": "Giá bán buôn gạo tại Đồng Tháp", "en": "Wholesale rice price, Đồng Tháp"},
                  "commodity": {"vi": "Gạo (bán buôn)", "en": "Rice (wholesale)"},
                  "market": {"vi": "Đồng Tháp", "en": "Đồng Tháp"},
                  "dataset": "wfp", "series": "wfp-rice-wholesale-dong-thap", "models": ["theta", "naive"], "horizon": 6
                },
                {
                  "id": "wb-rice-vnm-5", "kind": "price",
                  "name": {"vi": "Giá gạo xuất khẩu Việt Nam 5% tấm", "en": "Viet Nam 5% broken rice export price"},
                  "dataset": "pinksheet", "series": "wb-rice-vnm-5", "models": ["naive"], "horizon": 6
                }
              ]
            }
            """
        let path = dir.appendingPathComponent("prices.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("Every configured level is published for a monthly price, not only the range's")
    func configuredLevelsArePublished() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try Self.configuration(in: dir, levels: [50, 80, 95])
        let out = dir.appendingPathComponent("out")
        let published = try CLIRunner.run(
            ["publish", "--config", config, "--out", out.path, "--as-of", Self.issueMonth], environment: Self.epoch)
        #expect(published.status == 0, "\(published.stderr)")
        let forecast = try DocumentCheck.json(
            out.appendingPathComponent("forecasts/wfp-rice-wholesale-dong-thap.json").path)
        let series = try #require((forecast["series"] as? [[String: Any]])?.first)
        let points = try #require(series["points"] as? [[String: Any]])
        #expect(!points.isEmpty)
        for p in points {
            let mean = try #require(p["mean"] as? Double)
            let lower = try #require((p["lower"] as? [String: Any])?["50"] as? Double)
            let upper = try #require((p["upper"] as? [String: Any])?["50"] as? Double)
            #expect(lower < mean && mean < upper)
        }
    }

    @Test("Same expected prices and 80% ranges as muavu outlook; coverage reported and within 70–90%")
    func bulletinRangesAreTheOutlooks() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try Self.configuration(in: dir)
        let out = dir.appendingPathComponent("out")
        let published = try CLIRunner.run(
            ["publish", "--config", config, "--out", out.path, "--as-of", Self.issueMonth], environment: Self.epoch)
        #expect(published.status == 0, "\(published.stderr)")
        let outlookPath = dir.appendingPathComponent("outlook.json").path
        let outlook = try CLIRunner.run(
            [
                "outlook", "--config", config, "--commodity", "rice", "--market", "Đồng Tháp", "--months", "6",
                "--as-of", Self.issueMonth, "--json", "--out", outlookPath,
            ], environment: Self.epoch)
        #expect(outlook.status == 0, "\(outlook.stderr)")

        // The outlook's months against the published forecast document's points.
        let doc = try DocumentCheck.json(outlookPath)
        let months = try #require(doc["months"] as? [[String: Any]])
        #expect(months.count == 6)
        let forecast = try DocumentCheck.json(
            out.appendingPathComponent("forecasts/wfp-rice-wholesale-dong-thap.json").path)
        let series = try #require((forecast["series"] as? [[String: Any]])?.first)
        let points = try #require(series["points"] as? [[String: Any]])
        #expect(points.count == months.count)
        for (m, p) in zip(months, points) {
            #expect(m["range"] as? String == "calibrated")
            #expect(p["date"] as? String == m["date"] as? String)
            #expect(p["mean"] as? Double == m["expected"] as? Double)
            let lower = try #require(p["lower"] as? [String: Any])
            let upper = try #require(p["upper"] as? [String: Any])
            #expect(lower["80"] as? Double == m["lower"] as? Double, "\(m["date"] ?? "")")
            #expect(upper["80"] as? Double == m["upper"] as? Double, "\(m["date"] ?? "")")
            // The fan stays nested: the model's 95% range holds the calibrated 80% one.
            let l95 = try #require(lower["95"] as? Double)
            let u95 = try #require(upper["95"] as? Double)
            #expect(l95 <= (m["lower"] as? Double ?? -.infinity) && u95 >= (m["upper"] as? Double ?? .infinity))
        }
        // The same model.
        let model = try #require(doc["model"] as? [String: Any])
        let publishedModel = try #require(series["model"] as? [String: Any])
        #expect(publishedModel["name"] as? String == model["name"] as? String)

        // The bulletin says what the outlook says, in both languages.
        let text = try #require(doc["text"] as? [String: Any])
        let html = try String(contentsOf: out.appendingPathComponent("bulletin.html"), encoding: .utf8)
        let markdown = try String(contentsOf: out.appendingPathComponent("bulletin.md"), encoding: .utf8)
        for language in ["vi", "en"] {
            let sentence = try #require(text[language] as? String)
            #expect(markdown.contains(sentence), "\(language): \(sentence)")
            #expect(html.contains(sentence.replacingOccurrences(of: "&", with: "&amp;")), "\(language)")
        }

        // index.json: the range's backtest is the outlook's, and within the bar.
        let indexPath = out.appendingPathComponent("index.json").path
        #expect(try DocumentCheck.schemaViolation(kind: "publish-index", document: indexPath) == nil)
        let index = try DocumentCheck.json(indexPath)
        let entries = try #require(index["series"] as? [[String: Any]])
        let entry = try #require(entries.first { $0["id"] as? String == "wfp-rice-wholesale-dong-thap" })
        let range = try #require((entry["selection"] as? [String: Any])?["range"] as? [String: Any])
        let backtest = try #require((doc["range"] as? [String: Any])?["backtest"] as? [String: Any])
        #expect(range["cases"] as? Int == backtest["cases"] as? Int)
        #expect(range["held"] as? Int == backtest["held"] as? Int)
        let coverage = try #require(range["coverage"] as? Double)
        #expect(coverage == backtest["coverage"] as? Double)
        #expect((0.70...0.90).contains(coverage), "coverage \(coverage)")
        #expect((range["cases"] as? Int ?? 0) >= 200)

        // The method-and-skill box reports it as held/cases against the aim of 8 in 10.
        let held = try #require(range["held"] as? Int)
        let cases = try #require(range["cases"] as? Int)
        #expect(markdown.contains("such ranges held the actual price \(held) times in \(cases)"))
        #expect(markdown.contains("chứa đúng giá thực tế \(held)/\(cases) lần"))
        #expect(markdown.contains("8 times in 10") && markdown.contains("8 trong 10 lần"))

        // The export price is not linked to itself: index.json (checked against the schema above)
        // and the bulletin give the reason muavu outlook gives for the same entry.
        let exportOutlookPath = dir.appendingPathComponent("export-outlook.json").path
        let exportOutlook = try CLIRunner.run(
            [
                "outlook", "--config", config, "--commodity", "export", "--months", "6", "--as-of", "2026-11-29",
                "--json",
                "--out", exportOutlookPath,
            ], environment: Self.epoch)
        #expect(exportOutlook.status == 0, "\(exportOutlook.stderr)")
        let exportModel = try #require(try DocumentCheck.json(exportOutlookPath)["model"] as? [String: Any])
        let outlookNote = try #require((exportModel["selection"] as? [String: Any])?["export_link_note"] as? String)
        let exportEntry = try #require(entries.first { $0["id"] as? String == "wb-rice-vnm-5" })
        #expect((exportEntry["selection"] as? [String: Any])?["export_link_note"] as? String == outlookNote)
        #expect((entry["selection"] as? [String: Any])?["export_link_note"] == nil)
        #expect(markdown.contains("The export-price link is not among the candidates: \(outlookNote)."))
    }

    @Test(
        "A monthly price with fewer than 24 reported months keeps the model's own intervals, without a range backtest")
    func shortPriceKeepsModelIntervals() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The first 20 months of the publish fixture's Đồng Tháp prices.
        let lines = try String(contentsOfFile: CLIRunner.fixture("publish/prices.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        try Data((lines.prefix(21).joined(separator: "\n") + "\n").utf8).write(
            to: dir.appendingPathComponent("short.csv"))
        let config = """
            {"name": "short", "title": {"vi": "Giá", "en": "Price"}, "horizon": 3, "levels": [80, 95],
             "datasets": {"p": {"path": "short.csv", "onMissing": "interpolate"}},
             "forecasts": [{"id": "rice-price", "kind": "price", "name": {"vi": "Giá gạo", "en": "Rice price"},
                            "dataset": "p", "series": "wfp-rice-wholesale-dong-thap", "models": ["naive", "theta"]}]}
            """
        try Data(config.utf8).write(to: dir.appendingPathComponent("short.json"))
        let out = dir.appendingPathComponent("out")
        let run = try CLIRunner.run(
            [
                "publish", "--config", dir.appendingPathComponent("short.json").path, "--out", out.path,
                "--as-of", "2015-09",
            ],
            environment: Self.epoch)
        #expect(run.status == 0, "\(run.stderr)")
        let index = try DocumentCheck.json(out.appendingPathComponent("index.json").path)
        let entry = try #require((index["series"] as? [[String: Any]])?.first)
        let selection = try #require(entry["selection"] as? [String: Any])
        #expect(selection["range"] == nil)
        #expect(selection["span"] as? String == "1 × 3")
        let markdown = try String(contentsOf: out.appendingPathComponent("bulletin.md"), encoding: .utf8)
        #expect(markdown.contains("8 trên 10 khả năng"))
        #expect(!markdown.contains("Kiểm tra trên giá các năm trước"))
        #expect(!markdown.contains("hiệu chỉnh theo sai số gần đây của mô hình, khoảng 95%"))
    }

    @Test("The Vietnamese method box names leave-one-year-out in words")
    func leaveOneYearOutWording() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let run = try CLIRunner.run(
            ["publish", "--config", CLIRunner.fixture("publish/small.json"), "--out", out.path],
            environment: Self.epoch)
        #expect(run.status == 0, "\(run.stderr)")
        let markdown = try String(contentsOf: out.appendingPathComponent("bulletin.md"), encoding: .utf8)
        #expect(markdown.contains("kiểm định bỏ một năm (LOYO)"))
        #expect(!markdown.contains("bỏ-một-năm"))
    }
}

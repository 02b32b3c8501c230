import Foundation
import Testing

/// `muavu backtest` end to end against statsforecast's cross_validation
/// (scripts/fixtures/metrics_forecast_fixture.py).
@Suite struct BacktestCommandTests {
    static let data = CLIRunner.fixture("forecast/series.csv")
    static let epoch = ["SOURCE_DATE_EPOCH": "1764374400"]

    struct Reference: Decodable {
        struct Window: Decodable {
            var origin: Int
            var mae: Double
            var smape: Double
        }
        var horizon, windows, step: Int
        var series: [String: [Window]]
    }

    @Test func naiveWindowsMatchStatsforecast() throws {
        let ref = try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("forecast/backtest.json"))))
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("b.json").path
        let r = try CLIRunner.run(
            [
                "backtest", "--intervals", "model", "--data", Self.data, "--horizon", "\(ref.horizon)", "--windows",
                "\(ref.windows)",
                "--step", "\(ref.step)", "--models", "naive,snaive", "--output", out,
            ], environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try DocumentCheck.json(out)
        #expect(doc["schema"] as? String == "muavu.backtest/v1")
        let series = try #require(doc["series"] as? [[String: Any]])
        var all: [ReferenceWindow] = []
        for (id, windows) in ref.series {
            let s = try #require(
                series.first {
                    ($0["id"] as? String)?.precomposedStringWithCanonicalMapping
                        == id.precomposedStringWithCanonicalMapping
                })
            let results = try #require(s["results"] as? [[String: Any]])
            let naive = try #require(results.first { $0["model"] as? String == "naive" })
            let got = try #require(naive["windows"] as? [[String: Any]])
            #expect(got.map { $0["origin"] as? Int } == windows.map(\.origin))
            for (g, w) in zip(got, windows) {
                let m = try #require(g["measures"] as? [String: Any])
                #expect(abs((m["mae"] as? Double ?? .nan) - w.mae) < 1e-9 * max(1, w.mae))
                #expect(abs((m["smape"] as? Double ?? .nan) - w.smape) < 1e-9 * max(1, w.smape))
                all.append(ReferenceWindow(smape: w.smape))
            }
        }
        let summary = try #require((doc["summary"] as? [[String: Any]])?.first { $0["model"] as? String == "naive" })
        #expect(summary["series"] as? Int == ref.series.count)
        let measures = try #require(summary["measures"] as? [String: Any])
        let mean = all.map(\.smape).reduce(0, +) / Double(all.count)
        #expect(abs((measures["smape"] as? Double ?? .nan) - mean) < 1e-9 * mean)
        #expect(try DocumentCheck.schemaViolation(kind: "backtest", document: out) == nil)
    }

    struct ReferenceWindow { var smape: Double }

    @Test func benchmarkFormatAndJobsGiveTheSameBytes() throws {
        let args = [
            "backtest", "--data", CLIRunner.fixture("bench/m3_small.csv"), "--horizon", "3", "--windows", "2",
            "--models", "naive,drift",
        ]
        let one = try CLIRunner.run(args + ["--jobs", "1"], environment: Self.epoch)
        let two = try CLIRunner.run(args + ["--jobs", "2"], environment: Self.epoch)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(!one.stdout.isEmpty && one.stdout == two.stdout)
    }

    @Test func tooShortSeriesIsAnErrorEntryNotAFailedRun() throws {
        let r = try CLIRunner.run(
            ["backtest", "--data", Self.data, "--horizon", "6", "--windows", "3", "--models", "naive"],
            environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        // The yearly series has 20 observations: 3 windows of 6 need 20 − 6 − 12 = 2 to train, which fits;
        // so nothing fails here, and every series is summarised.
        let summary = try #require((doc["summary"] as? [[String: Any]])?.first)
        #expect(summary["series"] as? Int == 3)
        let short = try CLIRunner.run(
            ["backtest", "--data", Self.data, "--horizon", "6", "--windows", "4", "--models", "naive"],
            environment: Self.epoch)
        #expect(short.status == 0)
        let doc2 = try #require(try JSONSerialization.jsonObject(with: Data(short.stdout.utf8)) as? [String: Any])
        let errors = try #require(doc2["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect((errors.first?["message"] as? String)?.contains("too-short") == true)
    }

    @Test(arguments: [
        (["--horizon", "0", "--windows", "2", "--models", "naive"], "horizon"),
        (["--horizon", "2", "--windows", "0", "--models", "naive"], "windows"),
        (["--horizon", "2", "--windows", "2", "--models", "naive,nosuch"], "nosuch"),
        (["--horizon", "2", "--windows", "2", "--models", "naive", "--level", "100"], "level"),
    ])
    func badUsageExits64(extra: [String], mention: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(
            ["backtest", "--data", Self.data, "--output", dir.appendingPathComponent("b.json").path] + extra)
        #expect(r.status == 64)
        #expect(r.stderr.contains(mention))
        #expect(DocumentCheck.contents(dir).isEmpty)
    }
}

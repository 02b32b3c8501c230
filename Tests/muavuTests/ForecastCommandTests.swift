import Foundation
import Testing

/// `muavu forecast` end to end (fixtures from scripts/fixtures/metrics_forecast_fixture.py).
@Suite struct ForecastCommandTests {
    static let data = CLIRunner.fixture("forecast/series.csv")
    static let epoch = ["SOURCE_DATE_EPOCH": "1764374400"]
    static let rice = "Lúa Đông Xuân".precomposedStringWithCanonicalMapping

    struct Reference: Decodable {
        struct Series: Decodable { var mean, lower80, upper80, lower95, upper95: [Double] }
        var horizon: Int
        var series: [String: Series]
    }

    static func series(_ doc: [String: Any], _ id: String) -> [String: Any]? {
        (doc["series"] as? [[String: Any]])?.first {
            ($0["id"] as? String)?.precomposedStringWithCanonicalMapping == id
        }
    }

    @Test func naiveMatchesStatsforecastWithDates() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("f.json").path
        let r = try CLIRunner.run(
            [
                "forecast", "--intervals", "model", "--data", Self.data, "--horizon", "6", "--model", "naive",
                "--level", "80", "--level", "95", "--output", out,
            ], environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let ref = try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("forecast/naive.json"))))
        let doc = try DocumentCheck.json(out)
        #expect(doc["schema"] as? String == "muavu.forecast/v1")
        #expect(doc["levels"] as? [Int] == [80, 95])
        for (id, e) in ref.series {
            let s = try #require(Self.series(doc, id.precomposedStringWithCanonicalMapping), "\(id)")
            let points = try #require(s["points"] as? [[String: Any]])
            #expect(points.count == ref.horizon)
            for (h, p) in points.enumerated() {
                #expect(p["horizon"] as? Int == h + 1)
                #expect(abs((p["mean"] as? Double ?? .nan) - e.mean[h]) < 1e-9 * max(1, abs(e.mean[h])))
                let lower = p["lower"] as? [String: Double]
                let upper = p["upper"] as? [String: Double]
                #expect(abs((lower?["80"] ?? .nan) - e.lower80[h]) < 1e-6 * max(1, abs(e.lower80[h])))
                #expect(abs((upper?["95"] ?? .nan) - e.upper95[h]) < 1e-6 * max(1, abs(e.upper95[h])))
            }
        }
        // Dates continue each calendar: N1402 has 68 months from 1990-01, N0646 44 quarters from 1985-Q1 (to 1995-Q4),
        // the yearly series 20 years from 1975.
        let monthly = try #require(Self.series(doc, "N1402")?["points"] as? [[String: Any]])
        #expect(monthly.first?["date"] as? String == "1995-09")
        let quarterly = try #require(Self.series(doc, "N0646")?["points"] as? [[String: Any]])
        #expect(quarterly.first?["date"] as? String == "1996-Q1")
        let yearly = try #require(Self.series(doc, Self.rice)?["points"] as? [[String: Any]])
        #expect(yearly.last?["date"] as? String == "2000")
        #expect(try DocumentCheck.schemaViolation(kind: "forecast", document: out) == nil)
    }

    @Test func seriesChosenByIdInAnyUnicodeForm() throws {
        let nfd = Self.rice.decomposedStringWithCanonicalMapping
        let r = try CLIRunner.run(
            ["forecast", "--data", Self.data, "--horizon", "2", "--model", "naive", "--series", nfd],
            environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((doc["series"] as? [[String: Any]])?.count == 1)
        #expect(Self.series(doc, Self.rice) != nil)
    }

    @Test func sameBytesWhateverTheJobs() throws {
        let args = ["forecast", "--data", Self.data, "--horizon", "8", "--model", "snaive"]
        let one = try CLIRunner.run(args + ["--jobs", "1"], environment: Self.epoch)
        let two = try CLIRunner.run(args + ["--jobs", "2"], environment: Self.epoch)
        #expect(one.status == 0 && two.status == 0)
        #expect(!one.stdout.isEmpty && one.stdout == two.stdout)
    }

    @Test(arguments: [
        (["--horizon", "0", "--model", "naive"], Int32(64), "horizon"),
        (["--horizon", "3", "--model", "naive", "--level", "120"], 64, "level"),
        (["--horizon", "3", "--model", "nosuch"], 64, "known models"),
        (["--horizon", "3", "--model", "naive", "--series", "NOPE"], 65, "NOPE"),
        (["--horizon", "3", "--model", "naive", "--period", "0"], 64, "period"),
    ])
    func badUsage(extra: [String], status: Int32, mention: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("f.json").path
        let r = try CLIRunner.run(["forecast", "--data", Self.data, "--output", out] + extra)
        #expect(r.status == status)
        #expect(r.stderr.contains(mention))
        #expect(DocumentCheck.contents(dir).isEmpty)
    }

    @Test func missingFileIsBadDataAndLeavesNoOutput() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("f.json").path
        let r = try CLIRunner.run([
            "forecast", "--data", "/nonexistent/x.csv", "--horizon", "3", "--model", "naive",
            "--output", out,
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("/nonexistent/x.csv"))
        #expect(DocumentCheck.contents(dir).isEmpty)
    }

    @Test func defaultModelIsAutoOrAClearUsageError() throws {
        let r = try CLIRunner.run(["forecast", "--data", Self.data, "--horizon", "3"], environment: Self.epoch)
        if r.status == 0 {
            #expect(r.stdout.contains("muavu.forecast/v1"))
        } else {
            #expect(r.status == 64)
            #expect(r.stderr.contains("auto") && r.stderr.contains("known models"))
        }
    }
}

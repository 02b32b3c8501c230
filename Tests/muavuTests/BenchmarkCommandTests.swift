import Foundation
import Testing

/// `muavu benchmark` end to end on a slice of M3 (Fixtures/bench, see scripts/fixtures/metrics_bench_fixture.py).
@Suite struct BenchmarkCommandTests {
    static let data = CLIRunner.fixture("bench/m3_small.csv")
    static let epoch = ["SOURCE_DATE_EPOCH": "1764374400"]

    struct Reference: Decodable {
        struct Scores: Decodable {
            var smape: Double
            var mase: Double
            var coverage95: Double?
            var owa: Double?
        }
        struct Entry: Decodable {
            var subset: String
            var naive: Scores
            var naive2: Scores
        }
        var series: Int
        var results: [Entry]
    }

    static func rows(_ doc: [String: Any]) -> [[String: Any]] { doc["results"] as? [[String: Any]] ?? [] }

    @Test func scoresMatchStatsforecastOnM3Slice() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("bench.json").path
        let md = dir.appendingPathComponent("bench.md").path
        let r = try CLIRunner.run(
            [
                "benchmark", "--intervals", "model", "--data", Self.data, "--models", "naive,naive2", "--jobs", "2",
                "--output", out, "--markdown", md,
            ], environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let reference = try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("bench/reference.json"))))
        let doc = try DocumentCheck.json(out)
        #expect(doc["schema"] as? String == "muavu.benchmark/v1")
        #expect(doc["issued"] as? String == "2025-11-29T00:00:00Z")
        #expect(doc["dataset"] as? String == "m3_small.csv")
        let rows = Self.rows(doc)
        #expect(rows.count == 2 * reference.results.count)
        for entry in reference.results {
            let naive = try #require(
                rows.first { $0["model"] as? String == "naive" && $0["subset"] as? String == entry.subset })
            #expect(abs((naive["smape"] as? Double ?? .nan) - entry.naive.smape) < 1e-9)
            #expect(abs((naive["mase"] as? Double ?? .nan) - entry.naive.mase) < 1e-9)
            let coverage = naive["coverage"] as? [String: Any]
            #expect(abs((coverage?["95"] as? Double ?? .nan) - (entry.naive.coverage95 ?? .nan)) < 1e-12)
            #expect(abs((naive["owa"] as? Double ?? .nan) - (entry.naive.owa ?? .nan)) < 1e-9)
            let naive2 = try #require(
                rows.first { $0["model"] as? String == "naive2" && $0["subset"] as? String == entry.subset })
            #expect(abs((naive2["smape"] as? Double ?? .nan) - entry.naive2.smape) < 1e-6)
            #expect(abs((naive2["mase"] as? Double ?? .nan) - entry.naive2.mase) < 1e-6)
        }
        let all = try #require(rows.first { $0["model"] as? String == "naive" && $0["subset"] as? String == "all" })
        #expect(all["series"] as? Int == reference.series)
        let markdown = try String(contentsOfFile: md, encoding: .utf8)
        #expect(markdown.contains("| all | naive | 16 |"))
        #expect(try DocumentCheck.schemaViolation(kind: "benchmark", document: out) == nil)
    }

    @Test func sameDocumentWhateverTheJobs() throws {
        let one = try CLIRunner.run(
            ["benchmark", "--data", Self.data, "--models", "naive,snaive,drift", "--jobs", "1"],
            environment: Self.epoch)
        let two = try CLIRunner.run(
            ["benchmark", "--data", Self.data, "--models", "naive,snaive,drift", "--jobs", "2"],
            environment: Self.epoch)
        #expect(one.status == 0 && two.status == 0)
        #expect(!one.stdout.isEmpty)
        // Byte for byte, apart from the measured wall times.
        #expect(DocumentCheck.withoutTimings(one.stdout) == DocumentCheck.withoutTimings(two.stdout))
    }

    @Test func shardsMergeIntoTheWholeRun() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var parts: [String] = []
        for i in 1...3 {
            let path = dir.appendingPathComponent("shard-\(i).json").path
            let r = try CLIRunner.run(
                [
                    "benchmark", "--data", Self.data, "--models", "naive,snaive",
                    "--shard", "\(i)/3", "--output", path,
                ], environment: Self.epoch)
            #expect(r.status == 0, "\(r.stderr)")
            parts.append(path)
        }
        let merged = dir.appendingPathComponent("merged.json").path
        let m = try CLIRunner.run(["benchmark", "--merge"] + parts + ["--output", merged], environment: Self.epoch)
        #expect(m.status == 0, "\(m.stderr)")
        let whole = try CLIRunner.run(
            ["benchmark", "--data", Self.data, "--models", "naive,snaive"], environment: Self.epoch)
        let wholeDoc = try #require(try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any])
        let mergedDoc = try DocumentCheck.json(merged)
        #expect(mergedDoc["shards"] as? [String] == ["1/3", "2/3", "3/3"])
        let a = Self.rows(wholeDoc)
        let b = Self.rows(mergedDoc)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) {
            #expect(x["model"] as? String == y["model"] as? String)
            #expect(x["subset"] as? String == y["subset"] as? String)
            #expect(x["series"] as? Int == y["series"] as? Int)
            for key in ["smape", "mase", "owa"] {
                #expect(abs((x[key] as? Double ?? .nan) - (y[key] as? Double ?? .nan)) < 1e-9, "\(key)")
            }
        }
        #expect(try DocumentCheck.schemaViolation(kind: "benchmark", document: merged) == nil)
        // A shard given twice is refused.
        let twice = try CLIRunner.run(["benchmark", "--merge", parts[0], parts[0]])
        #expect(twice.status == 64)
    }

    @Test(arguments: [
        (["--models", "nosuchmodel"], "nosuchmodel"),
        (["--models", "naive", "--level", "120"], "level"),
        (["--models", "naive", "--jobs", "0"], "jobs"),
        (["--models", "naive", "--shard", "4/3"], "shard"),
        (["--models", "naive", "--subset", "hourly"], "hourly"),
    ])
    func badUsageExits64(extra: [String], mention: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.json").path
        let r = try CLIRunner.run(["benchmark", "--data", Self.data, "--output", out] + extra)
        #expect(r.status == 64)
        #expect(r.stderr.contains(mention))
        #expect(DocumentCheck.contents(dir).isEmpty)
    }

    @Test func missingFileIsBadData() throws {
        let r = try CLIRunner.run(["benchmark", "--data", "/nonexistent/m3.csv", "--models", "naive"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("/nonexistent/m3.csv"))
    }

    @Test func badRowNamesFileLineAndColumn() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.csv").path
        try "series_id,subset,period,split,t,value\nA,yearly,1,train,1,3.5\nA,yearly,1,train,2,abc\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.json").path
        let r = try CLIRunner.run(["benchmark", "--data", path, "--models", "naive", "--output", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.csv:3:6"))
        #expect(DocumentCheck.contents(dir) == ["bad.csv"])
    }

    @Test func oneBadSeriesDoesNotSinkTheRun() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("gap.csv").path
        // B has a missing training value: naive cannot fit it, A still scores.
        try """
        series_id,subset,period,split,t,value
        A,yearly,1,train,1,10
        A,yearly,1,train,2,12
        A,yearly,1,test,3,13
        B,yearly,1,train,1,10
        B,yearly,1,train,2,NA
        B,yearly,1,test,3,13

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["benchmark", "--data", path, "--models", "naive"], environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let errors = doc["errors"] as? [[String: Any]] ?? []
        #expect(errors.contains { $0["id"] as? String == "B" && $0["model"] as? String == "naive" })
        let row = try #require(
            Self.rows(doc).first { $0["model"] as? String == "naive" && $0["subset"] as? String == "all" })
        #expect(row["series"] as? Int == 1)
        #expect(row["failures"] as? Int == 1)
        // sMAPE of A alone: 200·|13 − 12| / (13 + 12).
        #expect(abs((row["smape"] as? Double ?? .nan) - 8.0) < 1e-12)
    }
}

import Documents
import Foundation
import Testing

@testable import Forecasting
@testable import Publishing

@Suite struct BenchmarkDocumentTests {
    static func totals(_ smape: [Double], mase: [Double], covered: Int, steps: Int, seconds: Double) -> MetricTotals {
        var t = MetricTotals()
        t.series = mase.count
        t.steps = smape.count
        t.smapeSum = smape.reduce(0, +)
        t.maseSeries = mase.count
        t.maseSum = mase.reduce(0, +)
        t.covered = ["95": covered]
        t.intervalSteps = ["95": steps]
        t.seconds = seconds
        return t
    }

    static func document(shard: Shard?, model: MetricTotals, naive2: MetricTotals) -> BenchmarkDocument {
        let report = HoldoutBenchmark.Report(
            rows: [
                .init(model: "m", subset: "yearly", totals: model), .init(model: "m", subset: "all", totals: model),
            ],
            baseline: [
                .init(model: "naive2", subset: "yearly", totals: naive2),
                .init(model: "naive2", subset: "all", totals: naive2),
            ],
            failures: [], notes: [])
        return BenchmarkDocument(
            report: report, dataset: "d.csv", models: ["m"], levels: [95], shard: shard,
            issued: Date(timeIntervalSince1970: 0))
    }

    @Test func owaAndMeansComeFromTheTotals() throws {
        // sMAPE: mean over steps; MASE: mean over series; OWA = ½(10/20 + 1/4) = 0.375.
        let doc = Self.document(
            shard: nil, model: Self.totals([5, 15], mase: [1], covered: 1, steps: 2, seconds: 1),
            naive2: Self.totals([20, 20], mase: [4], covered: 0, steps: 0, seconds: 1))
        let row = try #require(doc.results.first)
        #expect(row.smape == 10 && row.mase == 1 && row.owa == 0.375)
        #expect(row.coverage["95"] == 0.5)
        // The baseline has no interval: null coverage, written as null.
        let json = String(decoding: try DocumentEncoder.encode(doc), as: UTF8.self)
        #expect(json.contains("\"95\" : null"))
        #expect(json.contains("\"issued\" : \"1970-01-01T00:00:00Z\""))
        #expect(!json.contains("NaN") && !json.contains("nan"))
    }

    @Test func shardsMergeToTheTotalsOfTheUnion() throws {
        let a = Self.document(
            shard: try Shard(index: 1, count: 2),
            model: Self.totals([5, 15], mase: [1], covered: 1, steps: 2, seconds: 1),
            naive2: Self.totals([20, 20], mase: [4], covered: 0, steps: 0, seconds: 1))
        let b = Self.document(
            shard: try Shard(index: 2, count: 2), model: Self.totals([10], mase: [2], covered: 1, steps: 1, seconds: 2),
            naive2: Self.totals([10], mase: [2], covered: 0, steps: 0, seconds: 1))
        // Through JSON and back, as `muavu benchmark --merge` reads them.
        let decoded = try [b, a].map {
            try JSONDecoder().decode(BenchmarkDocument.self, from: DocumentEncoder.encode($0))
        }
        let merged = try BenchmarkDocument.merge(decoded, issued: Date(timeIntervalSince1970: 0))
        #expect(merged.shards == ["1/2", "2/2"])
        let row = try #require(merged.results.first { $0.subset == "yearly" })
        #expect(row.series == 2)
        #expect(row.smape == 10)  // (5 + 15 + 10) / 3
        #expect(row.mase == 1.5)  // (1 + 2) / 2
        #expect(row.coverage["95"] == 2.0 / 3.0)
        #expect(row.seconds == 3)
        // Naive2: sMAPE 50/3, MASE 3; OWA = ½(10/(50/3) + 1.5/3) = 0.55.
        #expect(abs((row.owa ?? .nan) - 0.55) < 1e-15)
        #expect(throws: PublishingError.self) { try BenchmarkDocument.merge([a, a], issued: Date()) }
    }
}

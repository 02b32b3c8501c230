import Foundation
import Testing

@testable import Publishing
@testable import Rendering

/// The rendered analyses: deterministic bytes, the chart drawing, the M3 notebook's fallback.
@Suite struct ReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func options() -> AnalysisReport.Options {
        var o = AnalysisReport.Options(
            datasets: root.appendingPathComponent("datasets").path,
            calendars: root.appendingPathComponent("models/calendars").path,
            benchmarks: root.appendingPathComponent("docs/benchmarks").path)
        o.priceWindows = 2
        o.priceModels = ["naive"]
        // The track record's backtest refits each series at every scored target: the cheap models only.
        o.trackRecordBacktestModels = ["naive", "drift", "theta"]
        return o
    }

    @Test func twoBuildsGiveTheSameBytes() throws {
        let issued = Date(timeIntervalSince1970: 1_795_910_400)
        let a = try AnalysisReport.build(Self.options(), issued: issued)
        let b = try AnalysisReport.build(Self.options(), issued: issued)
        #expect(a == b)
        let paths = a.map(\.path)
        #expect(Set(paths).count == paths.count)
        for name in [
            "README.md", "index.html", "datasets.md", "yield-study.md", "price-study.md", "m3-benchmark.md",
            "datasets.html", "yield-study.html", "price-study.html", "m3-benchmark.html",
            "province-season-study.md", "province-season-study.html", "track-record.md", "track-record.html",
        ] {
            #expect(paths.contains(name), "\(name)")
        }
        // Every chart a notebook links to is among the files.
        for file in a where file.path.hasSuffix(".md") {  // the HTML pages inline the same charts
            let text = String(decoding: file.data, as: UTF8.self)
            for part in text.components(separatedBy: "](charts/").dropFirst() {
                let link = "charts/" + (part.split(separator: ")").first.map(String.init) ?? "")
                #expect(paths.contains(link), "\(file.path) links to \(link)")
            }
            #expect(text.contains("Issued 2026-11-29T00:00:00Z"))
        }
        var later = Self.options()
        later.notebooks = [.m3Benchmark]
        let c = try AnalysisReport.build(later, issued: issued.addingTimeInterval(86_400))
        let m3 = try #require(c.first { $0.path == "m3-benchmark.md" })
        #expect(m3 != a.first { $0.path == "m3-benchmark.md" })
        #expect(String(decoding: m3.data, as: UTF8.self).contains("Issued 2026-11-30T00:00:00Z"))
    }

    @Test func m3NotebookSaysHowToRegenerateWithoutADocument() throws {
        var o = Self.options()
        o.notebooks = [.m3Benchmark]
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        try Data("{\"not\": \"a benchmark\"}".utf8).write(to: empty.appendingPathComponent("m3-bad.json"))
        o.benchmarks = empty.path
        let files = try AnalysisReport.build(o, issued: Date(timeIntervalSince1970: 0))
        let text = String(decoding: try #require(files.first { $0.path == "m3-benchmark.md" }).data, as: UTF8.self)
        #expect(text.contains("No M3 benchmark document is committed yet"))
        #expect(text.contains("scripts/bench/m3_compare.sh"))
        #expect(text.contains("`docs/benchmarks/m3-bad.json` is not a muavu.benchmark/v1 document"))
    }

    @Test func lineChartBreaksAtGapsAndEscapesText() {
        let chart = LineChart(
            title: "A < B & \"C\"", unit: "VND/kg", labels: ["1", "2", "3", "4", "5"],
            lines: [
                .init(name: "x", color: "#000000", values: [1, 2, .nan, 4, 5]),
                .init(name: "y", color: "#ff0000", values: [2, .nan, 3, .nan, 1], dashed: true),
            ])
        let svg = chart.svg()
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)  // x: two runs of two points
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)  // y: three lone points
        #expect(svg.contains("A &lt; B &amp; &quot;C&quot;"))
        #expect(!svg.contains("nan"))
        #expect(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>\n"))
    }
}

import AgriData
import ArgumentParser
import Documents
import Forecasting
import Foundation
import Publishing
import TimeSeriesCore

/// `muavu benchmark --data FILE --models a,b,c [--subset NAME]... [--jobs N] [--markdown FILE]
/// [--output FILE] [--shard i/n]`, and `muavu benchmark --merge a.json b.json ...`.
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit models on the train part of a benchmark file and score them on its test part.",
        discussion: """
            The data is the benchmark long CSV: series_id,subset,period,split,t,value (split = train or test).
            Prints a row per model and subset and one for 'all': sMAPE (M3/M4), MASE, OWA against Naive2,
            interval coverage and the wall time of fitting and forecasting.

            To fan a run out over machines, give each one --shard i/n: the series are sorted by id and
            shard i takes every n-th one (positions p with p mod n = i-1). Then
            `muavu benchmark --merge shard-1.json ... shard-n.json --output all.json` adds the shards up.
            """)

    @Option(name: .long, help: "The benchmark CSV file.")
    var data: String?

    @Option(name: .long, help: "Comma-separated model names (see `muavu forecast --help`).")
    var models: String?

    @Option(name: .long, help: "Only this subset (repeatable).")
    var subset: [String] = []

    @Option(name: .long, help: "Coverage level in percent (repeatable; default 95).")
    var level: [Int] = []

    @OptionGroup var workers: JobsOption

    @Option(
        name: .long,
        help:
            "Intervals: calibrated (the default: widened by a holdout of each series' last observations) or model (the models' own)."
    )
    var intervals: IntervalMethod = .calibrated

    @Option(name: .long, help: "Run shard i of n (i/n).")
    var shard: String?

    @Option(name: .long, help: "Also write the results as a Markdown table to this file.")
    var markdown: String?

    @OptionGroup var destination: DocumentOutputOption

    @Option(name: .long, parsing: .upToNextOption, help: "Merge the documents of the shards of one run.")
    var merge: [String] = []

    var modelNames: [String] { commaSeparated(models ?? "") }

    var levels: [Int] { level.isEmpty ? [95] : level }

    func validate() throws {
        if !merge.isEmpty {
            guard data == nil, models == nil, shard == nil else {
                throw ValidationError("--merge takes documents only: drop --data, --models and --shard")
            }
            return
        }
        guard data != nil else { throw ValidationError("--data FILE is required") }
        try validateModels(modelNames)
        try validateLevels(levels)
        try workers.check()
        if let shard {
            do { _ = try Shard(parsing: shard) } catch let e as ForecastingError {
                throw ValidationError("--shard: \(e.message)")
            }
        }
    }

    func run() throws {
        try runReportingFailures {
            let inputs = [data] + merge.map(Optional.some)
            try AtomicFile.checkTarget(markdown, option: "--markdown", inputs: inputs)
            try AtomicFile.checkTarget(
                destination.output, option: "--output", inputs: inputs, otherOutputs: [markdown])
            let document = merge.isEmpty ? try benchmark() : try mergeShards()
            if let markdown {
                try AtomicFile.write(Data(document.markdown.utf8), to: markdown)
            }
            try AtomicFile.writeDocument(document, to: destination.output)
        }
    }

    private func benchmark() throws -> BenchmarkDocument {
        guard let data else { throw ValidationError("--data FILE is required") }
        var series = try BenchmarkFormat.read(path: data)
        if !subset.isEmpty {
            let known = Set(series.map(\.subset))
            for name in subset where !known.contains(name) {
                throw ForecastingError(
                    .invalidArgument,
                    "no subset '\(name)' in \(data); its subsets are: \(known.sorted().joined(separator: ", "))")
            }
            series = series.filter { subset.contains($0.subset) }
        }
        let shard = try self.shard.map { try Shard(parsing: $0) }
        if let shard { series = shard.select(series, id: \.id) }
        let runner = try workers.runner()
        let benchmark = try HoldoutBenchmark(models: modelNames, levels: levels, intervals: intervals, runner: runner)
        let progress = ProgressReporter(label: "series")
        let report = try benchmark.run(series) { done, total in progress.update(done: done, total: total) }
        progress.finish()
        return BenchmarkDocument(
            report: report, dataset: URL(fileURLWithPath: data).lastPathComponent,
            models: modelNames, levels: levels, intervals: intervals, shard: shard, issued: IssueTime.now())
    }

    /// The counts of a shard's totals are within `Limits.documentCount`: adding the shards then
    /// cannot overflow (an edited count near Int.max crashed the merge).
    static func checkCounts(_ document: BenchmarkDocument, file: String) throws {
        for (part, rows) in [("results", document.results), ("baseline", document.baseline)] {
            for (i, row) in rows.enumerated() {
                let t = row.totals
                var counts = [
                    ("series", t.series), ("failures", t.failures), ("steps", t.steps), ("mase_series", t.maseSeries),
                ]
                counts += t.covered.sorted { $0.key < $1.key }.map { ("covered.\($0.key)", $0.value) }
                counts += t.intervalSteps.sorted { $0.key < $1.key }.map { ("interval_steps.\($0.key)", $0.value) }
                for (name, value) in counts where !Limits.documentCount.contains(value) {
                    throw DataError(
                        .impossibleValue, file: file,
                        "field '\(part)[\(i)].totals.\(name)' \(Limits.documentCount.refusal(String(value)))")
                }
            }
        }
    }

    private func mergeShards() throws -> BenchmarkDocument {
        let parts = try merge.map { path -> BenchmarkDocument in
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw DataError(.fileNotFound, file: path, "no such file")
            }
            let document: BenchmarkDocument
            do {
                document = try JSONDecoder().decode(BenchmarkDocument.self, from: bytes)
            } catch {
                throw DataError(
                    .badConfiguration, file: path, "not a \(BenchmarkDocument.schemaName) document: \(error)")
            }
            try Self.checkCounts(document, file: path)
            return document
        }
        return try BenchmarkDocument.merge(parts, issued: IssueTime.now())
    }
}

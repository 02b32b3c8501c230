import Forecasting
import Foundation
import TimeSeriesCore

/// `muavu.benchmark/v1`: how models scored on held-out data, a row per model and subset and one
/// for `all` (CONTRACT.md). Each row keeps its sums and counts (`totals`) so that the documents of
/// the shards of one run merge into the document of the whole run.
public struct BenchmarkDocument: Sendable, Equatable, Codable {
    public static let schemaName = "muavu.benchmark/v1"

    /// The data file's name (without its directory).
    public var dataset: String
    public var models: [String]
    public var levels: [Int]
    /// Which intervals were scored: `model` (the models' own) or `calibrated` (holdout-calibrated,
    /// `HoldoutCalibrated`). Absent in documents written before the choice existed (= `model`).
    public var intervals: String?
    /// The shards this document covers (`["2/8"]`, or every shard after a merge); empty for a whole run.
    public var shards: [String]
    public var results: [Row]
    /// The Naive2 baseline that OWA is relative to, per subset and `all`.
    public var baseline: [Row]
    public var errors: [ErrorEntry]
    public var notes: [String]
    // What every document carries: its schema, the engine that wrote it and when (ISO 8601 UTC).
    public var schema: String = BenchmarkDocument.schemaName
    public var engine: Engine
    public var issued: String

    public struct Row: Sendable, Equatable, Codable {
        public var model: String
        public var subset: String
        /// Series scored.
        public var series: Int
        /// Series whose fit or forecast failed (listed in `errors`).
        public var failures: Int
        @Nullable public var smape: Double?
        @Nullable public var mase: Double?
        @Nullable public var owa: Double?
        /// Interval coverage by level ("95"), null when the model gives no interval.
        public var coverage: [String: Double?]
        /// Wall time of fitting and forecasting the subset, seconds (for `all`, the sum).
        public var seconds: Double
        public var totals: MetricTotals

        public init(model: String, subset: String, totals: MetricTotals, levels: [Int], owa: Double?) {
            self.model = model
            self.subset = subset
            series = totals.series
            failures = totals.failures
            smape = finite(totals.smape)
            mase = finite(totals.mase)
            self.owa = finite(owa)
            var coverage: [String: Double?] = [:]
            for level in levels { coverage["\(level)"] = finite(totals.coverage(level: level)) }
            self.coverage = coverage
            seconds = totals.seconds.isFinite ? totals.seconds : 0
            self.totals = totals
        }
    }

    /// A series that a model could not fit or forecast.
    public struct ErrorEntry: Sendable, Equatable, Codable {
        public var id: String
        public var model: String
        public var message: String
        public init(id: String, model: String, message: String) {
            (self.id, self.model, self.message) = (id, model, message)
        }
    }

    /// The document of one benchmark run.
    public init(
        report: HoldoutBenchmark.Report, dataset: String, models: [String], levels: [Int],
        intervals: IntervalMethod = .model, shard: Shard?, issued: Date
    ) {
        engine = Engine.current
        self.issued = IssueTime.iso8601(issued)
        self.dataset = dataset
        self.models = models
        self.levels = levels
        self.intervals = intervals.rawValue
        shards = shard.map { [$0.description] } ?? []
        results = report.rows.map {
            Row(model: $0.model, subset: $0.subset, totals: $0.totals, levels: levels, owa: report.owa($0))
        }
        baseline = report.baseline.map {
            Row(model: $0.model, subset: $0.subset, totals: $0.totals, levels: levels, owa: report.owa($0))
        }
        errors = report.failures.map { ErrorEntry(id: $0.id, model: $0.model, message: $0.message) }
        notes = report.notes
    }

    /// The documents of the shards of one run, merged: totals added, means and OWA taken again,
    /// `seconds` summed (the compute time of the whole run, not its wall time), errors joined.
    /// Throws `.badConfiguration` when the documents do not come from one run split in shards.
    public static func merge(_ parts: [BenchmarkDocument], issued: Date) throws -> BenchmarkDocument {
        guard var merged = parts.first else { throw PublishingError(.badConfiguration, "nothing to merge") }
        var seenShards = Set<String>()
        for part in parts {
            guard part.schema == schemaName else {
                throw PublishingError(.badConfiguration, "not a \(schemaName) document: \(part.schema)")
            }
            guard part.dataset == merged.dataset, part.models == merged.models, part.levels == merged.levels,
                (part.intervals ?? "model") == (merged.intervals ?? "model")
            else {
                throw PublishingError(
                    .badConfiguration,
                    "the documents come from different runs (dataset, models, levels or intervals differ)")
            }
            for s in part.shards where !seenShards.insert(s).inserted {
                throw PublishingError(.badConfiguration, "shard \(s) appears twice")
            }
        }
        func add(_ rows: KeyPath<BenchmarkDocument, [Row]>) -> [Row] {
            var order: [String] = []
            var sums: [String: (model: String, subset: String, totals: MetricTotals)] = [:]
            for part in parts {
                for row in part[keyPath: rows] {
                    let key = row.model + "\u{0}" + row.subset
                    if sums[key] == nil {
                        order.append(key)
                        sums[key] = (row.model, row.subset, MetricTotals())
                    }
                    sums[key]?.totals.merge(row.totals)
                }
            }
            return order.compactMap { sums[$0] }.map {
                Row(model: $0.model, subset: $0.subset, totals: $0.totals, levels: merged.levels, owa: nil)
            }
        }
        merged.baseline = add(\.baseline)
        let subsets =
            Set(parts.flatMap { $0.results.map(\.subset) }).filter { $0 != HoldoutBenchmark.allSubsets }.sorted()
            + [HoldoutBenchmark.allSubsets]
        var results = add(\.results)
        // Rows in the order a single run writes them: subset by subset, then `all`; models as asked.
        results.sort { a, b in
            let sa = subsets.firstIndex(of: a.subset) ?? 0
            let sb = subsets.firstIndex(of: b.subset) ?? 0
            if sa != sb { return sa < sb }
            return (merged.models.firstIndex(of: a.model) ?? 0) < (merged.models.firstIndex(of: b.model) ?? 0)
        }
        merged.baseline.sort { (subsets.firstIndex(of: $0.subset) ?? 0) < (subsets.firstIndex(of: $1.subset) ?? 0) }
        let baseline = merged.baseline
        func withOWA(_ row: Row) -> Row {
            var r = row
            if let base = baseline.first(where: { $0.subset == row.subset }) {
                r.owa = finite(
                    Metrics.owa(
                        smape: row.totals.smape, mase: row.totals.mase,
                        naive2Smape: base.totals.smape, naive2Mase: base.totals.mase))
            }
            return r
        }
        merged.results = results.map(withOWA)
        merged.baseline = merged.baseline.map(withOWA)
        merged.errors = parts.flatMap(\.errors).sorted { ($0.id, $0.model) < ($1.id, $1.model) }
        merged.notes = Array(Set(parts.flatMap(\.notes))).sorted()
        merged.shards = parts.flatMap(\.shards).sorted { a, b in
            (Int(a.split(separator: "/").first ?? "") ?? 0) < (Int(b.split(separator: "/").first ?? "") ?? 0)
        }
        merged.issued = IssueTime.iso8601(issued)
        return merged
    }
}

/// `nil` for a missing or non-finite value: documents carry `null`, never NaN.
package func finite(_ x: Double?) -> Double? {
    guard let x, x.isFinite else { return nil }
    return x
}

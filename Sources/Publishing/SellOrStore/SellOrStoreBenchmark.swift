import AgriData
import Agronomy
import Documents
import Forecasting
import Foundation
import Rendering
import TimeSeriesCore

/// `muavu sell-or-store`: the backtest of "waiting k months beats selling now with probability p"
/// on the long monthly rice prices (WFP wholesale, World Bank export), written as
/// docs/benchmarks/sell-or-store.md, with every statement as CSV for the independent check
/// (scripts/fixtures/sell_or_store_reliability.py).
///
/// At each origin the model sees only the months before it; the statement for month k uses the
/// model's k-step errors known at the origin (`SellOrStoreStudy`). The fresh paddy price "now" is
/// taken in proportion to the series, F₀ = φ·P₀, with φ the median of F/P over the months both the
/// An Giang fresh IR 50404 price (datasets/paddy-price-monthly.csv) and the series were reported:
/// the drying charge then weighs on the decision as it did when both were quoted.
public enum SellOrStoreBenchmark {
    public struct Options: Sendable, Equatable {
        /// The directory of the bundled tidy CSV files.
        public var datasets = "datasets"
        /// (file, series id) of the prices backtested.
        public var series: [(file: String, id: String)] = SellOrStoreBenchmark.bundled
        public var model = "naive"
        public var costs = StorageCosts.standard
        public var study = SellOrStoreStudy.Options()

        public init() {}

        public static func == (a: Options, b: Options) -> Bool {
            a.datasets == b.datasets && a.series.map(\.file) == b.series.map(\.file)
                && a.series.map(\.id) == b.series.map(\.id) && a.model == b.model && a.costs == b.costs
                && a.study == b.study
        }
    }

    /// The long monthly rice prices: WFP wholesale (Đồng Tháp, An Giang; 2008–2022, VND/kg) and
    /// the World Bank export prices (Viet Nam 5% since 2003, Thai 5% since 1960; USD/t).
    public static let bundled: [(file: String, id: String)] = [
        ("wfp-rice-wholesale.csv", "wfp-rice-wholesale-dong-thap"),
        ("wfp-rice-wholesale.csv", "wfp-rice-wholesale-an-giang"),
        ("wb-pinksheet-monthly.csv", "wb-rice-vnm-5"),
        ("wb-pinksheet-monthly.csv", "wb-rice-thai-5"),
    ]
    /// The fresh paddy price the series are scaled to.
    public static let freshFile = "paddy-price-monthly.csv"
    public static let freshID = "paddy-ir50404-an-giang"

    /// One series' backtest.
    public struct SeriesResult: Sendable {
        public var id: String
        public var unit: String
        /// The dates of the series' months (index 0 = the first).
        public var start: PeriodDate
        public var months: Int
        /// φ = F/P, and the months it is the median of.
        public var freshPerUnit: Double
        public var overlap: Int
        public var study: SellOrStoreStudy
    }

    public struct Result: Sendable {
        public var options: Options
        public var series: [SeriesResult]
        /// Every series' cases per month k (index k − 1), pooled.
        /// Per k (index k − 1), against a rule a cooperative could have used: "waiting pays as often
        /// as it did before" — the share of the same series' earlier statements for k whose outcome
        /// was known at the origin (at least 10 of them). Both Brier scores on the same statements.
        public var pastRate: [(cases: Int, brier: Double, pastBrier: Double)] {
            (1...options.study.months).map { k in
                var n = 0
                var ours = 0.0
                var past = 0.0
                for s in series {
                    let cases = s.study.cases.filter { $0.statement.months == k }
                    for c in cases {
                        let known = cases.filter { $0.origin + k <= c.origin }
                        guard known.count >= 10 else { continue }
                        let rate = Double(known.filter(\.happened).count) / Double(known.count)
                        let o = c.happened ? 1.0 : 0.0
                        n += 1
                        ours += (c.statement.probability - o) * (c.statement.probability - o)
                        past += (rate - o) * (rate - o)
                    }
                }
                return (n, n > 0 ? ours / Double(n) : .nan, n > 0 ? past / Double(n) : .nan)
            }
        }

        public var pooled: [Reliability] {
            (1...options.study.months).map { k in
                Reliability(series.flatMap { $0.study.cases.filter { $0.statement.months == k } })
            }
        }
    }

    /// Reads the series and runs the backtest of each.
    public static func run(_ options: Options) throws -> Result {
        var tables: [String: TidyDataset] = [:]
        func table(_ file: String) throws -> TidyDataset {
            if let t = tables[file] { return t }
            let t = try read(options.datasets, file)
            tables[file] = t
            return t
        }
        let freshTable = try table(freshFile)
        let fresh = try observed(freshTable, freshID)
        let forecaster = try ForecasterRegistry.forecaster(named: options.model)
        var results: [SeriesResult] = []
        for (file, id) in options.series {
            let s = try observed(try table(file), id)
            guard let start = s.start else { throw DataError(.badConfiguration, file: file, "'\(id)' has no dates") }
            let (phi, overlap) = try freshPerUnit(fresh, s, file: file)
            let study = try SellOrStoreStudy.run(
                s.values, period: 12, forecaster: forecaster, freshPerSeriesUnit: phi, costs: options.costs,
                options: options.study)
            results.append(
                SeriesResult(
                    id: id, unit: s.unit ?? "", start: start, months: s.count, freshPerUnit: phi, overlap: overlap,
                    study: study))
        }
        return Result(options: options, series: results)
    }

    /// φ, the median of fresh/series over the months both reported.
    static func freshPerUnit(_ fresh: TimeSeries, _ s: TimeSeries, file: String) throws -> (Double, Int) {
        var ratios: [Double] = []
        guard let freshStart = fresh.start, let start = s.start else {
            throw DataError(.badConfiguration, file: file, "the prices need dates")
        }
        for i in 0..<fresh.count where fresh.values[i].isFinite {
            let j = freshStart.ordinal + i - start.ordinal
            guard j >= 0, j < s.count, s.values[j].isFinite, s.values[j] > 0 else { continue }
            ratios.append(fresh.values[i] / s.values[j])
        }
        // FreshDryRatio's median: the same rule for the same kind of question.
        guard let phi = FreshDryRatio.median(ratios.map { (fresh: 1, dry: $0) }) else {
            throw DataError(
                .badConfiguration, file: file,
                "'\(s.id)' has no month in common with the fresh paddy price (\(freshID)) to scale it by")
        }
        return (phi, ratios.count)
    }

    static func read(_ directory: String, _ name: String) throws -> TidyDataset {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        guard let raw = FileManager.default.contents(atPath: path) else {
            throw DataError(.fileNotFound, file: path, "cannot read the dataset")
        }
        var o = TidyReadOptions()
        o.onMissing = .interpolate
        return try TidyReader.read(data: raw, file: "datasets/" + name, options: o)
    }

    /// The series with NaN where nothing was reported.
    static func observed(_ table: TidyDataset, _ id: String) throws -> TimeSeries {
        guard let s = table.series(named: id), s.start != nil, let reported = table.reported[id] else {
            throw DataError(.badConfiguration, file: table.file, "no dated series '\(id)'")
        }
        guard case .month = s.start else {
            throw DataError(.badConfiguration, file: table.file, "series '\(id)' is not monthly")
        }
        return reported.masking(s)
    }

    // MARK: - Output

    /// Every statement of the backtest, one line each, for the independent check: the series, the
    /// origin's month (the price "now"), k, the draws that gained of all draws, the expected gain
    /// (đồng/tấn) and φ.
    public static func statementsCSV(_ r: Result) -> Data {
        var out = "series_id,now,months,wins,draws,expected_gain,fresh_per_unit\n"
        for s in r.series {
            for c in s.study.cases {
                let now = s.start.advanced(by: c.origin - 1, frequency: .monthly)
                out += "\(s.id),\(now),\(c.statement.months),\(c.statement.wins),\(c.statement.draws),"
                out += "\(String(format: "%.6f", c.statement.expectedGain)),\(s.freshPerUnit)\n"
            }
        }
        return Data(out.utf8)
    }

    static func percent(_ x: Double, _ digits: Int = 0) -> String { MarkdownTable.number(100 * x, digits: digits) }

    /// The reliability table of one k: the bins with a case.
    static func table(_ r: Reliability) -> String {
        var t = MarkdownTable(header: ["we said", "statements", "it happened", "share", "mean said"])
        for b in r.bins where b.cases > 0 {
            t.append([
                "\(b.index * 10)–\(b.index * 10 + 10)%", "\(b.cases)", "\(b.happened)", percent(b.observed) + "%",
                percent(b.meanProbability) + "%",
            ])
        }
        return t.text
    }

    /// docs/benchmarks/sell-or-store.md.
    public static func markdown(_ r: Result, issued: Date, command: String) -> Data {
        let c = r.options.costs
        func n(_ x: Double, _ d: Int) -> String { MarkdownTable.number(x, digits: d) }
        var md = "# Sell now or store: how often \"waiting k months beats selling now with probability p\" "
        md += "came true\n\n"
        md += "Made by `\(command)` (muavu \(Engine.current.version), \(IssueTime.iso8601(issued))); "
        md += "every statement is in [sell-or-store-statements.csv](sell-or-store-statements.csv), and "
        md += "`scripts/fixtures/sell_or_store_reliability.py` recomputes the outcomes, bins and counts from it and "
        md += "the prices (Tests/AgronomyTests/SellOrStoreTests.swift compares). The decision and its sources: "
        md += "[design/sell-or-store.md](../design/sell-or-store.md).\n\n"
        md += "## Setting\n\n"
        md += "- Model: `\(r.options.model)`, refitted at every origin on the months before it (gaps filled inside "
        let errors =
            r.options.study.calibrationOrigins >= Limits.calibrationOrigins.range.upperBound
            ? "all its" : "its last \(r.options.study.calibrationOrigins)"
        md += "the training months only); the price k months on is the forecast times one of \(errors) "
        md += "k-step errors known at the origin (at least \(r.options.study.minimumErrors)); p = the share of "
        md += "those draws in which waiting gains.\n"
        md += "- Costs: drying \(n(c.dryingCost, 0)) đồng/kg of fresh paddy; moisture \(percent(c.fieldMoisture))% → "
        md += "\(percent(c.storeMoisture))% (weight dried off \(percent(c.dryingLoss, 1))%); storage loss "
        md += "\(percent(c.storageLossPerMonth, 1))% a month; interest \(percent(c.interestPerMonth, 3))% a month; "
        md += "dry/fresh price ratio \(n(c.dryToFresh, 4)).\n"
        md += "- Fresh paddy price now F₀ = φ·P₀ (P₀ the series now), φ the median of F/P over the months both the "
        md += "An Giang fresh IR 50404 price and the series were reported; the dry price k months on is "
        md += "ρ·F₀·P_k/P₀. Waiting \"happened\" to beat selling now when the gain at the actual P_k was positive.\n"
        md += "- Only reported months are origins' \"now\" and outcomes.\n\n"
        md += "| series | unit | months | φ (months) | statements |\n| --- | --- | --- | --- | --- |\n"
        for s in r.series {
            md += "| \(s.id) | \(s.unit) | \(s.months) from \(s.start) | \(n(s.freshPerUnit, 4)) (\(s.overlap)) | "
            md += "\(s.study.cases.count) |\n"
        }
        md += "\n## Results: all series pooled, by k\n\n"
        var summary = MarkdownTable(header: [
            "k (months)", "statements", "happened", "mean p", "Brier", "reliability", "resolution", "uncertainty",
        ])
        let pooled = r.pooled
        for (i, rel) in pooled.enumerated() {
            let meanP =
                rel.cases > 0 ? rel.bins.reduce(0.0) { $0 + ($1.cases > 0 ? Double($1.cases) * $1.meanProbability : 0) }
                    / Double(rel.cases) : .nan
            summary.append([
                "\(i + 1)", "\(rel.cases)", percent(Double(rel.happened) / Double(max(rel.cases, 1))) + "%",
                percent(meanP) + "%", n(rel.brier, 4), n(rel.reliability, 4), n(rel.resolution, 4),
                n(rel.uncertainty, 4),
            ])
        }
        md += summary.text + "\n"
        md += "Brier = reliability − resolution + uncertainty (Murphy 1973) up to the spread of p inside the tenths; "
        md += "a Brier score below the uncertainty beats always saying the base rate — a rate known only "
        md += "afterwards.\n\n"
        md += "Against a rule a cooperative could have used at each origin, \"waiting pays as often as it did "
        md += "before\" (the share of the series' earlier statements for k whose outcome was known then, from 10 "
        md += "on), on the same statements:\n\n"
        var rule = MarkdownTable(header: ["k (months)", "statements", "Brier, muavu", "Brier, the past rate"])
        for (i, x) in r.pastRate.enumerated() {
            rule.append(["\(i + 1)", "\(x.cases)", n(x.brier, 4), n(x.pastBrier, 4)])
        }
        md += rule.text + "\n"
        for (i, rel) in pooled.enumerated() {
            md += "### Waiting \(i + 1) month\(i == 0 ? "" : "s")\n\n" + table(rel) + "\n"
        }
        md += "## By series\n\n"
        for s in r.series {
            var t = MarkdownTable(header: ["k", "statements", "happened", "Brier", "uncertainty"])
            for (i, rel) in s.study.reliability.enumerated() {
                t.append([
                    "\(i + 1)", "\(rel.cases)", percent(Double(rel.happened) / Double(max(rel.cases, 1))) + "%",
                    n(rel.brier, 4), n(rel.uncertainty, 4),
                ])
            }
            md += "### \(s.id)\n\n" + t.text + "\n"
        }
        return Data(md.utf8)
    }
}

import Forecasting
import Foundation
import TestSupport
import Testing
import TimeSeriesCore

@testable import Agronomy

/// The sell-or-store decision against independent Python computations: the arithmetic and the
/// board's dry/fresh ratio (Fixtures/sell-or-store/gain.json, from scripts/fixtures/sell_or_store_gain.py),
/// and the backtest's outcomes, bins and counts, recomputed at test time by
/// scripts/fixtures/sell_or_store_reliability.py from the statements this study made and the actual prices.
@Suite struct SellOrStoreTests {
    struct Reference: Decodable {
        struct Ratio: Decodable {
            var median: Double
            var pairs: [[Double]]
        }
        struct Costs: Decodable {
            var c, m_field, m_store, s, r: Double
        }
        struct Case: Decodable {
            var costs: String
            var fresh, dry: Double
            var months: Int
            var gain: Double
            var break_even: Double
        }
        struct Statement: Decodable {
            var months: Int
            var mean, series_now, fresh: Double
            var wins, draws: Int
            var expected_gain: Double
        }
        var dry_to_fresh: Ratio
        var costs: [String: Costs]
        var grid: [Case]
        var errors: [Double]
        var statements: [Statement]
    }

    static func reference() throws -> Reference {
        let url = try #require(
            Bundle.module.url(forResource: "gain", withExtension: "json", subdirectory: "Fixtures/sell-or-store"))
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-10) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    func costs(_ c: Reference.Costs, ratio: Double) -> StorageCosts {
        StorageCosts(
            dryingCost: c.c, fieldMoisture: c.m_field, storeMoisture: c.m_store, storageLossPerMonth: c.s,
            interestPerMonth: c.r, dryToFresh: ratio)
    }

    @Test func theDefaultDryFreshRatioIsTheBoardsMedian() throws {
        let r = try Self.reference()
        let pairs = r.dry_to_fresh.pairs.map { (fresh: $0[0], dry: $0[1]) }
        #expect(pairs.count == 12)
        let median = try #require(FreshDryRatio.median(pairs))
        #expect(Self.close(median, r.dry_to_fresh.median, 1e-15))
        #expect(StorageCosts.standard.dryToFresh == r.dry_to_fresh.median)
        #expect(FreshDryRatio.median([]) == nil)
    }

    @Test func theGainPerTonneAndBreakEvenMatchPython() throws {
        let r = try Self.reference()
        #expect(r.grid.count == 108)
        for g in r.grid {
            let c = costs(try #require(r.costs[g.costs]), ratio: r.dry_to_fresh.median)
            let gain = StoreDecision.gainPerTonne(fresh: g.fresh, dry: g.dry, months: g.months, costs: c)
            #expect(Self.close(gain, g.gain), "\(g.costs) F0 \(g.fresh) D \(g.dry) k \(g.months): \(gain) vs \(g.gain)")
            let be = StoreDecision.breakEven(fresh: g.fresh, months: g.months, costs: c)
            #expect(Self.close(be, g.break_even))
            // At the break-even price the gain is nil (to rounding).
            #expect(abs(StoreDecision.gainPerTonne(fresh: g.fresh, dry: be, months: g.months, costs: c)) < 1e-6)
        }
        // 25% → 14% dries off 12.79% of the weight.
        #expect(Self.close(StorageCosts.standard.dryingLoss, 1 - 0.75 / 0.86))
    }

    @Test func statementsCountTheDrawsThatGain() throws {
        let r = try Self.reference()
        for s in r.statements {
            let made = try #require(
                SellOrStoreStudy.statement(
                    months: s.months, mean: s.mean, errors: r.errors, seriesNow: s.series_now, fresh: s.fresh,
                    costs: .standard, minimumErrors: 10))
            #expect(made.wins == s.wins && made.draws == s.draws)
            #expect(Self.close(made.expectedGain, s.expected_gain, 1e-9))
        }
        // Too few errors: no statement.
        #expect(
            SellOrStoreStudy.statement(
                months: 1, mean: 6000, errors: Array(r.errors.prefix(9)), seriesNow: 6000, fresh: 6000,
                costs: .standard, minimumErrors: 10) == nil)
    }

    @Test func costsThatMeanNothingAreRefused() {
        #expect(throws: ForecastingError.self) { try StorageCosts(fieldMoisture: 0.12, storeMoisture: 0.14).check() }
        #expect(throws: ForecastingError.self) { try StorageCosts(dryingCost: -1).check() }
        #expect(throws: ForecastingError.self) { try StorageCosts(storageLossPerMonth: 1).check() }
        #expect(throws: ForecastingError.self) { try StorageCosts(dryToFresh: 0).check() }
        #expect(throws: ForecastingError.self) { try StorageCosts(interestPerMonth: .nan).check() }
    }

    /// The Đồng Tháp wholesale rice price (WFP, datasets/wfp-rice-wholesale.csv), month by month
    /// from its first to its last row, NaN where none was reported.
    static func dongThap() throws -> (start: PeriodDate, y: [Double]) {
        let path = Python.root.appendingPathComponent("datasets/wfp-rice-wholesale.csv").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var values: [(PeriodDate, Double)] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count > 2, f[0] == "wfp-rice-wholesale-dong-thap", let d = PeriodDate(parsing: String(f[1])),
                let v = Double(f[2])
            else { continue }
            values.append((d, v))
        }
        let start = try #require(values.first?.0)
        let n = try #require(values.last?.0).ordinal - start.ordinal + 1
        var y = Array(repeating: Double.nan, count: n)
        for (d, v) in values { y[d.ordinal - start.ordinal] = v }
        return (start, y)
    }

    @Test func theBacktestsOutcomesBinsAndCountsMatchAnIndependentRecount() throws {
        let (start, y) = try Self.dongThap()
        let phi = 0.64
        let study = try SellOrStoreStudy.run(
            y, period: 12, forecaster: try ForecasterRegistry.forecaster(named: "naive"), freshPerSeriesUnit: phi)
        #expect(study.cases.count > 400)
        var csv = "series_id,now,months,wins,draws,expected_gain,fresh_per_unit\n"
        for c in study.cases {
            let now = start.advanced(by: c.origin - 1, frequency: .monthly)
            csv += "wfp-rice-wholesale-dong-thap,\(now),\(c.statement.months),\(c.statement.wins),"
            csv += "\(c.statement.draws),\(c.statement.expectedGain),\(phi)\n"
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sell-or-store-\(UUID()).csv")
        try Data(csv.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = Python.root.appendingPathComponent("scripts/fixtures/sell_or_store_reliability.py").path
        let run = try Python.run([script, file.path, Python.root.appendingPathComponent("datasets").path])
        #expect(run.status == 0, "\(run.output)")
        struct Table: Decodable {
            struct Bin: Decodable { var index, cases, happened: Int }
            var cases, happened: Int
            var bins: [Bin]
            var brier, reliability, resolution, uncertainty: Double
        }
        struct Output: Decodable { var by_k: [String: Table] }
        let theirs = try JSONDecoder().decode(Output.self, from: Data(run.output.utf8))
        let mine = study.reliability
        #expect(theirs.by_k.count == 6)
        for (i, r) in mine.enumerated() {
            let t = try #require(theirs.by_k["\(i + 1)"])
            #expect(r.cases == t.cases && r.happened == t.happened, "k=\(i + 1)")
            #expect(r.bins.map(\.cases) == t.bins.map(\.cases), "k=\(i + 1)")
            #expect(r.bins.map(\.happened) == t.bins.map(\.happened), "k=\(i + 1)")
            #expect(Self.close(r.brier, t.brier, 1e-12))
            #expect(Self.close(r.reliability, t.reliability, 1e-12))
            #expect(Self.close(r.resolution, t.resolution, 1e-12))
            #expect(Self.close(r.uncertainty, t.uncertainty, 1e-12))
        }
    }

    @Test func aStatementUsesOnlyErrorsKnownAtItsOrigin() throws {
        // A series whose prices double after month 40: no statement before month 40 may see it.
        var y = (0..<60).map { 100 + Double($0 % 5) }
        for i in 40..<60 { y[i] *= 2 }
        let f = try ConformalRange.forecasts(
            y, period: 12, horizon: 3, levels: [80], forecaster: try ForecasterRegistry.forecaster(named: "naive"),
            origins: Array(24...60))
        for origin in 24...40 {
            for k in 1...3 {
                let e = SellOrStoreStudy.errors(f, step: k, before: origin, count: 24)
                #expect(e.allSatisfy { abs($0) < 0.1 }, "origin \(origin), k \(k)")
            }
        }
        #expect(SellOrStoreStudy.errors(f, step: 1, before: 42, count: 24).contains { $0 > 0.5 })
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// `ConformalRange`: the conformal quantile, the prefix filling, and the rolling-origin coverage,
/// on cases small enough to check by hand and against an independent Python computation.
@Suite struct ConformalRangeTests {
    /// The last value, for every step; no interval. Records nothing: it only sees what it is given.
    struct LastValue: Forecaster {
        var name: String { "last" }
        func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
            Forecast(
                model: ModelSummary(name: "last", family: "naive"),
                mean: Array(repeating: y[y.count - 1], count: horizon))
        }
    }

    @Test func quantileIsTheConformalRank() {
        // m = 4: level 80 → ⌈5·0.8⌉ = 4th smallest; level 50 → ⌈2.5⌉ = 3rd; level 90 → ⌈4.5⌉ = 5 > m.
        let s = [0.5, 0.1, .nan, 0.3, 0.2]
        #expect(ConformalRange.quantile(s, level: 80) == 0.5)
        #expect(ConformalRange.quantile(s, level: 50) == 0.3)
        #expect(ConformalRange.quantile(s, level: 90) == nil)
        #expect(ConformalRange.quantile([], level: 80) == nil)
        #expect(ConformalRange.quantile(s, level: 100) == nil)
        // m = 9 is the fewest for 90%: ⌈10·0.9⌉ = 9.
        #expect(ConformalRange.quantile((1...9).map(Double.init), level: 90) == 9)
    }

    @Test func scoreIsTheAbsoluteLogRatio() throws {
        #expect(try #require(ConformalRange.score(actual: 110, forecast: 100)) == log(1.1))
        #expect(abs(try #require(ConformalRange.score(actual: 100, forecast: 110)) - log(1.1)) < 1e-15)
        #expect(ConformalRange.score(actual: .nan, forecast: 100) == nil)
        #expect(ConformalRange.score(actual: 100, forecast: 0) == nil)
    }

    @Test func prefixGapsAreFilledFromInsideThePrefix() {
        let y = [Double.nan, 2, .nan, .nan, 8, .nan, 100]
        #expect(ConformalRange.filledPrefix(y, count: 5) == [2, 2, 4, 6, 8])
        // The prefix ending in a gap cannot see the 100 that follows: its tail stays unfilled.
        let four = ConformalRange.filledPrefix(y, count: 4)
        #expect(four[0...1] == [2, 2] && four[2].isNaN && four[3].isNaN)
    }

    /// y = 100, 110, 99, 99, 120, 100; one step; the 2 most recent scores; 50%.
    /// Scores s(t) = |log(y[t] / y[t−1])|: s1 = log 1.1, s2 = log(110/99), s3 = 0, s4 = log(120/99),
    /// s5 = log(1.2). The range at T uses s(T−1), s(T−2); m = 2, rank ⌈3·0.5⌉ = 2 (the larger).
    /// T = 2: only s1 (m = 1, rank ⌈2·0.5⌉ = 1), 110·[1/1.1, 1.1] = [100, 121] misses 99.
    /// T = 3: q = s2, 99·[99/110, 110/99] = [89.1, 110] holds 99. T = 4: q = s2, holds not 120.
    /// T = 5: q = s4, 120·[99/120, 120/99] = [99, 145.45] holds 100. Coverage 2 of 4.
    @Test func coverageByHand() throws {
        let y: [Double] = [100, 110, 99, 99, 120, 100]
        let c = try ConformalRange(calibrationOrigins: 2, minimumTrain: 1)
        #expect(c.usableOrigins(y) == [1, 2, 3, 4, 5, 6])
        let f = try ConformalRange.forecasts(
            y, period: 1, horizon: 1, levels: [50], forecaster: LastValue(),
            origins: c.usableOrigins(y))
        let cover = c.coverage(f, level: 50)
        #expect(cover.cases == 4 && cover.hits == 2)
        #expect(cover.firstOrigin == 2 && cover.lastOrigin == 5)
        #expect(cover.byStep.map(\.cases) == [4] && cover.byStep.map(\.hits) == [2])
        // Only origins 3 and 4 evaluated (their ranges still calibrated on the earlier errors): 1 of 2.
        let part = c.coverage(f, level: 50, only: 3...4)
        #expect(part.cases == 2 && part.hits == 1 && part.firstOrigin == 3 && part.lastOrigin == 4)
        let r2 = try #require(c.ranges(f, origin: 2, level: 50)[0])
        #expect(abs(r2.lower - 100) < 1e-9 && abs(r2.upper - 121) < 1e-9 && r2.calibration == 1)
        #expect(cover.modelHits == nil)
        let r3 = try #require(c.ranges(f, origin: 3, level: 50)[0])
        #expect(abs(r3.lower - 99 * 99 / 110) < 1e-9 && abs(r3.upper - 110) < 1e-9 && r3.calibration == 2)
        let r5 = try #require(c.ranges(f, origin: 5, level: 50)[0])
        #expect(abs(r5.lower - 99) < 1e-9 && abs(r5.upper - 120 * 120 / 99) < 1e-9)
        // The final range (T = 6) from s4 and s5: q = log(120/99).
        let r6 = try #require(c.ranges(f, origin: 6, level: 50)[0])
        #expect(abs(r6.lower - 100 * 99 / 120) < 1e-9 && abs(r6.upper - 100 * 120 / 99) < 1e-9)
    }

    /// The same with y[2] unreported: origin 3 is not used (its last value is a gap), origin 4
    /// trains on 100, 110, 105, 99 (the gap filled inside the prefix) and forecasts 99; no score
    /// has the gap as its actual. T = 4: only s1 = log 1.1 is before it (m = 1, rank 1):
    /// [90, 108.9] misses 120. T = 5: s4 and s1, q = log(120/99): [99, 145.45] holds 100.
    @Test func coverageWithAGapByHand() throws {
        let y: [Double] = [100, 110, .nan, 99, 120, 100]
        let c = try ConformalRange(calibrationOrigins: 2, minimumTrain: 1)
        #expect(c.usableOrigins(y) == [1, 2, 4, 5, 6])
        let f = try ConformalRange.forecasts(
            y, period: 1, horizon: 1, levels: [50], forecaster: LastValue(),
            origins: c.usableOrigins(y))
        #expect(c.scores(f, step: 1, before: 5) == [log(1.1), log(120.0 / 99)])
        let cover = c.coverage(f, level: 50)
        #expect(cover.cases == 2 && cover.hits == 1)
        let r4 = try #require(c.ranges(f, origin: 4, level: 50)[0])
        #expect(abs(r4.lower - 90) < 1e-9 && r4.calibration == 1)
    }

    struct Reference: Decodable {
        struct Step: Decodable {
            var cases: Int
            var held: Int
        }
        struct Final: Decodable {
            var step: Int
            var mean: Double
            var lower: Double
            var upper: Double
            var calibration: Int
        }
        var horizon: Int
        var calibration_origins: Int
        var minimum_train: Int
        var level: Int
        var y: [Double?]
        var origins: Int
        var cases: Int
        var held: Int
        var model_held: Int
        var by_step: [Step]
        var final: [Final]
    }

    /// The naive forecast on the Đồng Tháp wholesale rice price against
    /// scripts/fixtures/conformal_naive_dong_thap.py (numpy/pandas, written from the definition).
    @Test func naiveOnDongThapMatchesThePythonReference() throws {
        let url = try #require(
            Bundle.module.url(
                forResource: "naive-dong-thap", withExtension: "json",
                subdirectory: "Fixtures/conformal"))
        let ref = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let y = ref.y.map { $0 ?? .nan }
        let c = try ConformalRange(calibrationOrigins: ref.calibration_origins, minimumTrain: ref.minimum_train)
        let origins = c.usableOrigins(y)
        #expect(origins.count == ref.origins)
        let f = try ConformalRange.forecasts(
            y, period: 12, horizon: ref.horizon, levels: [ref.level],
            forecaster: Naive(), origins: origins)
        #expect(f.failures.isEmpty)
        let cover = c.coverage(f, level: ref.level)
        #expect(cover.cases == ref.cases)
        #expect(cover.hits == ref.held)
        #expect(cover.modelHits == ref.model_held)
        #expect(cover.byStep.map(\.cases) == ref.by_step.map(\.cases))
        #expect(cover.byStep.map(\.hits) == ref.by_step.map(\.held))
        let final = c.ranges(f, origin: y.count, level: ref.level)
        for r in ref.final {
            let got = try #require(final[r.step - 1])
            #expect(abs(got.mean - r.mean) < 1e-9)
            #expect(abs(got.lower - r.lower) < 1e-6 * r.lower)
            #expect(abs(got.upper - r.upper) < 1e-6 * r.upper)
            #expect(got.calibration == r.calibration)
        }
    }
}

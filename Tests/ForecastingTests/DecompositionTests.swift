import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Reference values: statsmodels `seasonal_decompose` and `acf` on M3 series N1498 (monthly)
/// (Fixtures/baselines/decomposition_N1498.json, scripts/fixtures/baselines_m3.py).
@Suite struct DecompositionTests {
    struct Reference: Decodable {
        struct Parts: Decodable {
            var trend: [Double?]
            var seasonal: [Double?]
            var resid: [Double?]
        }
        var y: [Double]
        var period: Int
        var additive: Parts
        var multiplicative: Parts
        var acf: [Double]
    }

    static func reference() throws -> Reference {
        let url = try #require(
            Bundle.module.url(
                forResource: "decomposition_N1498", withExtension: "json",
                subdirectory: "Fixtures/baselines"))
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    static func matches(_ a: [Double], _ b: [Double?]) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { x, r in
                guard let r else { return x.isNaN }
                return abs(x - r) <= 1e-10 * max(1, abs(r))
            }
    }

    @Test(arguments: ClassicalDecomposition.Kind.allCases)
    func matchesStatsmodels(kind: ClassicalDecomposition.Kind) throws {
        let ref = try Self.reference()
        let d = try ClassicalDecomposition(ref.y, period: ref.period, kind: kind)
        let parts = kind == .additive ? ref.additive : ref.multiplicative
        #expect(Self.matches(d.trend, parts.trend))
        #expect(Self.matches(d.seasonal, parts.seasonal))
        #expect(Self.matches(d.remainder, parts.resid))
        let centre = d.indices.reduce(0, +) / Double(d.period)
        #expect(abs(centre - (kind == .additive ? 0 : 1)) < 1e-12)
    }

    @Test func autocorrelationsMatchStatsmodels() throws {
        let ref = try Self.reference()
        let r = SeasonalityTest.autocorrelations(ref.y, maxLag: 12)
        #expect(zip(r, ref.acf).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(SeasonalityTest.isSeasonal(ref.y, period: 12))
    }

    @Test func oddPeriodUsesThePlainMovingAverage() {
        let ma = ClassicalDecomposition.centredMovingAverage([1, 2, 3, 4, 5, 6], order: 3)
        #expect(ma[0].isNaN && ma[5].isNaN)
        #expect(Array(ma[1...4]) == [2, 3, 4, 5])
        let ma4 = ClassicalDecomposition.centredMovingAverage([1, 2, 3, 4, 5, 6], order: 4)
        // (½·1 + 2 + 3 + 4 + ½·5)/4 = 3
        #expect(ma4[2] == 3 && ma4[1].isNaN && ma4[4].isNaN)
    }

    @Test func degenerateInputsAreErrors() {
        #expect(throws: ForecastingError.self) {
            try ClassicalDecomposition([1, 2, 3, 4, 5], period: 4, kind: .additive)
        }
        #expect(throws: ForecastingError.self) {
            try ClassicalDecomposition([1, -2, 3, 4, 5, 6, 7, 8], period: 4, kind: .multiplicative)
        }
        #expect(throws: ForecastingError.self) {
            try ClassicalDecomposition([1, 2, 3, 4], period: 1, kind: .additive)
        }
    }

    @Test func constantAndShortSeriesAreNotSeasonal() {
        #expect(!SeasonalityTest.isSeasonal([Double](repeating: 3, count: 48), period: 12))
        #expect(!SeasonalityTest.isSeasonal([1, 5, 1, 5, 1, 5], period: 4))
        #expect(SeasonalAdjustment.detect([Double](repeating: 0, count: 48), period: 12).isIdentity)
    }
}

import Testing

@testable import Forecasting

@Suite("Seeded generator")
struct RandomTests {
    /// xoshiro256** seeded by SplitMix64 with seed 42: the first eight outputs published as
    /// golden values by an independent Rust implementation (cross-checked there against a
    /// Python re-implementation of Blackman & Vigna's reference C code).
    @Test func matchesReferenceSequence() {
        var g = SeededGenerator(seed: 42)
        let expected: [UInt64] = [
            1546998764402558742, 6990951692964543102, 12544586762248559009,
            17057574109182124193, 18295552978065317476, 14199186830065750584,
            13267978908934200754, 15679888225317814407,
        ]
        #expect((0..<8).map { _ in g.next() } == expected)
    }

    @Test func sameSeedSameStream() {
        var a = SeededGenerator(seed: 7)
        var b = SeededGenerator(seed: 7)
        var c = SeededGenerator(seed: 8)
        let xa = (0..<100).map { _ in a.nextNormal() }
        let xb = (0..<100).map { _ in b.nextNormal() }
        let xc = (0..<100).map { _ in c.nextNormal() }
        #expect(xa == xb)
        #expect(xa != xc)
    }

    /// 200 000 standard normal draws: mean within 4 standard errors of 0 (σ/√n ≈ 0.0022),
    /// variance within 4 standard errors of 1 (√(2/n) ≈ 0.0032), P(|Z| ≤ 1.96) near 0.95.
    @Test func normalMoments() {
        var g = SeededGenerator(seed: 2024)
        let n = 200_000
        var sum = 0.0
        var sumSquares = 0.0
        var inside = 0
        for _ in 0..<n {
            let z = g.nextNormal()
            sum += z
            sumSquares += z * z
            if abs(z) <= 1.959964 { inside += 1 }
        }
        let mean = sum / Double(n)
        let variance = sumSquares / Double(n) - mean * mean
        #expect(abs(mean) < 4 * 0.0022)
        #expect(abs(variance - 1) < 4 * 0.0032)
        #expect(abs(Double(inside) / Double(n) - 0.95) < 4 * 0.00049)
    }

    @Test func uniformRange() {
        var g = SeededGenerator(seed: 1)
        for _ in 0..<10_000 {
            let u = g.nextUniform()
            #expect(u >= 0 && u < 1)
        }
    }
}

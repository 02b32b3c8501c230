import Testing

@testable import Rendering

/// The value-axis ticks of the two charts (`Ticks.covering` for the fan charts, `Ticks.within`
/// for the line charts), checked against steps worked out by hand from their definitions.
struct TicksTests {
    @Test func coveringTicksEncloseTheRange() {
        // 4,514 to 10,638 (the Đồng Tháp range): raw step 1,224.8 → 2,000.
        #expect(Ticks.covering(lo: 4514, hi: 10638) == [4000, 6000, 8000, 10000, 12000])
        // 5.6 to 6.2 t/ha: raw step 0.12 → 0.2.
        let yields = Ticks.covering(lo: 5.6, hi: 6.2)
        #expect(yields.count == 4 && zip(yields, [5.6, 5.8, 6.0, 6.2]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(Ticks.decimals(covering: [5.5, 6.0, 6.5]) == 1)
        #expect(Ticks.decimals(covering: [4000, 6000]) == 0)
    }

    @Test func withinTicksFallInsideTheRange() {
        // 4,514 to 10,638: a quarter of the range is 1,531 → step 2,000, from 6,000 to 10,000.
        let t = Ticks.within(lo: 4514, hi: 10638)
        #expect(t.values == [6000, 8000, 10000] && t.decimals == 0)
        // 5.6 to 6.2: 0.15 → 0.2, from 5.6; one decimal.
        let y = Ticks.within(lo: 5.6, hi: 6.2)
        #expect(y.values.count == 4 && abs(y.values[0] - 5.6) < 1e-9 && y.decimals == 1)
    }

    @Test(arguments: [(0.3, 0.5), (1.0, 1.0), (1.2, 2.0), (3.0, 5.0), (7.0, 10.0), (420.0, 500.0)])
    func niceStepsAreOneTwoOrFiveTimesAPowerOfTen(raw: Double, step: Double) {
        #expect(abs(Ticks.niceStep(raw) - step) < 1e-9 * step)
    }
}

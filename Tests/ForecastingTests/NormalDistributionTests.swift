import Testing

@testable import Forecasting

/// Reference values: SciPy 1.17 `scipy.stats.norm.ppf(p)` (Cephes ndtri), printed with repr.
@Suite struct NormalDistributionTests {
    @Test(arguments: [
        (0.975, 1.959963984540054),
        (0.9, 1.2815515655446004),
        (0.5, 0.0),
        (0.025, -1.9599639845400545),
        (1e-10, -6.361340902404056),
        (0.999999, 4.753424308817087),
    ])
    func quantileMatchesR(p: Double, expected: Double) {
        let q = NormalDistribution.quantile(p)
        #expect(abs(q - expected) <= 1e-13 * max(1, abs(expected)))
    }

    @Test func cdfInvertsQuantile() {
        for p in stride(from: 0.001, to: 1.0, by: 0.0437) {
            #expect(abs(NormalDistribution.cdf(NormalDistribution.quantile(p)) - p) < 1e-14)
        }
    }
}

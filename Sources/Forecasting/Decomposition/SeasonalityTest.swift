/// The 90% autocorrelation test for seasonality used by the M3 and M4 competition benchmarks
/// (Makridakis & Hibon 2000, IJF 16, §3; M4 benchmark code) and by statsforecast's Theta.
///
/// With rₖ the sample autocorrelation at lag k, the series is seasonal at period m when
///
///     |r_m| > 1.645 · √((1 + 2 Σ_{k=1}^{m−1} r_k²) / n),
///
/// i.e. r_m lies outside the one-sided 95% (two-sided 90%) band of Bartlett's standard error.
public enum SeasonalityTest {
    /// Sample autocorrelations r₁…r_maxLag: rₖ = Σ_{t≥k}(yₜ−ȳ)(yₜ₋ₖ−ȳ) / Σ(yₜ−ȳ)²
    /// (the biased estimator, as in Box & Jenkins and statsmodels `acf`).
    /// All zero for a constant series.
    public static func autocorrelations(_ y: [Double], maxLag: Int) -> [Double] {
        let n = y.count
        guard n > 0, maxLag >= 1 else { return [] }
        let mean = y.reduce(0, +) / Double(n)
        let d = y.map { $0 - mean }
        var denominator = 0.0
        for v in d { denominator += v * v }
        guard denominator > 0 else { return [Double](repeating: 0, count: maxLag) }
        return (1...maxLag).map { k in
            var s = 0.0
            if k < n { for t in k..<n { s += d[t] * d[t - k] } }
            return s / denominator
        }
    }

    /// True when the series is seasonal at `period` by the 90% test. Series too short to test
    /// (n < 2·period) and non-seasonal periods (< 2) are not seasonal.
    public static func isSeasonal(_ y: [Double], period m: Int) -> Bool {
        guard m >= 2, y.count >= 2 * m else { return false }
        let r = autocorrelations(y, maxLag: m)
        var s = 0.0
        for k in 0..<(m - 1) { s += r[k] * r[k] }
        let limit = 1.645 * ((1 + 2 * s) / Double(y.count)).squareRoot()
        return abs(r[m - 1]) > limit
    }
}

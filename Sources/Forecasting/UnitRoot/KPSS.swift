import Foundation
import TimeSeriesCore

/// The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt & Shin 1992,
/// J. Econometrics 54, 159–178), as `statsmodels.tsa.stattools.kpss(x, "c", nlags)` and the
/// unit-root step of `forecast::auto.arima` / statsforecast `ndiffs`.
///
/// With e_t = x_t − x̄ and partial sums S_t = Σ_{s≤t} e_s,
///
///     η = Σ S_t² / n²,   σ̂² = (1/n) [Σ e_t² + 2 Σ_{l=1}^{L} (1 − l/(L+1)) Σ_t e_t e_{t−l}],
///
/// the statistic is η / σ̂² (Newey–West long-run variance with Bartlett weights). The default
/// lag truncation is L = ⌊3√n / 13⌋. Large values reject stationarity: the 10%, 5%, 2.5% and
/// 1% critical values are 0.347, 0.463, 0.574, 0.739 (KPSS 1992, Table 1), and p-values are
/// interpolated linearly between them and clamped to [0.01, 0.10].
public struct KPSSTest: Sendable, Equatable {
    public var statistic: Double
    public var lags: Int
    public var pValue: Double

    static let criticalValues = [0.347, 0.463, 0.574, 0.739]
    static let levels = [0.10, 0.05, 0.025, 0.01]

    /// Runs the test on `x` (at least 2 finite values) with `lags` lags (default ⌊3√n/13⌋).
    public init(_ x: [Double], lags: Int? = nil) throws {
        let n = x.count
        guard n >= 2 else { throw ForecastingError(.tooShort, "KPSS needs at least 2 observations") }
        guard x.allSatisfy({ $0.isFinite }) else {
            throw ForecastingError(.nonFinite, "KPSS needs finite observations")
        }
        let l = lags ?? Int((3 * Double(n).squareRoot() / 13).rounded(.down))
        guard l >= 0, l < n else {
            throw ForecastingError(.invalidArgument, "KPSS lags must be in 0..<\(n), got \(l)")
        }
        let mean = x.reduce(0, +) / Double(n)
        let e = x.map { $0 - mean }
        var partial = 0.0
        var eta = 0.0
        for v in e {
            partial += v
            eta += partial * partial
        }
        eta /= Double(n) * Double(n)
        var s = e.reduce(0) { $0 + $1 * $1 }
        if l > 0 {
            for lag in 1...l {
                var c = 0.0
                for t in lag..<n { c += e[t] * e[t - lag] }
                s += 2 * (1 - Double(lag) / Double(l + 1)) * c
            }
        }
        s /= Double(n)
        statistic = s > 0 ? eta / s : .infinity
        self.lags = l
        pValue = KPSSTest.interpolate(statistic)
    }

    static func interpolate(_ stat: Double) -> Double {
        let c = criticalValues
        let p = levels
        if stat <= c[0] { return p[0] }
        if stat >= c[3] { return p[3] }
        for i in 0..<3 where stat <= c[i + 1] {
            return p[i] + (p[i + 1] - p[i]) * (stat - c[i]) / (c[i + 1] - c[i])
        }
        return p[3]
    }

    /// True when stationarity is rejected at `alpha` (p < alpha).
    public func rejectsStationarity(alpha: Double = 0.05) -> Bool { pValue < alpha }

    /// The number of first differences that makes `x` level-stationary by repeated KPSS tests
    /// at `alpha`, at most `maxD` (Hyndman & Khandakar 2008, §3.2; statsforecast `ndiffs`).
    /// As in statsforecast 2.1, each differenced series is tested without its first value
    /// (`diff(x)[1:]`), so that d agrees with the reference implementation; on M3 yearly this
    /// takes d = 2 less often than R's `ndiffs`.
    public static func differences(_ x: [Double], alpha: Double = 0.05, maxD: Int = 2) -> Int {
        var v = x
        var d = 0
        if UnitRoot.isConstant(v) { return 0 }
        guard let first = try? KPSSTest(v), first.rejectsStationarity(alpha: alpha) else { return 0 }
        while d < maxD {
            d += 1
            v = (2..<max(2, v.count)).map { v[$0] - v[$0 - 1] }
            if UnitRoot.isConstant(v) { return d }
            guard let test = try? KPSSTest(v) else { break }
            if !test.rejectsStationarity(alpha: alpha) { break }
        }
        return d
    }
}

/// Helpers shared by the unit-root and seasonality tests.
enum UnitRoot {
    /// All values equal (statsforecast `is_constant`: every value equals the first).
    static func isConstant(_ x: [Double]) -> Bool {
        guard let f = x.first else { return true }
        return x.allSatisfy { $0 == f }
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// KPSS against statsmodels `kpss(x, "c", nlags=⌊3√n/13⌋)`; seasonal strength against
/// statsforecast `seas_heuristic` (STL via statsmodels); d and D against `ndiffs`/`nsdiffs`.
@Suite struct UnitRootTests {
    static let reference = try? ARIMAReference.load()

    @Test(arguments: reference?.kpss.map(\.id) ?? [])
    func kpssStatistic(_ id: String) throws {
        let ref = try #require(Self.reference)
        let k = try #require(ref.kpss.first { $0.id == id })
        let y = try #require(ref.series[id]).values
        let test = try KPSSTest(y)
        #expect(test.lags == k.lags)
        #expect(relativelyClose(test.statistic, k.statistic, 1e-10), "\(test.statistic) vs \(k.statistic)")
        #expect(KPSSTest.differences(y) == k.ndiffs)
    }

    @Test(arguments: reference?.seasonal.map(\.id) ?? [])
    func seasonalStrength(_ id: String) throws {
        let ref = try #require(Self.reference)
        let r = try #require(ref.seasonal.first { $0.id == id })
        let s = try #require(ref.series[id])
        let strength = try SeasonalStrength.measure(s.values, period: s.period)
        #expect(abs(strength - r.strength) < 1e-9, "\(strength) vs \(r.strength)")
        #expect(SeasonalStrength.seasonalDifferences(s.values, period: s.period) == r.nsdiffs)
    }

    @Test func kpssPValueInterpolation() throws {
        #expect(KPSSTest.interpolate(0.1) == 0.10)
        #expect(KPSSTest.interpolate(0.463) == 0.05)
        #expect(abs(KPSSTest.interpolate(0.5185) - 0.0375) < 1e-12)
        #expect(KPSSTest.interpolate(2) == 0.01)
    }

    @Test func rejectsBadInput() {
        #expect(throws: ForecastingError.self) { try KPSSTest([1]) }
        #expect(throws: ForecastingError.self) { try KPSSTest([1, .nan, 3]) }
        #expect(throws: ForecastingError.self) { try SeasonalStrength.measure([1, 2, 3, 4, 5], period: 4) }
        #expect(KPSSTest.differences([3, 3, 3, 3]) == 0)
    }
}

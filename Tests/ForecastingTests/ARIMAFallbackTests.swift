import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Series that break a model give a simpler model with the reason in the notes, never a crash.
@Suite struct ARIMAFallbackTests {
    @Test func constantSeries() throws {
        let fc = try AutoARIMA().forecast([5, 5, 5, 5, 5, 5], period: 1, horizon: 3, levels: [80])
        #expect(fc.mean == [5, 5, 5])
        #expect(fc.model.name.hasPrefix("ARIMA(0,0,0)"))
        #expect(!fc.model.notes.isEmpty)
        let fixed = try SARIMA(.init(order: .init(p: 1, d: 0, q: 0))).forecast(
            [2, 2, 2, 2], period: 1, horizon: 2, levels: [95])
        #expect(fixed.mean == [2, 2])
    }

    @Test func tooShortForSeasonalDifference() throws {
        let y: [Double] = [1, 3, 2, 4, 2, 4, 3, 5]
        let spec = SARIMA.Specification(
            order: .init(p: 0, d: 0, q: 1, seasonalP: 0, seasonalD: 1, seasonalQ: 1, period: 12))
        let fc = try SARIMA(spec).forecast(y, period: 12, horizon: 4, levels: [95])
        #expect(fc.mean.allSatisfy { $0.isFinite })
        #expect(fc.model.notes.contains { $0.contains("seasonal difference") })
    }

    @Test func explosiveSeries() throws {
        let y = (0..<30).map { pow(1.3, Double($0)) }
        let fc = try AutoARIMA().forecast(y, period: 1, horizon: 5, levels: [95])
        #expect(fc.mean.allSatisfy { $0.isFinite })
        let fixed = try SARIMA(.init(order: .init(p: 2, d: 0, q: 0))).forecast(y, period: 1, horizon: 5, levels: [95])
        #expect(fixed.mean.allSatisfy { $0.isFinite })
    }

    /// A NaN is a missing value the likelihood skips (SARIMAMissingValuesTests); one observed
    /// value, an empty series and an infinity are refused.
    @Test func nonFiniteAndEmptyInputThrow() {
        #expect(throws: ForecastingError.self) {
            try AutoARIMA().forecast([.nan, 3, .nan], period: 1, horizon: 2, levels: [95])
        }
        #expect(throws: ForecastingError.self) { try SARIMA().forecast([], period: 1, horizon: 2, levels: [95]) }
        #expect(throws: ForecastingError.self) {
            try AutoARIMA().forecast([1, .infinity], period: 1, horizon: 2, levels: [95])
        }
    }

    @Test func veryShortSeries() throws {
        for n in 2...4 {
            let y = (0..<n).map { Double($0 * $0) + 1 }
            let fc = try AutoARIMA().forecast(y, period: 4, horizon: 3, levels: [80, 95])
            #expect(fc.mean.count == 3 && fc.mean.allSatisfy { $0.isFinite }, "n = \(n)")
        }
        // One observation has no residual to size an interval with (issue 12).
        #expect { _ = try AutoARIMA().forecast([1], period: 4, horizon: 3, levels: [80, 95]) } throws: {
            ($0 as? ForecastingError)?.code == .tooShort
        }
    }
}

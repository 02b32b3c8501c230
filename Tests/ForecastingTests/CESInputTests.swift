import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// CES on inputs a user can feed in: registry name, short, constant and non-finite series.
@Suite struct CESInputTests {
    @Test func registryKnowsCES() throws {
        let forecaster = try ForecasterRegistry.forecaster(named: "ces")
        #expect(forecaster.name == "ces")
        #expect(ForecasterRegistry.names.contains("ces"))
    }

    @Test func tooShortSeriesIsAnError() {
        #expect(throws: ForecastingError.self) {
            try CES().forecast([1, 2, 4], period: 1, horizon: 3, levels: [95])
        }
    }

    @Test func nonFiniteValuesAreAnError() {
        #expect(throws: ForecastingError.self) {
            try CES().forecast([1, 2, .nan, 4, 5, 6], period: 1, horizon: 3, levels: [95])
        }
    }

    @Test func constantSeriesIsForecastByItsValue() throws {
        let f = try CES().forecast([5, 5, 5, 5, 5, 5], period: 1, horizon: 4, levels: [95])
        #expect(f.mean == [5, 5, 5, 5])
        #expect(f.intervals.first?.lower == [5, 5, 5, 5])
    }

    /// Seasonal forms need two full cycles: with fewer, only N is tried (as AutoCES does), and
    /// asking for a seasonal form explicitly is an error, not a crash.
    @Test func seasonalFormsNeedTwoCycles() throws {
        let y: [Double] = [3, 5, 4, 6, 4, 6, 5, 7, 5]
        #expect(CES.candidates(count: y.count, period: 12) == [.none])
        let f = try CES().forecast(y, period: 12, horizon: 3, levels: [])
        #expect(f.model.name == "CES(N)")
        #expect(f.model.notes.contains { $0.contains("fewer than two seasonal cycles") })
        #expect(throws: ForecastingError.self) {
            try CES(seasonality: .full).forecast(y, period: 12, horizon: 3, levels: [])
        }
    }

    /// Same input, same output: the forecast is deterministic.
    @Test func deterministic() throws {
        let ref = try CESReference.series("N1498")
        let a = try CES().forecast(ref.y, period: ref.period, horizon: ref.horizon, levels: [95])
        let b = try CES().forecast(ref.y, period: ref.period, horizon: ref.horizon, levels: [95])
        #expect(a == b)
    }

    /// Awkward but valid series give finite forecasts and intervals: the shortest accepted, two
    /// cycles exactly, negative values, a large scale, an exact seasonal pattern.
    static let awkward: [(y: [Double], period: Int)] = {
        let twoCycles: [Double] = (0..<24).map { t in 10 + Double(t % 12) + 0.1 * Double(t) }
        let negative: [Double] = (0..<30).map { t in -50 + 3 * sin(Double(t)) - Double(t) }
        let large: [Double] = (0..<40).map { t in 1e12 * (1 + 0.01 * Double(t % 7)) }
        let pattern: [Double] = (0..<36).map { t in [1.0, 5, 9, 2][t % 4] }
        return [([1, 3, 2, 5, 4], 1), (twoCycles, 12), (negative, 4), (large, 4), (pattern, 4)]
    }()

    @Test(arguments: 0..<5)
    func awkwardSeriesGiveFiniteForecasts(index: Int) throws {
        let (y, period) = Self.awkward[index]
        let f = try CES().forecast(y, period: period, horizon: 8, levels: [95])
        #expect(f.mean.count == 8 && f.mean.allSatisfy(\.isFinite), "\(f.model.name)")
        let interval = try #require(f.interval(level: 95))
        #expect(interval.lower.allSatisfy(\.isFinite) && interval.upper.allSatisfy(\.isFinite))
        #expect(zip(interval.lower, interval.upper).allSatisfy { $0 <= $1 })
    }
}

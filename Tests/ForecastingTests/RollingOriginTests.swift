import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Against statsforecast's cross_validation (scripts/fixtures/metrics_rolling_origin.py).
@Suite struct RollingOriginTests {
    struct Reference: Decodable {
        struct Window: Decodable {
            var origin: Int
            var mae, smape, mase, coverage80: Double
        }
        var series: [Double]
        var period, horizon, windows, step: Int
        var models: [String: [Window]]
    }

    static func reference() throws -> Reference {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("metrics/rolling_origin.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    @Test(arguments: ["naive", "snaive"]) func matchesStatsforecastCrossValidation(model: String) throws {
        let ref = try Self.reference()
        let expected = try #require(ref.models[model])
        let plan = try RollingOrigin(horizon: ref.horizon, windows: ref.windows, step: ref.step)
        let result = try plan.evaluate(
            ref.series, period: ref.period,
            forecaster: ForecasterRegistry.forecaster(named: model), levels: [80])
        #expect(result.windows.map(\.origin) == expected.map(\.origin))
        for (w, e) in zip(result.windows, expected) {
            #expect(close(w.score.mae, e.mae))
            #expect(close(w.score.smape, e.smape))
            #expect(close(w.score.mase, e.mase))
            #expect(close(w.score.coverage[80], e.coverage80))
        }
        #expect(close(result.summary.mae, expected.map(\.mae).reduce(0, +) / Double(expected.count)))
        #expect(close(result.summary.smape, expected.map(\.smape).reduce(0, +) / Double(expected.count)))
        #expect(result.summary.count == ref.windows)
    }

    @Test func originsAreLaidBackFromTheEnd() throws {
        #expect(try RollingOrigin(horizon: 3, windows: 4, step: 1).origins(count: 20) == [14, 15, 16, 17])
        #expect(try RollingOrigin(horizon: 3, windows: 2).origins(count: 20) == [14, 17])
    }

    @Test func tooShortAndBadArgumentsThrow() {
        #expect(throws: ForecastingError.self) { try RollingOrigin(horizon: 5, windows: 3, step: 5).origins(count: 15) }
        #expect(throws: ForecastingError.self) { try RollingOrigin(horizon: 0, windows: 3) }
        #expect(throws: ForecastingError.self) { try RollingOrigin(horizon: 2, windows: 0) }
        #expect(throws: ForecastingError.self) { try RollingOrigin(horizon: 2, windows: 2, step: 0) }
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// `regression` (trend + seasonal dummies) against statsmodels OLS
/// (scripts/fixtures/tslm_statsmodels.py → Fixtures/regression/tslm_m3.json).
@Suite struct TrendSeasonRegressionTests {
    struct Reference: Decodable {
        struct Series: Decodable {
            var id: String
            var period, horizon: Int
            var y: [Double]
            var seasonal: Bool
            var intercept, trend, sigma2, loglik: Double
            var mean, lower80, upper80, lower95, upper95: [Double]
        }
        var series: [Series]
    }

    static func close(_ a: Double, _ b: Double, _ tol: Double = 1e-8) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

    @Test func matchesStatsmodelsOLS() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("regression/tslm_m3.json")
        let ref = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let model = try ForecasterRegistry.forecaster(named: "regression")
        for s in ref.series {
            let f = try model.forecast(s.y, period: s.period, horizon: s.horizon, levels: [80, 95])
            #expect(f.model.name == (s.seasonal ? "TSLM(trend + season)" : "TSLM(trend)"), "\(s.id)")
            #expect(Self.close(try #require(f.model.parameters["trend"]), s.trend), "\(s.id) trend")
            #expect(Self.close(try #require(f.model.criteria["sigma2"]), s.sigma2), "\(s.id) sigma2")
            #expect(Self.close(try #require(f.model.criteria["loglik"]), s.loglik), "\(s.id) loglik")
            let i80 = try #require(f.interval(level: 80))
            let i95 = try #require(f.interval(level: 95))
            for j in 0..<s.horizon {
                #expect(Self.close(f.mean[j], s.mean[j]), "\(s.id) mean \(j)")
                #expect(
                    Self.close(i80.lower[j], s.lower80[j]) && Self.close(i80.upper[j], s.upper80[j]), "\(s.id) 80% \(j)"
                )
                #expect(
                    Self.close(i95.lower[j], s.lower95[j]) && Self.close(i95.upper[j], s.upper95[j]), "\(s.id) 95% \(j)"
                )
            }
        }
    }

    @Test func shortSeriesUseTheTrendAloneOrFail() throws {
        let model = TrendSeasonRegression()
        let f = try model.forecast([1, 3, 2, 4, 3, 5], period: 4, horizon: 2, levels: [95])
        #expect(f.model.name == "TSLM(trend)" && f.model.notes.first?.contains("trend only") == true)
        #expect(throws: ForecastingError.self) { try model.forecast([1, 2], period: 1, horizon: 1, levels: [95]) }
    }
}

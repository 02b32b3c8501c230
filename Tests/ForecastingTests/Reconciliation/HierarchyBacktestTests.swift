import Forecasting
import Testing
import TimeSeriesCore

/// `HierarchyBacktest` on a made-up hierarchy t = a + b whose numbers are worked by hand: the
/// reconciled means at each origin, the pooled scores, and a method that cannot run at an origin.
@Suite struct HierarchyBacktestTests {
    static let hierarchy = try! Hierarchy(bottom: ["a", "b"], aggregates: [.init(name: "t", members: ["a", "b"])])
    /// t, a, b over 5 periods (coherent).
    static let values: [[Double]] = [[30, 33, 36, 40, 44], [10, 11, 12, 13, 14], [20, 22, 24, 27, 30]]

    static func forecast(_ mean: [Double], fitted: [Double]? = nil) -> Forecast {
        Forecast(model: ModelSummary(name: "Given", family: "given"), mean: mean, fitted: fitted)
    }

    // Origins 3 and 4, horizon 1. Base forecasts t: 40, 43; a: 12, 14; b: 25, 30 (incoherent by
    // +3 and −1). OLS with one constraint moves each series by d/3 (d = t − a − b): t − d/3,
    // a + d/3, b + d/3.
    @Test func scoresPoolTheErrorsOfEachLevelAndMethod() throws {
        let base = [
            [Self.forecast([40]), Self.forecast([12]), Self.forecast([25])],
            [Self.forecast([43]), Self.forecast([14]), Self.forecast([30])],
        ]
        let backtest = try HierarchyBacktest(
            hierarchy: Self.hierarchy, values: Self.values, origins: [3, 4], horizon: 1, base: base,
            methods: [.bottomUp, .ols, .wlsVariance])
        let ols = try #require(backtest.windows[0].forecasts[2])
        #expect(abs(ols[0][0] - 39) < 1e-12 && abs(ols[1][0] - 13) < 1e-12 && abs(ols[2][0] - 26) < 1e-12)
        let bottomUp = try #require(backtest.windows[1].forecasts[1])
        #expect(bottomUp.map { $0[0] } == [44, 14, 30])
        // wls-variance has no residuals (no fitted values): recorded, and its scores null.
        #expect(backtest.windows.allSatisfy { $0.forecasts[3] == nil && $0.failures[3] != nil })
        func score(_ aggregate: Int?, _ method: Int) -> HierarchyBacktest.Score? {
            backtest.scores.first { $0.aggregate == aggregate && $0.method == method && $0.horizon == nil }
        }
        // The total, base: errors 40 − 40 = 0 and 44 − 43 = 1: MAPE (0 + 100/44)/2, RMSE √(1/2).
        let t = try #require(score(0, 0))
        #expect(t.count == 2 && abs(t.mape! - 50 / 44) < 1e-12 && abs(t.rmse! - 0.5.squareRoot()) < 1e-12)
        // The bottom series, bottom-up (= base): a 12 for 13, 14 for 14; b 25 for 27, 30 for 30:
        // MAPE (100/13 + 200/27)/4, RMSE √((1 + 4)/4).
        let b = try #require(score(nil, 1))
        let mape = (100.0 / 13 + 200.0 / 27) / 4
        #expect(b.count == 4 && abs(b.mape! - mape) < 1e-12 && abs(b.rmse! - 5.0.squareRoot() / 2) < 1e-12)
        let failed = try #require(score(nil, 3))
        #expect(failed.count == 0 && failed.mape == nil && failed.rmse == nil)
        #expect(backtest.scores.count == 2 * 4 * 2)
    }

    @Test func anOriginWhoseForecastsPassTheHistoryIsRefused() {
        #expect(throws: ForecastingError.self) {
            try HierarchyBacktest(
                hierarchy: Self.hierarchy, values: Self.values, origins: [4], horizon: 2,
                base: [[Self.forecast([1, 1]), Self.forecast([1, 1]), Self.forecast([1, 1])]], methods: [.ols])
        }
    }
}

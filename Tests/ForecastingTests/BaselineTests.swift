import Testing
import TimeSeriesCore

@testable import Forecasting

/// Reference values: statsforecast 2.1.1 Naive, SeasonalNaive, RandomWalkWithDrift,
/// HistoricAverage (levels 80, 95), and the M4 Naive2 computed with statsmodels, on M3 series
/// (Fixtures/baselines, scripts/fixtures/baselines_m3.py).
@Suite struct BaselineTests {
    static let series = ["N0001", "N0654", "N0700", "N1498", "N1500", "N2000", "N3000"]

    @Test(arguments: series)
    func benchmarksMatchStatsforecast(id: String) throws {
        let ref = try M3Reference.load("baselines", id)
        let methods: [(String, any Forecaster)] = [
            ("naive", Naive()), ("snaive", SeasonalNaive()), ("drift", Drift()), ("mean", HistoricalMean()),
        ]
        for (key, method) in methods {
            let expected = try #require(ref.models[key])
            let f = try method.forecast(ref.y, period: ref.period, horizon: ref.horizon, levels: [80, 95])
            #expect(isClose(f.mean, expected.mean, relative: 1e-9), "\(key) mean")
            for level in [80, 95] {
                let interval = try #require(f.interval(level: level))
                #expect(
                    isClose(interval.lower, try #require(expected.lower?["\(level)"]), relative: 1e-6),
                    "\(key) lower \(level)")
                #expect(
                    isClose(interval.upper, try #require(expected.upper?["\(level)"]), relative: 1e-6),
                    "\(key) upper \(level)")
            }
        }
    }

    @Test(arguments: series)
    func naive2MatchesTheM4Benchmark(id: String) throws {
        let ref = try M3Reference.load("baselines", id)
        let expected = try #require(ref.models["naive2"])
        let f = try Naive2().forecast(ref.y, period: ref.period, horizon: ref.horizon, levels: [95])
        #expect(isClose(f.mean, expected.mean, relative: 1e-9))
        #expect(f.model.notes.isEmpty == !(expected.seasonallyAdjusted ?? false))
    }

    @Test func seasonalNaiveRepeatsTheLastSeason() throws {
        let y: [Double] = [1, 2, 3, 4, 5, 6, 7]
        let f = try SeasonalNaive().forecast(y, period: 3, horizon: 5, levels: [])
        #expect(f.mean == [5, 6, 7, 5, 6])
    }

    /// One observation has no residual: an interval would have zero width, so every baseline
    /// refuses it as too short (issue 12); drift, whose slope takes a second one, needs 3.
    @Test func oneObservationIsTooShortForEveryBaseline() throws {
        for method in [Naive(), SeasonalNaive(), Drift(), HistoricalMean(), Naive2()] as [any Forecaster] {
            #expect { _ = try method.forecast([4], period: 12, horizon: 3, levels: [95]) } throws: {
                ($0 as? ForecastingError)?.code == .tooShort
            }
        }
        #expect { _ = try Drift().forecast([4, 6], period: 1, horizon: 3, levels: [95]) } throws: {
            ($0 as? ForecastingError)?.code == .tooShort && "\($0)".contains("at least 3 observations")
        }
        for method in [Naive(), SeasonalNaive(), HistoricalMean(), Naive2()] as [any Forecaster] {
            let f = try method.forecast([4, 6], period: 1, horizon: 3, levels: [95])
            #expect(f.mean.count == 3 && f.mean.allSatisfy(\.isFinite))
        }
    }

    @Test func badArgumentsAreForecastingErrors() {
        #expect(throws: ForecastingError.self) { try Naive().forecast([], period: 1, horizon: 2, levels: []) }
        #expect(throws: ForecastingError.self) { try Drift().forecast([1, .nan], period: 1, horizon: 2, levels: []) }
        #expect(throws: ForecastingError.self) { try Naive2().forecast([1, 2], period: 1, horizon: 0, levels: []) }
    }

    @Test func naive2WithNegativeValuesUsesAnAdditiveSeason() throws {
        // A clear period-4 pattern around zero: multiplicative adjustment is impossible.
        let y = (0..<40).map { t -> Double in [-5.0, 1, 6, -2][t % 4] + 0.01 * Double(t) }
        let f = try Naive2().forecast(y, period: 4, horizon: 4, levels: [95])
        #expect(f.model.notes.first?.hasPrefix("additive") == true)
        #expect(f.mean.allSatisfy { $0.isFinite })
        // Adjusted last value plus the additive indices: the pattern comes back.
        #expect(f.mean[0] < f.mean[1] && f.mean[1] < f.mean[2] && f.mean[3] < f.mean[2])
    }
}

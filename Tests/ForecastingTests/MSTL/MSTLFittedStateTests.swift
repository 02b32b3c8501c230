import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// The fitted state of MSTL: saved as JSON, loaded and forecast without estimation, it gives
/// the forecast of the fit; its keys are those of its schema fragment; its periods follow the
/// period it is given.
@Suite("MSTL fitted state and periods")
struct MSTLFittedStateTests {
    @Test(arguments: MSTLReference.names)
    func savedStateForecastsAsTheFit(_ name: String) throws {
        let ref = MSTLReference.series(name)
        let mstl = MSTL(periods: ref.periods)
        let state = try Self.state(mstl, ref.y, period: ref.periods[0])
        let data = try JSONEncoder().encode(state)
        let loaded = try JSONDecoder().decode(FittedModel.MSTLState.self, from: data)
        #expect(loaded == state)
        #expect(loaded.periods == ref.periods)
        let direct = try mstl.forecast(ref.y, period: ref.periods[0], horizon: ref.horizon, levels: [80, 95])
        let model = FittedModel(name: "mstl", values: ref.y, period: ref.periods[0], state: loaded)
        let restored = try model.verified().forecast(horizon: ref.horizon, levels: [80, 95])
        #expect(restored.mean == direct.mean)
        #expect(restored.intervals == direct.intervals)
        #expect(restored.model == direct.model)
    }

    /// The state of `mstl` fitted to `y`, as a saved model keeps it.
    static func state(_ mstl: MSTL, _ y: [Double], period: Int) throws -> FittedModel.MSTLState {
        try #require(try mstl.fitModel(y, period: period).state as? FittedModel.MSTLState)
    }

    @Test func tamperedStateIsRefused() throws {
        let ref = MSTLReference.series("daily-7-30")
        var state = try Self.state(MSTL(periods: ref.periods), ref.y, period: 7)
        state.lastCycles[0][0] += 1
        #expect(throws: ForecastingError.self) {
            try FittedModel(name: "mstl", values: ref.y, period: 7, state: state).verified()
        }
        state = try Self.state(MSTL(periods: ref.periods), ref.y, period: 7)
        state.trend.alpha *= 2
        #expect(throws: ForecastingError.self) {
            try FittedModel(name: "mstl", values: ref.y, period: 7, state: state).verified()
        }
    }

    /// The keys the state writes are the schema fragment's properties, the required ones included.
    @Test func schemaFragmentNamesTheKeys() throws {
        let ref = MSTLReference.series("N2000")
        let state = try Self.state(MSTL(periods: ref.periods), ref.y, period: 12)
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(state)) as? [String: Any])
        let mstl = try #require(
            JSONSerialization.jsonObject(
                with: Data(FittedModel.MSTLState.schema.utf8)) as? [String: Any])
        let properties = try #require(mstl["properties"] as? [String: Any])
        let required = try #require(mstl["required"] as? [String])
        #expect(Set(object.keys) == Set(properties.keys))
        #expect(Set(required) == Set(object.keys))
    }

    @Test func defaultPeriodsFollowThePeriod() {
        #expect(MSTL.defaultPeriods(for: 1) == [])
        #expect(MSTL.defaultPeriods(for: 7) == [7, 365])
        #expect(MSTL.defaultPeriods(for: 24) == [24, 168])
        #expect(MSTL.defaultPeriods(for: 12) == [12])
        #expect(MSTL.defaultPeriods(for: 52) == [52])
    }

    /// Daily data shorter than two years: the yearly season is left out, with a note, and the
    /// forecast is the one-season MSTL's.
    @Test func periodThatDoesNotFitIsLeftOut() throws {
        let ref = MSTLReference.series("daily-7-30")
        let forecast = try MSTL().forecast(ref.y, period: 7, horizon: 10, levels: [95])
        let weekly = try MSTL(periods: [7]).forecast(ref.y, period: 7, horizon: 10, levels: [95])
        #expect(forecast.mean == weekly.mean)
        #expect(
            forecast.model.notes.first
                == "seasonal period 365 left out: 420 observations do not cover two of its cycles")
        #expect(forecast.model.name.hasPrefix("MSTL(7; ETS("))
        #expect(forecast.model.family == "mstl")
    }

    /// Three years of daily values keep both the week and the year.
    @Test func dailySeriesOfThreeYearsKeepsTheYear() throws {
        let y = (0..<1100).map { t -> Double in
            let x = Double(t)
            return 100 + 0.01 * x + 3 * sin(2 * .pi * x / 7) + 8 * sin(2 * .pi * x / 365) + sin(x * 1.7)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let forecast = try MSTL().forecast(y, period: 7, horizon: 400, levels: [80])
        print("MSTL [7, 365] on 1100 daily values: \(clock.now - start)")
        #expect(forecast.model.name.hasPrefix("MSTL(7,365; ETS("))
        #expect(forecast.model.notes.allSatisfy { !$0.contains("left out") })
        #expect(forecast.mean.count == 400 && forecast.mean.allSatisfy(\.isFinite))
    }

    /// Without a period that fits, MSTL is the trend forecaster alone.
    @Test func noSeasonIsTheTrendForecaster() throws {
        let y = (0..<20).map { 10 + Double($0) * 0.5 + sin(Double($0)) }
        let forecast = try MSTL().forecast(y, period: 12, horizon: 4, levels: [80])
        let ets = try ETS(MSTL.defaultTrend).forecast(y, period: 1, horizon: 4, levels: [80])
        #expect(forecast.mean == ets.mean)
        #expect(forecast.intervals == ets.intervals)
    }

    @Test func badSettingsAreRefused() {
        let y = MSTLReference.series("N2000").y
        #expect(throws: ForecastingError.self) {
            try MSTLDecomposition(y, periods: [12], settings: .init(seasonalWindows: [10]))
        }
        #expect(throws: ForecastingError.self) {
            try MSTLDecomposition(y, periods: [4, 12], settings: .init(seasonalWindows: [11, 15, 19]))
        }
        #expect(throws: ForecastingError.self) { try MSTLDecomposition(y, periods: [70]) }
        // Within each bound, but 100 sweeps × 2 periods × 101 runs × 100 passes in all: refused.
        let heavy = MSTLDecomposition.Settings(iterations: 100, innerIterations: 100, robustIterations: 100)
        #expect(throws: ForecastingError.self) { try MSTLDecomposition(y, periods: [4, 12], settings: heavy) }
        let robust = MSTLDecomposition.Settings(iterations: 2, innerIterations: 2, robustIterations: 15)
        #expect((try? MSTLDecomposition(y, periods: [4, 12], settings: robust)) != nil)
        #expect(throws: ForecastingError.self) {
            try MSTL(periods: [0]).forecast(y, period: 12, horizon: 2, levels: [])
        }
    }
}

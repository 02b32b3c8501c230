import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// A backtest with calibrated intervals reuses the previous window's fit as the holdout refit
/// when the holdout is as long as the step between windows, and gives the numbers of each
/// window calibrated on its own (`HoldoutCalibrated.forecast` window by window, refitting
/// everything), bit for bit.
@Suite struct HoldoutRefitReuseTests {
    /// Counts the fits and forecasts asked of Theta (DOTM) under its registry name.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var fits = 0, forecasts = 0
        func fitted() { lock.withLock { fits += 1 } }
        func forecasted() { lock.withLock { forecasts += 1 } }
        var counts: (fits: Int, forecasts: Int) { lock.withLock { (fits, forecasts) } }
    }

    struct CountingTheta: PersistableForecaster {
        let counter: Counter
        var name: String { "theta" }
        func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
            counter.forecasted()
            return try Theta().forecast(y, period: period, horizon: horizon, levels: levels)
        }
        func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
            counter.fitted()
            return try Theta().fitModel(y, period: period)
        }
    }

    /// Every savable single model that refits itself: the windows' forecasts, models and scores
    /// are those of each window calibrated on its own.
    @Test(arguments: ["theta", "stm", "ces", "arima", "naive", "drift", "snaive"])
    func reusedFitsGiveTheNumbersOfIndependentWindows(name: String) throws {
        let ref = try M3Reference.load("theta", "N1500")
        let plan = try RollingOrigin(horizon: 6, windows: 3)
        let calibrated = HoldoutCalibrated(try ForecasterRegistry.forecaster(named: name))
        #expect(calibrated.keepsFits)
        let result = try plan.evaluate(ref.y, period: ref.period, forecaster: calibrated, levels: [80, 95])
        for (window, origin) in zip(result.windows, try plan.origins(count: ref.y.count)) {
            let train = Array(ref.y[0..<origin])
            let test = Array(ref.y[origin..<(origin + 6)])
            let alone = try calibrated.forecast(train, period: ref.period, horizon: 6, levels: [80, 95])
            #expect(alone.model.notes.contains { $0.hasPrefix("intervals calibrated on a holdout of the last 6") })
            #expect(window.model == alone.model, "\(name) model at \(origin)")
            let score = ForecastScore(actual: test, forecast: alone, insample: train, period: ref.period)
            #expect(window.score == score, "\(name) score at \(origin)")
        }
    }

    /// Holdout 6 = step 6: the first window fits twice (its own fit and the holdout refit), each
    /// later window once. Step 5: every window refits its holdout.
    @Test func theHoldoutRefitIsThePreviousWindowsFit() throws {
        let ref = try M3Reference.load("theta", "N1500")
        for (step, forecasts) in [(6, 1), (5, 3)] {
            let counter = Counter()
            let plan = try RollingOrigin(horizon: 6, windows: 3, step: step)
            _ = try plan.evaluate(
                ref.y, period: ref.period, forecaster: HoldoutCalibrated(CountingTheta(counter: counter)),
                levels: [80])
            #expect(counter.counts.fits == 3, "step \(step)")
            #expect(counter.counts.forecasts == forecasts, "step \(step): holdout refits")
        }
    }

    /// Methods whose holdout refit is another model (automatic ETS refits its chosen form) or a
    /// combination are refitted as before.
    @Test func chosenModelsAndCombinationsDoNotKeepFits() throws {
        #expect(!HoldoutCalibrated(ETS()).keepsFits)
        #expect(!HoldoutCalibrated(try ForecasterRegistry.forecaster(named: "ensemble")).keepsFits)
        #expect(!HoldoutCalibrated(PersistenceTests.Unsavable()).keepsFits)
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// The library guards itself (issue 12 §2): a caller passing Int.max, or any integer past
/// `Limits`, gets a thrown `.invalidArgument` naming the argument, never a trap or an allocation
/// of gigabytes.
@Suite struct LimitsTests {
    static let y: [Double] = (0..<60).map { (t: Int) -> Double in
        let season: Double = 10 * sin(Double(t) * Double.pi / 6)
        return 100 + season + Double(t % 7)
    }

    @Test("A bound's refusal names the range and the value")
    func refusalNamesTheRangeAndTheValue() throws {
        #expect(Limits.horizon.refusal("0") == "must be at least 1 and at most 10000 (a whole number), got 0")
        #expect(Limits.seed.range == 0...4_294_967_295)
        #expect(Limits.level.range == 1...99)
        #expect(Limits.outlookMonths.range == 1...24)
        #expect(
            throws: ForecastingError(
                .invalidArgument, "horizon must be at least 1 and at most 10000 (a whole number), got 10001")
        ) {
            try Limits.horizon.check(10_001, "horizon")
        }
    }

    @Test(
        "JSON numbers are read as whole numbers within the bound, or refused",
        arguments: [
            (NSNumber(value: 12), 12), (NSNumber(value: 1e6), nil), (NSNumber(value: 12.5), nil),
            (NSNumber(value: -1), nil),
            (NSNumber(value: Int.max), nil), (NSNumber(value: 4.6e18), nil), (NSNumber(value: 10_000.0), 10_000),
        ] as [(NSNumber, Int?)])
    func jsonNumbersAreBounded(_ value: NSNumber, _ expected: Int?) {
        #expect(Limits.period.wholeNumber(fromJSON: value) == expected)
    }

    @Test(
        "Every forecaster refuses a horizon or period past its limit instead of trapping",
        arguments: ["naive", "snaive", "drift", "mean", "naive2", "ets", "theta", "arima", "ces", "ensemble", "auto"],
        [(3, Int.max), (3, 4_611_686_018_427_387_904), (3, 10_001), (Int.max, 12), (1_000_000_000, 12), (10_001, 12)])
    func forecasterRefusesHorizonOrPeriodPastItsLimit(_ model: String, _ case_: (horizon: Int, period: Int)) throws {
        for forecaster in [
            try ForecasterRegistry.forecaster(named: model),
            HoldoutCalibrated(try ForecasterRegistry.forecaster(named: model)),
        ] as [any Forecaster] {
            #expect(throws: ForecastingError.self) {
                _ = try forecaster.forecast(Self.y, period: case_.period, horizon: case_.horizon, levels: [80])
            }
        }
    }

    @Test("Rolling origin bounds each factor, and a product that would overflow is an error")
    func rollingOriginBoundsEachFactor() throws {
        for (h, w, s) in [(Int.max, 3, 1), (3, Int.max, 1), (3, 3, Int.max), (10_001, 1, 1), (1, 1_001, 1)] {
            #expect(throws: ForecastingError.self) { _ = try RollingOrigin(horizon: h, windows: w, step: s) }
        }
        var plan = try RollingOrigin(horizon: 3, windows: 3)
        plan.windows = Int.max
        plan.step = Int.max
        #expect(throws: ForecastingError.self) { _ = try plan.origins(count: 60) }
        #expect(try RollingOrigin(horizon: 3, windows: 3).origins(count: 60) == [51, 54, 57])
    }

    @Test(
        "ARIMA orders past 20, or lags past 350, are refused before anything is sized by them",
        arguments: [
            "\(Int.max),0,0", "0,0,0,4611686018427387904,0,0", "100000,0,0", "21,0,0", "0,0,0,0,21,0", "-1,0,0",
        ])
    func arimaOrdersPastTheirLimitAreRefused(_ order: String) {
        #expect(throws: ForecastingError.self) { _ = try SARIMA.Specification(parsing: order, period: 12) }
    }

    @Test("A seasonal ARIMA reaching past 350 lags, or past 10000 seasonal lags, is refused at any period")
    func seasonalArimaLagsAreBounded() throws {
        #expect(throws: ForecastingError.self) { _ = try SARIMA.Specification(parsing: "0,0,0,1,0,0", period: 351) }
        #expect(throws: ForecastingError.self) { _ = try SARIMA.Specification(parsing: "0,0,0,20,0,20", period: 18) }
        _ = try SARIMA.Specification(parsing: "0,0,0,20,0,20", period: 12)
        _ = try SARIMA.Specification(parsing: "0,0,0,1,0,0", period: 350)
        _ = try SARIMA.Specification(parsing: "20,20,20,2,20,2", period: 12)
        // A specification built directly is checked by the estimator, and the fit falls back to a
        // model without ARMA terms, saying why.
        let direct = SARIMA(SARIMA.Specification(order: SARIMA.Order(p: Int.max, d: 0, q: 0, period: 1)))
        let fit = try direct.fit(Self.y, period: 1)
        #expect(fit.notes.contains { $0.contains("p must be at least 0 and at most 20") }, "\(fit.notes)")
        #expect(fit.specification.order.p == 0)
    }

    @Test("A saved model refuses a horizon past 10000 and a period past its bound")
    func fittedModelRefusesHorizonAndPeriodPastTheirLimits() throws {
        var model = try FittedModel.fit(named: "snaive", Self.y, period: 12)
        #expect(throws: ForecastingError.self) { _ = try model.forecast(horizon: 1_000_000_000, levels: [80]) }
        model.period = 4_611_686_018_427_387_904
        #expect(throws: ForecastingError.self) { _ = try model.forecast(horizon: 3, levels: [80]) }
        #expect(throws: ForecastingError.self) { _ = try model.verified() }
    }

    @Test("A seasonal state fitted at one period is refused at another")
    func seasonalStateAtAnotherPeriodIsRefused() throws {
        var model = try FittedModel.fit(named: "holt-winters", Self.y, period: 12)
        #expect(model.state.seasonalPeriods == [12])
        _ = try model.verified()
        model.period = 24
        #expect(throws: ForecastingError.self) { _ = try model.verified() }
    }

    @Test("Jobs, shards and calibration origins are bounded")
    func jobsShardsAndOriginsAreBounded() {
        #expect(throws: ForecastingError.self) { _ = try BatchRunner(jobs: Int.max) }
        #expect(throws: ForecastingError.self) { _ = try Shard(parsing: "1/\(Int.max)") }
        #expect(throws: ForecastingError.self) { _ = try ConformalRange(calibrationOrigins: Int.max) }
        #expect(HoldoutCalibrated.minimumFitLength(period: Int.max) == Int.max)
    }

    @Test("A fitted ARIMA refuses a horizon past 10000")
    func arimaForecastsRefuseLongHorizons() throws {
        let fit = try SARIMA().fit(Self.y, period: 12)
        #expect(throws: ForecastingError.self) { _ = try fit.forecast(horizon: 1_000_000_000, levels: [80]) }
        #expect(try fit.forecast(horizon: 10_000, levels: [80]).mean.count == 10_000)
    }

    @Test(
        "Long horizons simulate within a budget: 5000 ETS paths up to 1000 steps, at least 500 beyond",
        arguments: [(12, 5000), (1000, 5000), (1001, 4995), (10_000, 500), (100, 2)])
    func simulatedPathsStayWithinTheBudget(_ horizon: Int, _ expected: Int) {
        let requested = horizon == 100 ? 1 : 5000
        #expect(ETS.Model.simulatedPaths(requested: requested, horizon: horizon) == expected)
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Against the method written independently with statsforecast and scipy
/// (scripts/fixtures/holdout_calibration.py → Fixtures/calibration/holdout_calibration.json).
@Suite struct HoldoutCalibrationTests {
    struct Reference: Decodable {
        struct Model: Decodable {
            var mean: [Double]
            var lower: [String: [Double]]
            var upper: [String: [Double]]
            var holdout: Int?
            var scale: Double?
            var factor: [String: Double]?
            var holdout_mae: Double?
            var holdout_smape: Double?
        }
        struct Series: Decodable {
            var id: String
            var period, horizon: Int
            var y: [Double]
            var models: [String: Model]
        }
        struct Factor: Decodable {
            var scale: Double
            var holdout, level: Int
            var factor: Double
        }
        var series: [Series]
        var factors: [Factor]
    }

    static func reference() throws -> Reference {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("calibration/holdout_calibration.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    static func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool {
        abs(a - b) <= tol * max(1, abs(b))
    }

    @Test func wideningFactorsMatchScipy() throws {
        for f in try Self.reference().factors {
            let got = HoldoutCalibrated.wideningFactor(scale: f.scale, holdout: f.holdout, level: f.level)
            #expect(Self.close(got, f.factor, 1e-10), "scale \(f.scale), m \(f.holdout), level \(f.level)")
        }
    }

    @Test(arguments: ["naive", "drift"]) func calibratedIntervalsMatchTheIndependentComputation(model: String) throws {
        let ref = try Self.reference()
        for s in ref.series {
            let expected = try #require(s.models[model])
            let base = try ForecasterRegistry.forecaster(named: model)
            let f = try HoldoutCalibrated(base).forecast(s.y, period: s.period, horizon: s.horizon, levels: [80, 95])
            #expect(
                HoldoutCalibrated.holdoutLength(count: s.y.count, period: s.period, horizon: s.horizon)
                    == expected.holdout,
                "\(s.id)")
            if let scale = expected.scale {
                #expect(Self.close(try #require(f.model.criteria["holdout_scale"]), scale), "\(s.id) \(model)")
                #expect(Self.close(try #require(f.model.criteria["holdout_mae"]), try #require(expected.holdout_mae)))
                #expect(
                    Self.close(try #require(f.model.criteria["holdout_smape"]), try #require(expected.holdout_smape)))
            } else {
                #expect(f.model.criteria["holdout_scale"] == nil)
                #expect(f.model.notes.contains { $0.contains("too few for a holdout") })
            }
            for (j, mu) in expected.mean.enumerated() { #expect(Self.close(f.mean[j], mu), "\(s.id) mean \(j)") }
            for level in [80, 95] {
                let interval = try #require(f.interval(level: level))
                let lower = try #require(expected.lower["\(level)"])
                let upper = try #require(expected.upper["\(level)"])
                for j in 0..<s.horizon {
                    #expect(Self.close(interval.lower[j], lower[j]), "\(s.id) \(model) \(level)% lower \(j)")
                    #expect(Self.close(interval.upper[j], upper[j]), "\(s.id) \(model) \(level)% upper \(j)")
                }
            }
        }
    }

    @Test func holdoutScaleByHand() throws {
        // Standard error 2 on both sides (95% bounds at ±1.959964·2); errors +2 and −4 → z = 1, −2.
        let z = NormalDistribution.criticalValue(level: 95)
        let f = Forecast(
            model: ModelSummary(name: "x", family: "x"), mean: [10, 10],
            intervals: [
                PredictionInterval(level: 95, lower: [10 - 2 * z, 10 - 2 * z], upper: [10 + 2 * z, 10 + 2 * z])
            ])
        let c = try #require(HoldoutCalibrated.holdoutScale(actual: [12, 6], forecast: f))
        #expect(Self.close(c, (5.0 / 2).squareRoot(), 1e-12))
        // A zero-width interval that misses cannot be scaled.
        let flat = Forecast(
            model: ModelSummary(name: "x", family: "x"), mean: [1],
            intervals: [PredictionInterval(level: 95, lower: [1], upper: [1])])
        #expect(HoldoutCalibrated.holdoutScale(actual: [2], forecast: flat) == nil)
        #expect(HoldoutCalibrated.holdoutScale(actual: [1], forecast: flat) == 0)
    }

    @Test func etsRefitsItsChosenFormOnTheHoldout() throws {
        let y = try Self.reference().series[0].y
        let ets = ETS(.automatic, name: "ets")
        let f = try ets.forecast(y, period: 1, horizon: 6, levels: [95])
        let (chosen, refitter) = try ets.forecastAndRefitter(y, period: 1, horizon: 6, levels: [95])
        #expect(chosen.mean == f.mean && chosen.intervals == f.intervals && chosen.model == f.model)
        let refit = try #require(refitter as? ETS)
        #expect(
            refit.specification.errors.count == 1 && refit.specification.trends.count == 1
                && refit.specification.seasons.count == 1)
        #expect(try refit.forecast(y, period: 1, horizon: 6, levels: [95]).model.name == f.model.name)
        // Calibration never narrows and never moves the point forecast.
        let c = try HoldoutCalibrated(ets).forecast(y, period: 1, horizon: 6, levels: [80, 95])
        #expect(c.mean == f.mean)
        let model95 = try #require(f.interval(level: 95))
        let calibrated95 = try #require(c.interval(level: 95))
        for j in 0..<6 {
            #expect(calibrated95.lower[j] <= model95.lower[j] && calibrated95.upper[j] >= model95.upper[j])
        }
    }

    @Test func intervalMethodWrapsOnce() throws {
        let naive = try ForecasterRegistry.forecaster(named: "naive")
        #expect(IntervalMethod.model.applied(to: naive) is Naive)
        let wrapped = IntervalMethod.calibrated.applied(to: naive)
        #expect(wrapped is HoldoutCalibrated && wrapped.name == "naive")
        #expect((IntervalMethod.calibrated.applied(to: wrapped) as? HoldoutCalibrated)?.base is Naive)
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Combination arithmetic on hand-checkable cases, and the ensemble against numpy combinations of
/// fixed member forecasts (statsforecast AutoETS, AutoARIMA and DynamicOptimizedTheta on M3).
struct EnsembleCombinationTests {
    @Test func medianOfOddAndEvenCounts() {
        #expect(Combination.median([3, 1, 2]) == 2)
        #expect(Combination.median([4, 1, 3, 2]) == 2.5)
        #expect(Combination.median([7]) == 7)
        #expect(Combination.median([]) == nil)
    }

    @Test func weightedMeanAndInverseMSEWeights() throws {
        #expect(Combination.weightedMean([1, 2, 4], weights: [1, 1, 2]) == 11.0 / 4)
        #expect(Combination.weightedMean([1, 2], weights: [0, 0]) == nil)
        // 1/1 : 1/2 : 1/4 = 4 : 2 : 1.
        let w = try Combination.inverseMSEWeights([1, 2, 4])
        #expect(isClose(w, [4.0 / 7, 2.0 / 7, 1.0 / 7], relative: 1e-15))
        // A perfect member takes all the weight.
        #expect(try Combination.inverseMSEWeights([0, 3]) == [1, 0])
        #expect(throws: ForecastingError.self) { try Combination.inverseMSEWeights([1, .nan]) }
        #expect(throws: ForecastingError.self) { try Combination.inverseMSEWeights([]) }
    }

    @Test func combinePathsStepByStep() throws {
        let paths: [[Double]] = [[1, 10], [2, 30], [6, 20]]
        #expect(try Combination.combine(paths, by: .median) == [2, 20])
        #expect(try Combination.combine(paths, by: .mean) == [3, 20])
        #expect(try Combination.combine(paths, by: .inverseMSE, weights: [1, 0, 1]) == [3.5, 15])
        #expect(throws: ForecastingError.self) { try Combination.combine([[1], [1, 2]], by: .mean) }
        #expect(throws: ForecastingError.self) { try Combination.combine(paths, by: .inverseMSE) }
    }

    @Test func envelopeAndContainment() throws {
        let a = PredictionInterval(level: 95, lower: [0, 5], upper: [2, 9])
        let b = PredictionInterval(level: 95, lower: [1, 4], upper: [3, 6])
        let env = try Combination.combineIntervals([a, b], level: 95, point: [1, 7], by: .median, method: .envelope)
        #expect(env.lower == [0, 4] && env.upper == [3, 9])
        // Quantile averaging of bounds that miss the point is widened to contain it.
        let q = try Combination.combineIntervals([a, b], level: 95, point: [2.8, 7], by: .mean, method: .quantiles)
        #expect(q.lower == [0.5, 4.5] && q.upper == [2.8, 7.5])
    }

    static let cases: [(String, EnsembleCombiner, IntervalCombiner, String)] = EnsembleReference.ids.flatMap { id in
        [
            (id, .median, .quantiles, "median"), (id, .mean, .quantiles, "mean"),
            (id, .inverseMSE, .quantiles, "inverse-mse"), (id, .median, .envelope, "median-envelope"),
        ]
    }

    @Test(arguments: cases)
    func ensembleMatchesNumpy(_ c: (id: String, combiner: EnsembleCombiner, intervals: IntervalCombiner, key: String))
        throws
    {
        let ref = try EnsembleReference.load(c.id)
        let expected = try #require(ref.combinations[c.key])
        let ensemble = Ensemble(members: ref.members.map(ref.member), combiner: c.combiner, intervals: c.intervals)
        let f = try ensemble.forecast(ref.y, period: ref.period, horizon: ref.horizon, levels: ref.levels)
        #expect(isClose(f.mean, expected.mean, relative: 1e-12))
        for level in ref.levels {
            let i = try #require(f.interval(level: level))
            #expect(isClose(i.lower, try #require(expected.lower["\(level)"]), relative: 1e-12))
            #expect(isClose(i.upper, try #require(expected.upper["\(level)"]), relative: 1e-12))
        }
        if c.combiner == .inverseMSE {
            for (k, name) in ref.members.enumerated() {
                let w = try #require(f.model.parameters["weight.\(name)"])
                #expect(abs(w - ref.weights[k]) <= 1e-12)
                let mse = try #require(f.model.criteria["\(name).validation_mse"])
                #expect(abs(mse - ref.validationMse[k]) <= 1e-9 * ref.validationMse[k])
            }
        }
        #expect(f.model.family == "ensemble")
        #expect(f.model.notes.first?.hasPrefix("members: ETS, ARIMA, THETA") == true)
    }
}

import Forecasting
import Foundation
import TestSupport
import Testing
import TimeSeriesCore

@testable import Agronomy

/// `OutlookStudy`, the price study of `muavu outlook` and `muavu publish`, against an independent
/// numpy/pandas implementation of its definition on the Đồng Tháp wholesale rice price
/// (`OutlookStudyReference`, from scripts/fixtures/outlook_study_reference.py), and its choice
/// rules on hand-made candidates.
@Suite struct OutlookStudyTests {
    typealias R = OutlookStudyReference

    static func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    func study(_ candidates: [OutlookStudy.Candidate], y: [Double] = R.y) throws -> OutlookStudy {
        try OutlookStudy.run(
            y, period: 12, candidates: candidates,
            options: .init(months: R.horizon, level: R.level, selectionOrigins: R.selectionOrigins))
    }

    @Test func scoresChoiceRangesAndCoverageMatchTheReference() throws {
        let s = try study(OutlookStudy.candidates(models: ["drift", "naive"], exportRegressor: nil))
        #expect(s.selectionOrigins.count == R.selection.count)
        #expect(s.selectionOrigins.first == R.selection.first && s.selectionOrigins.last == R.selection.last)
        #expect(s.scores.map(\.name) == R.scores.map(\.name))
        for (mine, theirs) in zip(s.scores, R.scores) {
            let rmse = try #require(mine.rmse)
            let mape = try #require(mine.mape)
            #expect(Self.relativelyClose(rmse, theirs.rmse), "\(mine.name): RMSE \(rmse) vs \(theirs.rmse)")
            #expect(Self.relativelyClose(mape, theirs.mape), "\(mine.name): MAPE \(mape) vs \(theirs.mape)")
            #expect(mine.cases == theirs.cases)
            #expect(mine.kind == "univariate")
        }
        #expect(s.chosen?.name == R.chosen)
        #expect(s.scores.filter(\.chosen).count == 1)

        // The chosen model's forecast from the whole series and its calibrated ranges.
        #expect(s.forecast.mean.count == R.horizon)
        for (a, b) in zip(s.forecast.mean, R.mean) { #expect(Self.relativelyClose(a, b), "\(a) vs \(b)") }
        #expect(s.ranges.count == R.ranges.count)
        for (h, (range, theirs)) in zip(s.ranges, R.ranges).enumerated() {
            let r = try #require(range, "step \(h + 1)")
            #expect(r.step == h + 1)
            #expect(Self.relativelyClose(r.lower, theirs.lower), "step \(h + 1): \(r.lower) vs \(theirs.lower)")
            #expect(Self.relativelyClose(r.upper, theirs.upper), "step \(h + 1): \(r.upper) vs \(theirs.upper)")
            #expect(r.calibration == theirs.calibration)
        }
        #expect(s.coverage.cases == R.coverage.cases)
        #expect(s.coverage.hits == R.coverage.hits)
        #expect(s.coverage.modelHits == R.coverage.modelHits)
    }

    @Test func theCalibratedForecastCarriesTheRangesAndKeepsTheModelsOtherLevels() throws {
        let s = try study(OutlookStudy.candidates(models: ["naive"], exportRegressor: nil))
        let f = s.calibratedForecast
        let at80 = try #require(f.interval(level: 80))
        for (h, theirs) in R.ranges.enumerated() {
            #expect(
                Self.relativelyClose(at80.lower[h], theirs.lower) && Self.relativelyClose(at80.upper[h], theirs.upper))
        }
        // 95% is the model's own: naive mean ± z·σ√h, and wider than the model's 80%.
        #expect(f.interval(level: 95) == s.forecast.interval(level: 95))
        #expect(f.interval(level: 95) != nil)
    }

    @Test func candidatesAreTheNamedModelsThenTheExportLink() throws {
        let without = try OutlookStudy.candidates(models: ["theta", "arima-x", "naive"], exportRegressor: nil)
        #expect(without.map(\.name) == ["theta", "naive"])
        #expect(without.allSatisfy { $0.kind == "univariate" })
        let with = try OutlookStudy.candidates(models: ["theta", "arima-x", "naive"], exportRegressor: [1, 2, 3])
        #expect(with.map(\.name) == ["theta", "naive", "arima-x"])
        #expect(with.last?.kind == "export-link")
        #expect((with.last?.forecaster as? LaggedExportRegression)?.regressor == [1, 2, 3])
        #expect(try OutlookStudy.candidates(models: ["arima-x"], exportRegressor: nil).isEmpty)
        #expect(throws: ForecastingError.self) {
            try OutlookStudy.candidates(models: ["prophet"], exportRegressor: nil)
        }
    }

    // MARK: - Choice rules on hand-made candidates

    /// Naive, except that it refuses to fit on `refusing` values or more (the whole series).
    struct RefusesLongSeries: Forecaster {
        var refusing: Int
        var name: String { "refuses" }
        func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
            guard y.count < refusing else { throw ForecastingError(.fitFailed, "refused \(y.count) values") }
            return try Naive().forecast(y, period: period, horizon: horizon, levels: levels)
        }
    }

    /// A steady climb, every month reported: drift forecasts it exactly, naive does not.
    static let climb = (0..<48).map { 100 + 2 * Double($0) }

    @Test func equalScoresGoToTheEarlierCandidate() throws {
        let s = try study(
            [.init(name: "first", forecaster: Naive()), .init(name: "second", forecaster: Naive())], y: Self.climb)
        #expect(s.scores[0].rmse == s.scores[1].rmse)
        #expect(s.chosen?.name == "first")
        let t = try study(
            [.init(name: "second", forecaster: Naive()), .init(name: "first", forecaster: Naive())], y: Self.climb)
        #expect(t.chosen?.name == "second")
    }

    @Test func theLowestRMSEWinsWhateverItsPlace() throws {
        let s = try study(
            [.init(name: "naive", forecaster: Naive()), .init(name: "drift", forecaster: Drift())], y: Self.climb)
        #expect(try #require(s.scores[1].rmse) < 1e-9)
        #expect(try #require(s.scores[0].rmse) > 1)
        #expect(s.chosen?.name == "drift")
    }

    @Test func aModelThatFailsEverywhereIsUnscoredAndTriedLast() throws {
        let s = try study(
            [
                .init(name: "refuses", forecaster: RefusesLongSeries(refusing: 0)),
                .init(name: "naive", forecaster: Naive()),
            ], y: Self.climb)
        #expect(s.scores[0].rmse == nil)
        #expect(s.scores[0].note?.contains("failed at") == true)
        #expect(s.chosen?.name == "naive")
    }

    @Test func aChosenModelThatCannotFitTheWholeSeriesGivesWayToTheNext() throws {
        // Both score alike on the shorter prefixes; the first cannot forecast from the whole series.
        let s = try study(
            [
                .init(name: "refuses", forecaster: RefusesLongSeries(refusing: Self.climb.count)),
                .init(name: "naive", forecaster: Naive()),
            ], y: Self.climb)
        #expect(s.scores[0].rmse == s.scores[1].rmse)
        #expect(s.chosen?.name == "naive")
        #expect(s.scores[0].note?.hasPrefix("fit failed") == true)
    }

    @Test func theLatestMonthMustBeReported() {
        var y = Self.climb
        y[y.count - 1] = .nan
        #expect(throws: ForecastingError.self) { try study([.init(name: "naive", forecaster: Naive())], y: y) }
        #expect(throws: ForecastingError.self) { try study([], y: Self.climb) }
        #expect(throws: ForecastingError.self) {
            try study([.init(name: "naive", forecaster: Naive())], y: Array(Self.climb.prefix(10)))
        }
    }
}

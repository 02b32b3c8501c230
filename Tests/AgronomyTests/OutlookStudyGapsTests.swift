import Agronomy
import Forecasting
import Testing
import TimeSeriesCore

/// A series built from irregular quotes keeps its gaps (`OutlookStudy.Options.fillGaps` false):
/// the models see NaN, and `refusingGaps` tells the models that cannot take it.
@Suite struct OutlookStudyGapsTests {
    /// Naive on the reported months, and only when it is given a gap (so a filled series fails).
    struct TakesGaps: Forecaster {
        var name: String { "takes-gaps" }
        func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
            guard y.contains(where: \.isNaN) else { throw ForecastingError(.fitFailed, "no gap seen") }
            return try Naive().forecast(y.filter(\.isFinite), period: period, horizon: horizon, levels: levels)
        }
    }

    /// 48 months with the fourth and every seventh month after the tenth missing, the last reported.
    static let gappy: [Double] = (0..<48).map { (i: Int) -> Double in
        let missing = i == 3 || (i > 10 && i % 7 == 0 && i != 47)
        return missing ? Double.nan : 6000.0 + 10.0 * Double(i % 6)
    }

    @Test func gapsReachTheModelWhenKept() throws {
        let candidate = OutlookStudy.Candidate(name: "takes-gaps", forecaster: TakesGaps())
        let kept = try OutlookStudy.run(
            Self.gappy, period: 12, candidates: [candidate], options: .init(months: 2, fillGaps: false))
        #expect(kept.chosen?.name == "takes-gaps" && kept.chosen?.rmse != nil)
        #expect(kept.forecast.mean == [6050, 6050])
        // Filled (the default), the model never sees a gap and fails everywhere.
        #expect(throws: (any Error).self) {
            _ = try OutlookStudy.run(Self.gappy, period: 12, candidates: [candidate], options: .init(months: 2))
        }
    }

    @Test func refusingGapsNamesTheModelsThatCannotTakeThem() throws {
        let candidates =
            try OutlookStudy.candidates(models: ["naive"], exportRegressor: nil)
            + [OutlookStudy.Candidate(name: "takes-gaps", forecaster: TakesGaps())]
        #expect(OutlookStudy.refusingGaps(candidates) == ["naive"])
    }
}

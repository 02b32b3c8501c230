import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Members that fail are dropped with a note; when all fail the ensemble falls back to the
/// seasonal naïve or naïve method; the same input gives the same forecast.
struct EnsembleFallbackTests {
    static let seasonal: [Double] = (0..<36).map { (t: Int) -> Double in
        let x = Double(t)
        let wave: Double = 10 * sin(x * Double.pi / 6)
        return 100 + wave + x
    }

    func failing(_ name: String) -> ScriptedForecaster {
        ScriptedForecaster(name: name, error: ForecastingError(.outOfDomain, "\(name) cannot fit this"))
    }

    @Test func failingMemberIsDroppedWithANote() throws {
        let ensemble = Ensemble(members: [failing("ets"), Naive(), Drift()], combiner: .mean)
        let f = try ensemble.forecast(Self.seasonal, period: 12, horizon: 4, levels: [95])
        let naive = try Naive().forecast(Self.seasonal, period: 12, horizon: 4, levels: [95])
        let drift = try Drift().forecast(Self.seasonal, period: 12, horizon: 4, levels: [95])
        #expect(isClose(f.mean, zip(naive.mean, drift.mean).map { ($0 + $1) / 2 }, relative: 1e-14))
        #expect(f.model.notes.contains { $0.hasPrefix("ets dropped: out-of-domain") })
        #expect(f.model.name.contains("Naive") && !f.model.name.contains("ETS"))
    }

    @Test(arguments: [(12, "snaive"), (1, "naive")])
    func everyMemberFailingFallsBack(_ c: (period: Int, expected: String)) throws {
        let ensemble = Ensemble(members: [failing("ets"), failing("arima")])
        let f = try ensemble.forecast(Self.seasonal, period: c.period, horizon: 6, levels: [80, 95])
        let reference: any Forecaster = c.period > 1 ? SeasonalNaive() : Naive()
        let expected = try reference.forecast(Self.seasonal, period: c.period, horizon: 6, levels: [80, 95])
        #expect(f.mean == expected.mean && f.intervals == expected.intervals)
        #expect(f.model.family == c.expected)
        #expect(f.model.notes.contains("every member failed: \(c.expected) forecast instead"))
        #expect(f.model.notes.contains { $0.hasPrefix("arima dropped: out-of-domain") })
    }

    @Test func realMembersOnAShortSeriesNeverThrow() throws {
        // Two observations: ETS, ARIMA and Theta each either fit something or are dropped.
        for y in [[5.0, 7.0], [-1.0, 0, 2, 0, -3, 4]] {
            let f = try Ensemble(members: Ensemble.defaultMembers).forecast(y, period: 4, horizon: 3, levels: [95])
            #expect(f.mean.count == 3 && f.mean.allSatisfy(\.isFinite))
        }
        // One observation is too short for every model, the fallbacks included (issue 12).
        #expect {
            _ = try Ensemble(members: Ensemble.defaultMembers).forecast([3.0], period: 4, horizon: 3, levels: [95])
        } throws: {
            ($0 as? ForecastingError)?.code == .tooShort
        }
    }

    @Test func inverseMSEWithoutValidationFallsBackToTheMedian() throws {
        // Three observations are too few for a validation window of horizon 3.
        let ensemble = Ensemble(members: [Naive(), Drift(), HistoricalMean()], combiner: .inverseMSE)
        let f = try ensemble.forecast([1, 2, 4], period: 1, horizon: 3, levels: [])
        let median = try Ensemble(members: [Naive(), Drift(), HistoricalMean()], combiner: .median)
            .forecast([1, 2, 4], period: 1, horizon: 3, levels: [])
        #expect(f.mean == median.mean)
        #expect(f.model.notes.contains { $0.hasPrefix("no member could be validated") })
    }

    @Test func deterministic() throws {
        let y = Self.seasonal.map { $0 * 1.5 + 3 }
        let ensemble = Ensemble(members: Ensemble.defaultMembers, combiner: .inverseMSE)
        let a = try ensemble.forecast(y, period: 12, horizon: 12, levels: [80, 95])
        let b = try ensemble.forecast(y, period: 12, horizon: 12, levels: [80, 95])
        #expect(a == b)
    }

    @Test func membersByRegistryName() throws {
        #expect(throws: ForecastingError.self) { try Ensemble(memberNames: ["ets", "ensemble"]) }
        #expect(throws: ForecastingError.self) { try Ensemble(memberNames: ["ets", "nonesuch"]) }
        #expect(throws: ForecastingError.self) { try Ensemble(memberNames: []) }
        let e = try Ensemble(memberNames: ["naive", "drift"])
        #expect(e.members.map(\.name) == ["naive", "drift"])
    }
}

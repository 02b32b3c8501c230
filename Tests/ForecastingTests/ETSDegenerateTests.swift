import Testing
import TimeSeriesCore

@testable import Forecasting

/// Series that break naive implementations: constant, zeros, too short, negative.
@Suite("ETS on degenerate series")
struct ETSDegenerateTests {
    @Test(arguments: [[5.0, 5, 5, 5, 5, 5, 5, 5, 5, 5], [Double](repeating: 0, count: 24)])
    func constantSeries(_ y: [Double]) throws {
        let f = try ETS().forecast(y, period: 12, horizon: 4, levels: [95])
        #expect(f.model.name == "ETS(A,N,N)")
        #expect(f.mean.allSatisfy { abs($0 - y[0]) < 1e-9 })
        #expect(f.model.criteria["aicc"] == nil)
        #expect(!f.model.notes.isEmpty)
    }

    @Test func singleObservationThrows() {
        #expect(throws: ForecastingError.self) { try ETS().forecast([3], period: 1, horizon: 2, levels: [95]) }
    }

    @Test(arguments: [2, 3])
    func veryShortSeriesGetsTheMean(_ n: Int) throws {
        let y = Array([4.0, 6.0, 11.0].prefix(n))
        let f = try ETS().forecast(y, period: 1, horizon: 3, levels: [80])
        let mean = y.reduce(0, +) / Double(n)
        #expect(f.mean.allSatisfy { abs($0 - mean) < 1e-9 })
        #expect(f.model.notes.contains { $0.contains("mean") })
        let i = try #require(f.interval(level: 80))
        #expect(zip(i.lower, i.upper).allSatisfy { $0 < $1 })
    }

    /// Six observations with a monthly period: seasonal models cannot be estimated, so the
    /// selection falls back to non-seasonal ones and says so.
    @Test func tooShortForTheSeason() throws {
        let y = [10.0, 12, 9, 14, 11, 13]
        let f = try ETS(.holtWinters, name: "holt-winters").forecast(y, period: 12, horizon: 12, levels: [95])
        #expect(!f.model.name.hasSuffix(",A)"))
        #expect(!f.model.notes.isEmpty)
        #expect(f.mean.allSatisfy { $0.isFinite })
    }

    /// Zero and negative values rule out multiplicative models; automatic selection skips
    /// them, an explicit multiplicative model is refused.
    @Test func nonPositiveData() throws {
        let y: [Double] = (0..<40).map { (t: Int) -> Double in
            let season = Double(t % 4) * 3 - 2
            return season + Double(t) * 0.1
        }
        let f = try ETS().forecast(y, period: 4, horizon: 8, levels: [95])
        #expect(f.model.name.hasPrefix("ETS(A,"))
        #expect(!f.model.name.hasSuffix(",M)"))
        #expect(throws: ForecastingError.self) {
            try ETS(try ETS.Specification(code: "MNN")).forecast(y, period: 4, horizon: 8, levels: [95])
        }
    }

    @Test func missingValuesAreRejected() {
        #expect(throws: ForecastingError.self) {
            try ETS().forecast([1, 2, .nan, 4, 5, 6, 7], period: 1, horizon: 2, levels: [95])
        }
    }

    @Test func modelCodes() throws {
        #expect(ETS.Form(code: "MAdM")?.description == "ETS(M,Ad,M)")
        #expect(ETS.Form(code: "ANN") == ETS.Form(error: .additive, trend: .none, season: .none))
        #expect(ETS.Form(code: "AMN") == nil)
        #expect(throws: ForecastingError.self) { try ETS.Specification(code: "QQQ") }
        let z = try ETS.Specification(code: "ZZZ")
        #expect(z.errors.count == 2 && z.trends.count == 3 && z.seasons.count == 3)
    }

    /// Same input and seed, identical output, including simulated intervals.
    @Test func deterministicSimulatedIntervals() throws {
        let y: [Double] = (0..<48).map { (t: Int) -> Double in
            let shape = (Double(t % 12) - 5.5) / 5.5
            let growth = 1 + Double(t) / 48
            return 100 + Double(t) + 20 * shape * growth
        }
        let spec = ETS.Specification(ETS.Form(error: .multiplicative, trend: .additive, season: .multiplicative))
        let a = try ETS(spec).forecast(y, period: 12, horizon: 12, levels: [80, 95])
        let b = try ETS(spec).forecast(y, period: 12, horizon: 12, levels: [80, 95])
        #expect(a == b)
        let i95 = try #require(a.interval(level: 95))
        let i80 = try #require(a.interval(level: 80))
        for j in 0..<12 {
            #expect(i95.lower[j] <= i80.lower[j] && i80.lower[j] <= a.mean[j] * 1.05)
            #expect(i95.upper[j] >= i80.upper[j])
        }
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Reference values from utilsforecast.losses on seeded series (scripts/fixtures/metrics_reference.py).
struct MetricsReference: Decodable {
    struct Case: Decodable {
        var id: String
        var period: Int
        var insample, actual, forecast, lower80, upper80, lower95, upper95: [Double]
        var expected: [String: Double?]
    }
    struct OWA: Decodable {
        var cases: [String]
        var smape, mase, naive_smape, naive_mase, owa: Double
    }
    var cases: [Case]
    var owa: OWA

    static func load() throws -> MetricsReference {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("metrics/reference.json")
        return try JSONDecoder().decode(MetricsReference.self, from: Data(contentsOf: url))
    }
}

func close(_ a: Double?, _ b: Double??, relative: Double = 1e-10) -> Bool {
    switch (a, b ?? nil) {
    case (nil, nil): return true
    case (let x?, let y?): return abs(x - y) <= relative * max(1, abs(y))
    default: return false
    }
}

@Suite struct MetricsTests {
    static let reference = try? MetricsReference.load()
    static var caseIDs: [String] { reference?.cases.map(\.id) ?? [] }

    @Test(arguments: caseIDs) func matchesUtilsforecast(id: String) throws {
        let c = try #require(Self.reference?.cases.first { $0.id == id })
        let e = c.expected
        #expect(close(Metrics.mae(c.actual, c.forecast), e["mae"]))
        #expect(close(Metrics.rmse(c.actual, c.forecast), e["rmse"]))
        #expect(close(Metrics.mape(c.actual, c.forecast), e["mape"]))
        #expect(close(Metrics.smape(c.actual, c.forecast), e["smape"]))
        #expect(close(Metrics.mase(c.actual, c.forecast, insample: c.insample, period: c.period), e["mase"]))
        #expect(close(Metrics.rmsse(c.actual, c.forecast, insample: c.insample, period: c.period), e["rmsse"]))
        let i80 = PredictionInterval(level: 80, lower: c.lower80, upper: c.upper80)
        let i95 = PredictionInterval(level: 95, lower: c.lower95, upper: c.upper95)
        #expect(close(Metrics.coverage(c.actual, interval: i80), e["coverage80"]))
        #expect(close(Metrics.coverage(c.actual, interval: i95), e["coverage95"]))
        #expect(close(Metrics.winkler(c.actual, interval: i80), e["winkler80"]))
        #expect(close(Metrics.winkler(c.actual, interval: i95), e["winkler95"]))

        // The same through ForecastScore, which also averages the four bounds' pinball losses.
        let forecast = Forecast(
            model: ModelSummary(name: "m", family: "test"), mean: c.forecast, intervals: [i80, i95])
        let score = ForecastScore(actual: c.actual, forecast: forecast, insample: c.insample, period: c.period)
        #expect(close(score.pinball, e["pinball"]))
        #expect(close(score.smape, e["smape"]))
        #expect(close(score.coverage[95], e["coverage95"]))
        #expect(close(score.winkler[80], e["winkler80"]))
        #expect(close(score.mase, e["mase"]))
    }

    @Test func owaMatchesTheM4Formula() throws {
        let ref = try #require(Self.reference)
        var model = MetricTotals()
        var naive = MetricTotals()
        for c in ref.cases where ref.owa.cases.contains(c.id) {
            model.add(
                actual: c.actual, forecast: Forecast(model: ModelSummary(name: "m", family: "t"), mean: c.forecast),
                insample: c.insample, period: c.period, levels: [])
            let last = try #require(c.insample.last)
            naive.add(
                actual: c.actual,
                forecast: Forecast(
                    model: ModelSummary(name: "n", family: "t"),
                    mean: Array(repeating: last, count: c.actual.count)),
                insample: c.insample, period: c.period, levels: [])
        }
        #expect(close(model.smape, ref.owa.smape))
        #expect(close(model.mase, ref.owa.mase))
        #expect(close(naive.smape, ref.owa.naive_smape))
        #expect(close(naive.mase, ref.owa.naive_mase))
        #expect(
            close(
                Metrics.owa(smape: model.smape, mase: model.mase, naive2Smape: naive.smape, naive2Mase: naive.mase),
                ref.owa.owa))
    }

    @Test func undefinedMeasuresAreNilNotNaN() {
        #expect(Metrics.mae([], []) == nil)
        #expect(Metrics.mape([0, 0], [1, 2]) == nil)
        #expect(Metrics.mase([1, 2], [1, 2], insample: [5, 5, 5], period: 1) == nil)
        #expect(Metrics.owa(smape: 10, mase: 1, naive2Smape: 0, naive2Mase: 1) == nil)
        #expect(Metrics.smapeTerm(0, 0) == 0)
    }

    @Test func totalsOfPartsAddUpToTheWhole() throws {
        let ref = try #require(Self.reference)
        var whole = MetricTotals()
        var a = MetricTotals()
        var b = MetricTotals()
        for (k, c) in ref.cases.enumerated() {
            let f = Forecast(
                model: ModelSummary(name: "m", family: "t"), mean: c.forecast,
                intervals: [PredictionInterval(level: 95, lower: c.lower95, upper: c.upper95)])
            whole.add(actual: c.actual, forecast: f, insample: c.insample, period: c.period, levels: [95])
            if k % 2 == 0 {
                a.add(actual: c.actual, forecast: f, insample: c.insample, period: c.period, levels: [95])
            } else {
                b.add(actual: c.actual, forecast: f, insample: c.insample, period: c.period, levels: [95])
            }
        }
        a.merge(b)
        #expect(a.series == whole.series && a.steps == whole.steps && a.maseSeries == whole.maseSeries)
        #expect(close(a.smape, whole.smape, relative: 1e-12))
        #expect(close(a.mase, whole.mase, relative: 1e-12))
        #expect(a.coverage(level: 95) == whole.coverage(level: 95))
        // Coverage over every step of every case, from the fixture's per-case shares.
        let steps = ref.cases.map { Double($0.actual.count) }
        let hits = zip(ref.cases, steps).map { c, n in ((c.expected["coverage95"] ?? nil) ?? .nan) * n }
        #expect(close(whole.coverage(level: 95), hits.reduce(0, +) / steps.reduce(0, +)))
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// HoldoutBenchmark with methods defined here, so the runner is tested apart from the models.
@Suite struct BatchHoldoutBenchmarkTests {
    /// Last value carried forward, ±1 as a "95%" interval; refuses series whose id-coded first value is negative.
    struct LastValue: Forecaster {
        var name = "last"
        func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
            try validateArguments(y, period: period, horizon: horizon, levels: levels)
            guard let first = y.first, first >= 0 else { throw ForecastingError(.outOfDomain, "negative start") }
            let last = y[y.count - 1]
            let mean = Array(repeating: last, count: horizon)
            return Forecast(
                model: ModelSummary(name: "Last", family: "last"), mean: mean,
                intervals: levels.map {
                    PredictionInterval(level: $0, lower: mean.map { $0 - 1 }, upper: mean.map { $0 + 1 })
                })
        }
    }

    struct Zero: Forecaster {
        var name = "zero"
        func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
            Forecast(model: ModelSummary(name: "Zero", family: "zero"), mean: Array(repeating: 0, count: horizon))
        }
    }

    static let series: [HoldoutSeries] = [
        HoldoutSeries(id: "a", subset: "s1", period: 1, train: [1, 2, 4], test: [4, 5]),
        HoldoutSeries(id: "b", subset: "s1", period: 1, train: [-1, 2], test: [2]),
        HoldoutSeries(id: "c", subset: "s2", period: 2, train: [1, 3, 2, 4, 3], test: [5, 2]),
    ]

    @Test func scoresFailuresAndOWA() throws {
        let bench = try HoldoutBenchmark(
            forecasters: [LastValue()], baseline: Zero(), levels: [95],
            runner: BatchRunner(jobs: 2))
        let report = try bench.run(Self.series)
        #expect(report.rows.map(\.subset) == ["s1", "s2", "all"])
        #expect(report.failures == [.init(id: "b", model: "last", message: "out-of-domain: negative start")])
        let s1 = report.rows[0].totals
        #expect(s1.series == 1 && s1.failures == 1 && s1.steps == 2)
        // a: forecasts 4, 4 against 4, 5: sMAPE terms 0 and 200/9; MASE scale (1 + 2)/2, MAE 0.5.
        #expect(abs((s1.smape ?? .nan) - 100.0 / 9.0) < 1e-12)
        #expect(abs((s1.mase ?? .nan) - 0.5 / 1.5) < 1e-12)
        #expect(s1.coverage(level: 95) == 1.0)
        // Zero forecasts: every sMAPE term is 200; MASE of a is 4.5/1.5, of b (which the baseline
        // does fit) 2/3. OWA = ½(sMAPE/200 + MASE/MASE_zero).
        let zero = try #require(report.baseline.first { $0.subset == "s1" })
        #expect(zero.totals.smape == 200)
        #expect(zero.totals.series == 2)
        let zeroMASE = (4.5 / 1.5 + 2.0 / 3.0) / 2
        let owa = try #require(report.owa(report.rows[0]))
        #expect(abs(owa - 0.5 * ((100.0 / 9.0) / 200 + (0.5 / 1.5) / zeroMASE)) < 1e-12)
    }

    @Test func reportIsTheSameWhateverTheJobs() throws {
        func run(_ jobs: Int) throws -> HoldoutBenchmark.Report {
            var r = try HoldoutBenchmark(
                forecasters: [LastValue(), Zero()], baseline: nil, levels: [80, 95],
                runner: BatchRunner(jobs: jobs)
            ).run(Self.series)
            for k in r.rows.indices { r.rows[k].totals.seconds = 0 }
            return r
        }
        let one = try run(1)
        let three = try run(3)
        #expect(one == three)
        #expect(one.notes.contains { $0.contains("owa is null") })
    }
}

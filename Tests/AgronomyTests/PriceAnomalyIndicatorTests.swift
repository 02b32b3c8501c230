import Forecasting
import Foundation
import Testing
import TimeSeriesCore

@testable import Agronomy

@Suite struct PriceAnomalyIndicatorTests {
    @Test func weightedMomentsByHand() throws {
        // x = 1, 2, 3, 4. Equal weights: mean 2.5, sd² = 5/3.
        let equal = try #require(PriceAnomalyIndicator().weightedMoments([1, 2, 3, 4]))
        #expect(close(equal.mean, 2.5) && close(equal.sd, (5.0 / 3).squareRoot()))
        // Weights 1..4: mean 30/10 = 3; Σw(x−m)² = 4 + 2 + 0 + 4 = 10; sd² = 10 / (10·3/4).
        let linear = try #require(PriceAnomalyIndicator(yearWeighting: .linear).weightedMoments([1, 2, 3, 4]))
        #expect(close(linear.mean, 3) && close(linear.sd, (10.0 / 7.5).squareRoot()))
    }

    @Test(arguments: [
        (1.0, PriceAnomalyBand.abnormallyHigh), (0.999, .moderatelyHigh), (0.5, .moderatelyHigh),
        (0.4999, .normal), (0, .normal), (-0.4999, .normal), (-0.5, .moderatelyLow),
        (-0.999, .moderatelyLow), (-1, .abnormallyLow), (-3, .abnormallyLow),
    ])
    func bands(ipa: Double, band: PriceAnomalyBand) {
        #expect(PriceAnomalyBand(ipa: ipa) == band)
    }

    /// Prices stay at 100 except each December, which is 100·(1 + q_k)³ in year k: the
    /// December quarterly rate is then exactly q_k and the annual one ((1+q_k)/(1+q_{k−1}))^¼ − 1.
    /// Every other month has a constant rate in some window (sd 0) and is not scored.
    @Test func smallCaseByHand() throws {
        let q = [0.0, 0.01, 0.03, 0.02, 0.01, 0.05]
        var values: [Double] = []
        for year in 0..<6 {
            values += Array(repeating: 100, count: 11) + [100 * pow(1 + q[year], 3)]
        }
        let series = TimeSeries(id: "hand", values: values, frequency: .monthly, start: .month(year: 2000, month: 1))
        let points = try PriceAnomalyIndicator().values(series)
        // Only December 2005 has five Decembers with an annual rate (2001–2005).
        #expect(points.map(\.date) == [.month(year: 2005, month: 12)])
        let p = try #require(points.first)
        // Quarterly: mean of q = 0.02, Σ(q − 0.02)² = 16e-4, sd = √(16e-4 / 5); z = 0.03 / sd.
        let iq = 0.03 / (16e-4 / 5).squareRoot()
        #expect(close(p.cqgr, 0.05) && close(p.quarterlyScore, iq))
        #expect(close(iq, 1.6770509831248424, 1e-12))
        let a = (1...5).map { pow((1 + q[$0]) / (1 + q[$0 - 1]), 0.25) - 1 }
        let ma = a.reduce(0, +) / 5
        let sa = (a.map { ($0 - ma) * ($0 - ma) }.reduce(0, +) / 4).squareRoot()
        let ia = (a[4] - ma) / sa
        #expect(close(p.annualScore, ia))
        #expect(close(p.value, 0.4 * iq + 0.6 * ia))
        #expect(p.band == PriceAnomalyBand(ipa: 0.4 * iq + 0.6 * ia))
        #expect(p.quarterlyYears == 6 && p.annualYears == 5)
    }

    @Test(arguments: ["wfp-dong-thap-rice-wholesale", "wb-rice-vnm-5pct"], [false, true])
    func matchesTheIndependentComputation(name: String, linear: Bool) throws {
        let fixture = try PriceAnomalyFixture.load()
        let reference = try #require(fixture.series[name])
        let series = try PriceAnomalyFixture.timeSeries(name, reference.prices)
        let ipa = PriceAnomalyIndicator(
            quarterlyWeight: fixture.gamma, minimumYears: fixture.minimum_years,
            yearWeighting: linear ? .linear : .equal)
        let points = try ipa.values(series)
        let expected = linear ? reference.ipa_linear : reference.ipa_equal
        #expect(points.map(\.date.description) == expected.map(\.date))
        for (p, e) in zip(points, expected) {
            #expect(close(p.cqgr, e.cqgr), "\(e.date)")
            #expect(close(p.cagr, e.cagr), "\(e.date)")
            #expect(close(p.quarterlyScore, e.iq), "\(e.date)")
            #expect(close(p.annualScore, e.ia), "\(e.date)")
            #expect(close(p.value, e.ipa), "\(e.date)")
        }
    }

    @Test func warnsOnlyWhileTheLatestPriceIsRecent() throws {
        let fixture = try PriceAnomalyFixture.load()
        let reference = try #require(fixture.series["wb-rice-vnm-5pct"])
        let series = try PriceAnomalyFixture.timeSeries("wb", reference.prices)
        let expected = try #require(reference.ipa_equal.last)
        #expect(expected.date == "2023-12")

        let fresh = try PriceAnomalyIndicator().assess(series, asOf: .month(year: 2024, month: 2))
        #expect(fresh.status == .current)
        #expect(close(try #require(fresh.point).value, expected.ipa))
        #expect(fresh.band == PriceAnomalyBand(ipa: expected.ipa))

        let old = try PriceAnomalyIndicator().assess(series, asOf: .day(year: 2024, month: 3, day: 1))
        #expect(old.status == .stale(ageInMonths: 3))
        #expect(old.band == nil)
    }

    @Test func latestMonthWithoutAnnualHistoryIsNotComputable() throws {
        // Đồng Tháp: the record resumes in 2021-01 after a gap from 2018-04, so 2021-06 has no
        // price twelve months earlier.
        let fixture = try PriceAnomalyFixture.load()
        let reference = try #require(fixture.series["wfp-dong-thap-rice-wholesale"])
        let series = try PriceAnomalyFixture.timeSeries("dt", reference.prices)
        let a = try PriceAnomalyIndicator().assess(series, asOf: .month(year: 2021, month: 7))
        #expect(a.latest == .month(year: 2021, month: 6))
        #expect(a.point == nil)
        #expect(a.status == .notComputable)
    }

    @Test func rejectsBadInput() {
        let yearly = TimeSeries(id: "y", values: [1, 2, 3], frequency: .yearly, start: .year(2000))
        #expect(throws: ForecastingError.self) { try PriceAnomalyIndicator().values(yearly) }
        let zero = TimeSeries(id: "z", values: [1, 0, 3], frequency: .monthly, start: .month(year: 2000, month: 1))
        #expect { try PriceAnomalyIndicator().values(zero) } throws: { ($0 as? ForecastingError)?.code == .outOfDomain }
        let ok = TimeSeries(id: "m", values: [1, 2, 3], frequency: .monthly, start: .month(year: 2000, month: 1))
        #expect { try PriceAnomalyIndicator(quarterlyWeight: 1.5).values(ok) } throws: {
            ($0 as? ForecastingError)?.code == .invalidArgument
        }
    }
}

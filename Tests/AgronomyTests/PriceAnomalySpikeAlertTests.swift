import Forecasting
import Foundation
import Testing
import TimeSeriesCore

@testable import Agronomy

@Suite struct PriceAnomalySpikeAlertTests {
    @Test(arguments: [
        (-3.0, PriceSpikeClass.normal), (0.2499, .normal), (0.25, .stress), (0.999, .stress),
        (1, .alert), (1.999, .alert), (2, .crisis), (5, .crisis),
    ])
    func classes(alps: Double, expected: PriceSpikeClass) {
        #expect(PriceSpikeClass(alps: alps) == expected)
    }

    /// Trend 1000 + 5t plus a month effect, and residuals +d, −2d, +d in the three years of each
    /// month: they sum to zero within a month and are orthogonal to t, so least squares recovers
    /// the trend exactly, RSS = 12·6d², n = 36, k = 13 and σ̂ = d·√(72/23).
    @Test func threeYearsByHand() throws {
        let d = 7.0
        let pattern = [d, -2 * d, d]
        var values: [Double] = []
        for year in 0..<3 {
            for month in 0..<12 {
                let t = Double(year * 12 + month)
                values.append(1000 + 5 * t + 30 * Double(month % 4) + pattern[year])
            }
        }
        let start = PeriodDate.month(year: 2010, month: 1)
        let series = TimeSeries(id: "hand", values: values, frequency: .monthly, start: start)
        let alert = PriceSpikeAlert()
        let a = try alert.assess(series, asOf: .month(year: 2012, month: 12))
        #expect(close(a.fit.slope, 5))
        #expect(close(a.fit.sigma, d * (72.0 / 23).squareRoot()))
        #expect(a.fit.observations == 36 && a.fit.parameters == 13)
        // Last point: residual +d, so ALPS = √(23/72) ≈ 0.565, "stress".
        #expect(close(a.point.value, (23.0 / 72).squareRoot()))
        #expect(close(a.point.trend, 1000 + 5 * 35 + 30 * 3))
        #expect(a.severity == .stress)
        // The middle year sits 2d below trend: −2·√(23/72), normal.
        let points = try alert.values(series)
        #expect(points.count == 36)
        #expect(close(points[12].value, -2 * (23.0 / 72).squareRoot()) && points[12].severity == .normal)
    }

    @Test func exactTrendHasNoSpread() {
        let values = (0..<36).map { 100 + Double($0) }
        let series = TimeSeries(id: "flat", values: values, frequency: .monthly, start: .month(year: 2010, month: 1))
        #expect { try PriceSpikeAlert().values(series) } throws: { ($0 as? ForecastingError)?.code == .fitFailed }
    }

    @Test func tooFewMonths() {
        let series = TimeSeries(
            id: "short", values: (0..<24).map(Double.init), frequency: .monthly,
            start: .month(year: 2010, month: 1))
        #expect { try PriceSpikeAlert().values(series) } throws: { ($0 as? ForecastingError)?.code == .tooShort }
    }

    @Test(arguments: ["wfp-dong-thap-rice-wholesale", "wb-rice-vnm-5pct"])
    func matchesTheIndependentComputation(name: String) throws {
        let fixture = try PriceAnomalyFixture.load()
        let reference = try #require(fixture.series[name])
        let series = try PriceAnomalyFixture.timeSeries(name, reference.prices)
        let prices = try MonthlyPrices(series)
        let fit = try PriceSpikeAlert().fit(prices)
        #expect(close(fit.slope, reference.alps.slope))
        #expect(close(fit.sigma, reference.alps.sigma))
        #expect(fit.observations == reference.alps.observations)
        #expect(fit.parameters == reference.alps.parameters)
        let points = try PriceSpikeAlert().values(series)
        #expect(points.map(\.date.description) == reference.alps.points.map(\.date))
        for (p, e) in zip(points, reference.alps.points) {
            #expect(close(p.trend, e.trend), "\(e.date)")
            #expect(close(p.value, e.alps, 1e-8), "\(e.date)")
        }
    }

    @Test func dongThapLatestMonth() throws {
        let fixture = try PriceAnomalyFixture.load()
        let reference = try #require(fixture.series["wfp-dong-thap-rice-wholesale"])
        let series = try PriceAnomalyFixture.timeSeries("dt", reference.prices)
        let expected = try #require(reference.alps.points.last)
        let now = try PriceSpikeAlert().assess(series, asOf: .month(year: 2021, month: 8))
        #expect(now.status == .current && now.latest == .month(year: 2021, month: 6))
        #expect(now.severity == PriceSpikeClass(alps: expected.alps))
        let later = try PriceSpikeAlert().assess(series, asOf: .month(year: 2021, month: 9))
        #expect(later.status == .stale(ageInMonths: 3) && later.severity == nil)
    }
}

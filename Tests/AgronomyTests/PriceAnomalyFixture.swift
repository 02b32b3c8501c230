import Foundation
import Testing
import TimeSeriesCore

/// The reference values in Fixtures/price-anomaly/reference.json, written by
/// scripts/fixtures/price_anomaly_reference.py (pandas/numpy, published formulas) from the WFP
/// Đồng Tháp wholesale rice series and the World Bank Viet Nam 5% export price.
struct PriceAnomalyFixture: Decodable {
    struct Price: Decodable {
        var date: String
        var price: Double
    }
    struct IPA: Decodable {
        var date: String
        var price, cqgr, cagr, iq, ia, ipa: Double
    }
    struct ALPSPoint: Decodable {
        var date: String
        var price, trend, alps: Double
    }
    struct ALPS: Decodable {
        var slope, sigma: Double
        var observations, parameters: Int
        var points: [ALPSPoint]
    }
    struct Series: Decodable {
        var prices: [Price]
        var ipa_equal: [IPA]
        var ipa_linear: [IPA]
        var alps: ALPS
    }
    var gamma: Double
    var minimum_years: Int
    var series: [String: Series]

    static func load() throws -> PriceAnomalyFixture {
        let base = try #require(Bundle.module.resourceURL)
        let url = base.appendingPathComponent("Fixtures/price-anomaly/reference.json")
        return try JSONDecoder().decode(PriceAnomalyFixture.self, from: Data(contentsOf: url))
    }

    /// The series on the calendar, missing months as NaN.
    static func timeSeries(_ id: String, _ prices: [Price]) throws -> TimeSeries {
        let dates = try prices.map { try #require(PeriodDate(parsing: $0.date)) }
        let first = try #require(dates.first)
        let last = try #require(dates.last)
        var values = [Double](repeating: .nan, count: last.ordinal - first.ordinal + 1)
        for (d, p) in zip(dates, prices) { values[d.ordinal - first.ordinal] = p.price }
        return TimeSeries(id: id, values: values, frequency: .monthly, start: first)
    }
}

/// |a − b| ≤ tol · max(1, |b|).
func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool {
    abs(a - b) <= tol * max(1, abs(b))
}

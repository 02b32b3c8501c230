import Foundation
import Testing

@testable import Agronomy

/// Fixtures/province-season/flood_peak_rolling_origin.json: statsmodels OLS, by rolling origin over
/// the trusted flood years, on GSO's Hè Thu + Thu Đông yields with Tân Châu's annual peak
/// (scripts/fixtures/flood_peak_rolling_origin.py).
private struct FloodReference: Decodable {
    struct Province: Decodable {
        var name: String
        var firstYear: Int
        var yields: [Double]
        var origins: [Int]
        var trendErrors: [Double]
        var floodErrors: [Double]
    }
    var peaks: [String: Double]
    var provinces: [Province]

    static func load() throws -> FloodReference {
        let url = try #require(
            Bundle.module.url(
                forResource: "flood_peak_rolling_origin", withExtension: "json",
                subdirectory: "Fixtures/province-season"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(FloodReference.self, from: Data(contentsOf: url))
    }
}

@Suite("The flood peak as a candidate for the autumn crop (statsmodels reference)")
struct FloodPeakStudyTests {
    @Test func bothModelsMatchStatsmodelsOnTheSameOrigins() throws {
        let ref = try FloodReference.load()
        let peaks = Dictionary(uniqueKeysWithValues: ref.peaks.compactMap { k, v in Int(k).map { ($0, v) } })
        #expect(peaks.keys.sorted() == Array(2002...2009))
        #expect(ref.provinces.count >= 12)
        for p in ref.provinces {
            let r = try FloodPeakStudy.run(.init(name: p.name, firstYear: p.firstYear, yields: p.yields), peaks: peaks)
            #expect(r.trend.years == p.origins && r.flood.years == p.origins, "\(p.name)")
            for (a, b) in zip(r.trend.errors, p.trendErrors) { #expect(abs(a - b) <= 1e-9 * 50, "\(p.name) trend") }
            for (a, b) in zip(r.flood.errors, p.floodErrors) { #expect(abs(a - b) <= 1e-9 * 50, "\(p.name) flood") }
            #expect(r.trend.errors.count == p.trendErrors.count && r.flood.errors.count == p.floodErrors.count)
        }
    }

    @Test func anUntrustedOrMissingPeakIsNeverUsed() throws {
        // Peaks after 2009 are ignored even when given; an origin without its peak does not count.
        let s = YieldRollingOrigin.Series(name: "x", firstYear: 2000, yields: (0..<12).map { 50 + Double($0) })
        var peaks = Dictionary(uniqueKeysWithValues: (2002...2011).map { ($0, 400.0 + Double($0 % 3)) })
        peaks[2008] = nil
        let r = try FloodPeakStudy.run(s, peaks: peaks)
        #expect(r.trend.years == [2006, 2007, 2009])
    }
}

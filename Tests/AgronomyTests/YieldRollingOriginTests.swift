import Foundation
import Testing

@testable import Agronomy

/// Fixtures/province-season/dong_xuan_rolling_origin.json: statsmodels OLS, by rolling origin, on
/// the GSO Đông Xuân yields of four provinces (scripts/fixtures/province_season_rolling_origin.py).
private struct RollingOriginReference: Decodable {
    struct Province: Decodable {
        var name: String
        var firstYear: Int
        var yields: [Double]
        var origins: [Int]
        var observed: [Double]
        var linearErrors: [Double]
        var pooledErrors: [Double]
        var linearRmse: Double
        var pooledRmse: Double
    }
    var source: String
    var trendYears: Int
    var minimumYears: Int
    var provinces: [Province]

    static func load() throws -> RollingOriginReference {
        let url = try #require(
            Bundle.module.url(
                forResource: "dong_xuan_rolling_origin", withExtension: "json",
                subdirectory: "Fixtures/province-season"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(RollingOriginReference.self, from: Data(contentsOf: url))
    }

    var series: [YieldRollingOrigin.Series] {
        provinces.map { .init(name: $0.name, firstYear: $0.firstYear, yields: $0.yields) }
    }

    var options: YieldRollingOrigin.Options {
        .init(trendYears: trendYears, minimumYears: minimumYears)
    }
}

/// Errors agree to 1e-9 relative to the observed yield: the forecasts agree to 1e-9 relative.
private func close(_ a: [Double], _ b: [Double], observed: [Double]) -> Bool {
    a.count == b.count && zip(zip(a, b), observed).allSatisfy { p, y in abs(p.0 - p.1) <= 1e-9 * abs(y) }
}

@Suite("Crop yield by rolling origin, per province and pooled (statsmodels reference)")
struct YieldRollingOriginTests {
    @Test func originsSkipUnreportedYearsAndShortWindows() throws {
        let ref = try RollingOriginReference.load()
        for (p, s) in zip(ref.provinces, ref.series) {
            #expect(YieldRollingOrigin.scoredOrigins(s, options: ref.options) == p.origins, "\(p.name)")
        }
    }

    @Test func linearTrendMatchesStatsmodels() throws {
        let ref = try RollingOriginReference.load()
        for (p, s) in zip(ref.provinces, ref.series) {
            let result = try YieldRollingOrigin.perProvince(s, options: ref.options)
            let linear = try #require(result.candidates.first { $0.name == "trend-linear" })
            #expect(linear.years == p.origins)
            #expect(linear.observed == p.observed)
            #expect(close(linear.errors, p.linearErrors, observed: p.observed), "\(p.name)")
            #expect(abs((linear.rmse ?? .nan) - p.linearRmse) <= 1e-9 * p.linearRmse)
        }
    }

    @Test func pooledMatchesStatsmodels() throws {
        let ref = try RollingOriginReference.load()
        let pooled = try YieldRollingOrigin.pooled(ref.series, options: ref.options)
        for (p, score) in zip(ref.provinces, pooled) {
            #expect(score.years == p.origins)
            #expect(close(score.errors, p.pooledErrors, observed: p.observed), "\(p.name)")
            #expect(abs((score.rmse ?? .nan) - p.pooledRmse) <= 1e-9 * p.pooledRmse)
        }
    }

    @Test func chosenIsTheLowestRMSE() throws {
        let ref = try RollingOriginReference.load()
        for s in ref.series {
            let result = try YieldRollingOrigin.perProvince(s, options: ref.options)
            let chosen = try #require(result.chosen)
            #expect(result.candidates.allSatisfy { ($0.rmse ?? .infinity) >= (chosen.rmse ?? .infinity) })
            #expect(result.candidates.map(\.name).contains("ets"))
        }
    }

    /// No origin uses its own year or a later one: changing the last year changes only its own error.
    @Test func noFutureYearInformsAForecast() throws {
        let ref = try RollingOriginReference.load()
        var s = ref.series[0]
        let before = try YieldRollingOrigin.perProvince(s, options: ref.options)
        s.yields[s.yields.count - 1] += 10
        let after = try YieldRollingOrigin.perProvince(s, options: ref.options)
        for (a, b) in zip(before.candidates, after.candidates) {
            #expect(Array(a.forecasts.dropLast()) == Array(b.forecasts.dropLast()), "\(a.name)")
        }
    }

    /// `CropYieldModel` with rolling-origin selection scores its candidates as `YieldRollingOrigin`
    /// does (the linear trend's errors are statsmodels'), chooses the lowest RMSE, and carries that
    /// RMSE as the forecast's skill.
    @Test func cropYieldModelChoosesByRollingOrigin() throws {
        let ref = try RollingOriginReference.load()
        for p in ref.provinces where p.origins == Array(2005...2016) && p.yields.allSatisfy(\.isFinite) {
            let r = try CropYieldModel.forecast(
                yields: p.yields, firstYear: p.firstYear, horizon: 1, levels: [80],
                options: .init(trendYears: ref.trendYears, selection: .rollingOrigin(origins: 12)))
            #expect(r.years == 2005...2016, "\(p.name)")
            let linear = try #require(r.candidates.first { $0.name == "trend-linear" })
            #expect(close(linear.errors, p.linearErrors, observed: p.observed), "\(p.name)")
            let best = try #require(r.candidates.compactMap(\.rmse).min())
            #expect(r.chosenCandidate?.rmse == best, "\(p.name)")
            #expect(r.forecast.crossValidation?.rmse == best)
            #expect(r.forecast.model.criteria["rolling_origin_rmse"] == best)
        }
    }
}

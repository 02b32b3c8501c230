import Forecasting
import Foundation
import Testing
import TimeSeriesCore

@testable import Agronomy

/// Fixtures/cropyield/rice_statsmodels.json: statsmodels OLS on Viet Nam rice yield 2006–2020 with
/// ONI Dec–Feb (scripts/fixtures/cropyield_statsmodels.py).
struct CropYieldReference: Decodable {
    struct Candidate: Decodable {
        var errors: [Double]
        var rmse: Double
        var mape: Double
    }
    struct Bounds: Decodable {
        var lower: [Double]
        var upper: [Double]
    }
    var source: String
    var firstYear: Int
    var yields: [Double]
    var oni: [Double]
    var oniFuture: [Double]
    var candidates: [String: Candidate]
    var trendDegree: Int
    var chosen: String
    var coefficients: [Double]
    var standardErrors: [Double]
    var sigma: Double
    var forecast: [Double]
    var intervals: [String: Bounds]

    static func load() throws -> CropYieldReference {
        let url = try #require(
            Bundle.module.url(
                forResource: "rice_statsmodels", withExtension: "json",
                subdirectory: "Fixtures/cropyield"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(CropYieldReference.self, from: Data(contentsOf: url))
    }
}

private func close(_ a: Double, _ b: Double, relative: Double = 1e-8) -> Bool {
    abs(a - b) <= relative * max(1, abs(b))
}

@Suite("Crop-yield model (trend + agro-climatic regression, LOYO)")
struct CropYieldTests {
    func fitted(_ ref: CropYieldReference) throws -> CropYieldModel.Result {
        try CropYieldModel.forecast(
            yields: ref.yields, firstYear: ref.firstYear,
            indicators: [.init(name: "oni", past: ref.oni, future: ref.oniFuture)], horizon: ref.oniFuture.count,
            levels: [80, 95], options: .init(trendYears: ref.yields.count, includeETS: false))
    }

    @Test("LOYO errors, RMSE and MAPE of every candidate equal statsmodels'")
    func loyoMatchesStatsmodels() throws {
        let ref = try CropYieldReference.load()
        let result = try fitted(ref)
        #expect(result.years == ref.firstYear...(ref.firstYear + ref.yields.count - 1))
        for (name, expected) in ref.candidates {
            let c = try #require(result.candidates.first { $0.name == name }, "no candidate \(name)")
            #expect(c.errors.count == expected.errors.count)
            for (a, b) in zip(c.errors, expected.errors) {
                #expect(close(a, b, relative: 1e-7), "\(name): \(a) vs \(b)")
            }
            #expect(close(try #require(c.rmse), expected.rmse, relative: 1e-7))
            #expect(close(try #require(c.mape), expected.mape, relative: 1e-7))
        }
        #expect(result.chosen == ref.chosen)
    }

    @Test("The chosen regression's coefficients and prediction intervals equal statsmodels'")
    func forecastMatchesStatsmodels() throws {
        let ref = try CropYieldReference.load()
        let result = try fitted(ref)
        #expect(ref.chosen != "ets")
        let f = result.forecast
        #expect(f.model.family == "crop-yield")
        #expect(close(try #require(f.model.criteria["sigma"]), ref.sigma, relative: 1e-8))
        // Terms in formula order: (Intercept), t, [I(t^2)], [oni].
        var names = ["(Intercept)", "t"]
        if ref.trendDegree == 2 { names.append("I(t^2)") }
        if ref.chosen == "trend+climate" { names.append("oni") }
        #expect(names.count == ref.coefficients.count)
        for (name, b) in zip(names, ref.coefficients) {
            #expect(close(try #require(f.model.parameters[name], "no \(name)"), b, relative: 1e-7))
        }
        for (h, m) in ref.forecast.enumerated() { #expect(close(f.mean[h], m, relative: 1e-9)) }
        for level in [80, 95] {
            let interval = try #require(f.interval(level: level))
            let expected = try #require(ref.intervals["\(level)"])
            for h in ref.forecast.indices {
                #expect(close(interval.lower[h], expected.lower[h], relative: 1e-8))
                #expect(close(interval.upper[h], expected.upper[h], relative: 1e-8))
            }
        }
        #expect(try #require(f.model.criteria["loyo_rmse"]) == result.chosenCandidate?.rmse)
    }

    @Test("ETS joins the candidates, scored by one-step-ahead forecasts of the same years")
    func etsCandidate() throws {
        let ref = try CropYieldReference.load()
        // A longer history so that ETS has years before the window: a linear trend with noise-free wiggle.
        let history = (0..<20).map { 4.0 + 0.05 * Double($0) + 0.03 * sin(Double($0)) }
        let result = try CropYieldModel.forecast(
            yields: history + ref.yields, firstYear: ref.firstYear - 20, horizon: 2,
            levels: [80, 95], options: .init(trendYears: 15))
        let ets = try #require(result.candidates.first { $0.name == "ets" })
        #expect(ets.errors.count == 15)
        #expect(result.candidates.filter(\.chosen).count == 1)
        let best = result.candidates.filter { ["ets", "trend-linear", "trend-quadratic"].contains($0.name) }
        let chosen = try #require(result.chosenCandidate)
        // The chosen one is no worse than ETS and than the trend degree LOYO preferred.
        let chosenRMSE = try #require(chosen.rmse)
        let etsRMSE = try #require(ets.rmse)
        #expect(chosenRMSE <= etsRMSE)
        #expect(best.contains { $0.chosen })
    }

    @Test("Bad arguments are errors, not crashes", arguments: [0, 1])
    func badArguments(_ which: Int) throws {
        let y = (0..<20).map { 5 + 0.1 * Double($0) }
        #expect(throws: ForecastingError.self) {
            if which == 0 {
                _ = try CropYieldModel.forecast(yields: y, firstYear: 2000, horizon: 0, levels: [80])
            } else {
                _ = try CropYieldModel.forecast(yields: Array(y.prefix(5)), firstYear: 2000, horizon: 1, levels: [80])
            }
        }
        var gappy = y
        gappy[3] = .nan
        #expect(throws: ForecastingError.self) {
            _ = try CropYieldModel.forecast(yields: gappy, firstYear: 2000, horizon: 1, levels: [120])
        }
    }
}

@Suite("Production = area × yield by simulation")
struct CropYieldProductionTests {
    func forecast(mean: Double, sd: Double) -> Forecast {
        // Normal 95% interval: z = 1.959963984540054 (scipy.stats.norm.ppf(0.975)).
        let z = 1.959963984540054
        return Forecast(
            model: ModelSummary(name: "x", family: "x"), mean: [mean],
            intervals: [PredictionInterval(level: 95, lower: [mean - z * sd], upper: [mean + z * sd])])
    }

    @Test("With a certain yield the product's quantiles are the area's normal quantiles times the yield")
    func certainYield() throws {
        let area = forecast(mean: 4_000_000, sd: 100_000)
        let yield = forecast(mean: 6, sd: 0)
        let p = try ProductionForecast.combine(area: area, yield: yield, levels: [80, 95], draws: 20_000, seed: 7)
        #expect(p.mean[0] == 24_000_000)
        // scipy.stats.norm.ppf(0.9) = 1.2815515655446004, ppf(0.975) = 1.959963984540054.
        for (level, z) in [(80, 1.2815515655446004), (95, 1.959963984540054)] {
            let i = try #require(p.interval(level: level))
            // Monte Carlo error of a quantile: about sd·√(p(1−p)/n)/φ(z) < 0.02 sd here.
            #expect(abs(i.upper[0] - 6 * (4_000_000 + z * 100_000)) < 6 * 0.05 * 100_000)
            #expect(abs(i.lower[0] - 6 * (4_000_000 - z * 100_000)) < 6 * 0.05 * 100_000)
        }
    }

    @Test("The spread agrees with the delta method for small relative errors; the same seed gives the same numbers")
    func deltaMethod() throws {
        let area = forecast(mean: 4_000_000, sd: 80_000)
        let yield = forecast(mean: 6, sd: 0.15)
        let a = try ProductionForecast.combine(area: area, yield: yield, levels: [95], draws: 20_000, seed: 11)
        let b = try ProductionForecast.combine(area: area, yield: yield, levels: [95], draws: 20_000, seed: 11)
        #expect(a == b)
        // Var P ≈ E[A]²σ_Y² + E[Y]²σ_A² + σ_A²σ_Y² (exact for independent factors).
        let sd = (4_000_000.0 * 4_000_000 * 0.0225 + 36 * 6.4e9 + 6.4e9 * 0.0225).squareRoot()
        let i = try #require(a.interval(level: 95))
        let width = i.upper[0] - i.lower[0]
        #expect(abs(width / (2 * 1.959963984540054 * sd) - 1) < 0.03)
    }
}

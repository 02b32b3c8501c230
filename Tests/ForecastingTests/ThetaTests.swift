import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Reference values: statsforecast 2.1.1 `auto_theta` / `forecast_theta` (STM, OTM, DSTM, DOTM)
/// on M3 series (Fixtures/theta, scripts/fixtures/theta_m3.py).
@Suite struct ThetaTests {
    static let series = ["N0001", "N0654", "N0700", "N1498", "N1500", "N2000", "N3000"]

    /// statsforecast's criterion: Σ_{t≥4} e_t² / mean|y| on the series it fitted.
    static func criterion(_ model: ThetaModel, _ y: [Double]) -> Double {
        let scale = y.reduce(0) { $0 + abs($1) } / Double(y.count)
        return model.mse * Double(y.count - 3) / scale
    }

    /// With statsforecast's parameters, the recursion reproduces its criterion and forecasts.
    @Test(arguments: series)
    func recursionMatchesStatsforecast(id: String) throws {
        let ref = try M3Reference.load("theta", id)
        let adjustment = SeasonalAdjustment.detect(ref.y, period: ref.period)
        let adjusted = adjustment.adjust(ref.y)
        for variant in ThetaModel.Variant.allCases {
            let expected = try #require(ref.models[variant.rawValue])
            #expect(adjustment.kind.rawValue == expected.decomposition)
            let p = try #require(expected.parameters)
            let model = ThetaModel(
                adjusted, variant: variant, initialLevel: try #require(p["l0"]),
                alpha: try #require(p["alpha"]), theta: try #require(p["theta"]))
            let c = Self.criterion(model, adjusted)
            let mse = try #require(expected.mse)
            #expect(abs(c - mse) <= 1e-8 * mse, "\(id) \(variant) criterion \(c) vs \(mse)")
            let mean = adjustment.reseasonalize(model.forecast(horizon: ref.horizon).mean, startingAt: ref.y.count)
            #expect(isClose(mean, expected.mean, relative: 1e-8), "\(id) \(variant) forecast")
        }
    }

    /// Our own estimates give statsforecast's forecasts (relative 1e-3) and parameters, and a
    /// criterion at least as low, wherever the parameters are identified. (When α sits at its
    /// upper bound 0.99, ℓ₀ is forgotten within a few steps and both optimisers let it drift to
    /// ±1e8 without changing the forecasts; θ above 100 is equally flat.)
    @Test(arguments: series)
    func estimatesMatchStatsforecast(id: String) throws {
        let ref = try M3Reference.load("theta", id)
        let adjustment = SeasonalAdjustment.detect(ref.y, period: ref.period)
        let adjusted = adjustment.adjust(ref.y)
        for variant in ThetaModel.Variant.allCases {
            let expected = try #require(ref.models[variant.rawValue])
            let p = try #require(expected.parameters)
            let f = try Theta(variant: variant).forecast(ref.y, period: ref.period, horizon: ref.horizon, levels: [95])
            #expect(isClose(f.mean, expected.mean, relative: 1e-3), "\(id) \(variant) forecast")
            #expect(f.model.name == "Theta(\(variant.rawValue))")
            let alpha = try #require(f.model.parameters["alpha"])
            let theta = try #require(f.model.parameters["theta"])
            let l0 = try #require(f.model.parameters["l0"])
            #expect(abs(alpha - p["alpha"]!) < 2e-3, "\(id) \(variant) alpha \(alpha)")
            if p["theta"]! < 100 {
                #expect(abs(theta - p["theta"]!) <= 0.02 * p["theta"]!, "\(id) \(variant) theta \(theta)")
            }
            if abs(p["l0"]!) < 1e6 {
                let model = try ThetaModel.fit(adjusted, variant: variant)
                #expect(Self.criterion(model, adjusted) <= expected.mse! * (1 + 1e-6), "\(id) \(variant) criterion")
                #expect(model.initialLevel == l0)
            }
        }
    }

    /// The h-step standard errors are σ·√(Σ_j ψ²_{k,j}); ψ found here by running the forecast
    /// recursion with and without a unit shock (the model is linear in the observations).
    @Test(arguments: ThetaModel.Variant.allCases)
    func standardErrorsMatchShockedForecasts(variant: ThetaModel.Variant) throws {
        let ref = try M3Reference.load("theta", "N1500")
        let model = try ThetaModel.fit(ref.y, variant: variant)
        let h = 10
        func path(shockAt j: Int?) -> [Double] {
            var state = ThetaModel.State(
                level: model.level, meanY: model.meanY, a: model.intercept,
                b: model.slope, variant: variant, alpha: model.alpha, theta: model.theta)
            return (0..<h).map { k in
                let mu = state.nextMean(at: model.count + k)
                let y = mu + (k == j ? 1 : 0)
                state.update(with: y, at: model.count + k)
                return y
            }
        }
        let base = path(shockAt: nil)
        var variance = [Double](repeating: 0, count: h)
        for j in 0..<h {
            let shocked = path(shockAt: j)
            for k in 0..<h { variance[k] += pow(shocked[k] - base[k], 2) }
        }
        let se = model.forecast(horizon: h).standardErrors
        for k in 0..<h {
            #expect(abs(se[k] - model.sigma * variance[k].squareRoot()) <= 1e-6 * se[k])
        }
        if !variant.isDynamic {
            // Static models are SES with drift: σ√(1 + (h−1)α²) (Hyndman & Billah 2003).
            for k in 0..<h {
                let expected = model.sigma * (1 + Double(k) * model.alpha * model.alpha).squareRoot()
                #expect(abs(se[k] - expected) <= 1e-9 * expected)
            }
        }
    }

    @Test func registryNamesTheFamily() throws {
        #expect(try ForecasterRegistry.forecaster(named: "theta").name == "theta")
        for name in ["stm", "otm", "dotm"] {
            #expect(try ForecasterRegistry.forecaster(named: name).name == name)
        }
        let f = try ForecasterRegistry.forecaster(named: "theta")
            .forecast((1...20).map { Double($0) + sin(Double($0)) }, period: 1, horizon: 3, levels: [80])
        #expect(f.model.name == "Theta(dotm)" && f.model.family == "theta")
    }

    @Test func degenerateSeriesNeverCrash() throws {
        let theta = Theta()
        // Constant and all-zero series: the value, zero-width intervals.
        for c in [0.0, 7.5, -3] {
            let f = try theta.forecast([Double](repeating: c, count: 30), period: 12, horizon: 4, levels: [95])
            #expect(f.mean == [c, c, c, c])
            #expect(f.interval(level: 95)?.upper == [c, c, c, c])
        }
        // Too short for the estimator: a clear error.
        #expect(throws: ForecastingError.self) { try theta.forecast([1, 2, 3], period: 1, horizon: 2, levels: []) }
        // Too short for the season: fitted without seasonal adjustment.
        let short = try theta.forecast([5, 6, 8, 7, 9, 10, 12, 11, 13, 14], period: 12, horizon: 12, levels: [95])
        #expect(short.model.notes.isEmpty && short.mean.allSatisfy { $0.isFinite })
        // Seasonal with negative values: additive adjustment.
        let y = (0..<48).map { t -> Double in [-5.0, 1, 6, -2][t % 4] + 0.05 * Double(t) }
        let negative = try theta.forecast(y, period: 4, horizon: 8, levels: [95])
        #expect(negative.model.notes.first?.hasPrefix("additive") == true)
        #expect(negative.mean.allSatisfy { $0.isFinite })
        #expect(negative.mean[2] > negative.mean[0] && negative.mean[2] > negative.mean[3])
        // Huge and tiny magnitudes.
        for scale in [1e-12, 1e12] {
            let f = try theta.forecast(
                (0..<20).map { scale * (10 + Double($0 % 3)) }, period: 1, horizon: 2, levels: [95])
            #expect(f.mean.allSatisfy { $0.isFinite && $0 > 0 })
        }
        // Bad arguments.
        #expect(throws: ForecastingError.self) {
            try theta.forecast([1, 2, .nan, 4, 5], period: 1, horizon: 2, levels: [])
        }
        #expect(throws: ForecastingError.self) {
            try theta.forecast([1, 2, 3, 4, 5], period: 1, horizon: 0, levels: [])
        }
    }
}

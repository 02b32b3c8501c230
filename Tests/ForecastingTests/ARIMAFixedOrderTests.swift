import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// SARIMA at a fixed order against statsforecast's `Arima` (CSS-ML) on M3 series.
@Suite struct ARIMAFixedOrderTests {
    static let reference = try? ARIMAReference.load()
    static var ids: [String] { reference?.fixed.map(\.id) ?? [] }

    func fixture(_ id: String) throws -> (ARIMAReference, ARIMAReference.Fixed, ARIMAReference.Series) {
        let ref = try #require(Self.reference)
        let f = try #require(ref.fixed.first { $0.id == id })
        let s = try #require(ref.series[id])
        return (ref, f, s)
    }

    /// The exact log-likelihood at given coefficients. statsforecast starts the differenced
    /// states from a diffuse prior (κ = 1e6) where muavu differences first; the two agree to
    /// about 1e-7 relative.
    @Test(arguments: ids)
    func logLikelihoodAtGivenParameters(_ id: String) throws {
        let (ref, f, s) = try fixture(id)
        let fit = try SARIMA(ref.specification(f)).evaluate(s.values, period: s.period, coefficients: f.at_params.coef)
        #expect(relativelyClose(fit.loglik, f.at_params.loglik, 1e-6), "\(fit.loglik) vs \(f.at_params.loglik)")
    }

    /// Forecasts and 95% bounds at statsforecast's coefficients.
    @Test(arguments: ids)
    func forecastsAtGivenParameters(_ id: String) throws {
        let (ref, f, s) = try fixture(id)
        let fit = try SARIMA(ref.specification(f)).evaluate(s.values, period: s.period, coefficients: f.at_params.coef)
        let fc = try fit.forecast(horizon: f.mean.count, levels: [95])
        let band = try #require(fc.interval(level: 95))
        for h in 0..<f.mean.count {
            #expect(relativelyClose(fc.mean[h], f.mean[h], 1e-5), "h=\(h + 1): \(fc.mean[h]) vs \(f.mean[h])")
            #expect(relativelyClose(band.upper[h], f.upper95[h], 1e-4), "upper h=\(h + 1)")
            #expect(relativelyClose(band.lower[h], f.lower95[h], 1e-4), "lower h=\(h + 1)")
        }
    }

    /// The optimiser reaches a likelihood at least as high as statsforecast's (statsforecast's
    /// unscaled BFGS stops early on some series, so its optimum is a lower bound).
    @Test(arguments: ids)
    func optimisedLikelihoodIsAtLeastTheReference(_ id: String) throws {
        let (ref, f, s) = try fixture(id)
        let fit = try SARIMA(ref.specification(f)).fit(s.values, period: s.period)
        #expect(fit.loglik >= f.loglik - 1e-6 * abs(f.loglik), "\(fit.loglik) vs \(f.loglik)")
        #expect(fit.name.hasPrefix(ref.specification(f).order.description))
    }

    /// On the well-conditioned stationary cases, coefficients, AICc, σ² and forecasts agree.
    @Test(arguments: ["N0700", "N1402"])
    func optimisedCoefficientsMatch(_ id: String) throws {
        let (ref, f, s) = try fixture(id)
        let fit = try SARIMA(ref.specification(f)).fit(s.values, period: s.period)
        for (name, value) in f.coef {
            let mine = try #require(fit.coefficients[name], "missing \(name)")
            if name == "intercept" || name == "drift" {
                #expect(relativelyClose(mine, value, 1e-4), "\(name): \(mine) vs \(value)")
            } else {
                #expect(abs(mine - value) < 2e-3, "\(name): \(mine) vs \(value)")
            }
        }
        #expect(relativelyClose(fit.aicc, f.aicc, 1e-6))
        #expect(relativelyClose(fit.sigma2, f.sigma2, 1e-3))
        let fc = try fit.forecast(horizon: f.mean.count, levels: [95])
        for h in 0..<f.mean.count {
            #expect(relativelyClose(fc.mean[h], f.mean[h], 1e-4))
            #expect(relativelyClose(fc.intervals[0].upper[h], f.upper95[h], 1e-3))
        }
    }

    @Test func summaryNamesAndCriteria() throws {
        let (ref, f, s) = try fixture("N1500")
        let fit = try SARIMA(ref.specification(f)).fit(s.values, period: s.period)
        let summary = fit.summary
        #expect(summary.name == "ARIMA(0,1,1)(0,1,1)[12]")
        #expect(summary.family == "arima")
        #expect(Set(summary.parameters.keys) == ["ma1", "sma1"])
        #expect(Set(summary.criteria.keys) == ["loglik", "aic", "aicc", "bic", "sigma2"])
        let (ref2, f2, s2) = try fixture("N0001")
        #expect(try SARIMA(ref2.specification(f2)).fit(s2.values, period: s2.period).name == "ARIMA(1,1,0) with drift")
    }

    @Test func parsesOrders() throws {
        let spec = try SARIMA.Specification(parsing: "0,1,1,0,1,1", period: 12)
        #expect(spec.order.description == "ARIMA(0,1,1)(0,1,1)[12]")
        #expect(throws: ForecastingError.self) { try SARIMA.Specification(parsing: "1,x,0", period: 1) }
    }
}

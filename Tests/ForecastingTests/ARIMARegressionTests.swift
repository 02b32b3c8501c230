import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Regression with ARIMA errors against statsforecast `Arima(..., xreg=X)` with harmonic
/// regressors cos/sin(2πt/12) on M3 monthly series.
@Suite struct ARIMARegressionTests {
    static let reference = try? ARIMAReference.load()

    func model(_ r: ARIMAReference.Regression, n: Int) -> SARIMA {
        SARIMA(
            .init(
                order: .init(p: r.order[0], d: r.order[1], q: r.order[2], period: 12),
                includeConstant: r.constant),
            regressors: Array(r.regressors.prefix(n)))
    }

    @Test(arguments: reference?.xreg.map(\.id) ?? [])
    func likelihoodAndForecastsAtGivenCoefficients(_ id: String) throws {
        let ref = try #require(Self.reference)
        let r = try #require(ref.xreg.first { $0.id == id })
        let y = try #require(ref.series[id]).values
        let fit = try model(r, n: y.count).evaluate(y, period: 12, coefficients: r.at_params.coef)
        #expect(relativelyClose(fit.loglik, r.at_params.loglik, 1e-6), "\(fit.loglik) vs \(r.at_params.loglik)")
        let future = Array(r.regressors.suffix(r.mean.count))
        let fc = try fit.forecast(horizon: future.count, levels: [95], futureRegressors: future)
        for h in 0..<r.mean.count {
            #expect(relativelyClose(fc.mean[h], r.mean[h], 1e-5), "h=\(h + 1): \(fc.mean[h]) vs \(r.mean[h])")
            #expect(relativelyClose(fc.intervals[0].upper[h], r.upper95[h], 1e-4))
        }
    }

    @Test(arguments: reference?.xreg.map(\.id) ?? [])
    func fittedLikelihood(_ id: String) throws {
        let ref = try #require(Self.reference)
        let r = try #require(ref.xreg.first { $0.id == id })
        let y = try #require(ref.series[id]).values
        let fit = try model(r, n: y.count).fit(y, period: 12)
        // statsforecast's optimiser stops short on N1402 (its regression coefficients differ by
        // about 2%), so its optimum is a lower bound for the likelihood.
        #expect(fit.loglik >= r.loglik - 1e-6 * abs(r.loglik), "\(fit.loglik) vs \(r.loglik)")
        #expect(Set(fit.coefficients.keys).isSuperset(of: ["xreg1", "xreg2"]))
    }

    @Test func missingFutureRegressorsThrow() throws {
        let y = (1...40).map { Double($0 % 7) + 0.1 * Double($0) }
        let x = (1...40).map { [cos(Double($0))] }
        let sarima = SARIMA(.init(order: .init(p: 1, d: 0, q: 0)), regressors: x)
        #expect(throws: ForecastingError.self) { try sarima.forecast(y, period: 1, horizon: 3, levels: [95]) }
        let fit = try sarima.fit(y, period: 1)
        #expect(throws: ForecastingError.self) { try fit.forecast(horizon: 3, levels: [95], futureRegressors: [[1]]) }
        #expect(throws: ForecastingError.self) { try SARIMA(regressors: [[1]]).fit(y, period: 1) }
    }
}

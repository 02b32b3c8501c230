import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Regression with ARIMA errors on real data: the Đồng Tháp wholesale rice price (WFP) on the
/// Viet Nam 5% export price one month earlier (World Bank), against statsmodels SARIMAX by exact
/// maximum likelihood (Fixtures/covariates/reference.json from
/// scripts/fixtures/dynamic_regression_dong_thap.py; its docstring gives the conventions).
@Suite struct DynamicRegressionTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var order: [Int]
            var params: [String: Double]
            var nobs: Int
            var sigma2: Double
            var loglik: Double
            var aicc: Double
            var mean: [Double]
            var lower95: [Double]
            var upper95: [Double]
        }
        var y: [Double]
        var x: [Double]
        var x_future: [Double]
        var cases: [String: Case]

        static func load() throws -> Reference {
            let url = try #require(
                Bundle.module.url(
                    forResource: "reference", withExtension: "json",
                    subdirectory: "Fixtures/covariates"))
            return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        }
    }

    /// muavu's coefficient names and the statsmodels names of the same coefficients: the constant
    /// column is statsmodels' `x1` (mean or drift), the export price `x2`; with the mean, the
    /// statsmodels exog columns are [1, x] and named const, x1.
    static let names: [String: [(String, String)]] = [
        "ar1_mean": [("ar1", "ar.L1"), ("intercept", "const"), ("xreg1", "x1")],
        "ma1_drift": [("ma1", "ma.L1"), ("drift", "x1"), ("xreg1", "x2")],
    ]

    func model(_ c: Reference.Case, _ ref: Reference) -> SARIMA {
        SARIMA(
            .init(order: .init(p: c.order[0], d: c.order[1], q: c.order[2], period: 12), includeConstant: true),
            regressors: ref.x.map { [$0] })
    }

    @Test(arguments: ["ar1_mean", "ma1_drift"])
    func likelihoodAtStatsmodelsCoefficients(_ name: String) throws {
        let ref = try Reference.load()
        let c = try #require(ref.cases[name])
        // R's order: ARMA terms, then the mean or drift, then the regressors.
        let coefficients = try #require(Self.names[name]).map { try #require(c.params[$0.1]) }
        let fit = try model(c, ref).evaluate(ref.y, period: 12, coefficients: coefficients)
        #expect(relativelyClose(fit.loglik, c.loglik, 1e-8), "\(fit.loglik) vs \(c.loglik)")
        let fc = try fit.forecast(horizon: c.mean.count, levels: [95], futureRegressors: ref.x_future.map { [$0] })
        for h in c.mean.indices {
            #expect(relativelyClose(fc.mean[h], c.mean[h], 1e-8), "h=\(h + 1): \(fc.mean[h]) vs \(c.mean[h])")
        }
    }

    @Test(arguments: ["ar1_mean", "ma1_drift"])
    func fitMatchesStatsmodels(_ name: String) throws {
        let ref = try Reference.load()
        let c = try #require(ref.cases[name])
        let future = ref.x_future.map { [$0] }
        let fit = try model(c, ref).fit(ref.y, period: 12)
        #expect(fit.nobs == c.nobs)
        #expect(relativelyClose(fit.loglik, c.loglik, 1e-6), "\(fit.loglik) vs \(c.loglik)")
        #expect(relativelyClose(fit.aicc, c.aicc, 1e-6), "\(fit.aicc) vs \(c.aicc)")
        #expect(relativelyClose(fit.sigma2, c.sigma2, 1e-3), "\(fit.sigma2) vs \(c.sigma2)")
        for (mine, theirs) in try #require(Self.names[name]) {
            let a = try #require(fit.coefficients[mine])
            let b = try #require(c.params[theirs])
            #expect(relativelyClose(a, b, 1e-3), "\(mine): \(a) vs \(b)")
        }
        let fc = try fit.forecast(horizon: c.mean.count, levels: [95], futureRegressors: future)
        for h in c.mean.indices {
            #expect(relativelyClose(fc.mean[h], c.mean[h], 1e-4), "h=\(h + 1): \(fc.mean[h]) vs \(c.mean[h])")
            #expect(relativelyClose(fc.intervals[0].lower[h], c.lower95[h], 1e-4))
            #expect(relativelyClose(fc.intervals[0].upper[h], c.upper95[h], 1e-4))
        }
    }

    /// `AutoARIMA` with regressors: the chosen model carries them, its differences were tested on
    /// the regression residuals, and its forecast needs the future values.
    @Test func automaticOrdersWithRegressors() throws {
        let ref = try Reference.load()
        let auto = AutoARIMA(regressors: ref.x.map { [$0] })
        let fit = try auto.fit(ref.y, period: 12)
        #expect(fit.regression.count == 1)
        #expect(fit.notes.contains { $0.contains("residuals of the regression") })
        let fc = try auto.forecast(ref.y, period: 12, futureRegressors: ref.x_future.map { [$0] }, levels: [95])
        #expect(fc.mean.count == ref.x_future.count)
        #expect(throws: ForecastingError.self) { try auto.forecast(ref.y, period: 12, horizon: 3, levels: [95]) }
        #expect(throws: ForecastingError.self) {
            try auto.forecast(ref.y, period: 12, futureRegressors: [[.nan]], levels: [95])
        }
    }
}

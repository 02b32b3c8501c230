import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Regression on the rice farms data against statsmodels (Fixtures/regression/ricefarms.json,
/// scripts/fixtures/regression_ricefarms.py).
@Suite struct RegressionTests {
    struct Model: Decodable {
        var formula: String
        var terms: [String]?
        var estimates: [Double]
        var std_errors: [Double]?
        var t: [Double]?
        var p: [Double]?
        var r_squared: Double?
        var adj_r_squared: Double?
        var sigma: Double?
        var f_statistic: Double?
        var f_p: Double?
        var log_likelihood: Double?
        var aic_r: Double?
        var bic_r: Double?
        var durbin_watson: Double?
        var df_residual: Double?
        var lambda: Double?
        var leverage_first5: [Double]?
        var predictions: Predictions?
    }
    struct Predictions: Decodable {
        var new: [String: [Double]]
        var mean: [Double]
        var se_mean: [Double]
        var ci95: [[Double]]
        var pi95: [[Double]]
        var ci80: [[Double]]
        var pi80: [[Double]]
    }
    struct Reference: Decodable {
        var n: Int
        var models: [String: Model]
    }

    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("regression")

    static func reference() throws -> Reference {
        try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: fixtures.appendingPathComponent("ricefarms.json")))
    }

    static func data() throws -> [String: [Double]] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("ricefarms.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let header = lines.removeFirst()
        var columns: [String: [Double]] = [:]
        for (j, name) in header.enumerated() { columns[name] = lines.map { Double($0[j])! } }
        return columns
    }

    /// |a − b| ≤ tol·|b| (or ≤ tol when b is 0).
    static func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool {
        abs(a - b) <= tol * max(abs(b), b == 0 ? 1 : 0)
    }

    static func check(_ fit: RegressionFit, against m: Model) {
        #expect(fit.coefficients.map(\.term) == m.terms)
        for (j, c) in fit.coefficients.enumerated() {
            #expect(close(c.estimate, m.estimates[j]), "\(c.term) estimate \(c.estimate) vs \(m.estimates[j])")
            #expect(close(c.standardError, m.std_errors![j]), "\(c.term) se \(c.standardError) vs \(m.std_errors![j])")
            #expect(close(c.t, m.t![j]), "\(c.term) t")
            #expect(close(c.p, m.p![j], 1e-8), "\(c.term) p \(c.p) vs \(m.p![j])")
        }
        #expect(close(fit.rSquared, m.r_squared!))
        #expect(close(fit.adjustedRSquared, m.adj_r_squared!))
        #expect(close(fit.sigma, m.sigma!))
        #expect(close(fit.fTest!.value, m.f_statistic!))
        if m.f_p! == 0 { #expect(fit.fTest!.p < 1e-300) } else { #expect(close(fit.fTest!.p, m.f_p!, 1e-8)) }
        #expect(close(fit.logLikelihood, m.log_likelihood!))
        #expect(close(fit.aic, m.aic_r!))
        #expect(close(fit.bic, m.bic_r!))
        #expect(close(fit.durbinWatson, m.durbin_watson!))
        #expect(fit.dfResidual == m.df_residual!)
    }

    @Test func cobbDouglasMatchesStatsmodels() throws {
        let m = try #require(try Self.reference().models["cobb_douglas"])
        let fit = try LinearRegression.fit(RegressionFormula(m.formula), columns: Self.data())
        Self.check(fit, against: m)
        for (i, h) in m.leverage_first5!.enumerated() { #expect(Self.close(fit.leverages[i], h)) }
    }

    @Test func noInterceptUsesTheUncentredRSquared() throws {
        let m = try #require(try Self.reference().models["no_intercept"])
        let fit = try LinearRegression.fit(RegressionFormula(m.formula), columns: Self.data())
        #expect(!fit.formula.hasIntercept)
        Self.check(fit, against: m)
    }

    @Test func quadraticTerm() throws {
        let m = try #require(try Self.reference().models["quadratic"])
        Self.check(try LinearRegression.fit(RegressionFormula(m.formula), columns: Self.data()), against: m)
    }

    @Test func weightedLeastSquares() throws {
        let m = try #require(try Self.reference().models["weighted"])
        let data = try Self.data()
        let fit = try LinearRegression.fit(
            RegressionFormula(m.formula), columns: data,
            options: .init(weights: data["size"]!.map { 1 / $0 }))
        Self.check(fit, against: m)
    }

    @Test func ridgeMatchesThePenalisedNormalEquations() throws {
        let m = try #require(try Self.reference().models["ridge"])
        let fit = try LinearRegression.fit(
            RegressionFormula(m.formula), columns: Self.data(),
            options: .init(ridge: m.lambda))
        for (j, c) in fit.coefficients.enumerated() {
            #expect(Self.close(c.estimate, m.estimates[j], 1e-9), "\(c.term): \(c.estimate) vs \(m.estimates[j])")
        }
        #expect(fit.effectiveParameters < 5 && fit.effectiveParameters > 1)
        #expect(fit.fTest == nil)
    }

    @Test func predictionIntervalsMatchStatsmodels() throws {
        let m = try #require(try Self.reference().models["cobb_douglas"])
        let p = try #require(m.predictions)
        let fit = try LinearRegression.fit(RegressionFormula(m.formula), columns: Self.data())
        let predictions = try fit.predict(p.new, levels: [80, 95])
        for (i, q) in predictions.enumerated() {
            #expect(Self.close(q.mean, p.mean[i]))
            #expect(Self.close(q.standardError, p.se_mean[i]))
            #expect(
                Self.close(q.confidence[95]!.lower, p.ci95[i][0]) && Self.close(q.confidence[95]!.upper, p.ci95[i][1]))
            #expect(
                Self.close(q.prediction[95]!.lower, p.pi95[i][0]) && Self.close(q.prediction[95]!.upper, p.pi95[i][1]))
            #expect(
                Self.close(q.confidence[80]!.lower, p.ci80[i][0]) && Self.close(q.confidence[80]!.upper, p.ci80[i][1]))
            #expect(
                Self.close(q.prediction[80]!.lower, p.pi80[i][0]) && Self.close(q.prediction[80]!.upper, p.pi80[i][1]))
        }
    }

    @Test func collinearTermsAreNamed() throws {
        let x1: [Double] = [1, 2, 3, 4, 5, 6]
        let x2: [Double] = [2, 1, 4, 3, 6, 5]
        let columns = ["y": [1.0, 3, 2, 5, 4, 6], "x1": x1, "x2": x2, "x3": zip(x1, x2).map { 2 * $0 - $1 }]
        #expect {
            try LinearRegression.fit(RegressionFormula("y ~ x1 + x2 + x3"), columns: columns)
        } throws: { error in
            guard let e = error as? ForecastingError, e.code == .rankDeficient else { return false }
            return e.message.contains("collinear") && e.message.contains("x1") && e.message.contains("x2")
                && e.message.contains("x3") && e.message.contains("rank 3 of 4")
        }
    }

    @Test func tooFewRowsIsReported() {
        #expect {
            try LinearRegression.fit(RegressionFormula("y ~ x"), columns: ["y": [1, 2], "x": [3, 4]])
        } throws: { ($0 as? ForecastingError)?.code == .tooShort }
    }

    @Test func completeCasesDropsRowsWithMissingUsedColumns() {
        let table: [String: [Double?]] = ["y": [1, nil, 3, 4], "x": [1, 2, nil, 4], "z": [nil, nil, nil, nil]]
        let cc = CompleteCases(table, using: ["y", "x"])
        #expect(cc.kept == [0, 3])
        #expect(cc.dropped == 2)
        #expect(cc.columns["x"] == [1, 4])
    }
}

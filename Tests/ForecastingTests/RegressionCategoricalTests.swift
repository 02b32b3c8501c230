import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Categorical terms and interactions against statsmodels' formula OLS on GSO paddy yields of
/// seven Mekong provinces, 2004–2016 (Fixtures/regression/mekong_yield.json,
/// scripts/fixtures/regression_categorical_statsmodels.py), and the coding rules of patsy.
@Suite struct RegressionCategoricalTests {
    struct Model: Decodable {
        var formula: String
        var terms: [String]
        var estimates: [Double]
        var std_errors: [Double]
        var t: [Double]
        var p: [Double]
        var r_squared: Double
        var adj_r_squared: Double
        var sigma: Double
        var df_residual: Double
        var n: Int
        var exact_estimates: [Double]
        var exact_std_errors: [Double]
        var max_relative_difference_to_exact: Double
    }
    struct Reference: Decodable { var models: [String: Model] }

    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("regression")

    static func reference() throws -> Reference {
        try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: fixtures.appendingPathComponent("mekong_yield.json")))
    }

    /// The table's numeric columns and its province column (no cell is quoted or missing).
    static func data() throws -> (columns: [String: [Double]], categories: [String: [String]]) {
        let text = try String(contentsOf: fixtures.appendingPathComponent("mekong_yield.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let header = lines.removeFirst()
        var columns: [String: [Double]] = [:]
        for (j, name) in header.enumerated() where name != "province" { columns[name] = lines.map { Double($0[j])! } }
        return (columns, ["province": lines.map { $0[header.firstIndex(of: "province")!] }])
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), b == 0 ? 1 : 0) }

    static let models = ["fixed_effects", "interaction", "reference", "no_intercept", "slopes", "numeric"]

    /// Estimates and standard errors within 1e-10 of statsmodels' — widened only by how far
    /// statsmodels itself is from the exact least-squares solution (the fixture measures it: 1.2e-10
    /// for the interaction model on raw years, below 2e-12 elsewhere) — and within 1e-10 of the
    /// exact solution; names, t, p, R², σ and the degrees of freedom as statsmodels gives them.
    @Test(arguments: models)
    func matchesStatsmodels(_ key: String) throws {
        let m = try #require(try Self.reference().models[key])
        let (columns, categories) = try Self.data()
        let fit = try LinearRegression.fit(RegressionFormula(m.formula), columns: columns, categories: categories)
        #expect(fit.coefficients.map(\.term) == m.terms)
        #expect(fit.n == m.n && fit.dfResidual == m.df_residual)
        let tolerance = 1e-10 + m.max_relative_difference_to_exact
        for (j, c) in fit.coefficients.enumerated() {
            #expect(
                Self.relative(c.estimate, m.estimates[j]) <= tolerance, "\(c.term) \(c.estimate) vs \(m.estimates[j])")
            #expect(Self.relative(c.standardError, m.std_errors[j]) <= tolerance, "\(c.term) se")
            #expect(Self.relative(c.estimate, m.exact_estimates[j]) <= 1e-10, "\(c.term) vs the exact solution")
            #expect(Self.relative(c.standardError, m.exact_std_errors[j]) <= 1e-10, "\(c.term) se vs exact")
            #expect(Self.relative(c.t, m.t[j]) <= tolerance, "\(c.term) t")
            #expect(Self.relative(c.p, m.p[j]) <= 1e-8, "\(c.term) p \(c.p) vs \(m.p[j])")
        }
        #expect(Self.relative(fit.rSquared, m.r_squared) <= 1e-10)
        #expect(Self.relative(fit.adjustedRSquared, m.adj_r_squared) <= 1e-10)
        #expect(Self.relative(fit.sigma, m.sigma) <= 1e-10)
    }

    /// Long An as the reference: the other provinces' effects are their contrasts with Long An, the
    /// shared trend is unchanged, and An Giang (the default reference) gets a coefficient.
    @Test func referenceLevelChoice() throws {
        let (columns, categories) = try Self.data()
        let byFirst = try LinearRegression.fit(
            RegressionFormula("yield ~ C(province) + year"), columns: columns, categories: categories)
        let byLongAn = try LinearRegression.fit(
            RegressionFormula("yield ~ C(province, Treatment(reference=\"Long An\")) + year"), columns: columns,
            categories: categories)
        func coefficient(_ fit: RegressionFit, _ term: String) -> Double {
            fit.coefficients.first { $0.term == term }!.estimate
        }
        let label = "C(province, Treatment(reference=\"Long An\"))"
        #expect(!byLongAn.coefficients.contains { $0.term == "\(label)[T.Long An]" })
        let anGiang = coefficient(byLongAn, "\(label)[T.An Giang]")
        #expect(Self.relative(anGiang, -coefficient(byFirst, "C(province)[T.Long An]")) < 1e-9)
        #expect(Self.relative(coefficient(byLongAn, "year"), coefficient(byFirst, "year")) < 1e-10)
        let single = try RegressionFormula("y ~ C(g, Treatment('b'))")
        #expect(try FormulaDesign(single, levels: ["g": ["a", "b", "c"]]).columnNames
            == ["(Intercept)", "C(g, Treatment('b'))[T.a]", "C(g, Treatment('b'))[T.c]"])
    }

    /// Column names and order as statsmodels 0.15 / patsy 1.0.3 give them (printed from
    /// `smf.ols(f, data).fit().params.index` on a table with g ∈ {a, b, c}, h ∈ {u, v}).
    @Test(arguments: [
        ("y ~ C(g):C(h)", [
            "C(h)[T.v]", "C(g)[T.b]:C(h)[u]", "C(g)[T.c]:C(h)[u]", "C(g)[T.b]:C(h)[v]", "C(g)[T.c]:C(h)[v]",
        ]),
        ("y ~ C(g)*C(h)", ["C(g)[T.b]", "C(g)[T.c]", "C(h)[T.v]", "C(g)[T.b]:C(h)[T.v]", "C(g)[T.c]:C(h)[T.v]"]),
        ("y ~ x:z + x", ["x:z", "x"]),
        ("y ~ z + C(g):x + C(h)", ["C(h)[T.v]", "z", "C(g)[a]:x", "C(g)[b]:x", "C(g)[c]:x"]),
        ("y ~ x*z*C(h)", ["C(h)[T.v]", "x", "x:C(h)[T.v]", "z", "z:C(h)[T.v]", "x:z", "x:z:C(h)[T.v]"]),
        ("y ~ C(h):C(g):x + x", [
            "x", "C(g)[T.b]:x", "C(g)[T.c]:x", "C(h)[T.v]:C(g)[a]:x", "C(h)[T.v]:C(g)[b]:x", "C(h)[T.v]:C(g)[c]:x",
        ]),
        ("y ~ x:z + z:x + x*z - x", ["x:z", "z"]),
    ])
    func columnNamesAsPatsy(_ text: String, _ names: [String]) throws {
        let design = try FormulaDesign(RegressionFormula(text), levels: ["g": ["a", "b", "c"], "h": ["u", "v"]])
        #expect(design.columnNames == ["(Intercept)"] + names)
    }

    @Test func noInterceptCodesEveryLevel() throws {
        let design = try FormulaDesign(RegressionFormula("y ~ C(g):x - 1"), levels: ["g": ["a", "b", "c"]])
        #expect(design.columnNames == ["C(g)[a]:x", "C(g)[b]:x", "C(g)[c]:x"])
        let x = try design.columns(["x": [1, 2, 3, 4]], categories: ["g": ["b", "a", "c", "b"]], rows: 4)
        #expect(x == [[0, 2, 0, 0], [1, 0, 0, 4], [0, 0, 3, 0]])
    }

    @Test func levelsSortAsPythonAndNumbersByValue() {
        let provinces = FormulaDesign.levels(["Long An", "An Giang", "Ben Tre", "An Giang"])
        #expect(provinces == ["An Giang", "Ben Tre", "Long An"])
        #expect(FormulaDesign.levels(["Đồng Tháp", "Ca Mau", "an"]) == ["Ca Mau", "an", "Đồng Tháp"])
        #expect(FormulaDesign.levels(["10", "9", "2004"]) == ["9", "10", "2004"])
    }

    /// Malformed formulas are refused with the position and what was expected.
    @Test(arguments: [
        ("y ~ C(", "expected a column name in C(col), found the end", 7),
        ("y ~ C()", "expected a column name in C(col), found ')'", 7),
        ("y ~ a::b", "expected a term after ':', found ':'", 7),
        ("y ~ a**2", "found '*' (a power is written I(col^k))", 7),
        ("y ~ a:", "expected a term after ':', found the end", 7),
        ("y ~ C(g, Sum)", "only treatment coding is supported", 10),
        ("y ~ C(g, Treatment(reference=b))", "expected a level name in quotes", 30),
        ("y ~ C(g, Treatment(level=\"b\"))", "expected reference=\"level\"", 20),
        ("y ~ C(g, Treatment(\"b))", "unclosed quote", 20),
        ("y ~ C(g", "expected ')' to close C(", 8),
        ("C(y) ~ x", "the response must be numeric", 1),
    ])
    func malformedFormulas(_ text: String, _ message: String, _ position: Int) {
        #expect {
            try RegressionFormula(text)
        } throws: { error in
            guard let e = error as? ForecastingError, e.code == .badFormula else { return false }
            return e.message.contains(message) && e.message.contains("at position \(position):")
        }
    }

    @Test func referenceLevelNotInTheDataIsNamed() throws {
        let formula = try RegressionFormula("y ~ C(g, Treatment(reference=\"nope\"))")
        #expect {
            try LinearRegression.fit(formula, columns: ["y": [1, 2, 3, 4]], categories: ["g": ["a", "b", "a", "b"]])
        } throws: { error in
            guard let e = error as? ForecastingError, e.code == .badFormula else { return false }
            return e.message.contains("'nope'") && e.message.contains("column 'g'") && e.message.contains("a, b")
        }
    }

    /// A level with no fitted row, and a second factor coding the same groups, are rank-deficient
    /// designs: refused as every rank-deficient design is, naming the columns, never a crash.
    @Test func rankDeficientDesignsAreRefused() throws {
        let y: [Double] = [1, 2, 3, 4, 5, 7]
        let g = ["a", "b", "a", "b", "a", "b"]
        let empty = try FormulaDesign(RegressionFormula("y ~ C(g)"), levels: ["g": ["a", "b", "c"]])
        #expect {
            try LinearRegression.fit(empty, columns: ["y": y], categories: ["g": g])
        } throws: { error in
            guard let e = error as? ForecastingError, e.code == .rankDeficient else { return false }
            return e.message.contains("C(g)[T.c]")
        }
        #expect {
            try LinearRegression.fit(
                RegressionFormula("y ~ C(g) + C(h)"), columns: ["y": y],
                categories: ["g": g, "h": g.map { $0 == "a" ? "u" : "v" }])
        } throws: { error in
            guard let e = error as? ForecastingError, e.code == .rankDeficient else { return false }
            return e.message.contains("C(g)[T.b]") && e.message.contains("C(h)[T.v]")
        }
    }

    /// A fitted level predicts; a new level is refused.
    @Test func predictsAtFittedLevels() throws {
        let (columns, categories) = try Self.data()
        let fit = try LinearRegression.fit(
            RegressionFormula("yield ~ C(province) * year"), columns: columns, categories: categories)
        let p = try fit.predict(["year": [2016]], categories: ["province": ["Long An"]])
        let i = try #require(zip(categories["province"]!, columns["year"]!).enumerated().first {
            $0.element == ("Long An", 2016)
        }?.offset)
        #expect(Self.relative(p[0].mean, fit.fitted[i]) < 1e-10)
        #expect(throws: ForecastingError.self) {
            try fit.predict(["year": [2016]], categories: ["province": ["Ca Mau"]])
        }
    }
}

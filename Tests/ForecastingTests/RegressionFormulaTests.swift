import Testing
import TimeSeriesCore

@testable import Forecasting

@Suite struct RegressionFormulaTests {
    @Test func parsesTheContractExample() throws {
        let f = try RegressionFormula("y ~ x1 + x2 + I(x1^2)")
        #expect(f.termNames == ["(Intercept)", "x1", "x2", "I(x1^2)"])
        #expect(f.columnsUsed == ["y", "x1", "x2"])
        #expect(f.terms[2].variable?.transform == .power(2))
    }

    @Test func polyExpandsToRawPowers() throws {
        let f = try RegressionFormula("y~poly(x,3)-1")
        #expect(!f.hasIntercept)
        #expect(f.termNames == ["poly(x, 3)1", "poly(x, 3)2", "poly(x, 3)3"])
        #expect(f.terms.map { $0.variable?.transform } == [.identity, .power(2), .power(3)])
    }

    @Test(arguments: ["y ~ x + 0", "y ~ 0 + x", "y ~ -1 + x", "y ~ x - 1"])
    func interceptRemoval(_ text: String) throws {
        #expect(try !RegressionFormula(text).hasIntercept)
    }

    @Test func logsBacktickedNamesAndDuplicates() throws {
        let f = try RegressionFormula("log(y) ~ log(`farm size`) + x + x + z - z")
        #expect(f.response.name == "log(y)")
        #expect(f.termNames == ["(Intercept)", "log(`farm size`)", "x"])
        #expect(f.columnsUsed == ["y", "farm size", "x"])
    }

    @Test(arguments: [
        ("y ~ x +", 8), ("y x", 3), ("~ x", 1), ("y ~ x ++ z", 8), ("y ~ I(x^)", 9),
        ("y ~ poly(x)", 11), ("y ~ sqrt(x)", 5), ("y ~ x / z", 7), ("y ~ 2", 5),
    ])
    func errorsCarryThePosition(_ text: String, _ position: Int) {
        #expect {
            try RegressionFormula(text)
        } throws: { error in
            guard let e = error as? ForecastingError, e.code == .badFormula else { return false }
            return e.message.contains("at position \(position):")
        }
    }

    /// A degree or power past what an Int holds is named as too large, where it starts (issue 12 §4:
    /// it used to say "expected a whole number, found ')'").
    @Test(arguments: ["y ~ poly(x, 99999999999999999999)", "y ~ I(x^9223372036854775808)"])
    func hugeNumbersAreTooLargeNotMissing(_ text: String) {
        #expect {
            try RegressionFormula(text)
        } throws: { error in
            guard let e = error as? ForecastingError, e.code == .badFormula else { return false }
            return e.message.contains("is too large") && !e.message.contains("found ')'")
                && e.message.contains("at position \(text.contains("poly") ? 13 : 9):")
        }
    }

    @Test func emptyAndDegenerateFormulas() {
        #expect(throws: ForecastingError.self) { try RegressionFormula("") }
        #expect(throws: ForecastingError.self) { try RegressionFormula("y ~ y") }
        #expect(throws: ForecastingError.self) { try RegressionFormula("y ~ -1") }
    }
}

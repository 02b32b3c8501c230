import PropertyBased
import Testing

@testable import Forecasting

/// Properties of the formula parser on formulas built at random from known pieces: the terms and
/// the columns read are the ones put in, whatever the spacing, and an intercept is present unless
/// `- 1` is written.
@Suite("Regression formula properties")
struct RegressionFormulaPropertyTests {
    /// One term: (kind, column index, power); kind 0 = the column, 1 = I(col^k), 2 = poly(col, k).
    static let term = zip(Gen.int(in: 0...2), Gen.int(in: 0...5), Gen.int(in: 2...4))

    @Test func builtFormulasParseToTheirTerms() async {
        await propertyCheck(count: 400, input: Self.term.array(of: 1...5), Gen.bool, Gen.int(in: 0...2)) {
            terms, intercept, spacing in
            let columns = ["x", "z", "oni", "gia_lua", "area2", "w"]
            let space = [" ", "", "  "][spacing]
            var seen = Set<String>()
            var pieces: [String] = []
            var expected: [String] = []
            for (kind, c, k) in terms {
                let col = columns[c]
                let text: String
                let names: [String]
                switch kind {
                case 0:
                    text = col
                    names = [col]
                case 1:
                    text = "I(\(col)^\(k))"
                    names = ["I(\(col)^\(k))"]
                default:
                    text = "poly(\(col),\(space)\(k))"
                    names = (1...k).map { "poly(\(col), \(k))\($0)" }
                }
                // A term written twice is one term; keep the first.
                guard seen.insert(text).inserted else { continue }
                pieces.append(text)
                expected += names
            }
            let formula =
                "y\(space)~\(space)" + pieces.joined(separator: "\(space)+\(space)")
                + (intercept ? "" : "\(space)-\(space)1")
            guard let parsed = try? RegressionFormula(formula) else {
                Issue.record("\(formula) did not parse")
                return
            }
            #expect(parsed.hasIntercept == intercept, "\(formula)")
            #expect(parsed.termNames == (intercept ? ["(Intercept)"] : []) + expected, "\(formula)")
            #expect(Set(parsed.columnsUsed) == Set(["y"] + terms.map { columns[$0.1] }), "\(formula)")
        }
    }

    @Test func truncatedFormulasAreRefusedNotCrashed() async {
        let full = "y ~ x + I(z^2) + poly(oni, 3) - 1"
        await propertyCheck(count: 200, input: Gen.int(in: 0...full.count)) { cut in
            let text = String(full.prefix(cut))
            if let parsed = try? RegressionFormula(text) {
                #expect(!parsed.response.column.isEmpty)
            }
        }
    }
}

import Foundation
import TimeSeriesCore

/// A model formula in the Wilkinson–Rogers notation used by R's `lm` (Chambers & Hastie,
/// *Statistical Models in S*, 1992, ch. 2), restricted to what muavu needs:
///
///     y ~ x1 + x2 + I(x1^2) + poly(x, 3) + log(z) - 1
///
/// - a column name (letters, digits, `_` and `.`, not starting with a digit; any other name in
///   backquotes: `` `yield (t/ha)` ``);
/// - `I(col^k)`: the k-th power of a column, k a positive integer;
/// - `poly(col, k)`: the raw powers col¹ … colᵏ (as R's `poly(col, k, raw = TRUE)`), one term
///   each, named `poly(col, k)1` … `poly(col, k)k` — not R's default orthogonal polynomials;
/// - `log(col)`: the natural logarithm (the response may also be `log(col)`);
/// - `- 1` or `+ 0` removes the intercept, `+ 1` keeps it; `- term` removes a term.
///
/// Terms that repeat are kept once. Parse errors are `ForecastingError(.badFormula, …)` with
/// the 1-based character position.
public struct RegressionFormula: Sendable, Equatable {
    /// How a term is computed from its column.
    public enum Transform: Sendable, Equatable {
        case identity
        case power(Int)
        case log
    }

    /// One column of the design matrix (or the response).
    public struct Term: Sendable, Equatable {
        /// The name shown in results: `x`, `I(x^2)`, `poly(x, 3)2`, `log(x)`.
        public var name: String
        /// The data column it reads.
        public var column: String
        public var transform: Transform

        /// The term's values from its column's values.
        public func evaluate(_ values: [Double]) throws -> [Double] {
            switch transform {
            case .identity:
                return values
            case .power(let k):
                return values.map { pow($0, Double(k)) }
            case .log:
                if let (i, v) = values.enumerated().first(where: { !($0.element > 0) }) {
                    throw ForecastingError(
                        .outOfDomain,
                        "\(name) needs positive values; data row \(i + 1) of the fitted rows has \(v)")
                }
                return values.map { Foundation.log($0) }
            }
        }
    }

    /// The formula as written.
    public var text: String
    public var response: Term
    /// The design's terms in order, without the intercept.
    public var terms: [Term]
    public var hasIntercept: Bool

    /// The names of the design's columns: `(Intercept)` first when present.
    public var termNames: [String] { (hasIntercept ? ["(Intercept)"] : []) + terms.map(\.name) }

    /// Every data column the formula reads, response first, without repetition.
    public var columnsUsed: [String] {
        var seen = Set<String>()
        return ([response.column] + terms.map(\.column)).filter { seen.insert($0).inserted }
    }

    public init(_ text: String) throws {
        var parser = FormulaParser(text)
        self = try parser.parseFormula()
    }

    init(text: String, response: Term, terms: [Term], hasIntercept: Bool) {
        (self.text, self.response, self.terms, self.hasIntercept) = (text, response, terms, hasIntercept)
    }

    /// The design matrix columns (intercept first) for `columns`, all of equal length n.
    public func designColumns(_ columns: [String: [Double]], rows n: Int) throws -> [[Double]] {
        var out: [[Double]] = hasIntercept ? [Array(repeating: 1, count: n)] : []
        for term in terms {
            guard let values = columns[term.column] else {
                throw ForecastingError(.badFormula, "no column '\(term.column)' for term \(term.name)")
            }
            out.append(try term.evaluate(values))
        }
        return out
    }
}

/// A recursive-descent parser over the formula's characters.
struct FormulaParser {
    let characters: [Character]
    let text: String
    var index = 0

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    func fail(_ message: String, at position: Int? = nil) -> ForecastingError {
        let p = (position ?? index) + 1
        return ForecastingError(.badFormula, "in formula \"\(text)\" at position \(p): \(message)")
    }

    mutating func skipSpaces() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    mutating func peek() -> Character? {
        skipSpaces()
        return index < characters.count ? characters[index] : nil
    }

    mutating func expect(_ c: Character, _ what: String) throws {
        guard peek() == c else {
            throw fail("expected \(what)" + (peek().map { ", found '\($0)'" } ?? ", found the end"))
        }
        index += 1
    }

    static func isNameStart(_ c: Character) -> Bool { c.isLetter || c == "_" || c == "." }
    static func isNameContinue(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." }

    mutating func name() throws -> String {
        guard let c = peek() else { throw fail("expected a column name, found the end") }
        if c == "`" {
            let start = index
            index += 1
            var s = ""
            while index < characters.count, characters[index] != "`" {
                s.append(characters[index])
                index += 1
            }
            guard index < characters.count else { throw fail("unclosed backquote", at: start) }
            index += 1
            guard !s.isEmpty else { throw fail("empty backquoted name", at: start) }
            return s
        }
        guard Self.isNameStart(c) else { throw fail("expected a column name, found '\(c)'") }
        var s = ""
        while index < characters.count, Self.isNameContinue(characters[index]) {
            s.append(characters[index])
            index += 1
        }
        return s
    }

    mutating func integer() throws -> Int {
        _ = peek()
        let start = index
        var s = ""
        while index < characters.count, characters[index].isASCII, characters[index].isNumber {
            s.append(characters[index])
            index += 1
        }
        guard !s.isEmpty else {
            throw fail(
                "expected a whole number" + (peek().map { ", found '\($0)'" } ?? ", found the end"),
                at: start)
        }
        // Digits beyond what an Int holds are a number too large, not a missing one; every power
        // and degree is at most 30, so the value is only needed up to that.
        guard let v = Int(s) else {
            throw fail(
                "the whole number \(s.count > 24 ? String(s.prefix(20)) + "…" : s) is too large (at most 30 here)",
                at: start)
        }
        return v
    }

    static func display(_ column: String) -> String {
        column.allSatisfy(isNameContinue) && column.first.map(isNameStart) == true ? column : "`\(column)`"
    }

    /// A response or a term: name, log(name), I(name^k), poly(name, k). `allowPoly` is false
    /// for the response.
    mutating func term(allowPoly: Bool) throws -> [RegressionFormula.Term] {
        let start = index
        let word = try name()
        if peek() == "(" && !word.isEmpty {
            index += 1
            switch word {
            case "log":
                let column = try name()
                try expect(")", "')' after log(\(column)")
                return [.init(name: "log(\(Self.display(column)))", column: column, transform: .log)]
            case "I" where allowPoly:
                let (column, k) = try columnAndPower(
                    "I", separator: "^", missing: { "'^' in I(\($0)^k)" },
                    outOfRange: { "the power in I(\($0)^\($1)) must be 1 to 30" })
                return [
                    .init(
                        name: "I(\(Self.display(column))^\(k))", column: column,
                        transform: k == 1 ? .identity : .power(k))
                ]
            case "poly" where allowPoly:
                let (column, k) = try columnAndPower(
                    "poly", separator: ",", missing: { "',' and a degree in poly(\($0), k)" },
                    outOfRange: { "the degree of poly(\($0), \($1)) must be 1 to 30" })
                let label = "poly(\(Self.display(column)), \(k))"
                return (1...k).map {
                    .init(
                        name: "\(label)\($0)", column: column,
                        transform: $0 == 1 ? .identity : .power($0))
                }
            default:
                throw fail(
                    "unknown function '\(word)(': use a column, I(col^k), poly(col, k) or log(col)",
                    at: start)
            }
        }
        return [.init(name: Self.display(word), column: word, transform: .identity)]
    }

    /// The arguments of I(col^k) and poly(col, k) after the function's `(`: the column, the
    /// `separator`, a whole number k from 1 to 30, and `)`; the messages say what was missing
    /// (given the column) or out of range (given the column and k).
    mutating func columnAndPower(
        _ function: String, separator: Character, missing: (String) -> String,
        outOfRange: (String, Int) -> String
    ) throws -> (column: String, k: Int) {
        let column = try name()
        try expect(separator, missing(column))
        let k = try integer()
        guard k >= 1 && k <= 30 else { throw fail(outOfRange(column, k)) }
        try expect(")", "')' to close \(function)(")
        return (column, k)
    }

    mutating func parseFormula() throws -> RegressionFormula {
        guard peek() != nil else { throw fail("the formula is empty: expected 'response ~ terms'") }
        let response = try term(allowPoly: false)[0]
        try expect("~", "'~' after the response")
        var terms: [RegressionFormula.Term] = []
        var removed: [String] = []
        var intercept = true
        var sign: Character = "+"
        var first = true
        while true {
            guard let c = peek() else {
                if first { throw fail("expected at least one term after '~'") }
                throw fail("expected a term after '\(sign)'")
            }
            if c == "+" || c == "-" {
                if !first { throw fail("expected a term, found '\(c)'") }
                sign = c
                index += 1
                _ = peek()
            }
            if let d = peek(), d.isASCII, d.isNumber {
                let at = index
                let v = try integer()
                switch (v, sign) {
                case (0, "+"): intercept = false
                case (1, "-"): intercept = false
                case (0, _), (1, _): intercept = true
                default: throw fail("only 1 or 0 may stand alone as a term, found \(v)", at: at)
                }
            } else {
                let parsed = try term(allowPoly: true)
                if sign == "-" {
                    removed.append(contentsOf: parsed.map(\.name))
                } else {
                    for t in parsed where !terms.contains(where: { $0.name == t.name }) { terms.append(t) }
                }
            }
            first = false
            guard let next = peek() else { break }
            guard next == "+" || next == "-" else {
                throw fail("expected '+', '-' or the end, found '\(next)'")
            }
            sign = next
            index += 1
            first = false
            if peek() == nil { throw fail("expected a term after '\(sign)'") }
            if let d = peek(), d == "+" || d == "-" { throw fail("expected a term, found '\(d)'") }
        }
        terms.removeAll { removed.contains($0.name) }
        if terms.contains(where: { $0.column == response.column && $0.transform == response.transform }) {
            throw ForecastingError(
                .badFormula, "in formula \"\(text)\": the response \(response.name) also appears as a term")
        }
        if terms.isEmpty && !intercept {
            throw ForecastingError(.badFormula, "in formula \"\(text)\": the model has no terms and no intercept")
        }
        return RegressionFormula(text: text, response: response, terms: terms, hasIntercept: intercept)
    }
}

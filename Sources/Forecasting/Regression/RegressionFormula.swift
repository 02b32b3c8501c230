import Foundation
import TimeSeriesCore

/// A model formula in the Wilkinson–Rogers notation used by R's `lm` (Chambers & Hastie,
/// *Statistical Models in S*, 1992, ch. 2) and Python's patsy, restricted to what muavu needs:
///
///     y ~ x1 + x2 + I(x1^2) + poly(x, 3) + log(z) + C(province) * year - 1
///
/// - a column name (letters, digits, `_` and `.`, not starting with a digit; any other name in
///   backquotes: `` `yield (t/ha)` ``);
/// - `I(col^k)`: the k-th power of a column, k a positive integer;
/// - `poly(col, k)`: the raw powers col¹ … colᵏ (as R's `poly(col, k, raw = TRUE)`), one term
///   each, named `poly(col, k)1` … `poly(col, k)k` — not R's default orthogonal polynomials;
/// - `log(col)`: the natural logarithm (the response may also be `log(col)`);
/// - `C(col)`: a categorical column (its values are text), coded with treatment (dummy) contrasts
///   against its first level in sorted order; `C(col, Treatment(reference="X"))` (or
///   `Treatment("X")`, quotes `"` or `'`) takes level X as the reference — patsy's syntax;
/// - `a:b`: the interaction (product) of terms, `a*b` = `a + b + a:b`; `:` binds tighter than
///   `*`, which binds tighter than `+` and `-`;
/// - `- 1` or `+ 0` removes the intercept, `+ 1` keeps it; `- term` removes a term.
///
/// Terms that repeat (`a:b` and `b:a` are one term) are kept once. As patsy does
/// (`patsy.build._make_subterm_infos`), the terms are ordered by the set of numeric factors they
/// hold — terms without numeric factors first, then each set in the order it first appears — and
/// within a set by the number of factors; `FormulaDesign` codes them. Parse errors are
/// `ForecastingError(.badFormula, …)` with the 1-based character position.
public struct RegressionFormula: Sendable, Equatable {
    /// How a numeric variable is computed from its column.
    public enum Transform: Sendable, Equatable {
        case identity
        case power(Int)
        case log
    }

    /// A numeric variable: one design column from one data column (or the response).
    public struct Variable: Sendable, Equatable {
        /// The name shown in results: `x`, `I(x^2)`, `poly(x, 3)2`, `log(x)`.
        public var name: String
        /// The data column it reads.
        public var column: String
        public var transform: Transform

        /// The variable's values from its column's values.
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

    /// A categorical variable, `C(col)` or `C(col, Treatment(reference="X"))`.
    public struct Categorical: Sendable, Equatable {
        /// The factor as patsy names it, e.g. `C(province)`, `C(province, Treatment(reference="Long An"))`.
        public var name: String
        public var column: String
        /// The reference level; nil for the first level in sorted order.
        public var reference: String?
    }

    /// One factor of a term.
    public enum Factor: Sendable, Equatable {
        case numeric(Variable)
        case categorical(Categorical)

        public var name: String {
            switch self {
            case .numeric(let v): v.name
            case .categorical(let c): c.name
            }
        }

        public var column: String {
            switch self {
            case .numeric(let v): v.column
            case .categorical(let c): c.column
            }
        }

        public var isCategorical: Bool {
            if case .categorical = self { true } else { false }
        }
    }

    /// A term of the model: the product of its factors (one factor for a main effect).
    public struct Term: Sendable, Equatable {
        public var factors: [Factor]
        /// The factors' names joined by `:`, as patsy names the term: `year`, `C(province):year`.
        public var name: String { factors.map(\.name).joined(separator: ":") }

        /// The one numeric variable of a main effect; nil for a categorical term or an interaction.
        public var variable: Variable? {
            if factors.count == 1, case .numeric(let v) = factors[0] { v } else { nil }
        }

        var factorNames: Set<String> { Set(factors.map(\.name)) }
    }

    /// The formula as written.
    public var text: String
    public var response: Variable
    /// The model's terms in patsy's order, without the intercept.
    public var terms: [Term]
    public var hasIntercept: Bool

    /// The names of the terms: `(Intercept)` first when present. They are the names of the design's
    /// columns when no term is categorical; a categorical term stands for the columns that
    /// `FormulaDesign` codes from the data's levels.
    public var termNames: [String] { (hasIntercept ? ["(Intercept)"] : []) + terms.map(\.name) }

    /// Every data column the formula reads, response first, without repetition.
    public var columnsUsed: [String] {
        var seen = Set<String>()
        return ([response.column] + terms.flatMap { $0.factors.map(\.column) }).filter { seen.insert($0).inserted }
    }

    /// The columns read as numbers (the response's and the numeric factors'), without repetition.
    public var numericColumns: [String] {
        var seen = Set<String>()
        let factors = terms.flatMap(\.factors).filter { !$0.isCategorical }
        return ([response.column] + factors.map(\.column)).filter { seen.insert($0).inserted }
    }

    /// The columns read as text levels (those of `C(col)`), without repetition.
    public var categoricalColumns: [String] {
        var seen = Set<String>()
        return terms.flatMap(\.factors).filter(\.isCategorical).map(\.column).filter { seen.insert($0).inserted }
    }

    public init(_ text: String) throws {
        var parser = FormulaParser(text)
        self = try parser.parseFormula()
    }

    init(text: String, response: Variable, terms: [Term], hasIntercept: Bool) {
        (self.text, self.response, self.terms, self.hasIntercept) = (text, response, terms, hasIntercept)
    }

    /// The terms in patsy's order: grouped by the set of numeric factors they hold, the group
    /// without numeric factors first and the others in order of first appearance; within a group,
    /// by the number of factors (a stable sort).
    static func patsyOrder(_ terms: [Term]) -> [Term] {
        var groups: [Set<String>] = []
        var members: [Set<String>: [Term]] = [:]
        for term in terms {
            let key = Set(term.factors.filter { !$0.isCategorical }.map(\.name))
            if members[key] == nil { groups.append(key) }
            members[key, default: []].append(term)
        }
        if let i = groups.firstIndex(of: []) { groups.insert(groups.remove(at: i), at: 0) }
        return groups.flatMap { key in
            members[key]!.enumerated()
                .sorted { ($0.element.factors.count, $0.offset) < ($1.element.factors.count, $1.offset) }
                .map(\.element)
        }
    }
}

/// A recursive-descent parser over the formula's characters.
struct FormulaParser {
    typealias Factor = RegressionFormula.Factor
    typealias Term = RegressionFormula.Term

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

    /// ", found 'c'" or ", found the end", for messages.
    mutating func found() -> String { peek().map { ", found '\($0)'" } ?? ", found the end" }

    mutating func expect(_ c: Character, _ what: String) throws {
        guard peek() == c else { throw fail("expected \(what)" + found()) }
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
        guard !s.isEmpty else { throw fail("expected a whole number" + found(), at: start) }
        // Digits beyond what an Int holds are a number too large, not a missing one; every power
        // and degree is at most 30, so the value is only needed up to that.
        guard let v = Int(s) else {
            throw fail(
                "the whole number \(s.count > 24 ? String(s.prefix(20)) + "…" : s) is too large (at most 30 here)",
                at: start)
        }
        return v
    }

    /// A level name in quotes, `"…"` or `'…'` (no escapes), and the quote used.
    mutating func quoted() throws -> (text: String, quote: Character) {
        guard let q = peek(), q == "\"" || q == "'" else {
            throw fail("expected a level name in quotes, e.g. reference=\"An Giang\"" + found())
        }
        let start = index
        index += 1
        var s = ""
        while index < characters.count, characters[index] != q {
            s.append(characters[index])
            index += 1
        }
        guard index < characters.count else { throw fail("unclosed quote", at: start) }
        index += 1
        guard !s.isEmpty else { throw fail("empty level name", at: start) }
        return (s, q)
    }

    static func display(_ column: String) -> String {
        column.allSatisfy(isNameContinue) && column.first.map(isNameStart) == true ? column : "`\(column)`"
    }

    /// One factor, or for poly(col, k) the k alternatives that make one term each: name, log(name),
    /// I(name^k), poly(name, k), C(name[, Treatment(…)]). The response takes only a name or log(name).
    mutating func atom(response: Bool) throws -> [Factor] {
        let start = index
        let word = try name()
        if peek() == "(" && !word.isEmpty {
            index += 1
            switch word {
            case "log":
                let column = try name()
                try expect(")", "')' after log(\(column)")
                return [.numeric(.init(name: "log(\(Self.display(column)))", column: column, transform: .log))]
            case "I" where !response:
                let (column, k) = try columnAndPower(
                    "I", separator: "^", missing: { "'^' in I(\($0)^k)" },
                    outOfRange: { "the power in I(\($0)^\($1)) must be 1 to 30" })
                return [
                    .numeric(
                        .init(
                            name: "I(\(Self.display(column))^\(k))", column: column,
                            transform: k == 1 ? .identity : .power(k)))
                ]
            case "poly" where !response:
                let (column, k) = try columnAndPower(
                    "poly", separator: ",", missing: { "',' and a degree in poly(\($0), k)" },
                    outOfRange: { "the degree of poly(\($0), \($1)) must be 1 to 30" })
                let label = "poly(\(Self.display(column)), \(k))"
                return (1...k).map {
                    .numeric(.init(name: "\(label)\($0)", column: column, transform: $0 == 1 ? .identity : .power($0)))
                }
            case "C" where !response:
                return [.categorical(try categorical())]
            case "C":
                throw fail("the response must be numeric: C(…) is a categorical term", at: start)
            default:
                throw fail(
                    "unknown function '\(word)(': use a column, I(col^k), poly(col, k), log(col) or C(col)",
                    at: start)
            }
        }
        return [.numeric(.init(name: Self.display(word), column: word, transform: .identity))]
    }

    /// The arguments of C(…) after its `(`: a column, then optionally `, Treatment(reference="X")`,
    /// `, Treatment("X")` or `, Treatment`; the factor is named as patsy names it (spaces as patsy
    /// writes them, the quotes as written).
    mutating func categorical() throws -> RegressionFormula.Categorical {
        guard let c = peek(), c != ")" && c != "," else {
            throw fail("expected a column name in C(col)" + found())
        }
        let column = try name()
        var label = "C(\(Self.display(column))"
        var reference: String? = nil
        if peek() == "," {
            index += 1
            _ = peek()
            let at = index
            guard let c = peek(), Self.isNameStart(c) else {
                throw fail("expected Treatment(reference=\"level\") after ',' in C(\(column), …)" + found())
            }
            let contrast = try name()
            guard contrast == "Treatment" else {
                throw fail(
                    "only treatment coding is supported: C(col) or C(col, Treatment(reference=\"level\")), "
                        + "found '\(contrast)'", at: at)
            }
            label += ", Treatment"
            if peek() == "(" {
                index += 1
                if peek() == ")" {
                    label += "()"
                } else {
                    var keyword = ""
                    if let c = peek(), Self.isNameStart(c) {
                        let at = index
                        let word = try name()
                        guard word == "reference" else {
                            throw fail("expected reference=\"level\" in Treatment(…), found '\(word)'", at: at)
                        }
                        try expect("=", "'=' after reference")
                        keyword = "reference="
                    }
                    let (level, quote) = try quoted()
                    reference = level
                    label += "(\(keyword)\(quote)\(level)\(quote))"
                }
                try expect(")", "')' to close Treatment(")
            }
        }
        try expect(")", "')' to close C(")
        return .init(name: label + ")", column: column, reference: reference)
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

    /// The product of two terms: the factors of `a`, then those of `b` that `a` lacks.
    static func interact(_ a: Term, _ b: Term) -> Term {
        let names = a.factorNames
        return Term(factors: a.factors + b.factors.filter { !names.contains($0.name) })
    }

    /// `terms` without repetition (the same set of factors), the first kept.
    static func unique(_ terms: [Term]) -> [Term] {
        var seen: [Set<String>] = []
        return terms.filter { t in
            guard !seen.contains(t.factorNames) else { return false }
            seen.append(t.factorNames)
            return true
        }
    }

    /// After `:` or `*`: refuses the end and a doubled operator before reading the next operand.
    mutating func operand(after op: Character) throws {
        guard let c = peek() else { throw fail("expected a term after '\(op)', found the end") }
        if c == ":" || c == "*" || c == "+" || c == "-" {
            let hint = op == "*" && c == "*" ? " (a power is written I(col^k))" : ""
            throw fail("expected a term after '\(op)', found '\(c)'\(hint)")
        }
    }

    /// atom (':' atom)*: the products of every alternative of each atom, left to right.
    mutating func interaction() throws -> [Term] {
        var terms = try atom(response: false).map { Term(factors: [$0]) }
        while peek() == ":" {
            index += 1
            try operand(after: ":")
            let right = try atom(response: false).map { Term(factors: [$0]) }
            terms = Self.unique(terms.flatMap { l in right.map { Self.interact(l, $0) } })
        }
        return terms
    }

    /// interaction ('*' interaction)*, where a*b = a + b + a:b (left to right, as patsy).
    mutating func product() throws -> [Term] {
        var terms = try interaction()
        while peek() == "*" {
            index += 1
            try operand(after: "*")
            let right = try interaction()
            terms = Self.unique(terms + right + terms.flatMap { l in right.map { Self.interact(l, $0) } })
        }
        return terms
    }

    mutating func parseFormula() throws -> RegressionFormula {
        guard peek() != nil else { throw fail("the formula is empty: expected 'response ~ terms'") }
        guard case .numeric(let response) = try atom(response: true)[0] else {
            throw fail("the response must be numeric", at: 0)
        }
        try expect("~", "'~' after the response")
        var terms: [Term] = []
        var removed: [Set<String>] = []
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
                let parsed = try product()
                if sign == "-" {
                    removed.append(contentsOf: parsed.map(\.factorNames))
                } else {
                    terms = Self.unique(terms + parsed)
                }
            }
            first = false
            guard let next = peek() else { break }
            guard next == "+" || next == "-" else {
                throw fail("expected '+', '-', ':', '*' or the end, found '\(next)'")
            }
            sign = next
            index += 1
            if peek() == nil { throw fail("expected a term after '\(sign)'") }
            if let d = peek(), d == "+" || d == "-" { throw fail("expected a term, found '\(d)'") }
        }
        terms.removeAll { removed.contains($0.factorNames) }
        let isResponse = { (v: RegressionFormula.Variable) in
            v.column == response.column && v.transform == response.transform
        }
        if terms.contains(where: { $0.variable.map(isResponse) ?? false }) {
            throw ForecastingError(
                .badFormula, "in formula \"\(text)\": the response \(response.name) also appears as a term")
        }
        if terms.isEmpty && !intercept {
            throw ForecastingError(.badFormula, "in formula \"\(text)\": the model has no terms and no intercept")
        }
        return RegressionFormula(
            text: text, response: response, terms: RegressionFormula.patsyOrder(terms), hasIntercept: intercept)
    }
}

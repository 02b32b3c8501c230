import Foundation
import TimeSeriesCore

/// The design matrix of a `RegressionFormula` over data: its numeric terms evaluated, and its
/// categorical terms coded with treatment (dummy) contrasts as patsy codes them (Smith, patsy
/// 1.0, `patsy.redundancy.pick_contrasts_for_term`, after R's `model.matrix`).
///
/// A categorical factor is coded with k − 1 indicator columns (`C(g)[T.level]`, one per level but
/// the reference) where a lower-order term already spans its contrast with the intercept, and with
/// k columns (`C(g)[level]`) where nothing does: `y ~ C(g) - 1` codes every level, and so does
/// `y ~ C(g):x` without `x`. Within each group of terms with the same numeric factors, every term
/// is split into the subsets of its categorical factors not yet used, and a subset one factor
/// larger than another absorbs it by coding that factor in full. The columns of an interaction
/// are the products of its factors' columns, the leftmost factor varying fastest, named by
/// joining their names with `:` (`C(province)[T.Long An]:year`). The names equal statsmodels'
/// `params.index` (with `(Intercept)` for `Intercept`).
///
/// A level of the data with no fitted row (its rows dropped for a missing value elsewhere) gives
/// a zero column, as in patsy, which the fit refuses as rank-deficient.
public struct FormulaDesign: Sendable, Equatable {
    /// How one factor of a term enters one of its subterms.
    enum Coding: Sendable, Equatable {
        case numeric
        case omitted
        /// Every level (no reference).
        case full
        /// Every level but the reference.
        case reduced
    }

    public var formula: RegressionFormula
    /// Whether the columns span the constant: an intercept, or (without one) a categorical
    /// subterm coded in full for every factor, such as `C(g)` in `y ~ C(g) - 1`, whose indicators
    /// sum to 1 — statsmodels' implicit constant, which makes R² centred (R would not).
    public var spansIntercept: Bool {
        formula.hasIntercept
            || zip(formula.terms, codings).contains { term, subterms in
                !term.factors.contains { !$0.isCategorical }
                    && subterms.contains { coding in coding.contains(.full) && !coding.contains(.reduced) }
            }
    }

    /// The sorted levels of each categorical column.
    public var levels: [String: [String]]
    /// The design's column names, `(Intercept)` first when present.
    public var columnNames: [String]
    /// For each term, its subterms: for each factor of the term, how that subterm codes it.
    var codings: [[[Coding]]]

    /// The design of `formula` with the levels of each categorical column taken from `categories`
    /// (every value given, as patsy takes them from every row before dropping incomplete ones).
    public init(_ formula: RegressionFormula, categories: [String: [String]]) throws {
        var levels: [String: [String]] = [:]
        for column in formula.categoricalColumns {
            guard let values = categories[column] else {
                throw ForecastingError(.badFormula, "no text column '\(column)' for C(\(column))")
            }
            levels[column] = Self.levels(values)
        }
        try self.init(formula, levels: levels)
    }

    /// The design of `formula` given the levels of each categorical column.
    public init(_ formula: RegressionFormula, levels: [String: [String]]) throws {
        for factor in formula.terms.flatMap(\.factors) {
            guard case .categorical(let c) = factor else { continue }
            guard let known = levels[c.column], !known.isEmpty else {
                throw ForecastingError(.badFormula, "\(c.name): column '\(c.column)' has no levels (no values)")
            }
            if let reference = c.reference, !known.contains(reference) {
                throw ForecastingError(
                    .badFormula,
                    "\(c.name): the reference level '\(reference)' is not a value of column '\(c.column)'; "
                        + "its levels are: \(known.joined(separator: ", "))")
            }
        }
        self.formula = formula
        self.levels = levels
        codings = Self.codings(formula)
        columnNames = []
        columnNames = (formula.hasIntercept ? ["(Intercept)"] : []) + Self.columnPieces(self).map(\.name)
    }

    /// The distinct values of a categorical column in sorted order: by number when every value is
    /// a number (as pandas reads a numeric column), otherwise by Unicode scalar values, as Python
    /// sorts strings.
    public static func levels(_ values: [String]) -> [String] {
        let distinct = Array(Set(values))
        let numbers = distinct.map { Double($0) }
        if numbers.allSatisfy({ $0 != nil }) {
            return zip(distinct, numbers).sorted { ($0.1!, $0.0) < ($1.1!, $1.0) }.map(\.0)
        }
        return distinct.sorted {
            $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value }
        }
    }

    /// The design's columns (intercept first) over `n` rows: numeric columns in `columns`, the
    /// text of categorical columns in `categories`. A value that is not one of the design's levels
    /// is refused.
    public func columns(_ columns: [String: [Double]], categories: [String: [String]], rows n: Int) throws
        -> [[Double]]
    {
        var indicators: [String: [Int]] = [:]
        for column in formula.categoricalColumns {
            guard let values = categories[column] else {
                throw ForecastingError(.badFormula, "no text column '\(column)' for C(\(column))")
            }
            let known = levels[column] ?? []
            let index = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1, $0) })
            indicators[column] = try values.enumerated().map { i, v in
                guard let k = index[v] else {
                    throw ForecastingError(
                        .outOfDomain,
                        "row \(i + 1) has '\(v)' in column '\(column)', not one of its levels "
                            + "(\(known.joined(separator: ", ")))")
                }
                return k
            }
        }
        var numeric: [String: [Double]] = [:]
        for factor in formula.terms.flatMap(\.factors) {
            guard case .numeric(let v) = factor, numeric[v.name] == nil else { continue }
            guard let values = columns[v.column] else {
                throw ForecastingError(.badFormula, "no column '\(v.column)' for term \(v.name)")
            }
            numeric[v.name] = try v.evaluate(values)
        }
        let pieces = Self.columnPieces(self)
        var out: [[Double]] = formula.hasIntercept ? [Array(repeating: 1, count: n)] : []
        for piece in pieces {
            var col = [Double](repeating: 1, count: n)
            for part in piece.parts {
                switch part {
                case .numeric(let name):
                    let v = numeric[name]!
                    for i in 0..<n { col[i] *= v[i] }
                case .level(let column, let k):
                    let v = indicators[column]!
                    for i in 0..<n where v[i] != k { col[i] = 0 }
                }
            }
            out.append(col)
        }
        return out
    }

    /// One factor's share of a design column: a numeric variable, or the indicator of a level.
    enum Part {
        case numeric(String)
        case level(column: String, index: Int)
    }

    /// Every design column after the intercept: its name and the factors multiplied into it.
    static func columnPieces(_ design: FormulaDesign) -> [(name: String, parts: [Part])] {
        var out: [(name: String, parts: [Part])] = []
        for (term, subterms) in zip(design.formula.terms, design.codings) {
            for coding in subterms {
                // Each included factor's columns, then their products, the leftmost fastest.
                var factorColumns: [[(name: String, part: Part)]] = []
                for (factor, how) in zip(term.factors, coding) {
                    switch (factor, how) {
                    case (.numeric(let v), _):
                        factorColumns.append([(v.name, .numeric(v.name))])
                    case (.categorical, .omitted), (_, .numeric), (_, .omitted):
                        continue
                    case (.categorical(let c), _):
                        let known = design.levels[c.column] ?? []
                        let reference = c.reference ?? known.first
                        factorColumns.append(
                            known.enumerated().compactMap { k, level in
                                if how == .full { return ("\(c.name)[\(level)]", .level(column: c.column, index: k)) }
                                if level == reference { return nil }
                                return ("\(c.name)[T.\(level)]", .level(column: c.column, index: k))
                            })
                    }
                }
                for combo in leftmostFastest(factorColumns) {
                    out.append((combo.map(\.name).joined(separator: ":"), combo.map(\.part)))
                }
            }
        }
        return out
    }

    /// The combinations of one column per factor, the leftmost factor varying fastest (as R and
    /// patsy's `_column_combinations`).
    static func leftmostFastest<T>(_ factors: [[T]]) -> [[T]] {
        var combos: [[T]] = [[]]
        for columns in factors.reversed() {
            combos = combos.flatMap { tail in columns.map { [$0] + tail } }
        }
        return combos
    }

    /// patsy's choice of full or reduced coding for each categorical factor of each term
    /// (`pick_contrasts_for_term` with `_simplify_subterms`), per group of terms sharing their
    /// numeric factors, the intercept counting as the empty subset of the group without numerics.
    static func codings(_ formula: RegressionFormula) -> [[[Coding]]] {
        var used: [Set<String>: Set<Set<String>>] = formula.hasIntercept ? [[]: [[]]] : [:]
        return formula.terms.map { term in
            let key = Set(term.factors.filter { !$0.isCategorical }.map(\.name))
            let categorical = term.factors.indices.filter { term.factors[$0].isCategorical }
            // Subsets of the categorical factors: shorter first, ties in the order of the factors.
            var subsets: [[Int]] = [[]]
            for i in categorical.reversed() { subsets = subsets + subsets.map { [i] + $0 } }
            subsets.sort { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
            var subterms: [Set<Expanded>] = []
            for subset in subsets {
                let names = Set(subset.map { term.factors[$0].name })
                if used[key, default: []].insert(names).inserted {
                    subterms.append(Set(subset.map { Expanded(factor: $0, includesIntercept: false) }))
                }
            }
            simplify(&subterms)
            return subterms.map { subterm in
                term.factors.indices.map { i in
                    if !term.factors[i].isCategorical { return .numeric }
                    if subterm.contains(Expanded(factor: i, includesIntercept: true)) { return .full }
                    if subterm.contains(Expanded(factor: i, includesIntercept: false)) { return .reduced }
                    return .omitted
                }
            }
        }
    }

    /// A categorical factor (by its index in the term) coded in full (`+`) or reduced (`−`).
    struct Expanded: Hashable {
        var factor: Int
        var includesIntercept: Bool
    }

    /// patsy's `_simplify_subterms`: while some subterm is another plus one reduced factor, the
    /// larger absorbs the smaller, that factor becoming full (a- + a-:b- → a-:b+ …), greedily from
    /// the left.
    static func simplify(_ subterms: inout [Set<Expanded>]) {
        var changed = true
        while changed {
            changed = false
            search: for s in subterms.indices {
                for l in subterms.indices where l > s {
                    let (short, long) = (subterms[s], subterms[l])
                    guard long.count - short.count == 1, long.isSuperset(of: short),
                        let extra = long.subtracting(short).first, !extra.includesIntercept
                    else { continue }
                    subterms[l] = short.union([Expanded(factor: extra.factor, includesIntercept: true)])
                    subterms.remove(at: s)
                    changed = true
                    break search
                }
            }
        }
    }
}

import AgriData
import ArgumentParser
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// `muavu regress --data FILE --formula F`: fits a linear regression and writes
/// `muavu.regression/v1`.
struct Regress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a linear regression (OLS, weighted, ridge) and write muavu.regression/v1.",
        discussion: """
            Formula terms: column names, I(col^k), poly(col, k) (raw powers 1..k, named poly(col, k)1 ...),
            log(col), C(col) (a text column, dummy-coded against its first level in sorted order, or
            C(col, Treatment(reference="X"))), interactions a:b and a*b (= a + b + a:b), and - 1 (no
            intercept); e.g. "log(goutput) ~ log(size) + poly(urea, 2)", "yield ~ C(province) * year".
            Coefficients are named as statsmodels names them: C(province)[T.Long An]:year.
            Rows where a used column is empty or NA are dropped and counted in the document.
            """)

    @Option(name: .long, help: "The CSV file (a header line, then one row per observation).")
    var data: String

    @Option(name: .long, help: "The model formula, e.g. \"y ~ x1 + x2 + I(x1^2)\".")
    var formula: String

    @Option(name: .long, help: "A column of positive case weights (weighted least squares).")
    var weights: String?

    @Option(name: .long, help: "Ridge penalty lambda >= 0 on the non-intercept coefficients.")
    var ridge: Double?

    @Option(name: .long, help: "A CSV file of new rows (the formula's predictor columns) to predict at.")
    var predict: String?

    @Option(name: .long, help: "Interval level for --predict, percent (repeatable; default 80 and 95).")
    var level: [Int] = []

    @Option(name: .long, help: "Write the document here (default: stdout; '-' is stdout).")
    var output: String?

    func validate() throws {
        for l in level { try checkOption(l, Limits.level, "--level") }
        if let ridge, !(ridge >= 0 && ridge.isFinite) {
            throw ValidationError("--ridge must be a finite number >= 0, got \(ridge)")
        }
    }

    func run() throws {
        try runReportingFailures {
            try AtomicFile.checkTarget(output, option: "--output", inputs: [data])
            let model: RegressionFormula
            do {
                model = try RegressionFormula(formula)
            } catch let error as ForecastingError {
                // The formula is an argument: a syntax error in it is bad usage (64), not bad data.
                printError("error: --formula: \(error.description)")
                throw ExitCode(64)
            }
            let table = try CSVTable(path: data)
            var needed = model.columnsUsed
            if let weights, !needed.contains(weights) { needed.append(weights) }
            for name in needed where !table.header.contains(name) {
                throw DataError(
                    .unknownColumn, file: data, line: 1,
                    "the \(name == weights ? "--weights option" : "formula") uses column '\(name)', "
                        + "which the file does not have; the columns are: \(table.header.joined(separator: ", "))")
            }
            var raw: [String: [Double?]] = [:]
            for name in model.numericColumns + (weights.map { [$0] } ?? []) {
                raw[name] = try table.numericColumn(name)
            }
            var text: [String: [String?]] = [:]
            for name in model.categoricalColumns { text[name] = try table.textColumn(name) }
            // The levels are every value of the column, also on rows dropped below (as patsy sniffs
            // them before dropping incomplete rows): a level left with no row is a zero column.
            let design = try Self.design(model, levels: text.mapValues { $0.compactMap { $0 } }, table: table)
            let cases = CompleteCases(raw, text: text, using: needed)
            guard !cases.kept.isEmpty else {
                throw DataError(
                    .missingValue, file: data,
                    "no row has a value in every column the model uses (\(needed.joined(separator: ", ")))")
            }
            // A weight that is not positive is bad data at its own line and column (the fit would
            // name only its position among the fitted rows).
            if let weights, let w = cases.columns[weights],
                let k = w.indices.first(where: { !(w[$0] > 0 && w[$0].isFinite) })
            {
                throw DataError(
                    .impossibleValue, file: data, line: table.rows[cases.kept[k]].line,
                    column: table.header.firstIndex(of: weights).map { $0 + 1 }, columnName: weights,
                    "weights must be positive and finite, found \(w[k])")
            }
            let fit = try LinearRegression.fit(
                design, columns: cases.columns, categories: cases.categories,
                options: RegressionOptions(
                    weights: weights.flatMap { cases.columns[$0] },
                    ridge: ridge))
            var document = RegressionDocument(
                fit: fit, data: URL(fileURLWithPath: data).lastPathComponent,
                rowsDropped: cases.dropped, weightsColumn: weights)
            if let predict {
                let levels = level.isEmpty ? [80, 95] : Array(Set(level)).sorted()
                let newRows = try CSVTable(path: predict)
                var columns: [String: [Double]] = [:]
                var categories: [String: [String]] = [:]
                for name in Set(model.terms.flatMap(\.factors).map(\.column)) {
                    guard newRows.header.contains(name) else {
                        throw DataError(
                            .unknownColumn, file: predict, line: 1,
                            "the formula uses column '\(name)', which the file does not have; "
                                + "the columns are: \(newRows.header.joined(separator: ", "))")
                    }
                    let column = newRows.header.firstIndex(of: name).map { $0 + 1 }
                    if model.categoricalColumns.contains(name) {
                        let values = try newRows.textColumn(name)
                        let known = design.levels[name] ?? []
                        if let i = values.firstIndex(where: { $0 == nil || !known.contains($0!) }) {
                            throw DataError(
                                values[i] == nil ? .missingValue : .impossibleValue, file: predict,
                                line: newRows.rows[i].line, column: column, columnName: name,
                                values[i] == nil
                                    ? "a value is needed to predict"
                                    : "'\(values[i]!)' is not a level of the fitted data; "
                                        + "the levels are: \(known.joined(separator: ", "))")
                        }
                        categories[name] = values.compactMap { $0 }
                    }
                    let numeric = model.terms.flatMap(\.factors).contains { !$0.isCategorical && $0.column == name }
                    guard numeric else { continue }
                    let values = try newRows.numericColumn(name)
                    if let i = values.firstIndex(where: { $0 == nil }) {
                        throw DataError(
                            .missingValue, file: predict, line: newRows.rows[i].line,
                            column: column, columnName: name, "a value is needed to predict")
                    }
                    columns[name] = values.compactMap { $0 }
                }
                let predictions = try fit.predict(
                    columns, categories: categories, rows: newRows.rows.count, levels: levels)
                document.predictions = zip(newRows.rows, predictions).map {
                    RegressionDocument.Prediction(line: $0.line, $1)
                }
                document.levels = levels
            }
            try AtomicFile.writeDocument(document, to: output)
        }
    }

    /// The formula's design over the levels found in the file; a reference level the column does
    /// not have is bad data, named with the file and the column.
    static func design(_ model: RegressionFormula, levels: [String: [String]], table: CSVTable) throws
        -> FormulaDesign
    {
        var sorted: [String: [String]] = [:]
        for (column, values) in levels {
            guard !values.isEmpty else {
                throw DataError(
                    .missingValue, file: table.file, line: 1,
                    column: table.header.firstIndex(of: column).map { $0 + 1 }, columnName: column,
                    "C(\(column)) needs values, and the column has none")
            }
            sorted[column] = FormulaDesign.levels(values)
        }
        do {
            return try FormulaDesign(model, levels: sorted)
        } catch let error as ForecastingError {
            let column = model.categoricalColumns.first { error.message.contains("column '\($0)'") }
            throw DataError(
                .impossibleValue, file: table.file, line: 1,
                column: column.flatMap { table.header.firstIndex(of: $0) }.map { $0 + 1 }, columnName: column,
                error.message)
        }
    }
}

import AgriData
import ArgumentParser
import Forecasting
import TimeSeriesCore

/// The help of `--order` and `--covariates`, which each command words for its own models.
protocol CovariateOptionHelp {
    static var order: String { get }
    static var covariates: String { get }
}

/// `--order`, `--covariates` and `--covariate-data`, shared by `forecast` and `backtest`: the
/// orders of arima-fixed and the covariates its regressions (and those of regression, arima and
/// arima-exhaustive) take.
struct CovariateOptions<Help: CovariateOptionHelp>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Help.order, valueName: "p,d,q[,P,D,Q]"))
    var order: String?

    @Option(name: .long, help: ArgumentHelp(Help.covariates, valueName: "ID[@lagK],..."))
    var covariates: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Tidy CSV holding the covariate series (default: the --data file).", valueName: "file"))
    var covariateData: String?

    /// Usage checks, in this order: `--order` belongs to arima-fixed (`models`) and parses;
    /// without `--covariates`, `--covariate-data` and each of `others` (a value and its option)
    /// are refused; with it, the list parses, `regressing` (the models take covariates) holds or
    /// `refusal` is the error, and `data` is a tidy file with dates.
    func check(
        models: [String], data: String, others: [(value: String?, option: String)] = [], regressing: Bool,
        refusal: String
    ) throws {
        try validateOrder(order, models: models)
        guard let covariates else {
            for (value, option) in [(covariateData, "--covariate-data")] + others where value != nil {
                throw ValidationError("\(option) needs --covariates")
            }
            return
        }
        _ = try covariateTerms(covariates)
        guard regressing else { throw ValidationError(refusal) }
        if BenchmarkFormat.looksLikeBenchmark(path: data) {
            throw ValidationError("--covariates needs a tidy data file with dates, not the benchmark format")
        }
    }
}

/// `--covariates ID[@lagK],...` as terms (a usage error when malformed or repeated).
func covariateTerms(_ text: String) throws -> [CovariateTerm] {
    let items = commaSeparated(text)
    guard !items.isEmpty else { throw ValidationError("--covariates names no series") }
    do {
        let terms = try items.map { try CovariateTerm(parsing: $0) }
        if Set(terms).count != terms.count { throw ValidationError("a covariate is named twice in --covariates") }
        return terms
    } catch let e as DataError {
        throw ValidationError("--covariates: \(e.message)")
    }
}

/// Usage check of `--order`: it belongs to arima-fixed and must parse.
func validateOrder(_ order: String?, models: [String]) throws {
    guard let order else { return }
    guard models.contains("arima-fixed") else { throw ValidationError("--order applies to the model arima-fixed") }
    do { _ = try SARIMA.Specification(parsing: order, period: 1) } catch let e as ForecastingError {
        throw ValidationError("--order: \(e.message)")
    }
}

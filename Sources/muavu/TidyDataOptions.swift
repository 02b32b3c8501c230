import AgriData
import ArgumentParser
import Foundation
import TimeSeriesCore

/// How a tidy data file is read: column names, seasonal period, missing values, bounds.
/// Shared by the commands that read `--data`.
struct TidyDataOptions: ParsableArguments {
    @Option(name: .long, help: "Name of the series id column.")
    var idColumn = "series_id"

    @Option(name: .long, help: "Name of the date column.")
    var dateColumn = "date"

    @Option(name: .long, help: "Name of the value column.")
    var valueColumn = "value"

    @Option(name: .long, help: "Force the seasonal period (for YYYY-Sn dates: crops a year).")
    var period: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "What to do with missing values and absent periods: fail (refuse the data, the default), "
                + "skip (keep each series' longest complete run), interpolate (fill interior gaps linearly).",
            valueName: "fail|skip|interpolate"))
    var onMissing: String = "fail"

    @Option(name: .long, help: ArgumentHelp("JSON file of plausible ranges per unit and series id.", valueName: "file"))
    var bounds: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How to read the dates (default: inferred per series): index (whole numbers, also four-digit ones), daily, "
                + "weekly, monthly (also YYYY-MM-01), quarterly, yearly or season.",
            valueName: "index|daily|weekly|monthly|quarterly|yearly|season"))
    var frequency: String?

    func validate() throws {
        guard MissingPolicy(rawValue: onMissing) != nil else {
            throw ValidationError("--on-missing must be fail, skip or interpolate, not '\(onMissing)'")
        }
        if let period { try checkOption(period, Limits.period, "--period") }
        if let frequency, Frequency(rawValue: frequency) == nil {
            throw ValidationError(
                "--frequency must be one of \(Frequency.allCases.map(\.rawValue).joined(separator: ", ")), "
                    + "not '\(frequency)'")
        }
    }

    /// The reader's options; `covariates` are the covariate columns to keep.
    func readOptions(covariates: [String] = []) throws -> TidyReadOptions {
        var o = TidyReadOptions()
        o.idColumn = idColumn
        o.dateColumn = dateColumn
        o.valueColumn = valueColumn
        o.period = period
        o.onMissing = MissingPolicy(rawValue: onMissing) ?? .fail
        o.covariates = covariates
        o.frequency = frequency.flatMap(Frequency.init(rawValue:))
        if let bounds { o.bounds = try ValueBounds.load(path: bounds) }
        return o
    }
}

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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The decimal mark of the file's numbers (default '.'); declaring it, or --group-char, reads "
                + "'9.250' as the declaration says instead of refusing it in a column of đồng, masses or areas.",
            valueName: "char"))
    var decimalChar: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The thousands separator of the file's numbers (default none): with '.', '9.250' is 9250 and "
                + "'9.250,5' is 9250.5 (--group-char . alone makes ',' the decimal mark).",
            valueName: "char"))
    var groupChar: String?

    func validate() throws {
        do {
            _ = try numberFormat()
        } catch let e as DataError {
            throw ValidationError(e.message)
        }
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
        o.numberFormat = try numberFormat()
        return o
    }

    /// The declared number format: nil when neither --decimal-char nor --group-char is given.
    func numberFormat() throws -> NumberFormat? {
        try NumberFormat.declared(decimalChar: decimalChar, groupChar: groupChar)
    }
}

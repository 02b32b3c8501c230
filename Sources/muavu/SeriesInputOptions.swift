import AgriData
import ArgumentParser
import Foundation
import TimeSeriesCore

/// The data options shared by `forecast`, `backtest` and `fit`: a tidy long CSV (or a benchmark
/// file, whose train and test parts are joined), or without `--data` the store, by series id (as
/// last known, or as known on `--as-of`); the series to keep; and how the data is read.
struct SeriesInputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Tidy long CSV (series_id,date,value) or benchmark CSV (default: the store, by --series).")
    var data: String = ""

    @Option(name: .long, help: "Only this series (repeatable; ids compared NFC-normalised).")
    var series: [String] = []

    @OptionGroup var store: StoreOptions

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Without --data: each period's value as known at the end of this day or month.",
            valueName: "YYYY-MM[-DD]"))
    var asOf: String?

    /// Column names, seasonal period, missing values (`--on-missing`) and bounds of a tidy file.
    @OptionGroup var dataOptions: TidyDataOptions

    func validate() throws {
        try dataOptions.validate()
        if let asOf {
            guard data.isEmpty else {
                throw ValidationError("--as-of reads the store's vintages; a --data file has none (leave out --data)")
            }
            guard StoreOptions.asOfInstant(asOf) != nil else {
                throw ValidationError("--as-of must be a day YYYY-MM-DD or a month YYYY-MM, not '\(asOf)'")
            }
        }

        var seen = Set<String>()
        for id in series where !seen.insert(TextKey.nfc(id)).inserted {
            throw ValidationError("--series '\(MessageText.escaped(id))' is given twice")
        }
    }

    /// The data's name in documents: the file's, or `store:ID,ID,…`.
    var datasetName: String {
        data.isEmpty ? "store:" + series.joined(separator: ",") : URL(fileURLWithPath: data).lastPathComponent
    }

    /// The series asked for, in file order (tidy) or id order (benchmark).
    func load() throws -> [TimeSeries] {
        var all: [TimeSeries]
        let source = data.isEmpty ? store.path : data
        if data.isEmpty {
            guard !series.isEmpty else {
                throw ValidationError("give --data FILE, or --series ID (repeatable) to read from the store")
            }
            let known = StoreSeries(store: try store.open(create: false), asOf: asOf.flatMap(StoreOptions.asOfInstant))
            let csv = try known.knownCSV(of: series, asOf: asOf)
            all = try TidyReader.read(data: csv, file: datasetName, options: dataOptions.readOptions()).series
        } else if BenchmarkFormat.looksLikeBenchmark(path: data) {
            all = try BenchmarkFormat.read(path: data).map {
                TimeSeries(
                    id: $0.id, values: $0.values, frequency: .index, period: dataOptions.period ?? $0.period,
                    start: .index(1))
            }
        } else {
            all = try TidyReader.read(path: data, options: dataOptions.readOptions()).series
        }
        let chosen =
            series.isEmpty
            ? all
            : try series.map { id in
                let key = TextKey.nfc(id)
                guard let s = all.first(where: { TextKey.nfc($0.id) == key }) else {
                    let known = all.prefix(10).map(\.id).joined(separator: ", ") + (all.count > 10 ? ", ..." : "")
                    throw DataError(
                        .badConfiguration, file: source,
                        "no series '\(id)' in the \(data.isEmpty ? "store as of \(asOf ?? "")" : "file"); its series are: \(known)")
                }
                return s
            }
        try checkPeriodOption(dataOptions.period, of: chosen)
        return chosen
    }
}

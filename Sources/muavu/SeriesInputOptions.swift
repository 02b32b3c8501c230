import AgriData
import ArgumentParser
import Foundation
import TimeSeriesCore

/// The data options shared by `forecast` and `backtest`: a tidy long CSV (or a benchmark file,
/// whose train and test parts are joined), the series to keep, and how the tidy file is read.
struct SeriesInputOptions: ParsableArguments {
    @Option(name: .long, help: "Tidy long CSV (series_id,date,value) or benchmark CSV.")
    var data: String = ""

    @Option(name: .long, help: "Only this series (repeatable; ids compared NFC-normalised).")
    var series: [String] = []

    /// Column names, seasonal period, missing values (`--on-missing`) and bounds of a tidy file.
    @OptionGroup var dataOptions: TidyDataOptions

    func validate() throws {
        try dataOptions.validate()
        var seen = Set<String>()
        for id in series where !seen.insert(TextKey.nfc(id)).inserted {
            throw ValidationError("--series '\(MessageText.escaped(id))' is given twice")
        }
    }

    var datasetName: String { URL(fileURLWithPath: data).lastPathComponent }

    /// The series asked for, in file order (tidy) or id order (benchmark).
    func load() throws -> [TimeSeries] {
        guard !data.isEmpty else { throw ValidationError("Missing expected argument '--data <data>'") }
        var all: [TimeSeries]
        if BenchmarkFormat.looksLikeBenchmark(path: data) {
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
                        .badConfiguration, file: data, "no series '\(id)' in the file; its series are: \(known)")
                }
                return s
            }
        try checkPeriodOption(dataOptions.period, of: chosen)
        return chosen
    }
}

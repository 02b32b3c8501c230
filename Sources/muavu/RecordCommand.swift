import AgriData
import ArgumentParser
import Documents
import Foundation
import Store
import TimeSeriesCore

/// `muavu record export|import`: the forecasts of record as CSV (`ForecastRecordsCSV`), so that a
/// replayed record can be kept as a dataset and loaded into a new store.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Export the store's forecasts of record as CSV, or load such a file into a store.",
        subcommands: [Export.self, Load.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print the forecasts of record as CSV (--out FILE: written whole, replacing FILE).")

        @Option(name: .long, help: "Only issued or only replayed records.")
        var origin: ForecastRecord.Origin?

        @Option(name: .long, help: "Only this series.")
        var series: String?

        @Option(name: .long, help: "Write the CSV here (default: stdout).")
        var out: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            try runReportingStoreFailures {
                try AtomicFile.checkTarget(out, option: "--out", inputs: [store.path])
                let records = try store.open(create: false).records(series: series, origin: origin)
                let text = ForecastRecordsCSV.text(records)
                if let out, out != "-" {
                    try AtomicFile.write(Data(text.utf8), to: out)
                    printError("wrote \(records.count) forecasts of record to \(out)")
                } else {
                    print(text, terminator: "")
                }
            }
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add the forecasts of record of a CSV file to the store (in one transaction).",
            discussion: """
                Only records marked "replayed" are taken unless --issued is given: a file cannot make a \
                forecast look as if it had been told to people. A record the store already holds is left \
                as it was.
                """)

        @Option(name: .long, help: "The CSV file (as muavu record export writes it).")
        var file: String

        @Flag(name: .long, help: "Also take records marked 'issued' (moving a store's own record to another).")
        var issued = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            try runReportingStoreFailures {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw DataError(.fileNotFound, file: file, "cannot read the file")
                }
                let records = try ForecastRecordsCSV.read(data: data, file: file)
                if !issued, records.contains(where: { $0.origin == .issued }) {
                    printError(
                        "error: \(file) holds records marked 'issued'; give --issued to take them (only a store's "
                            + "own export should)")
                    throw ExitCode(65)
                }
                let write = try store.open(create: true).record(records, now: Date())
                printError(
                    "\(write.added) forecasts of record added from \(file)"
                        + (write.existing > 0 ? ", \(write.existing) already there" : ""))
            }
        }
    }
}

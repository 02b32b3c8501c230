import ArgumentParser
import Documents
import Foundation
import Store

/// `muavu data status|export`: what the store holds, and its series as tidy CSV.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Show what the store holds, or export its series as tidy CSV.",
        subcommands: [DataStatus.self, DataExport.self])
}

/// `muavu data status`: every series with its span, last observation, age, source and last import.
struct DataStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List every series of the store: span, last observation, its age today, source, last import.",
        discussion: """
            A table on stdout, or with --json a JSON array (one object per series: id, unit, frequency, \
            label, first, last, count, age, lastVintage, lastImport, source, publisher). The age is in \
            periods of the series from its last observation to today (SOURCE_DATE_EPOCH, when set), \
            null for crop seasons and indices.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Write JSON instead of a table.")
    var json = false

    /// One series in `--json`'s output.
    struct Entry: Codable {
        var id, unit, frequency: String
        var label: String?
        var first, last: String
        var count: Int
        var age: Int?
        var lastVintage, lastImport, source, publisher: String
    }

    func run() throws {
        try runReportingStoreFailures {
            let today = IssueTime.now()
            let entries = try store.open(create: false).status().map { s in
                Entry(
                    id: s.id, unit: s.unit, frequency: s.frequency.rawValue, label: s.label,
                    first: s.first.description, last: s.last.description, count: s.count, age: s.age(at: today),
                    lastVintage: IssueTime.iso8601(s.lastVintage), lastImport: IssueTime.iso8601(s.lastImport),
                    source: s.source, publisher: s.publisher)
            }
            if json {
                FileHandle.standardOutput.write(try DocumentEncoder.encode(entries))
            } else {
                print(Self.table(entries), terminator: "")
            }
        }
    }

    /// Aligned columns, one line per series.
    static func table(_ entries: [Entry]) -> String {
        let header = ["series", "unit", "frequency", "first", "last", "count", "age", "last import", "source"]
        let rows =
            [header]
            + entries.map {
                [
                    $0.id, $0.unit, $0.frequency, $0.first, $0.last, String($0.count), $0.age.map(String.init) ?? "-",
                    $0.lastImport, $0.source,
                ]
            }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { c in
                c == row.count - 1 ? row[c] : row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }
            .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

/// `muavu data export --series ID,… [--as-of DATE]`: the series as tidy CSV on stdout.
struct DataExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write series of the store as tidy CSV (series_id,date,value[,unit]) to stdout.",
        discussion: """
            With --as-of DATE (YYYY-MM-DD, or YYYY-MM for the month's last day), each period's value is \
            the one known at the end of DATE (UTC): the latest vintage not after it. The unit column is \
            written when a series has a unit.
            """)

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Series ids (comma-separated or repeated).", valueName: "id,…"))
    var series: [String]

    @Option(name: .long, help: ArgumentHelp("Use what was known on this date.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @OptionGroup var store: StoreOptions

    var ids: [String] { series.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty } }

    func validate() throws {
        if ids.isEmpty { throw ValidationError("--series must name at least one series id") }
        if let asOf, StoreOptions.asOfInstant(asOf) == nil {
            throw ValidationError("--as-of must be a day YYYY-MM-DD or a month YYYY-MM, not '\(asOf)'")
        }
    }

    func run() throws {
        try runReportingStoreFailures {
            let store = try store.open(create: false)
            let instant = asOf.flatMap(StoreOptions.asOfInstant)
            let known = try ids.map { ($0, try store.observations(seriesID: $0, asOf: instant)) }
            for (id, observations) in known where observations.isEmpty {
                printError("warning: nothing of series '\(id)' was known on \(asOf ?? "")")
            }
            // The whole text is built before anything is written: an unknown series writes nothing.
            print(StoredSeriesCSV.text(known), terminator: "")
        }
    }
}

import ArgumentParser
import Documents
import Foundation
import Publishing
import Store
import TimeSeriesCore

/// `muavu publish --config FILE --out DIR`: the forecasts, charts, bulletin and index of a model
/// configuration, written whole or not at all.
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish the forecasts, fan charts and bilingual bulletin of a model configuration.",
        discussion: """
            Reads the configuration (models/README.md describes it) and its datasets, forecasts every \
            series, and writes DIR/index.json (what was published, when, from which data and models), \
            DIR/forecasts/ID.json (muavu.forecast/v1), DIR/charts/ID.svg and DIR/bulletin.html and \
            DIR/bulletin.md (Vietnamese first, English beside). The issue time is SOURCE_DATE_EPOCH when \
            set, so runs are byte-reproducible. DIR is built beside itself and swapped into place in one \
            step: a bad configuration (exit 64) or bad data (exit 65) leaves no output. DIR must be new, \
            empty, or a previous muavu publish output (its index.json says so); anything else (a file, a \
            folder of other files, the current folder or one above it, a folder holding the configuration \
            or its data) is refused with exit 64 and left untouched. Two runs into one place wait for each other. \
            A dataset given as "store": true is read from the store (--store, else $MUAVU_STORE, else the \
            default store), its series as last known; a series the store lacks is refused with exit 65. \
            With --as-of DATE (YYYY-MM-DD, or YYYY-MM for the month's last day) the bulletin is issued on \
            DATE: the store's series are read as they were known then, the data's age is counted to DATE, \
            and periods before DATE's are estimates; SOURCE_DATE_EPOCH still fixes only the generated-at time. \
            With --record the forecasts told are recorded in the store (muavu verify scores them when the \
            data arrives); the bulletin shows the change since the previous issue and the track record of \
            the store's earlier records either way.
            """)

    @Option(name: .long, help: "The model configuration (JSON).")
    var config: String

    @Option(name: .long, help: "The output directory: new, empty, or a previous publish output (replaced whole).")
    var out: String

    @Option(
        name: .customLong("as-of"),
        help: "The issue date, YYYY-MM-DD or YYYY-MM: data as known then (default: today, or SOURCE_DATE_EPOCH).")
    var asOf: String?

    @Flag(
        name: .long,
        help: "Record the forecasts told in the store (written once; the same issue day and data vintage again changes nothing), after checking earlier records against the data.")
    var record = false

    @Option(
        name: .long,
        help: "Which release of an observation scores a forecast of record: first (default) or latest.")
    var vintage: RecordCheck.Release = .first

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard !out.isEmpty, out != "-" else { throw ValidationError("--out must name a directory") }
        if let asOf, StoreOptions.asOfInstant(asOf) == nil {
            throw ValidationError("--as-of must be a day YYYY-MM-DD or a month YYYY-MM, not '\(asOf)'")
        }
    }

    func run() throws {
        try runReportingStoreFailures {
            let configuration = try PublishConfiguration.load(path: config)
            // The store is opened (never created) only when a dataset reads it.
            let instant = asOf.flatMap(StoreOptions.asOfInstant)
            let opened =
                configuration.readsStore || record
                ? StoreSeries(store: try store.open(create: false), asOf: instant) : nil
            let issued = IssueTime.now()
            // The forecasts of record of earlier issues, checked against the data now held (--record
            // writes the checks first: records and checks are written once).
            var trackRecord: [CheckedRecord] = []
            if let opened {
                if record {
                    let checks = try opened.store.checkRecords(release: vintage, now: issued)
                    if checks.added > 0 { printError("checked \(checks.added) forecasts of record against the data") }
                    for note in checks.unconvertible { printError("warning: not checked, units differ: \(note)") }
                }
                let ids = Set(configuration.forecasts.map(\.series))
                trackRecord = try opened.store.checkedRecords(release: vintage).filter { ids.contains($0.record.series) }
            }
            let publication = try Publisher.publish(
                configuration, to: out, issued: issued, issueDay: instant.map(Publisher.day(of:)),
                store: opened.map { $0 as any SeriesStore }, trackRecord: trackRecord, waiting: printError)
            if record, let opened {
                let write = try opened.store.record(publication.records, now: issued)
                printError(
                    "recorded \(write.added) forecasts in \(opened.path)"
                        + (write.existing > 0 ? " (\(write.existing) already recorded, left as they were)" : ""))
            }
            printError(
                "published \(publication.files.count) files to \(out)/ (bulletin: \(out)/bulletin.html, \(out)/bulletin.md)")
        }
    }
}

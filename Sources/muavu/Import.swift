import AgriData
import ArgumentParser
import Documents
import Foundation
import Store

/// `muavu import --format FORMAT --file FILE`: writes a publisher's file, unchanged, into the store.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a data file into the store, keeping every earlier vintage.",
        discussion: """
            Each observation is compared with what the store knew: new ones and revised ones are written \
            (a revision beside the old value, with its vintage: the file's release date, else the import \
            time), unchanged ones are not. The import is one transaction: it happens whole or not at all. \
            A file already imported (same SHA-256) writes nothing. What was done goes to stderr. \
            Every value is checked against the plausibility bounds (datasets/bounds.json): one out of range \
            is refused (exit 65) unless the row says 'confirmed' or --confirmed ID@PERIOD names it. \
            Formats: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")). \
            `muavu import --template season-report` prints an empty crop-season report, with an example row, \
            to fill in and import.
            """)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The file's format.", valueName: ImportFormat.allCases.map(\.rawValue).joined(separator: "|")))
    var format: String?

    @Option(name: .long, help: "The file to import, as the publisher gives it.")
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Print the empty template of a format and exit.", valueName: "season-report"))
    var template: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A value out of the plausible range that is real, as ID@PERIOD (repeatable).", valueName: "ID@PERIOD"))
    var confirmed: [String] = []

    @OptionGroup var store: StoreOptions

    func validate() throws {
        for c in confirmed where ImportBounds.Confirmation(c) == nil {
            throw ValidationError("--confirmed must be a series id and a period, ID@PERIOD (e.g. x@2016), not '\(c)'")
        }
        if let template {
            guard format == nil, file == nil else { throw ValidationError("--template takes no --format or --file") }
            guard let named = ImportFormat(rawValue: template), ImportReaders.template(for: named) != nil else {
                throw ValidationError("--template must be season-report, not '\(template)'")
            }
            return
        }
        guard let format, file != nil else { throw ValidationError("--format and --file are both needed") }
        guard ImportFormat(rawValue: format) != nil else {
            throw ValidationError(
                "--format must be one of \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")), "
                    + "not '\(format)'")
        }
    }

    func run() throws {
        if let template, let named = ImportFormat(rawValue: template), let text = ImportReaders.template(for: named) {
            print(text, terminator: "")
            return
        }
        try runReportingStoreFailures {
            guard let format = format.flatMap(ImportFormat.init(rawValue:)), let file else { throw ExitCode(64) }
            guard let content = FileManager.default.contents(atPath: file) else {
                throw DataError(.fileNotFound, file: file, "cannot read the file")
            }
            let sha256 = SHA256.hex(content)
            // The file is read and checked whole before the store is opened: a bad file never
            // creates or touches a store.
            let batch = try ImportReaders.read(format: format, file: file)
            try ImportBounds.check(batch, file: file, confirmed: Set(confirmed.compactMap(ImportBounds.Confirmation.init)))
            let store = try store.open(create: true)
            let report = try store.import(batch, file: file, sha256: sha256, now: Date())
            for line in Self.summary(report, store: store.path) { printError(line) }
            // The forecasts of record whose period the import brought are scored now, against the
            // first release (docs/design/track-record.md).
            let checks = try store.checkRecords(release: .first, now: Date())
            if checks.added > 0 { printError("import: scored \(checks.added) forecasts of record against the first release") }
            for note in checks.unconvertible { printError("warning: not scored, units differ: \(note)") }
        }
    }

    /// What the import did, in lines for stderr.
    static func summary(_ r: ImportReport, store: String) -> [String] {
        let head = "import: \(r.file) (\(r.format.rawValue), \(r.publisher)), SHA-256 \(r.sha256.prefix(12))…"
        if let previous = r.previousImport {
            return [
                "\(head): already imported on \(IssueTime.iso8601(previous.importedAt)) from \(previous.path); "
                    + "nothing written to \(store)"
            ]
        }
        var lines = [
            "\(head): \(r.rowsRead) rows read, \(r.series) series",
            "  observations: \(r.new) new, \(r.unchanged) unchanged, \(r.revised) revised",
            "  vintage: \(IssueTime.iso8601(r.vintage)) (\(r.vintageIsReleaseDate ? "the file's release date" : "import time"))",
        ]
        for skip in r.skipped { lines.append("  skipped: \(skip.count) rows: \(skip.reason)") }
        lines.append("  store: \(store)")
        return lines
    }
}

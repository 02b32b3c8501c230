import Documents
import Foundation

/// `muavu.report-index/v1`: the `index.json` of a `muavu report` output, which names the kind of
/// the folder (`OutputDirectory`), when it was rendered and every file with its SHA-256. Its
/// schema is `muavu schema report-index`.
struct ReportIndex: Encodable {
    /// A notebook's name, title and its two files.
    struct Notebook: Encodable {
        var name, title, markdown, html: String
    }

    var schema = OutputDirectory.Kind.report.schema
    var engine = Engine.current
    var issued: String
    var notebooks: [Notebook]
    var files: [ManifestEntry]

    init(issued: Date, notebooks: [Notebook], files: [Publisher.File]) {
        self.issued = IssueTime.iso8601(issued)
        self.notebooks = notebooks
        self.files = ManifestEntry.list(files)
    }
}

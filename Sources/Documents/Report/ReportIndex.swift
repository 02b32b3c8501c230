import Foundation

/// `muavu.report-index/v1`: the `index.json` of a `muavu report` output, which names the kind of
/// the folder (`OutputDirectory`), when it was rendered and every file with its SHA-256. Its
/// schema is `muavu schema report-index` (`ReportIndexSchema`).
public struct ReportIndex: Encodable {
    public static let schemaName = "muavu.report-index/v1"

    /// A notebook rendered: its name and title, and its Markdown and HTML files.
    public struct Notebook: Encodable {
        var name: String
        var title: String
        var markdown: String
        var html: String

        public init(name: String, title: String, markdown: String, html: String) {
            (self.name, self.title, self.markdown, self.html) = (name, title, markdown, html)
        }
    }

    var schema = ReportIndex.schemaName
    var engine = Engine.current
    var issued: String
    var notebooks: [Notebook]
    var files: [ManifestEntry]

    public init(issued: Date, notebooks: [Notebook], files: [ManifestEntry]) {
        self.issued = IssueTime.iso8601(issued)
        self.notebooks = notebooks
        self.files = files
    }
}

import AgriData
import Foundation

/// What one import did: the file, its vintage, and how its observations compared with what the
/// store knew (`new` + `unchanged` + `revised` is the number of observations in the file).
public struct ImportReport: Sendable, Equatable {
    /// An earlier import of a file with the same SHA-256.
    public struct PreviousImport: Sendable, Equatable {
        public var path: String
        public var importedAt: Date
    }

    public var file: String
    public var sha256: String
    public var format: ImportFormat
    public var publisher: String
    /// Set when the same content was imported before: then nothing was written.
    public var previousImport: PreviousImport?
    /// The vintage given to the file's observations: its release date, else the import time.
    public var vintage: Date
    /// True when the vintage is the publisher's release date, false when it is the import time.
    public var vintageIsReleaseDate: Bool
    public var rowsRead: Int
    /// Series in the file.
    public var series: Int
    /// Observations of a (series, period) the store did not know at the vintage.
    public var new = 0
    /// Observations equal (value and status) to what the store knew at the vintage; not written again.
    public var unchanged = 0
    /// Observations that differ from what the store knew: written as a new vintage beside the old one.
    public var revised = 0
    /// Rows read and not imported, by reason.
    public var skipped: [ImportSkip]

    /// True when nothing was written because the same content was imported before.
    public var alreadyImported: Bool { previousImport != nil }
}

/// The one way `muavu import` reads a file: one line per format, naming the reader that turns
/// a publisher's file into an `ImportBatch`.
public enum ImportReaders {
    /// The reader of `format`, nil while muavu cannot read it yet.
    public static func reader(for format: ImportFormat) -> (@Sendable (String) throws -> ImportBatch)? {
        switch format {
        case .tidy: { try TidyImport.read(path: $0) }
        case .wfpHDX, .faostat, .pinksheet, .noaaONI, .noaaSOI, .noaaSST, .gsoTable, .seasonReport: nil
        }
    }

    /// The formats read today, in `ImportFormat`'s order.
    public static var readable: [ImportFormat] { ImportFormat.allCases.filter { reader(for: $0) != nil } }

    /// Reads `file` as `format`; a format muavu cannot read yet is `DataError.Code.badConfiguration`
    /// (the CLI asks `reader(for:)` first and refuses it as a usage error).
    public static func read(format: ImportFormat, file: String) throws -> ImportBatch {
        guard let reader = reader(for: format) else {
            throw DataError(.badConfiguration, file: file, notYetReadable(format))
        }
        return try reader(file)
    }

    /// Why `format` is refused today.
    public static func notYetReadable(_ format: ImportFormat) -> String {
        "the format '\(format.rawValue)' is not yet readable by this muavu; "
            + "today `muavu import` reads: \(readable.map(\.rawValue).joined(separator: ", "))"
    }
}

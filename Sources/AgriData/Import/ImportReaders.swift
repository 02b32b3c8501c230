import Foundation

/// The one way `muavu import` reads a file: one line per format, naming the reader that turns
/// a publisher's file into an `ImportBatch`.
public enum ImportReaders {
    /// The reader of `format`.
    public static func reader(for format: ImportFormat) -> @Sendable (String) throws -> ImportBatch {
        switch format {
        case .tidy: { try TidyImport.read(path: $0) }
        case .pinksheet: { try PinkSheetReader.read(file: URL(fileURLWithPath: $0)) }
        case .noaaONI: { try NOAAReader.readONI(file: URL(fileURLWithPath: $0)) }
        case .noaaSOI: { try NOAAReader.readSOI(file: URL(fileURLWithPath: $0)) }
        case .noaaSST: { try NOAAReader.readSST(file: URL(fileURLWithPath: $0)) }
        case .gsoTable: { try GSOTableReader.read(file: URL(fileURLWithPath: $0)) }
        case .wfpHDX: { try WFPReader.read(file: URL(fileURLWithPath: $0)) }
        case .faostat: { try FAOSTATReader.read(file: URL(fileURLWithPath: $0)) }
        case .seasonReport: { try SeasonReportReader.read(file: URL(fileURLWithPath: $0)) }
        }
    }

    /// Reads `file` as `format`: the publisher's file checked whole, or a `DataError` naming the
    /// line or cell.
    public static func read(format: ImportFormat, file: String) throws -> ImportBatch {
        try reader(for: format)(file)
    }

    /// The formats that have an empty template to fill (`muavu import --template NAME`), and the
    /// template's text.
    public static func template(for format: ImportFormat) -> String? {
        switch format {
        case .seasonReport: SeasonReportReader.template()
        default: nil
        }
    }
}

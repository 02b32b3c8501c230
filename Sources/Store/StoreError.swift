/// What can go wrong between muavu and its SQLite store.
///
/// Every message names the store file, and where it applies the series, period or source file.
/// The CLI turns `isBadData` codes into exit 65 and the rest into exit 1.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// The path names a directory, a file that is not SQLite, or a SQLite file that is not a muavu store.
        case notAStore = "not-a-store"
        /// No store at the path (reading commands never create one).
        case noStore = "no-store"
        /// The store was written by a newer muavu whose schema this one does not know.
        case newerSchema = "newer-schema"
        /// No series of that id in the store.
        case unknownSeries = "unknown-series"
        /// The series exists but nothing of it was known at the date asked.
        case nothingKnown = "nothing-known"
        /// A batch gives a series another unit or frequency than the store holds (units convert,
        /// never relabel).
        case seriesMismatch = "series-mismatch"
        /// A batch gives a (series, period) a different value with the same vintage as one already
        /// stored, or twice within itself.
        case conflictingValue = "conflicting-value"
        /// A value that is NaN or infinite (SQLite would store it as NULL).
        case nonFinite = "non-finite"
        /// `muavu token add` with a name already given to a token (valid or revoked).
        case tokenExists = "token-exists"
        /// `muavu token revoke` with a name no token has.
        case unknownToken = "unknown-token"
        /// SQLite itself failed (disk full, locked, corrupt file...).
        case database
    }

    public var code: Code
    /// The store file.
    public var store: String
    public var message: String

    public init(_ code: Code, store: String, _ message: String) {
        self.code = code
        self.store = store
        self.message = message
    }

    /// True for problems with the data or the file given (exit 65), false for failures of the
    /// system (exit 1).
    public var isBadData: Bool { code != .database }

    public var description: String { "\(store): \(message) [\(code.rawValue)]" }
}

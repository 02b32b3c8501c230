/// A problem with input data, located by file, line and column (both 1-based).
///
/// `column` is the field number in the CSV record; `columnName` the header's name for it.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        case fileNotFound = "file-not-found"
        case unreadable
        case empty
        case badEncoding = "bad-encoding"
        case unterminatedQuote = "unterminated-quote"
        case raggedRow = "ragged-row"
        case missingColumn = "missing-column"
        case unknownColumn = "unknown-column"
        case duplicateColumn = "duplicate-column"
        case notNumeric = "not-numeric"
        case badDate = "bad-date"
        case duplicateKey = "duplicate-key"
        case outOfOrder = "out-of-order"
        case mixedFrequency = "mixed-frequency"
        case impossibleValue = "impossible-value"
        case emptySeries = "empty-series"
        case missingValue = "missing-value"
        case badConfiguration = "bad-configuration"
        case inconsistentUnit = "inconsistent-unit"
        case emptyName = "empty-name"
        /// A number that reads two ways ("9.250": 9.25 or 9250) in a file that does not say how
        /// its numbers are written (`NumberFormat`).
        case ambiguousNumber = "ambiguous-number"
        /// A value outside the plausible range of its series that the file does not mark as
        /// confirmed (`ValueBounds`).
        case implausibleValue = "implausible-value"
        /// Units of different quantities, or of different currencies without an exchange rate.
        case incompatibleUnit = "incompatible-unit"
        /// A cell whose type is not its package field's (`PackageValidator`).
        case badType = "bad-type"
        /// A series named (by a publish configuration) that its source, the store, does not hold.
        case unknownSeries = "unknown-series"
    }

    public var code: Code
    public var file: String
    public var line: Int?
    public var column: Int?
    public var columnName: String?
    public var message: String

    public init(
        _ code: Code, file: String, line: Int? = nil, column: Int? = nil,
        columnName: String? = nil, _ message: String
    ) {
        (self.code, self.file, self.line, self.column, self.columnName) = (code, file, line, column, columnName)
        self.message = message
    }

    /// `file:line:column: message (code)`, the form compilers use, so editors can jump to it.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        s += ": "
        if let columnName { s += "column '\(columnName)': " }
        return s + message + " [\(code.rawValue)]"
    }
}

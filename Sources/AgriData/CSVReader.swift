import Foundation

/// One CSV record with where it stands in the file.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// 1-based line on which the record starts.
    public var line: Int
}

/// An RFC 4180 CSV reader that yields records as text, streaming through `CSVTokenizer`.
///
/// Accepts a UTF-8 byte-order mark, LF or CRLF line ends, `,` or `;` separators (detected from
/// the header line when not given), and quoted fields with `""` escapes and embedded newlines.
/// Blank lines are skipped. Errors carry the file, line and column.
public struct CSVReader: Sendable {
    public let file: String
    public let separator: UInt8
    private enum Source: Sendable {
        case path(String)
        case data(Data)
    }
    private let source: Source

    /// Opens `path`. Throws `.fileNotFound` or `.unreadable`.
    public init(path: String, separator: UInt8? = nil) throws {
        let tokenizer = try CSVTokenizer(path: path, separator: separator)
        self.file = path
        self.separator = tokenizer.separator
        self.source = .path(path)
    }

    public init(data: Data, file: String, separator: UInt8? = nil) throws {
        let tokenizer = try CSVTokenizer(data: data, file: file, separator: separator)
        self.file = file
        self.separator = tokenizer.separator
        self.source = .data(data)
    }

    /// A fresh tokenizer positioned before the first record.
    public func tokenizer(lenient: Bool = false) throws -> CSVTokenizer {
        switch source {
        case .path(let p): try CSVTokenizer(path: p, separator: separator, lenient: lenient)
        case .data(let d): try CSVTokenizer(data: d, file: file, separator: separator, lenient: lenient)
        }
    }

    /// Calls `body` for each record in order; stops early when `body` returns false.
    /// Throws `.badEncoding` for a field that is not valid UTF-8.
    public func forEachRecord(_ body: (CSVRecord) throws -> Bool) throws {
        var t = try tokenizer()
        while try t.next() {
            var fields: [String] = []
            fields.reserveCapacity(t.fieldCount)
            for j in 0..<t.fieldCount {
                guard let s = t.string(j) else {
                    throw DataError(
                        .badEncoding, file: file, line: t.line, column: j + 1,
                        "the field is not valid UTF-8")
                }
                fields.append(s)
            }
            if try !body(CSVRecord(fields: fields, line: t.line)) { return }
        }
    }

    /// All records.
    public func records() throws -> [CSVRecord] {
        var all: [CSVRecord] = []
        try forEachRecord {
            all.append($0)
            return true
        }
        return all
    }
}

/// A CSV file as a header and rows of text, with every row checked for its width.
public struct CSVTable: Sendable {
    public var file: String
    public var header: [String]
    public var rows: [CSVRecord]

    /// Reads a table whose first record is the header. Throws `.empty` for a file with no header,
    /// `.duplicateColumn`, and `.raggedRow` for a row whose width differs from the header's.
    public init(path: String, separator: UInt8? = nil) throws {
        try self.init(reader: CSVReader(path: path, separator: separator))
    }

    public init(reader: CSVReader) throws {
        file = reader.file
        var header: [String]? = nil
        var rows: [CSVRecord] = []
        let file = reader.file
        try reader.forEachRecord { record in
            if let h = header {
                if record.fields.count != h.count {
                    throw DataError(
                        .raggedRow, file: file, line: record.line,
                        column: min(record.fields.count, h.count) + 1,
                        "expected \(h.count) fields as in the header, found \(record.fields.count)")
                }
                rows.append(record)
            } else {
                header = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            }
            return true
        }
        guard let header, !(header.count == 1 && header[0].isEmpty) else {
            throw DataError(.empty, file: reader.file, "the file is empty: expected a header line")
        }
        var seen = Set<String>()
        for (j, name) in header.enumerated() {
            if !seen.insert(name).inserted {
                throw DataError(
                    .duplicateColumn, file: reader.file, line: 1, column: j + 1,
                    "column '\(name)' appears twice in the header")
            }
        }
        self.header = header
        self.rows = rows
    }

    /// The index of `name` in the header, or a `.unknownColumn` error listing what exists.
    public func columnIndex(_ name: String) throws -> Int {
        if let j = header.firstIndex(of: name) { return j }
        throw DataError(
            .unknownColumn, file: file, line: 1,
            "no column '\(name)'; the columns are: \(header.joined(separator: ", "))")
    }

    /// Whether a cell stands for a missing value: empty or `NA`.
    public static func isMissing(_ cell: String) -> Bool {
        let t = cell.trimmingCharacters(in: .whitespaces)
        return t.isEmpty || t == "NA"
    }

    /// Column `name` as text, each cell as written; missing cells (empty or `NA`) are `nil`.
    public func textColumn(_ name: String) throws -> [String?] {
        let j = try columnIndex(name)
        return rows.map { CSVTable.isMissing($0.fields[j]) ? nil : $0.fields[j] }
    }

    /// Column `name` as numbers; missing cells are `nil`. Non-numeric cells throw `.notNumeric`
    /// with the line and column.
    public func numericColumn(_ name: String) throws -> [Double?] {
        let j = try columnIndex(name)
        return try rows.map { record in
            let cell = record.fields[j]
            if CSVTable.isMissing(cell) { return nil }
            guard let v = NumberParser.parse(cell) else {
                throw DataError(
                    .notNumeric, file: file, line: record.line, column: j + 1, columnName: name,
                    NumberParser.refusal(cell))
            }
            return v
        }
    }
}

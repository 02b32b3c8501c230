import Foundation

/// One CSV record with where it stands in the file.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// 1-based line on which the record starts.
    public var line: Int
}

/// An RFC 4180 CSV tokenizer over UTF-8 bytes.
///
/// Accepts a UTF-8 byte-order mark, LF or CRLF line ends, `,` or `;` separators (detected from
/// the header line when not given), and quoted fields with `""` escapes and embedded newlines.
/// Blank lines are skipped. Errors carry the file, line and column.
public struct CSVReader: Sendable {
    public let file: String
    public let separator: UInt8
    private let bytes: [UInt8]

    /// Reads `path` whole. Throws `.fileNotFound`, `.unreadable` or `.badEncoding`.
    public init(path: String, separator: UInt8? = nil) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DataError(.fileNotFound, file: path, "no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(.unreadable, file: path, "cannot read the file")
        }
        try self.init(data: data, file: path, separator: separator)
    }

    public init(data: Data, file: String, separator: UInt8? = nil) throws {
        var b = [UInt8](data)
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { b.removeFirst(3) }
        self.file = file
        self.bytes = b
        if let separator {
            self.separator = separator
        } else {
            // Detect from the first line, outside quotes: more ';' than ',' means ';'.
            var commas = 0, semicolons = 0, inQuotes = false
            for c in b {
                if c == 0x22 { inQuotes.toggle() }
                if inQuotes { continue }
                if c == 0x0A { break }
                if c == 0x2C { commas += 1 } else if c == 0x3B { semicolons += 1 }
            }
            self.separator = semicolons > commas ? 0x3B : 0x2C
        }
    }

    /// Calls `body` for each record in order; stops early when `body` returns false.
    public func forEachRecord(_ body: (CSVRecord) throws -> Bool) throws {
        let n = bytes.count
        var i = 0
        var line = 1
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var recordLine = 1
        var fieldStartColumn = 1

        func finishField() throws {
            guard let s = String(validating: field, as: UTF8.self) else {
                throw DataError(.badEncoding, file: file, line: line, column: fields.count + 1,
                                "the field is not valid UTF-8")
            }
            fields.append(s)
            field.removeAll(keepingCapacity: true)
        }

        while i < n {
            // Start of a record; skip blank lines.
            if bytes[i] == 0x0A { line += 1; i += 1; continue }
            if bytes[i] == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { line += 1; i += 2; continue }
            recordLine = line
            fields.removeAll(keepingCapacity: true)
            var endOfRecord = false
            while !endOfRecord {
                fieldStartColumn = fields.count + 1
                if i < n, bytes[i] == 0x22 {
                    // Quoted field.
                    let quoteLine = line
                    i += 1
                    var closed = false
                    while i < n {
                        let c = bytes[i]
                        if c == 0x22 {
                            if i + 1 < n, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if c == 0x0A { line += 1 }
                        field.append(c)
                        i += 1
                    }
                    if !closed {
                        throw DataError(.unterminatedQuote, file: file, line: quoteLine, column: fieldStartColumn,
                                        "a quoted field is never closed")
                    }
                    // After the closing quote: separator, end of line, or end of file.
                    if i < n, bytes[i] != separator, bytes[i] != 0x0A, bytes[i] != 0x0D {
                        throw DataError(.unterminatedQuote, file: file, line: line, column: fieldStartColumn,
                                        "text after the closing quote of a field")
                    }
                } else {
                    while i < n, bytes[i] != separator, bytes[i] != 0x0A, bytes[i] != 0x0D {
                        field.append(bytes[i])
                        i += 1
                    }
                }
                try finishField()
                if i >= n {
                    endOfRecord = true
                } else if bytes[i] == separator {
                    i += 1
                    if i >= n { fields.append(""); endOfRecord = true }
                } else {
                    // Line end: LF, CRLF or a lone CR.
                    if bytes[i] == 0x0D { i += 1 }
                    if i < n, bytes[i] == 0x0A { i += 1 }
                    line += 1
                    endOfRecord = true
                }
            }
            if try !body(CSVRecord(fields: fields, line: recordLine)) { return }
        }
    }

    /// All records.
    public func records() throws -> [CSVRecord] {
        var all: [CSVRecord] = []
        try forEachRecord { all.append($0); return true }
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
                    throw DataError(.raggedRow, file: file, line: record.line,
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
                throw DataError(.duplicateColumn, file: reader.file, line: 1, column: j + 1,
                                "column '\(name)' appears twice in the header")
            }
        }
        self.header = header
        self.rows = rows
    }

    /// The index of `name` in the header, or a `.unknownColumn` error listing what exists.
    public func columnIndex(_ name: String) throws -> Int {
        if let j = header.firstIndex(of: name) { return j }
        throw DataError(.unknownColumn, file: file, line: 1,
                        "no column '\(name)'; the columns are: \(header.joined(separator: ", "))")
    }

    /// Whether a cell stands for a missing value: empty or `NA`.
    public static func isMissing(_ cell: String) -> Bool {
        let t = cell.trimmingCharacters(in: .whitespaces)
        return t.isEmpty || t == "NA"
    }

    /// Column `name` as numbers; missing cells are `nil`. Non-numeric cells throw `.notNumeric`
    /// with the line and column.
    public func numericColumn(_ name: String) throws -> [Double?] {
        let j = try columnIndex(name)
        return try rows.map { record in
            let cell = record.fields[j]
            if CSVTable.isMissing(cell) { return nil }
            guard let v = NumberParser.parse(cell) else {
                throw DataError(.notNumeric, file: file, line: record.line, column: j + 1, columnName: name,
                                "expected a number, found '\(cell)'")
            }
            return v
        }
    }
}

/// Parses decimal numbers as written in data files: optional sign, digits, decimal point,
/// exponent. No thousands separators, no locale.
public enum NumberParser {
    public static func parse(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        // Reject forms Double(_:) accepts but data files must not contain (hex, inf, nan).
        for c in t.utf8 {
            switch c {
            case 0x30...0x39, 0x2B, 0x2D, 0x2E, 0x65, 0x45: continue
            default: return nil
            }
        }
        guard let v = Double(t), v.isFinite else { return nil }
        return v
    }
}

import Foundation

/// A streaming RFC 4180 tokenizer over UTF-8 bytes: reads its source in chunks and keeps only the
/// current record, so a file of any length is read in constant memory (plus the longest record).
///
/// Accepts a UTF-8 byte-order mark, LF, CRLF or lone-CR line ends, `,` or `;` separators (detected
/// from the first line when not given: more `;` than `,` outside quotes means `;`), and quoted
/// fields with `""` escapes and embedded line breaks (RFC 4180 §2). Blank lines are skipped.
///
/// Text after a closing quote is kept as part of the field. Defects are thrown, or, when `lenient`,
/// collected in `problems`; a quote that is never closed then ends the input (the rest of the file
/// would be one field).
public struct CSVTokenizer {
    public let file: String
    public private(set) var separator: UInt8
    /// Collect recoverable defects in `problems` instead of throwing them.
    public var lenient: Bool
    /// Recoverable defects met so far (only when `lenient`).
    public var problems: [DataError] = []

    /// 1-based line on which the current record starts.
    public private(set) var line = 0
    /// The current record's fields, unescaped, back to back; `ends[i]` is where field `i` stops.
    public private(set) var bytes: [UInt8] = []
    public private(set) var ends: [Int] = []

    /// Closes the file when the last copy of the tokenizer goes.
    private final class Descriptor {
        let fd: Int32
        init(_ fd: Int32) { self.fd = fd }
        deinit { close(fd) }
    }
    private enum Source {
        case data(Data, Int)
        case file(Descriptor)
    }
    private var source: Source
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var nextLine = 1

    /// Opens `path` for streaming (a pipe or FIFO: its bytes, read once; `-`: standard input).
    /// Throws `.fileNotFound` or `.unreadable` (a directory says so).
    public init(path: String, separator: UInt8? = nil, lenient: Bool = false, chunkSize: Int = 1 << 20) throws {
        if case .bytes(let data) = try InputFile.contents(of: path) {
            // A pipe, FIFO or standard input: read once, kept (`InputFile`).
            try self.init(
                source: .data(data, 0), file: path, separator: separator, lenient: lenient, chunkSize: chunkSize)
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DataError(.unreadable, file: path, "cannot read the file") }
        try self.init(
            source: .file(Descriptor(fd)), file: path, separator: separator, lenient: lenient,
            chunkSize: chunkSize)
    }

    /// Tokenizes bytes already in memory.
    /// `chunkSize` is how many bytes are read at a time (the buffer grows for longer records);
    /// small values serve tests of records that straddle chunks.
    public init(data: Data, file: String, separator: UInt8? = nil, lenient: Bool = false, chunkSize: Int = 1 << 20)
        throws
    {
        try self.init(source: .data(data, 0), file: file, separator: separator, lenient: lenient, chunkSize: chunkSize)
    }

    private init(source: Source, file: String, separator: UInt8?, lenient: Bool, chunkSize: Int) throws {
        self.source = source
        self.file = file
        self.lenient = lenient
        self.separator = separator ?? 0x2C
        var size = max(4, chunkSize)
        if case .data(let data, _) = source { size = min(size, max(4, data.count + 1)) }
        buffer = [UInt8](repeating: 0, count: size)
        bytes.reserveCapacity(256)
        try fill()
        if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        if separator == nil { self.separator = try detectSeparator() }
    }

    /// Number of fields in the current record.
    public var fieldCount: Int { ends.count }

    /// The bytes of field `i` of the current record.
    @inline(__always)
    public func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let lo = i == 0 ? 0 : ends[i - 1]
        let hi = ends[i]
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[lo..<hi]))
        }
    }

    /// Field `i` as text; `nil` when it is not valid UTF-8.
    public func string(_ i: Int) -> String? {
        withField(i) { String(validating: $0, as: UTF8.self) }
    }

    /// Field `i` as text with invalid UTF-8 replaced by U+FFFD (for messages).
    public func lossyString(_ i: Int) -> String {
        withField(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The first field of the current record that is not valid UTF-8 (0-based), or `nil`.
    public func firstInvalidUTF8Field() -> Int? {
        let ascii = bytes.withUnsafeBufferPointer { p in
            var acc: UInt8 = 0
            for b in p { acc |= b }
            return acc < 0x80
        }
        if ascii { return nil }
        for i in 0..<ends.count where string(i) == nil { return i }
        return nil
    }

    // MARK: Reading

    /// Advances to the next record; false at the end of the input.
    public mutating func next() throws -> Bool {
        while true {
            switch try parseRecord() {
            case .record: return true
            case .endOfInput: return false
            case .needMore:
                try refill()
            }
        }
    }

    private enum Outcome { case record, endOfInput, needMore }

    private mutating func fill() throws {
        while end < buffer.count, !atEOF {
            let room = buffer.count - end
            var got = 0
            switch source {
            case .data(let data, let offset):
                got = min(room, data.count - offset)
                if got > 0 {
                    _ = buffer.withUnsafeMutableBytes { dst in
                        data.copyBytes(
                            to: UnsafeMutableRawBufferPointer(rebasing: dst[end..<(end + got)]),
                            from: (data.startIndex + offset)..<(data.startIndex + offset + got))
                    }
                }
                source = .data(data, offset + got)
            case .file(let descriptor):
                let at = end
                got = buffer.withUnsafeMutableBytes { dst in
                    read(descriptor.fd, dst.baseAddress! + at, room)
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw DataError(.unreadable, file: file, "cannot read the file (errno \(errno))")
                }
            }
            if got == 0 { atEOF = true } else { end += got }
        }
    }

    /// Keeps the unparsed tail, grows the buffer when one record fills it, reads more.
    private mutating func refill() throws {
        if start > 0 {
            let tail = end - start
            buffer.withUnsafeMutableBufferPointer { b in
                if tail > 0 {
                    UnsafeMutableRawPointer(b.baseAddress!).copyMemory(from: b.baseAddress! + start, byteCount: tail)
                }
            }
            end = tail
            start = 0
        } else {
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        try fill()
    }

    /// More `;` than `,` outside quotes on the first line means `;`. Reads on until that line ends.
    private mutating func detectSeparator() throws -> UInt8 {
        while true {
            var commas = 0
            var semicolons = 0
            var inQuotes = false
            var lineEnded = false
            for k in start..<end {
                let c = buffer[k]
                if c == 0x22 { inQuotes.toggle() }
                if inQuotes { continue }
                if c == 0x0A || c == 0x0D {
                    lineEnded = true
                    break
                }
                if c == 0x2C { commas += 1 } else if c == 0x3B { semicolons += 1 }
            }
            if lineEnded || atEOF { return semicolons > commas ? 0x3B : 0x2C }
            try refill()
        }
    }

    /// Where the parse stands in the buffer: the byte index and the 1-based line.
    private struct Position {
        var i: Int
        var line: Int
    }

    private mutating func parseRecord() throws -> Outcome {
        let sep = separator
        let eof = atEOF
        let n = end
        var pending: DataError? = nil
        // A second reference to the buffer (not a copy: it is not mutated here) so that the
        // record's fields can be written while it is read.
        let chunk = buffer
        let outcome: Outcome = try chunk.withUnsafeBufferPointer { b in
            var at = Position(i: start, line: nextLine)
            if let stop = Self.skipBlankLines(b, n: n, eof: eof, at: &at) {
                if stop == .endOfInput {
                    start = at.i
                    nextLine = at.line
                }
                return stop
            }
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            let recordLine = at.line
            while true {
                // One field starts at at.i.
                if at.i < n, b[at.i] == 0x22 {
                    if let stop = try readQuotedField(b, n: n, eof: eof, at: &at, pending: &pending) { return stop }
                } else {
                    if let stop = readPlainField(b, n: n, eof: eof, at: &at) { return stop }
                }
                ends.append(bytes.count)
                if at.i >= n { break }
                let c = b[at.i]
                if c == sep {
                    at.i += 1
                    if at.i >= n {
                        if !eof { return .needMore }
                        ends.append(bytes.count)
                        break
                    }
                    continue
                }
                // Line end: LF, CRLF or a lone CR.
                if c == 0x0D {
                    if at.i + 1 >= n, !eof { return .needMore }
                    at.i += 1
                    if at.i < n, b[at.i] == 0x0A { at.i += 1 }
                } else {
                    at.i += 1
                }
                at.line += 1
                break
            }
            start = at.i
            nextLine = at.line
            line = recordLine
            return .record
        }
        if let pending, outcome == .record {
            if lenient { problems.append(pending) } else { throw pending }
        }
        return outcome
    }

    /// Moves past blank lines; nil when a record starts at `at`, else what the input holds instead.
    @inline(__always)
    private static func skipBlankLines(_ b: UnsafeBufferPointer<UInt8>, n: Int, eof: Bool, at: inout Position)
        -> Outcome?
    {
        while at.i < n {
            if b[at.i] == 0x0A {
                at.line += 1
                at.i += 1
                continue
            }
            if b[at.i] == 0x0D {
                if at.i + 1 < n {
                    at.line += 1
                    at.i += b[at.i + 1] == 0x0A ? 2 : 1
                    continue
                }
                if !eof { return .needMore }
                at.line += 1
                at.i += 1
                continue
            }
            break
        }
        if at.i >= n { return eof ? .endOfInput : .needMore }
        return nil
    }

    /// Appends the quoted field at `at` (`""` read as `"`, line breaks kept) to `bytes`, and any
    /// text after its closing quote, which is a defect (`pending`: the first of the record).
    /// Nil when the field is read; `.needMore` when the buffer ends inside it; `.endOfInput`
    /// when its quote is never closed and `lenient` (otherwise that throws).
    @inline(__always)
    private mutating func readQuotedField(
        _ b: UnsafeBufferPointer<UInt8>, n: Int, eof: Bool, at: inout Position,
        pending: inout DataError?
    ) throws -> Outcome? {
        let sep = separator
        let quoteLine = at.line
        var j = at.i + 1
        var closed = false
        while j < n {
            let c = b[j]
            if c == 0x22 {
                if j + 1 >= n {
                    if !eof { return .needMore }
                    j += 1
                    closed = true
                    break
                }
                if b[j + 1] == 0x22 {
                    bytes.append(0x22)
                    j += 2
                    continue
                }
                j += 1
                closed = true
                break
            }
            if c == 0x0A { at.line += 1 } else if c == 0x0D, j + 1 < n, b[j + 1] != 0x0A { at.line += 1 }
            bytes.append(c)
            j += 1
        }
        if !closed {
            if !eof { return .needMore }
            let e = DataError(
                .unterminatedQuote, file: file, line: quoteLine, column: ends.count + 1,
                "a quoted field is never closed (the rest of the file is inside it)")
            if !lenient { throw e }
            // Nothing after the opening quote can be read: report it and stop.
            problems.append(e)
            start = n
            return .endOfInput
        }
        at.i = j
        var i = j
        if i < n, b[i] != sep, b[i] != 0x0A, b[i] != 0x0D {
            if pending == nil {
                pending = DataError(
                    .unterminatedQuote, file: file, line: at.line, column: ends.count + 1,
                    "text after the closing quote of a field")
            }
            while i < n, b[i] != sep, b[i] != 0x0A, b[i] != 0x0D {
                bytes.append(b[i])
                i += 1
            }
            at.i = i
            if i >= n, !eof { return .needMore }
        }
        return nil
    }

    /// Appends the unquoted field at `at` to `bytes`; `.needMore` when the buffer ends inside it.
    @inline(__always)
    private mutating func readPlainField(_ b: UnsafeBufferPointer<UInt8>, n: Int, eof: Bool, at: inout Position)
        -> Outcome?
    {
        let sep = separator
        let i = at.i
        var j = i
        while j < n {
            let c = b[j]
            if c == sep || c == 0x0A || c == 0x0D { break }
            j += 1
        }
        if j >= n, !eof { return .needMore }
        if j > i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j])) }
        at.i = j
        return nil
    }
}

import Foundation
import TimeSeriesCore

/// What the publishers' readers share: series-id slugs, finding columns by name, reading numbers
/// and text with the file and line named in every refusal.
enum ImportSupport {
    /// A series-id part from a publisher's name: lower-case ASCII letters and digits joined by
    /// single hyphens. Vietnamese letters lose their marks ("Đồng Tháp" → `dong-thap`), so a
    /// file that writes names with or without diacritics gives the same id.
    static func slug(_ text: String) -> String {
        let folded = TextKey.nfc(text).replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// The bytes of `file` (a regular file, a pipe or `-`) as UTF-8 text; a UTF-8 byte-order mark
    /// is dropped. `what` names the file in messages ("NOAA CPC text file").
    static func text(of file: URL, what: String) throws -> String {
        var data = try InputFile.bytes(of: file.path, what: what)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(.badEncoding, file: file.path, "the \(what) is not UTF-8 text")
        }
        return text
    }

    /// Text lines with their 1-based numbers; LF, CRLF or CR ends, trailing spaces kept.
    static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        var out: [(Int, Substring)] = []
        var n = 0
        for line in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            n += 1
            out.append((n, line))
        }
        return out
    }

    /// A number in a publisher's cell (`NumberParser`: no grouping, a decimal point), or a
    /// `.notNumeric` refusal naming the line, column and what was found.
    static func number(
        _ text: some StringProtocol, file: String, line: Int, column: Int? = nil, columnName: String? = nil
    ) throws -> Double {
        let s = String(text)
        guard let v = NumberParser.parse(s) else {
            throw DataError(
                .notNumeric, file: file, line: line, column: column, columnName: columnName, NumberParser.refusal(s))
        }
        return v
    }

    /// Refuses a CSV record whose width differs from the header's (`.raggedRow`, naming the line).
    static func checkWidth(_ record: CSVRecord, _ width: Int, file: String) throws {
        guard record.fields.count == width else {
            throw DataError(
                .raggedRow, file: file, line: record.line,
                "expected \(width) fields as in the header, found \(record.fields.count)")
        }
    }

    /// Reasons counted in the order they were first met.
    struct SkipCounter {
        private var order: [String] = []
        private var counts: [String: Int] = [:]

        mutating func add(_ reason: String, _ n: Int = 1) {
            guard n > 0 else { return }
            if counts[reason] == nil { order.append(reason) }
            counts[reason, default: 0] += n
        }

        var skips: [ImportSkip] { order.map { ImportSkip(reason: $0, count: counts[$0]!) } }
    }

    /// Refuses a second value for one series and period in one file, naming both places.
    struct DuplicateCheck {
        private var seen: [String: String] = [:]

        mutating func check(_ o: ImportedObservation, file: String, line: Int?) throws {
            let key = ImportSupport.key(o)
            if let first = seen[key] { throw ImportSupport.duplicate(o, first: first, file: file, line: line) }
            seen[key] = o.origin
        }
    }

    /// Series id and period: what one observation of a file must not share with another.
    static func key(_ o: ImportedObservation) -> String { o.seriesID + "\u{0}" + o.period.description }

    /// The refusal of `o`, a second value for its series and period; `first` is where the first is.
    static func duplicate(_ o: ImportedObservation, first: String, file: String, line: Int?) -> DataError {
        DataError(
            .duplicateKey, file: file, line: line,
            "series '\(o.seriesID)' has a second value for \(o.period) (\(o.origin); the first is at \(first))")
    }
}

/// A CSV header whose columns are found by name, with the file's name and header line for messages.
struct ImportHeader {
    let file: String
    let line: Int
    let names: [String]
    /// What the format is called in messages ("a WFP/HDX food-price file").
    let format: String

    init(_ fields: [String], file: String, line: Int, format: String) {
        self.names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        self.file = file
        self.line = line
        self.format = format
    }

    /// The index of the first of `candidates` present (case-insensitive), or nil.
    func optional(_ candidates: String...) -> Int? { find(candidates) }

    /// The index of the first of `candidates` present, or `.missingColumn` naming what was expected
    /// and the columns found.
    func required(_ candidates: String...) throws -> Int {
        if let j = find(candidates) { return j }
        throw DataError(
            .missingColumn, file: file, line: line,
            "\(format) needs a column '\(candidates[0])'; the header has: \(names.joined(separator: ", "))")
    }

    private func find(_ candidates: [String]) -> Int? {
        for c in candidates {
            if let j = names.firstIndex(where: { $0.caseInsensitiveCompare(c) == .orderedSame }) { return j }
        }
        return nil
    }
}

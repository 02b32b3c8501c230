import Foundation

/// Checks the structure of any CSV file (RFC 4180): a header with unique, non-empty names;
/// every row as wide as the header; UTF-8 text; quotes closed. Reports every problem.
public enum CSVStructure {
    public static func check(path: String, separator: UInt8? = nil, maxProblems: Int = 100_000) throws
        -> ValidationReport
    {
        try check(CSVTokenizer(path: path, separator: separator, lenient: true), maxProblems: maxProblems)
    }

    public static func check(data: Data, file: String, separator: UInt8? = nil, maxProblems: Int = 100_000) throws
        -> ValidationReport
    {
        try check(CSVTokenizer(data: data, file: file, separator: separator, lenient: true), maxProblems: maxProblems)
    }

    static func check(_ tokenizer: CSVTokenizer, maxProblems: Int) throws -> ValidationReport {
        var t = tokenizer
        var problems: [DataError] = []
        var count = 0
        func add(_ e: DataError) {
            count += 1
            if problems.count < maxProblems { problems.append(e) }
        }
        var rows = 0
        do {
            guard try t.next() else {
                add(DataError(.empty, file: t.file, "the file is empty: expected a header line"))
                return ValidationReport(
                    file: t.file, rows: 0, problems: problems, problemCount: count, series: [], dataset: nil)
            }
            let width = t.fieldCount
            var seen: [String: Int] = [:]
            for j in 0..<width {
                let name = (t.string(j) ?? t.lossyString(j)).trimmingCharacters(in: .whitespaces)
                if t.string(j) == nil {
                    add(
                        DataError(
                            .badEncoding, file: t.file, line: t.line, column: j + 1,
                            "the column name is not valid UTF-8"))
                }
                if name.isEmpty {
                    add(DataError(.emptyName, file: t.file, line: t.line, column: j + 1, "column \(j + 1) has no name"))
                } else if let k = seen[TextKey.nfc(name)] {
                    add(
                        DataError(
                            .duplicateColumn, file: t.file, line: t.line, column: j + 1, columnName: name,
                            "column '\(name)' appears twice in the header (also column \(k + 1))"))
                } else {
                    seen[TextKey.nfc(name)] = j
                }
            }
            while try t.next() {
                rows += 1
                if t.fieldCount != width {
                    add(
                        DataError(
                            .raggedRow, file: t.file, line: t.line, column: min(t.fieldCount, width) + 1,
                            "expected \(width) fields as in the header, found \(t.fieldCount)"))
                }
                if let bad = t.firstInvalidUTF8Field() {
                    add(
                        DataError(
                            .badEncoding, file: t.file, line: t.line, column: bad + 1, "the field is not valid UTF-8"))
                }
            }
        } catch let e as DataError where e.code == .unterminatedQuote {
            add(e)
        }
        for p in t.problems { add(p) }
        problems.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        return ValidationReport(
            file: t.file, rows: rows, problems: problems, problemCount: count, series: [], dataset: nil)
    }
}

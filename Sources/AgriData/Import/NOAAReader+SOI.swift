import Foundation
import TimeSeriesCore

extension NOAAReader {
    /// The blocks of CPC's `soi` file, by their title line, and the series each one is.
    static let soiBlocks: [(title: String, id: String)] = [
        ("ANOMALY", "enso-soi-anomaly"), ("STANDARDIZED DATA", "enso-soi"),
    ]
    static let soiHeader = "YEAR JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC"
    /// CPC's fill value for a month not yet observed.
    static let soiMissing = -999.9

    /// `soi`: two blocks, "ANOMALY" and "STANDARDIZED DATA", each a `YEAR JAN … DEC` header and a
    /// line per year of twelve values in six-character fields (`-999.9` for months to come, which
    /// may touch the value before: `2.0-999.9`).
    public static func readSOI(file: URL) throws -> ImportBatch {
        let path = file.path
        let lines = ImportSupport.lines(try ImportSupport.text(of: file, what: "NOAA CPC text file"))
        var out = Output(file: path)
        var block: String? = nil
        var sawHeader = false
        var blocksSeen = Set<String>()
        var rowsRead = 0
        for (number, raw) in lines {
            let words = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if words.isEmpty || words.hasPrefix("(") { continue }
            if let b = soiBlocks.first(where: { $0.title == words }) {
                block = b.id
                sawHeader = false
                blocksSeen.insert(b.id)
                continue
            }
            if words.hasPrefix("YEAR") {
                guard words == soiHeader else {
                    throw DataError(
                        .missingColumn, file: path, line: number, "expected the header '\(soiHeader)', found '\(words)'"
                    )
                }
                sawHeader = true
                continue
            }
            guard let id = block, sawHeader else {
                throw DataError(
                    .missingColumn, file: path, line: number,
                    "expected a block title (ANOMALY or STANDARDIZED DATA) and the header '\(soiHeader)' "
                        + "before the data, found '\(words)'")
            }
            rowsRead += 1
            try readSOIYear(raw, line: number, id: id, into: &out)
        }
        for b in soiBlocks where !blocksSeen.contains(b.id) {
            throw DataError(.missingColumn, file: path, "expected a block titled '\(b.title)'; the file has none")
        }
        return out.batch(.noaaSOI, rowsRead: rowsRead)
    }

    private static func readSOIYear(_ raw: Substring, line: Int, id: String, into out: inout Output) throws {
        let path = out.file
        let yearText = raw.prefix(4)
        guard yearText.utf8.count == 4, yearText.allSatisfy(\.isNumber), let year = Int(yearText) else {
            throw DataError(
                .badDate, file: path, line: line, column: 1, "expected a four-digit year, found '\(yearText)'")
        }
        let values = numberFields(raw.dropFirst(4))
        guard values.count == 12 else {
            throw DataError(
                .raggedRow, file: path, line: line, "expected 12 monthly values after the year, found \(values.count)")
        }
        for (k, text) in values.enumerated() {
            let v = try ImportSupport.number(text, file: path, line: line, column: k + 2, columnName: monthNames[k])
            if v == soiMissing {
                out.skips.add("missing (-999.9)")
                continue
            }
            try out.add(id, .month(year: year, month: k + 1), v, "index", line: line)
        }
    }

    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// The fields of a run of fixed-width numbers: split at spaces and before a minus sign that
    /// follows a digit (`2.0-999.9` is two fields). Anything else stays in its field, to be refused
    /// as not a number.
    static func numberFields(_ text: Substring) -> [Substring] {
        var fields: [Substring] = []
        var start: Substring.Index? = nil
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c.isWhitespace {
                if let s = start { fields.append(text[s..<i]) }
                start = nil
            } else if c == "-", let s = start, i > s, text[text.index(before: i)].isNumber {
                fields.append(text[s..<i])
                start = i
            } else if start == nil {
                start = i
            }
            i = text.index(after: i)
        }
        if let s = start { fields.append(text[s...]) }
        return fields
    }
}

import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What one worksheet cell holds (ECMA-376 Part 1, §18.3.1.4 `c`, its type `t`).
enum XLSXValue: Sendable, Equatable {
    /// A number cell (`t="n"` or no type): the stored text, read by `NumberParser` when used,
    /// so that 0.14000000000000001 reads as the double it was written from.
    case number(String)
    /// A shared string (`t="s"`), an inline string (`t="inlineStr"`), a formula's string result
    /// (`t="str"`) or an ISO 8601 date (`t="d"`).
    case text(String)
    case bool(Bool)
    /// An error value (`t="e"`): `#N/A`, `#REF!`...
    case error(String)
}

/// A worksheet's cells by row and column (both 1-based, as in `B7`); absent cells are absent.
struct XLSXSheet: Sendable {
    let name: String
    let rows: [Int: [Int: XLSXValue]]

    func value(row: Int, column: Int) -> XLSXValue? { rows[row]?[column] }

    /// The text of a text cell, trimmed; nil for other cells and absent ones.
    func text(row: Int, column: Int) -> String? {
        if case .text(let s) = value(row: row, column: column) {
            return s.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }

    /// The rows that hold at least one cell, in order.
    var rowNumbers: [Int] { rows.keys.sorted() }

    /// `AB12` for column 28 of row 12, sheet name first: `Monthly Prices!AB12`.
    func reference(row: Int, column: Int) -> String { "\(name)!\(XLSXSheet.columnName(column))\(row)" }

    /// A1-style column letters: 1 → A, 27 → AA.
    static func columnName(_ column: Int) -> String {
        var n = column
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The (row, column) of an A1-style reference such as `AB12`; nil when it is not one.
    static func parseReference(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var sawDigit = false
        for b in ref.utf8 {
            if b >= 65 && b <= 90, !sawDigit {
                column = column * 26 + Int(b - 64)
            } else if b >= 48 && b <= 57, column > 0 {
                sawDigit = true
                row = row * 10 + Int(b - 48)
                if row > 1 << 24 { return nil }
            } else {
                return nil
            }
            if column > 1 << 16 { return nil }
        }
        return sawDigit && row > 0 ? (row, column) : nil
    }
}

/// Reads a worksheet part (`sheetData` → `row` → `c` → `v` or `is`/`t`) into cells. A row or cell
/// without its `r` reference follows the one before it (the reference is optional in the
/// standard). Defects are kept in `problem` (the first one) rather than thrown from the callbacks.
final class XLSXSheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private(set) var rows: [Int: [Int: XLSXValue]] = [:]
    private(set) var problem: String?

    private var row = 0
    private var column = 0
    private var cellType: String?
    private var cellRef = ""
    private var inCell = false
    private var inValue = false
    private var inInlineText = false
    private var inPhonetic = false
    private var buffer = ""

    init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

    static func localName(_ qualified: String) -> Substring {
        if let colon = qualified.lastIndex(of: ":") { return qualified[qualified.index(after: colon)...] }
        return Substring(qualified)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch Self.localName(elementName) {
        case "row":
            row = attributes["r"].flatMap { Int($0) } ?? (row + 1)
            column = 0
        case "c":
            inCell = true
            cellType = attributes["t"]
            cellRef = attributes["r"] ?? ""
            if let ref = attributes["r"] {
                guard let (r, c) = XLSXSheet.parseReference(ref), r == row else {
                    fail("cell reference '\(ref)' is not a cell of row \(row)")
                    return
                }
                column = c
            } else {
                column += 1
            }
            buffer = ""
        case "v" where inCell:
            inValue = true
        case "rPh" where inCell:
            inPhonetic = true
        case "t" where inCell && !inPhonetic:
            inInlineText = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue || inInlineText { buffer += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch Self.localName(elementName) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "rPh": inPhonetic = false
        case "c":
            inCell = false
            store()
        default: break
        }
    }

    private func store() {
        let text = buffer
        buffer = ""
        let value: XLSXValue?
        switch cellType ?? "n" {
        case "s":
            guard let i = Int(text.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(i) else {
                if !text.isEmpty { fail("cell \(cellRef) names shared string '\(text)', which does not exist") }
                return
            }
            value = .text(sharedStrings[i])
        // A date cell (`t="d"`) holds ISO 8601 text, not a serial number.
        case "inlineStr", "str", "d": value = .text(text)
        case "b": value = .bool(text.trimmingCharacters(in: .whitespaces) == "1")
        case "e": value = .error(text)
        case "n": value = text.isEmpty ? nil : .number(text)
        default:
            fail("cell \(cellRef) has an unknown type '\(cellType ?? "")'")
            return
        }
        if let value { rows[row, default: [:]][column] = value }
    }

    private func fail(_ message: String) {
        if problem == nil { problem = message }
    }
}

/// Reads the shared-string table (`sst` → `si`): each item's text is the concatenation of its
/// `t` elements (plain or rich-text runs), phonetic runs (`rPh`) left out.
final class XLSXSharedStringsParser: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var inText = false
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch XLSXSheetParser.localName(elementName) {
        case "si":
            inItem = true
            current = ""
        case "rPh": inPhonetic = true
        case "t" where inItem && !inPhonetic: inText = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXSheetParser.localName(elementName) {
        case "si":
            inItem = false
            strings.append(current)
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

import Foundation

/// Text as it goes into XML and HTML: markup characters replaced by entities, and the text
/// optionally NFC-normalised first.
///
/// The outputs were written by three hands before this kit existed, each escaping a little
/// differently; the differences are kept as named choices so that every byte stays the same:
/// - `.xml` (NFC; `& < > " '`): the fan charts and the bulletin's HTML page, whose text comes
///   from configuration files in either normalisation form and may sit in attributes quoted with
///   either quote;
/// - `.xmlKeepingApostrophes` (NFC; `& < > "`): the notebooks' line charts, whose attributes are
///   all double-quoted;
/// - `.asWritten` (no normalisation; `& < > "`): the notebooks' HTML pages, whose text is muavu's
///   own (already NFC).
public enum Markup {
    public struct Escaping: Sendable, Equatable {
        /// NFC-normalise before escaping.
        public var normalises: Bool
        /// Write `'` as `&#39;`.
        public var escapesApostrophe: Bool

        public static let xml = Escaping(normalises: true, escapesApostrophe: true)
        public static let xmlKeepingApostrophes = Escaping(normalises: true, escapesApostrophe: false)
        public static let asWritten = Escaping(normalises: false, escapesApostrophe: false)
    }

    public static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// `s` with `&`, `<`, `>`, `"` (and `'` when `escaping` says so) replaced by entities.
    public static func escape(_ s: String, _ escaping: Escaping = .xml) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in escaping.normalises ? nfc(s) : s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where escaping.escapesApostrophe: out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

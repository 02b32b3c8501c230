import Foundation

/// The GSM 7-bit default alphabet of SMS (GSM 03.38, now 3GPP TS 23.038 §6.2.1), its counter
/// and its encoder, and the transliteration that makes a Vietnamese message fit it.
///
/// A text message of 140 octets holds 160 septets when every character is in the default
/// alphabet; a single character outside it makes the phone send the whole message as UCS-2,
/// 70 characters (TS 23.038 §6.2.3). The default alphabet has 128 characters (table 6.2.1, one
/// septet each); the extension table (6.2.1.1) adds ten more, each written as the escape 0x1B
/// followed by its code, two septets: form feed, `^ { } \ [ ~ ] | €`.
///
/// Vietnamese letters are all outside the alphabet save a few (`à é è ù ì ò` are in it, `ạ ả ã
/// ê ơ ư đ` and the tones are not), so the SMS form of a message is written without diacritics
/// (`transliterated`): every combining mark removed after canonical decomposition, `đ`→`d` and
/// `Đ`→`D` (which do not decompose), the dashes, quotes, spaces and minus signs muavu's text
/// uses mapped to their ASCII forms, anything else to `?`.
public enum GSM7 {
    /// The default alphabet, by code 0x00–0x7F (0x1B is the escape to the extension table, never
    /// a character of a text; it is the NUL here and excluded from `defaultCodes`).
    static let defaultTable: [Character] = Array(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u{0}ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")

    /// The escape that announces a character of the extension table.
    public static let escape: UInt8 = 0x1B

    /// The extension table: character → the code written after the escape.
    static let extensionCodes: [Character: UInt8] = [
        "\u{0C}": 0x0A, "^": 0x14, "{": 0x28, "}": 0x29, "\\": 0x2F, "[": 0x3C, "~": 0x3D, "]": 0x3E,
        "|": 0x40, "€": 0x65,
    ]

    /// The default alphabet: character → code.
    static let defaultCodes: [Character: UInt8] = {
        var codes: [Character: UInt8] = [:]
        for (code, c) in defaultTable.enumerated() where code != Int(escape) { codes[c] = UInt8(code) }
        return codes
    }()

    /// The septets of one character: 1 in the default alphabet, 2 in the extension table, nil
    /// outside both.
    public static func septets(of c: Character) -> Int? {
        if defaultCodes[c] != nil { return 1 }
        if extensionCodes[c] != nil { return 2 }
        return nil
    }

    /// The septets `text` takes in the GSM default alphabet (extension characters counted 2), or
    /// nil when a character is outside it (the message would go as UCS-2). Characters are
    /// compared as written: a decomposed `e` + U+0301 is two characters' worth of nothing.
    public static func septets(_ text: String) -> Int? {
        var n = 0
        for scalar in text.unicodeScalars {
            guard let k = septets(of: Character(scalar)) else { return nil }
            n += k
        }
        return n
    }

    /// True when every character of `text` is in the default alphabet or its extension.
    public static func isEncodable(_ text: String) -> Bool { septets(text) != nil }

    /// The septet codes of `text` (unpacked, one per byte, the extension's after 0x1B), or nil
    /// when a character is outside the alphabet.
    public static func encode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            let c = Character(scalar)
            if let code = defaultCodes[c] {
                out.append(code)
            } else if let code = extensionCodes[c] {
                out += [escape, code]
            } else {
                return nil
            }
        }
        return out
    }

    /// Characters of muavu's text that are outside the alphabet but have a plain form in it.
    static let substitutes: [Unicode.Scalar: String] = [
        "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-", "\u{2010}": "-", "\u{2011}": "-",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2026}": "...",
        "\u{00A0}": " ", "\u{202F}": " ", "\u{2009}": " ", "\u{2007}": " ", "\u{00D7}": "x",
        "\u{2192}": "->", "\u{2022}": "-", "\u{00B7}": ".", "\t": " ", "`": "'",
        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    ]

    /// `text` in the default alphabet, without diacritics: marks removed after canonical
    /// decomposition (`ế` → `e`), `đ`/`Đ` → `d`/`D`, `substitutes` for dashes, quotes and spaces,
    /// `?` for any other character outside the alphabet (and for controls other than LF/CR).
    /// Letters of the alphabet that carry a mark (`é`, `Ä`) lose it too, so that a Vietnamese
    /// sentence reads evenly without marks.
    public static func transliterated(_ text: String) -> String {
        var out = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .spacingMark
                || scalar.properties.generalCategory == .enclosingMark
            {
                continue
            }
            if let s = substitutes[scalar] {
                out += s
            } else if scalar.value < 0x20, scalar != "\n", scalar != "\r" {
                out += "?"
            } else if septets(of: Character(scalar)) != nil {
                out.unicodeScalars.append(scalar)
            } else {
                out += "?"
            }
        }
        return out
    }
}

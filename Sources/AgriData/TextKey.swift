import Foundation

/// Vietnamese text compares by its NFC form (Unicode Standard Annex #15): "Đồng Tháp" typed with
/// precomposed letters and with combining marks is one name. Output keeps the spelling as read.
public enum TextKey {
    /// The canonical-composition (NFC) form of `text`, used as a lookup key.
    public static func nfc(_ text: String) -> String {
        // Pure ASCII is already in NFC; skip Foundation for it.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Whether two names are the same once NFC-normalised and trimmed of surrounding spaces.
    public static func same(_ a: String, _ b: String) -> Bool {
        nfc(a.trimmingCharacters(in: .whitespaces)) == nfc(b.trimmingCharacters(in: .whitespaces))
    }

    /// NFC, lower case, without diacritics (đ → d), trimmed: "Đồng Tháp" and "dong thap" compare
    /// equal. Names typed by people (commodities, markets, varieties) compare so.
    public static func folded(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased().replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }

    /// `folded` without anything but letters and digits: "IR 50404", "ir50404" and "IR-50404"
    /// are one variety, "Đài Thơm 8" and "dai thom 8" another.
    public static func compact(_ text: String) -> String {
        String(folded(text).filter { $0.isLetter || $0.isNumber })
    }
}

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
}

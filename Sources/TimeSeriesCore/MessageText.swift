/// User text (series ids, dates, cells) as it is quoted in messages: control characters, which a
/// terminal would not show or would act on, are written visibly. A NUL is `\0`, a line break `\n`,
/// a tab `\t`, a carriage return `\r`, any other control character `U+XXXX`.
public enum MessageText {
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            guard isControl(u) else {
                out.unicodeScalars.append(u)
                continue
            }
            switch u.value {
            case 0x00: out += "\\0"
            case 0x0A where keepingLineBreaks: out += "\n"
            case 0x09 where keepingLineBreaks: out += "\t"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            default:
                let hex = String(u.value, radix: 16, uppercase: true)
                out += "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return out
    }

    /// C0 controls, DEL and the C1 controls.
    private static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value)
    }
}

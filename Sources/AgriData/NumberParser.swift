import Foundation

/// Parses decimal numbers as written in data files: optional sign, digits, decimal point,
/// exponent. No thousands separators, no decimal commas, no locale, no hex, `inf` or `nan`.
///
/// Numbers whose significand fits in 2^53 and whose decimal exponent is at most 22 in size are
/// converted exactly with one IEEE multiplication or division (Clinger's fast path: both operands
/// are exact doubles, so the one rounding is the correct one; W. D. Clinger, "How to read floating
/// point numbers accurately", PLDI 1990). Everything else goes to `strtod`, which rounds correctly.
public enum NumberParser {
    /// Why `text` is not read as a number: a number too large for a double is said to be one,
    /// rather than "not a number".
    public static func refusal(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if !t.isEmpty, t.allSatisfy({ "0123456789+-.eE".contains($0) }), let v = Double(t), v.isInfinite {
            return "'\(t)' is beyond the largest number a double holds (±1.8e308)"
        }
        return "expected a number, found '\(text)'"
    }

    public static func parse(_ text: String) -> Double? {
        var t = text
        return t.withUTF8 { parse(bytes: $0) }
    }

    private static let powersOfTen: [Double] = (0...22).map { p in
        var v = 1.0
        for _ in 0..<p { v *= 10 }
        return v
    }

    /// Parses a field's bytes; surrounding spaces and tabs are ignored. `nil` when not a number.
    @inline(__always)
    public static func parse(bytes raw: UnsafeBufferPointer<UInt8>) -> Double? {
        var lo = 0
        var hi = raw.count
        while lo < hi, raw[lo] == 0x20 || raw[lo] == 0x09 { lo += 1 }
        while hi > lo, raw[hi - 1] == 0x20 || raw[hi - 1] == 0x09 { hi -= 1 }
        guard lo < hi else { return nil }
        var i = lo
        var negative = false
        if raw[i] == 0x2D || raw[i] == 0x2B {
            negative = raw[i] == 0x2D
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0  // significant digits kept in `mantissa`
        var dropped = false  // a nonzero digit did not fit
        var exponent = 0
        var sawDigit = false
        while i < hi, raw[i] &- 0x30 < 10 {
            sawDigit = true
            let d = UInt64(raw[i] &- 0x30)
            if mantissa == 0 && d == 0 {
                // leading zero
            } else if digits < 19 {
                mantissa = mantissa &* 10 &+ d
                digits += 1
            } else {
                exponent += 1
                if d != 0 { dropped = true }
            }
            i += 1
        }
        if i < hi, raw[i] == 0x2E {
            i += 1
            while i < hi, raw[i] &- 0x30 < 10 {
                sawDigit = true
                let d = UInt64(raw[i] &- 0x30)
                if mantissa == 0 && d == 0 {
                    exponent -= 1
                } else if digits < 19 {
                    mantissa = mantissa &* 10 &+ d
                    digits += 1
                    exponent -= 1
                } else if d != 0 {
                    dropped = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < hi, raw[i] == 0x65 || raw[i] == 0x45 {
            i += 1
            var expNegative = false
            if i < hi, raw[i] == 0x2D || raw[i] == 0x2B {
                expNegative = raw[i] == 0x2D
                i += 1
            }
            var e = 0
            var expDigits = false
            while i < hi, raw[i] &- 0x30 < 10 {
                expDigits = true
                if e < 100_000 { e = e * 10 + Int(raw[i] &- 0x30) }
                i += 1
            }
            guard expDigits else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == hi else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !dropped, mantissa <= (1 << 53), exponent >= -22, exponent <= 22 {
            var v = Double(mantissa)
            if exponent < 0 { v /= powersOfTen[-exponent] } else { v *= powersOfTen[exponent] }
            return negative ? -v : v
        }
        return slowParse(UnsafeBufferPointer(rebasing: raw[lo..<hi]))
    }

    private static func slowParse(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var cString = [CChar](repeating: 0, count: text.count + 1)
        for (k, b) in text.enumerated() { cString[k] = CChar(bitPattern: b) }
        let v = cString.withUnsafeBufferPointer { strtod($0.baseAddress!, nil) }
        return v.isFinite ? v : nil
    }
}

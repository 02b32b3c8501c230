import Foundation

/// What is read when a file does not declare its number format (docs/design/number-formats.md).
extension NumberFormat {
    /// The formats tried on a value that is not a number with a decimal point, to say in the
    /// message what it would be if the file declared one of them.
    static let alternatives: [NumberFormat] = [
        NumberFormat(checkedDecimal: ",", group: "."), NumberFormat(checkedDecimal: ".", group: ","),
        NumberFormat(checkedDecimal: ",", group: nil), NumberFormat(checkedDecimal: ",", group: " "),
        NumberFormat(checkedDecimal: ".", group: " "),
    ]

    /// True when values in `unit` are checked for the two readings of "9.250" where the file
    /// declares no format: amounts of đồng (VND, đồng, đ, VNĐ over anything: prices in đồng/kg,
    /// đồng/t, totals in đồng), and masses and areas (t, kg, tạ, nghìn tấn, ha, nghìn ha...).
    /// Vietnamese writing groups thousands with '.', and these are the numbers it writes with
    /// thousands: đồng have no minor unit in use (ISO 4217 gives VND 0 decimals), and a tonnage or
    /// an area typed by hand is a whole number. Rates of other quantities (t/ha, USD/t) and
    /// unknown units are not checked: a three-decimal value there is ordinary (the Pink Sheet's
    /// 225.802 USD/t).
    public static func checksAmbiguity(unit: String?) -> Bool {
        guard let unit, let u = UnitOfMeasure.known(unit) else { return false }
        if case .currency("VND") = u.numerator.dimension { return true }
        return u.denominator == nil && (u.numerator.dimension == .mass || u.numerator.dimension == .area)
    }

    /// The two readings of a value written as an optional sign, one to three digits not starting
    /// with 0, one '.', and exactly three digits, spaces and tabs aside: "9.250" is 9.25 with '.'
    /// as the decimal mark or 9250 with '.' grouping thousands. Nil for any other text.
    @inline(__always)
    public static func ambiguousReadings(bytes f: UnsafeBufferPointer<UInt8>) -> (decimal: Double, grouped: Double)? {
        var lo = 0
        var hi = f.count
        while lo < hi, f[lo] == 0x20 || f[lo] == 0x09 { lo += 1 }
        while hi > lo, f[hi - 1] == 0x20 || f[hi - 1] == 0x09 { hi -= 1 }
        var negative = false
        if lo < hi, f[lo] == 0x2D || f[lo] == 0x2B {
            negative = f[lo] == 0x2D
            lo += 1
        }
        let n = hi - lo
        guard (5...7).contains(n), f[hi - 4] == 0x2E, f[lo] != 0x30 else { return nil }
        var whole = 0
        for i in lo..<hi where i != hi - 4 {
            let d = f[i] &- 0x30
            guard d < 10 else { return nil }
            whole = whole * 10 + Int(d)
        }
        let grouped = Double(whole)
        let decimal = grouped / 1000
        return negative ? (-decimal, -grouped) : (decimal, grouped)
    }

    /// `ambiguousReadings` of a string.
    public static func ambiguousReadings(_ text: String) -> (decimal: Double, grouped: Double)? {
        var t = text
        return t.withUTF8 { ambiguousReadings(bytes: $0) }
    }

    /// What `text`, not a number with a decimal point, would be in each format of `alternatives`
    /// that reads it: "'9.250,5' is 9250.5 with --decimal-char , --group-char ." (empty when none).
    public static func readingsHint(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        let found = alternatives.compactMap { f in f.parse(t).map { (f, $0) } }
        guard !found.isEmpty else { return "" }
        let list = found.map { "\(number($0.1)) with \($0.0.options)" }
        return "; it reads as " + list.joined(separator: ", or ") + ": declare how the file writes numbers"
    }

    /// A number as plain text without exponent for messages: 9250, 9.25, 9250.5.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(v)
    }
}

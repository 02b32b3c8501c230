import Foundation

/// How the numbers of a file or column are written: the decimal mark and the thousands
/// separator, Frictionless Table Schema's `decimalChar` (default `.`) and `groupChar` (default
/// none) of a number field.
///
/// With a group separator, the integer part is read in groups: the first of one to three digits,
/// every later one of exactly three ("9.250", "1.250.000"); a separator anywhere else ("92.50",
/// "9.2500", "9..250", "9.", one in the fractional part) refuses the value, since it is no
/// thousands grouping and may be a decimal typed with the wrong mark. docs/design/number-formats.md
/// gives the reasons, and the rule for files that declare nothing (`ambiguousReadings`).
public struct NumberFormat: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One character, not a digit, sign or exponent letter.
    public let decimalChar: String
    /// One character other than `decimalChar`, or nil: no grouping.
    public let groupChar: String?

    /// `.` as the decimal mark, no thousands separator: the contract's default, and what
    /// `NumberParser` reads.
    public static let standard = NumberFormat(checkedDecimal: ".", group: nil)

    init(checkedDecimal: String, group: String?) {
        decimalChar = checkedDecimal
        groupChar = group
    }

    /// Throws `.badConfiguration` when a mark is not one character, is a digit, sign, `e`/`E` or
    /// a quote, or when both marks are the same.
    public init(decimalChar: String = ".", groupChar: String? = nil) throws {
        func check(_ mark: String, _ name: String) throws {
            guard mark.count == 1, let c = mark.first, !c.isNumber, !"+-eE\"".contains(c) else {
                throw DataError(
                    .badConfiguration, file: "number format",
                    "\(name) must be one character other than a digit, a sign, e, E or a quote, not '\(mark)'")
            }
        }
        try check(decimalChar, "decimalChar")
        let group = groupChar.flatMap { $0.isEmpty ? nil : $0 }
        if let group {
            try check(group, "groupChar")
            guard group != decimalChar else {
                throw DataError(
                    .badConfiguration, file: "number format",
                    "decimalChar and groupChar are both '\(group)'; a number needs two different marks")
            }
        }
        self.init(checkedDecimal: decimalChar, group: group)
    }

    /// The format a file or field declares with either mark or both, nil when it declares neither.
    /// A group separator '.' declared alone makes ',' the decimal mark (the Vietnamese way of
    /// writing, "9.250,5"); otherwise the decimal mark defaults to '.', as in Frictionless.
    public static func declared(decimalChar: String?, groupChar: String?) throws -> NumberFormat? {
        guard decimalChar != nil || groupChar != nil else { return nil }
        let decimal = decimalChar ?? (groupChar == "." ? "," : ".")
        return try NumberFormat(decimalChar: decimal, groupChar: groupChar)
    }

    public var isStandard: Bool { self == .standard }

    /// `decimalChar '.'` or `decimalChar ',' groupChar '.'`, for messages.
    public var description: String {
        "decimalChar '\(decimalChar)'" + (groupChar.map { " groupChar '\($0)'" } ?? " and no groupChar")
    }

    /// The options that declare this format on the command line.
    public var options: String {
        "--decimal-char \(quoted(decimalChar))" + (groupChar.map { " --group-char \(quoted($0))" } ?? "")
    }

    private func quoted(_ s: String) -> String { s == " " || s == "'" || s == ";" ? "'\(s)'" : s }

    // MARK: Reading

    /// The number `text` writes in this format; nil when it is not one (`refusal` says why).
    public func parse(_ text: String) -> Double? {
        var t = text
        return t.withUTF8 { parse(bytes: $0) }
    }

    /// A field's bytes read in this format (surrounding spaces and tabs ignored): the marks are
    /// checked and rewritten as a plain decimal, which `NumberParser` reads.
    public func parse(bytes raw: UnsafeBufferPointer<UInt8>) -> Double? {
        if isStandard { return NumberParser.parse(bytes: raw) }
        guard case .number(let v) = read(raw) else { return nil }
        return v
    }

    /// Why `text` is not a number in this format.
    public func refusal(_ text: String) -> String {
        var t = text
        let outcome = t.withUTF8 { read($0) }
        if case .misplacedGroup(let why) = outcome {
            return "'\(text)' is not a number with \(description): \(why)"
        }
        return NumberParser.refusal(text) + (isStandard ? "" : " with \(description)")
    }

    enum Outcome: Equatable {
        case number(Double)
        case notANumber
        case misplacedGroup(String)
    }

    static let grouping =
        "thousands are grouped by three digits after a first group of one to three, not starting with 0"

    /// Reads [sign] integer part [decimal mark, digits] [exponent], the integer part in groups when
    /// the format has a separator, into a plain decimal for `NumberParser`.
    private func read(_ field: UnsafeBufferPointer<UInt8>) -> Outcome {
        var lo = 0
        var hi = field.count
        while lo < hi, field[lo] == 0x20 || field[lo] == 0x09 { lo += 1 }
        while hi > lo, field[hi - 1] == 0x20 || field[hi - 1] == 0x09 { hi -= 1 }
        let raw = UnsafeBufferPointer(rebasing: field[lo..<hi])
        let decimal = Array(decimalChar.utf8)
        let group = groupChar.map { Array($0.utf8) } ?? []
        func at(_ i: Int, _ mark: [UInt8]) -> Bool {
            !mark.isEmpty && i + mark.count <= raw.count && (0..<mark.count).allSatisfy { raw[i + $0] == mark[$0] }
        }
        func isDigit(_ i: Int) -> Bool { i < raw.count && raw[i] &- 0x30 < 10 }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        if i < raw.count, raw[i] == 0x2B || raw[i] == 0x2D {
            out.append(raw[i])
            i += 1
        }
        // The integer part: `groups` counts the separators, `run` the digits since the last one.
        var groups = 0
        var run = 0
        var first: UInt8 = 0
        while i < raw.count {
            if isDigit(i) {
                if run == 0, groups == 0 { first = raw[i] }
                out.append(raw[i])
                run += 1
                i += 1
            } else if at(i, group) {
                let firstGroupOK = groups == 0 && (1...3).contains(run) && !(first == 0x30 && run >= 1)
                guard firstGroupOK || (groups > 0 && run == 3) else { return .misplacedGroup(Self.grouping) }
                groups += 1
                run = 0
                i += group.count
            } else {
                break
            }
        }
        if groups > 0, run != 3 { return .misplacedGroup(Self.grouping) }
        if at(i, decimal) {
            out.append(0x2E)
            i += decimal.count
            while isDigit(i) {
                out.append(raw[i])
                i += 1
            }
            if at(i, group) {
                return .misplacedGroup(
                    "'\(groupChar ?? "")' groups thousands, so it has no place after '\(decimalChar)'")
            }
        }
        if i < raw.count, raw[i] == 0x65 || raw[i] == 0x45 {
            while i < raw.count, raw[i] == 0x65 || raw[i] == 0x45 || raw[i] == 0x2B || raw[i] == 0x2D || isDigit(i) {
                out.append(raw[i])
                i += 1
            }
        }
        guard i == raw.count else { return .notANumber }
        let v = out.withUnsafeBufferPointer { NumberParser.parse(bytes: $0) }
        return v.map(Outcome.number) ?? .notANumber
    }
}

import Foundation

/// A plausible range for the values of the series it matches.
///
/// A range matches a series when its `unit` (if given) equals the series' unit (NFC-normalised)
/// and every token of `idContains` (if given) is one of the tokens of the series id (split at
/// `-`, `_`, `.` and spaces, lower-cased). All matching ranges apply (their intersection).
public struct PlausibleRange: Codable, Sendable, Equatable {
    public var unit: String?
    public var idContains: [String]?
    public var min: Double?
    public var max: Double?
    /// Why the bound is what it is (shown in messages).
    public var note: String?

    public init(
        unit: String? = nil, idContains: [String]? = nil, min: Double? = nil, max: Double? = nil,
        note: String? = nil
    ) {
        self.unit = unit
        self.idContains = idContains
        self.min = min
        self.max = max
        self.note = note
    }
}

/// Impossible-value rules: quantities that cannot be negative, and yields no field reaches.
///
/// Loaded from JSON of the form `{"ranges": [{"unit": "t/ha", "idContains": ["rice"], "max": 15}]}`
/// (`--bounds FILE`), or `ValueBounds.standard`.
public struct ValueBounds: Codable, Sendable, Equatable {
    public var ranges: [PlausibleRange]

    public init(ranges: [PlausibleRange]) { self.ranges = ranges }

    /// Non-negative areas, quantities and prices; yields below the highest ever recorded in
    /// trials (rice about 15 t/ha a crop; national averages are 4–7 t/ha), with room for
    /// fruit (mango orchards rarely exceed 30 t/ha).
    public static let standard = ValueBounds(
        ranges: [
            "ha", "t", "kg", "tạ", "VND/kg", "VND/t", "USD/t", "USD/kg", "USD/bbl", "THB/t", "THB/kg",
            "VND", "USD", "t/ha", "tạ/ha", "kg/ha", "VND/USD",
        ].map {
            PlausibleRange(unit: $0, min: 0, note: "a quantity, area or price cannot be negative")
        } + [
            PlausibleRange(unit: "t/ha", max: 60, note: "no crop yields more than 60 t/ha"),
            PlausibleRange(unit: "t/ha", idContains: ["rice"], max: 15, note: "rice yields stay below 15 t/ha a crop"),
            PlausibleRange(unit: "t/ha", idContains: ["mango"], max: 40, note: "mango yields stay below 40 t/ha"),
            PlausibleRange(unit: "tạ/ha", max: 600, note: "no crop yields more than 600 tạ/ha"),
            PlausibleRange(
                unit: "tạ/ha", idContains: ["rice"], max: 150, note: "rice yields stay below 150 tạ/ha a crop"),
        ])

    /// Reads bounds from a JSON file. Throws `.badConfiguration` with the decoder's reason.
    public static func load(path: String) throws -> ValueBounds {
        let data = try InputFile.bytes(of: path, what: "bounds file")
        do {
            return try JSONDecoder().decode(ValueBounds.self, from: data)
        } catch {
            throw DataError(.badConfiguration, file: path, "not a bounds file: \(error)")
        }
    }

    /// The combined range for a series, and the notes of the rules that set it.
    public func range(id: String, unit: String?) -> (min: Double, max: Double, minNote: String?, maxNote: String?) {
        let tokens = Set(
            TextKey.nfc(id).lowercased()
                .split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " }).map(String.init))
        let u = unit.map { TextKey.nfc($0) }
        var lo = -Double.infinity
        var hi = Double.infinity
        var loNote: String? = nil
        var hiNote: String? = nil
        for r in ranges {
            if let ru = r.unit, TextKey.nfc(ru) != u { continue }
            if let want = r.idContains, !want.allSatisfy({ tokens.contains(TextKey.nfc($0).lowercased()) }) { continue }
            if let m = r.min, m > lo {
                lo = m
                loNote = r.note
            }
            if let m = r.max, m < hi {
                hi = m
                hiNote = r.note
            }
        }
        return (lo, hi, loNote, hiNote)
    }
}

import Foundation

/// A range for the values of the series it matches: impossible outside (a negative price), or
/// implausible outside (9.25 đồng/kg for paddy) unless the row is confirmed.
///
/// A range matches a series when its `unit` (if given) is the series' unit or converts into it
/// (`UnitOfMeasure`: a bound in đồng/kg applies to a series in VND/t, converted ×1000; a unit
/// muavu does not know matches only itself, NFC-normalised), and every token of `idContains`
/// (if given) is one of the tokens of the series id (split at `-`, `_`, `.` and spaces,
/// lower-cased). All matching ranges apply (their intersection).
public struct PlausibleRange: Codable, Sendable, Equatable {
    public var unit: String?
    public var idContains: [String]?
    public var min: Double?
    public var max: Double?
    /// Why the bound is what it is (shown in messages).
    public var note: String?
    /// Where the bound comes from: the data range it was set from and the margin, or the
    /// definition (shown in messages).
    public var source: String?
    /// True: a value outside cannot be (a negative area), and no confirmation lifts the refusal.
    /// False or absent: a value outside is implausible, refused unless its row is confirmed.
    public var impossible: Bool?

    public init(
        unit: String? = nil, idContains: [String]? = nil, min: Double? = nil, max: Double? = nil,
        note: String? = nil, source: String? = nil, impossible: Bool? = nil
    ) {
        (self.unit, self.idContains, self.min, self.max, self.note) = (unit, idContains, min, max, note)
        (self.source, self.impossible) = (source, impossible)
    }
}

/// Impossible-value and plausible-range rules per unit and per series.
///
/// Loaded from JSON of the form
/// `{"ranges": [{"unit": "VND/kg", "idContains": ["paddy"], "min": 2000, "max": 20000, "source": "…"}]}`
/// (`--bounds FILE`), or `ValueBounds.standard` (the same as datasets/bounds.json).
public struct ValueBounds: Codable, Sendable, Equatable {
    public var ranges: [PlausibleRange]

    public init(ranges: [PlausibleRange]) { self.ranges = ranges }

    /// Reads bounds from a JSON file. Throws `.badConfiguration` with the decoder's reason.
    public static func load(path: String) throws -> ValueBounds {
        let data = try InputFile.bytes(of: path, what: "bounds file")
        do {
            return try JSONDecoder().decode(ValueBounds.self, from: data)
        } catch {
            throw DataError(.badConfiguration, file: path, "not a bounds file: \(error)")
        }
    }

    /// The ranges that apply to series `id` in `unit`, intersected, in the series' unit.
    public func bounds(id: String, unit: String?) -> SeriesBounds {
        let tokens = Set(
            TextKey.nfc(id).lowercased()
                .split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " }).map(String.init))
        let u = unit.map { TextKey.nfc($0) }
        let seriesUnit = u.flatMap(UnitOfMeasure.known)
        var b = SeriesBounds(unit: unit)
        for r in ranges {
            if let want = r.idContains, !want.allSatisfy({ tokens.contains(TextKey.nfc($0).lowercased()) }) { continue }
            var convert: (Double) -> Double = { $0 }
            if let ru = r.unit.map(TextKey.nfc), ru != u {
                guard let from = UnitOfMeasure.known(ru), let to = seriesUnit, from.converts(to: to) else { continue }
                convert = { (try? from.convert($0, to: to)) ?? $0 }
            }
            let impossible = r.impossible ?? false
            if let m = r.min {
                b.tighten(.init(value: convert(m), ruleValue: m, rule: r, isMinimum: true, impossible: impossible))
            }
            if let m = r.max {
                b.tighten(.init(value: convert(m), ruleValue: m, rule: r, isMinimum: false, impossible: impossible))
            }
        }
        return b
    }

    /// Why `value` of series `id` (in `unit`) is refused, or nil: for importers, which read
    /// `confirmed` from the publisher's file.
    public func violation(_ value: Double, id: String, unit: String?, confirmed: Bool) -> SeriesBounds.Violation? {
        bounds(id: id, unit: unit).violation(value, confirmed: confirmed)
    }
}

/// The bounds that apply to one series, in its unit: the tightest impossible and plausible
/// limits on each side.
public struct SeriesBounds: Sendable, Equatable {
    /// One limit and the rule that set it.
    public struct Limit: Sendable, Equatable {
        /// In the series' unit.
        public var value: Double
        /// In the rule's unit.
        public var ruleValue: Double
        public var rule: PlausibleRange
        public var isMinimum: Bool
        public var impossible: Bool
    }

    /// A value outside a limit.
    public struct Violation: Sendable, Equatable {
        public var limit: Limit
        public var code: DataError.Code { limit.impossible ? .impossibleValue : .implausibleValue }

        /// "9.25 is below the plausible minimum 2000 VND/kg for series 'paddy' (…; source: …)".
        public func message(value text: String, series: String, unit: String?) -> String {
            let l = limit
            var bound = "\(l.impossible ? "" : "plausible ")\(l.isMinimum ? "minimum" : "maximum") "
            bound += NumberFormat.number(l.value) + (unit.map { " \($0)" } ?? "")
            if let ru = l.rule.unit, l.ruleValue != l.value {
                bound += " (\(NumberFormat.number(l.ruleValue)) \(ru))"
            }
            var why = [l.rule.note, l.rule.source.map { "source: \($0)" }].compactMap { $0 }.joined(separator: "; ")
            why = why.isEmpty ? "" : ": \(why)"
            let escape =
                l.impossible
                ? ""
                : "; if the value is real, write 'confirmed' in the row's flag column (docs/design/number-formats.md)"
            return "\(text) is \(l.isMinimum ? "below" : "above") the \(bound) for series '\(series)'\(why)\(escape)"
        }
    }

    public var unit: String?
    public var impossibleMin: Limit?, impossibleMax: Limit?
    public var plausibleMin: Limit?, plausibleMax: Limit?

    init(unit: String?) { self.unit = unit }

    /// The lowest and highest values accepted without confirmation.
    public var min: Double { Swift.max(impossibleMin?.value ?? -.infinity, plausibleMin?.value ?? -.infinity) }
    public var max: Double { Swift.min(impossibleMax?.value ?? .infinity, plausibleMax?.value ?? .infinity) }

    mutating func tighten(_ l: Limit) {
        func tighter(_ old: Limit?) -> Limit {
            guard let old else { return l }
            return (l.isMinimum ? l.value > old.value : l.value < old.value) ? l : old
        }
        switch (l.impossible, l.isMinimum) {
        case (true, true): impossibleMin = tighter(impossibleMin)
        case (true, false): impossibleMax = tighter(impossibleMax)
        case (false, true): plausibleMin = tighter(plausibleMin)
        case (false, false): plausibleMax = tighter(plausibleMax)
        }
    }

    /// The limit `v` breaks: an impossible one first, then (unless `confirmed`) a plausible one.
    @inline(__always)
    public func violation(_ v: Double, confirmed: Bool) -> Violation? {
        if let l = impossibleMin, v < l.value { return Violation(limit: l) }
        if let l = impossibleMax, v > l.value { return Violation(limit: l) }
        if confirmed { return nil }
        if let l = plausibleMin, v < l.value { return Violation(limit: l) }
        if let l = plausibleMax, v > l.value { return Violation(limit: l) }
        return nil
    }
}

import Foundation

/// A unit of the statistics muavu reads, typed: a numerator and an optional denominator, each a
/// known symbol with its dimension (mass, area, a currency, a count) and its size in that
/// dimension's base (kg, ha, one unit of the currency). Written as statistics offices write
/// them: `t`, `tạ/ha`, `VND/kg`, `đồng/kg`, `USD/t`, `nghìn tấn`.
///
/// Named `UnitOfMeasure` rather than `Unit`, which Foundation already declares (`NSUnit`).
///
/// Sizes, exact by definition: 1 t = 1 tấn = 10 tạ = 100 yến = 1000 kg (the Vietnamese market
/// units: tạ = 100 kg, yến = 10 kg); 1 nghìn tấn = 1000 t; 1 ha = 10,000 m²; 1 km² = 100 ha;
/// 1 nghìn ha = 1000 ha. `đồng`, `đ` and `VNĐ` are spellings of `VND`; `nghìn đồng` is 1000 VND.
/// A conversion never changes a currency: that needs an exchange-rate series
/// (`Units.convertCurrency`).
public struct UnitOfMeasure: Sendable, Hashable, CustomStringConvertible {
    /// What a unit measures. Two units convert into each other when their numerators and their
    /// denominators have the same dimensions (a currency is its own dimension).
    public enum Dimension: Sendable, Hashable, CustomStringConvertible {
        case mass, area, count
        case currency(String)

        public var description: String {
            switch self {
            case .mass: "mass"
            case .area: "area"
            case .count: "count"
            case .currency(let code): "an amount of \(code)"
            }
        }
    }

    /// One side of a unit: its symbol as written (NFC), its dimension and its size in the
    /// dimension's base.
    public struct Term: Sendable, Hashable {
        public var symbol: String
        public var dimension: Dimension
        public var scale: Double
    }

    public var numerator: Term
    public var denominator: Term?

    /// The unit as written (NFC), e.g. `tạ/ha`.
    public var description: String { numerator.symbol + (denominator.map { "/" + $0.symbol } ?? "") }

    /// Size of each known symbol (NFC) in its dimension's base.
    static let terms: [String: (Dimension, Double)] = {
        let vnd = Dimension.currency("VND")
        var t: [String: (Dimension, Double)] = [
            "g": (.mass, 0.001), "kg": (.mass, 1), "yến": (.mass, 10), "tạ": (.mass, 100), "t": (.mass, 1000),
            "tấn": (.mass, 1000), "nghìn tấn": (.mass, 1_000_000),
            "m2": (.area, 1e-4), "m²": (.area, 1e-4), "ha": (.area, 1), "nghìn ha": (.area, 1000),
            "km2": (.area, 100), "km²": (.area, 100),
            "VND": (vnd, 1), "đồng": (vnd, 1), "đ": (vnd, 1), "VNĐ": (vnd, 1), "nghìn đồng": (vnd, 1000),
            "USD": (.currency("USD"), 1), "THB": (.currency("THB"), 1), "IDR": (.currency("IDR"), 1),
            "1": (.count, 1),
        ]
        for (k, v) in t { t[TextKey.nfc(k)] = v }
        return t
    }()

    /// Reads a unit such as `tạ/ha` (NFC-normalised, spaces around `/` ignored). Throws
    /// `.badConfiguration` naming the unit when a symbol is not known.
    public init(_ text: String) throws {
        let parts = TextKey.nfc(text).split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        func term(_ s: String) throws -> Term {
            guard let (dimension, scale) = Self.terms[s] else {
                throw DataError(
                    .badConfiguration, file: "units",
                    "unknown unit '\(s)' in '\(text)' (known: \(Self.terms.keys.sorted().joined(separator: ", ")), "
                        + "and A/B of them)")
            }
            return Term(symbol: s, dimension: dimension, scale: scale)
        }
        guard (1...2).contains(parts.count) else {
            throw DataError(.badConfiguration, file: "units", "unknown unit '\(text)': at most one '/' is read")
        }
        numerator = try term(parts[0])
        denominator = parts.count == 2 ? try term(parts[1]) : nil
    }

    /// The unit, or nil when it is not one `init` reads (`°C`, `index`).
    public static func known(_ text: String) -> UnitOfMeasure? { try? UnitOfMeasure(text) }

    /// True when a number in this unit converts into `other` (same dimensions above and below).
    public func converts(to other: UnitOfMeasure) -> Bool {
        numerator.dimension == other.numerator.dimension
            && denominator?.dimension == other.denominator?.dimension
    }

    /// The number `x` in this unit is `x * factor(to: other)` in `other`:
    /// (numerator scale × other's denominator scale) / (other's numerator scale × denominator scale).
    /// Throws `.incompatibleUnit` when the dimensions differ (t/ha to VND/kg) or a currency would
    /// change (that needs a rate).
    public func factor(to other: UnitOfMeasure) throws -> Double {
        try convert(1, to: other)
    }

    /// `x` in this unit, expressed in `other`; computed as one product over one product, so that a
    /// bound of 150 tạ/ha is exactly 15 t/ha.
    public func convert(_ x: Double, to other: UnitOfMeasure) throws -> Double {
        guard converts(to: other) else {
            throw DataError(
                .incompatibleUnit, file: "units",
                "cannot convert \(self) to \(other): \(self) is \(dimensionText) and \(other) is "
                    + "\(other.dimensionText)"
                    + (isCurrencyChange(to: other)
                        ? " (a currency changes only with a named exchange-rate series)" : ""))
        }
        let up = numerator.scale * (other.denominator?.scale ?? 1)
        let down = other.numerator.scale * (denominator?.scale ?? 1)
        return x * up / down
    }

    /// The same unit with another numerator (`USD/t` with `VND` is `VND/t`).
    func replacingNumerator(_ term: Term) -> UnitOfMeasure {
        var u = self
        u.numerator = term
        return u
    }

    private var dimensionText: String {
        numerator.dimension.description + (denominator.map { " per " + $0.dimension.description } ?? "")
    }

    private func isCurrencyChange(to other: UnitOfMeasure) -> Bool {
        if case .currency = numerator.dimension, case .currency = other.numerator.dimension { return true }
        return false
    }
}

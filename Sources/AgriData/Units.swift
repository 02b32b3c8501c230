import Foundation
import TimeSeriesCore

/// Units of the statistics muavu reads, written as statistics offices write them: `t`, `tạ/ha`,
/// `VND/kg`, `USD/t`... A unit is a numerator and an optional denominator, each a mass, an area,
/// a currency or a count.
///
/// Factors, exact by definition: 1 t = 10 tạ = 100 yến = 1000 kg (tạ = 100 kg, yến = 10 kg, the
/// Vietnamese market units); 1 ha = 10,000 m²; 1 km² = 100 ha. So 1 tạ/ha = 0.1 t/ha and
/// 1 VND/kg = 1000 VND/t. Currencies convert only with an exchange-rate series
/// (`Units.convertCurrency`).
public enum Units {
    enum Dimension: Equatable { case mass, area, currency(String), count }

    /// Size of each unit in its dimension's base (kg, ha, one unit of the currency).
    static let table: [String: (Dimension, Double)] = [
        "kg": (.mass, 1), "yến": (.mass, 10), "tạ": (.mass, 100), "t": (.mass, 1000), "tấn": (.mass, 1000),
        "ha": (.area, 1), "m2": (.area, 1e-4), "m²": (.area, 1e-4), "km2": (.area, 100), "km²": (.area, 100),
        "VND": (.currency("VND"), 1), "USD": (.currency("USD"), 1), "THB": (.currency("THB"), 1),
        "1": (.count, 1),
    ]

    static func parse(_ unit: String) throws -> (num: (Dimension, Double), den: (Dimension, Double)?) {
        let parts = TextKey.nfc(unit).split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let n = table[parts[0]] else {
            throw DataError(
                .badConfiguration, file: "units",
                "unknown unit '\(unit)' (known: \(table.keys.sorted().joined(separator: ", ")), and A/B of them)")
        }
        if parts.count == 1 { return (n, nil) }
        guard let d = table[parts[1]] else {
            throw DataError(.badConfiguration, file: "units", "unknown unit '\(parts[1])' in '\(unit)'")
        }
        return (n, d)
    }

    /// The number `x` in `from` is `x * factor(from, to)` in `to`. Throws when the dimensions
    /// differ (t/ha to VND/kg) or a currency would change (that needs a rate).
    public static func factor(from: String, to: String) throws -> Double {
        if TextKey.nfc(from) == TextKey.nfc(to) { return 1 }
        let a = try parse(from)
        let b = try parse(to)
        guard a.num.0 == b.num.0, a.den?.0 == b.den?.0 else {
            throw DataError(
                .badConfiguration, file: "units",
                "cannot convert \(from) to \(to): different quantities (a currency changes only with an exchange rate)")
        }
        let numerator = a.num.1 / b.num.1
        let denominator = (a.den?.1 ?? 1) / (b.den?.1 ?? 1)
        return numerator / denominator
    }

    /// The series in unit `to`; its `unit` must be set.
    public static func convert(_ series: TimeSeries, to unit: String) throws -> TimeSeries {
        guard let from = series.unit else {
            throw DataError(.badConfiguration, file: series.id, "series '\(series.id)' has no unit to convert from")
        }
        let f = try factor(from: from, to: unit)
        var out = series
        out.values = series.values.map { $0 * f }
        out.unit = unit
        return out
    }

    /// Converts a monthly price in one currency into another with a monthly exchange-rate series
    /// (`rate` in `<to>/<from>`, e.g. `VND/USD`): value[t] · rate[t], month by month, then any
    /// change of the denominator (USD/t → VND/kg). A month without a rate is missing (`.nan`).
    public static func convertCurrency(_ series: TimeSeries, rate: TimeSeries, to unit: String) throws -> TimeSeries {
        guard let from = series.unit, let rateUnit = rate.unit else {
            throw DataError(.badConfiguration, file: series.id, "the series and the rate must both carry units")
        }
        let s = try parse(from)
        let r = try parse(rateUnit)
        let target = try parse(unit)
        guard case .currency(let c0) = s.num.0, case .currency(let c1) = target.num.0,
            case .currency(let rNum) = r.num.0, let rd = r.den, case .currency(let rDen) = rd.0,
            rNum == c1, rDen == c0
        else {
            throw DataError(
                .badConfiguration, file: series.id,
                "to convert \(from) to \(unit) the rate must be in <new>/<old> currency, found \(rateUnit)")
        }
        guard series.frequency == rate.frequency, let start = series.start, let rateStart = rate.start else {
            throw DataError(
                .badConfiguration, file: series.id, "the series and the rate must have the same frequency and dates")
        }
        let offset = start.ordinal - rateStart.ordinal
        var out = series
        out.values = series.values.indices.map { i in
            let j = i + offset
            return j >= 0 && j < rate.values.count ? series.values[i] * rate.values[j] : .nan
        }
        out.unit = "\(c1)" + (s.den.map { _ in "/" + from.split(separator: "/")[1] } ?? "")
        return try convert(out, to: unit)
    }
}

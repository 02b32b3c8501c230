import Foundation
import TimeSeriesCore

/// Conversions between the units of the statistics muavu reads (`UnitOfMeasure`): a number is
/// converted, never relabelled. t/ha → tạ/ha multiplies by 10, VND/t → đồng/kg divides by 1000,
/// t → nghìn tấn divides by 1000, by the definitions `UnitOfMeasure` states. Currencies convert
/// only with an exchange-rate series (`convertCurrency`).
public enum Units {
    /// The number `x` in `from` is `x * factor(from, to)` in `to`. Throws `.incompatibleUnit` when
    /// the dimensions differ (t/ha to VND/kg) or a currency would change (that needs a rate), and
    /// `.badConfiguration` for a unit it does not know.
    public static func factor(from: String, to: String) throws -> Double {
        if TextKey.nfc(from) == TextKey.nfc(to) { return 1 }
        return try UnitOfMeasure(from).factor(to: UnitOfMeasure(to))
    }

    /// The series in unit `to`, every value multiplied by `factor(from: series.unit, to:)`; its
    /// `unit` must be set. This is the call for a configured display unit.
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
        let s = try UnitOfMeasure(from)
        let r = try UnitOfMeasure(rateUnit)
        let target = try UnitOfMeasure(unit)
        guard case .currency(let c0) = s.numerator.dimension, case .currency(let c1) = target.numerator.dimension,
            case .currency(let rNum) = r.numerator.dimension, let rd = r.denominator,
            case .currency(let rDen) = rd.dimension, rNum == c1, rDen == c0
        else {
            throw DataError(
                .badConfiguration, file: series.id,
                "to convert \(from) to \(unit) the rate must be in <new>/<old> currency, found \(rateUnit)")
        }
        guard series.frequency == rate.frequency, let start = series.start, let rateStart = rate.start else {
            throw DataError(
                .badConfiguration, file: series.id, "the series and the rate must have the same frequency and dates")
        }
        // x in s.num is x · s.num.scale / rd.scale units of the rate's denominator, times the
        // rate: units of the rate's numerator.
        let scale = s.numerator.scale / rd.scale
        let offset = start.ordinal - rateStart.ordinal
        var out = series
        out.values = series.values.indices.map { i in
            let j = i + offset
            return j >= 0 && j < rate.values.count ? series.values[i] * scale * rate.values[j] : .nan
        }
        out.unit = s.replacingNumerator(r.numerator).description
        return try convert(out, to: unit)
    }
}

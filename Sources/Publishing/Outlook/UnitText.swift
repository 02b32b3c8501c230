import AgriData
import Documents
import TimeSeriesCore

/// Units as the data files write them (`VND/kg`, `USD/t`, `t/ha`) and as a Vietnamese reader
/// says them (`đồng/kg`, `USD/tấn`, `tấn/ha`), and a configured display unit applied to a series.
public enum UnitText {
    public static func bilingual(_ unit: String) -> Bilingual {
        let vi: String
        var en = unit
        switch unit {
        case "VND/kg", "đồng/kg": (vi, en) = ("đồng/kg", "VND/kg")
        case "VND/t", "đồng/tấn": (vi, en) = ("đồng/tấn", "VND/t")
        case "USD/t": vi = "USD/tấn"
        case "USD/kg": vi = "USD/kg"
        case "t/ha", "tấn/ha": (vi, en) = ("tấn/ha", "t/ha")
        case "tạ/ha": (vi, en) = ("tạ/ha", "quintals/ha")
        case "t", "tấn": (vi, en) = ("tấn", "t")
        case "nghìn tấn": (vi, en) = ("nghìn tấn", "thousand t")
        case "kg/ha": vi = "kg/ha"
        default: vi = unit
        }
        return Bilingual(vi: vi, en: en)
    }

    /// `series` in the configured display `unit` (`Units.convert`: the numbers multiplied, the
    /// unit changed), or unchanged when no unit is configured. Throws `DataError(.incompatibleUnit)`
    /// when the series' unit does not convert into `unit`.
    public static func converted(_ series: TimeSeries, to unit: String?) throws -> TimeSeries {
        guard let unit else { return series }
        return try Units.convert(series, to: unit)
    }
}

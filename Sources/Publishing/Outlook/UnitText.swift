import Documents

/// Units as the data files write them (`VND/kg`, `USD/t`, `t/ha`) and as a Vietnamese reader
/// says them (`đồng/kg`, `USD/tấn`, `tấn/ha`).
public enum UnitText {
    public static func bilingual(_ unit: String) -> Bilingual {
        let vi: String
        switch unit {
        case "VND/kg": vi = "đồng/kg"
        case "VND/t": vi = "đồng/tấn"
        case "USD/t": vi = "USD/tấn"
        case "USD/kg": vi = "USD/kg"
        case "t/ha": vi = "tấn/ha"
        case "t": vi = "tấn"
        case "kg/ha": vi = "kg/ha"
        default: vi = unit
        }
        return Bilingual(vi: vi, en: unit)
    }
}

import AgriData

/// Tidy CSV text (docs/contract.md, "Input") of series read from the store: what
/// `muavu data export` prints, and what `muavu publish` reads a store dataset as (its bytes are
/// the dataset's fingerprint in `index.json`).
public enum StoredSeriesCSV {
    /// `series_id,date,value[,unit]` with a header; the unit column when any observation has a unit.
    public static func text(_ series: [(id: String, observations: [StoredObservation])]) -> String {
        let withUnit = series.contains { $0.observations.contains { !$0.unit.isEmpty } }
        var out = withUnit ? "series_id,date,value,unit\n" : "series_id,date,value\n"
        for (id, observations) in series {
            let key = CSVField.quoted(id)
            for o in observations {
                out += "\(key),\(o.period),\(number(o.value))"
                out += withUnit ? ",\(CSVField.quoted(o.unit))\n" : "\n"
            }
        }
        return out
    }

    /// The shortest decimal that reads back to `value` (whole numbers without a decimal point).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return "\(value)"
    }
}

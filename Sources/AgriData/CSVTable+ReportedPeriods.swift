import Forecasting

extension CSVTable {
    /// The periods (`PeriodDate.ordinal`) in which series `id` has a reported value, that is a
    /// cell that is neither empty nor `NA`, and the first non-empty `labelColumn` cell of the
    /// series (e.g. its market name). Ids compare NFC-normalised. Price alerts use these so that
    /// values filled in by `--on-missing interpolate` never count as observations.
    public func reportedPeriods(of id: String, idColumn: String = "series_id", dateColumn: String = "date",
                                valueColumn: String = "value",
                                labelColumn: String? = nil) throws -> (ordinals: Set<Int>, label: String?) {
        let idIndex = try columnIndex(idColumn)
        let dateIndex = try columnIndex(dateColumn)
        let valueIndex = try columnIndex(valueColumn)
        let labelIndex = labelColumn.flatMap { header.firstIndex(of: $0) }
        let key = TextKey.nfc(id)
        var ordinals = Set<Int>()
        var label: String?
        for row in rows where TextKey.nfc(row.fields[idIndex].trimmingCharacters(in: .whitespaces)) == key {
            guard !CSVTable.isMissing(row.fields[valueIndex]),
                  let date = PeriodDate(parsing: row.fields[dateIndex].trimmingCharacters(in: .whitespaces))
            else { continue }
            ordinals.insert(date.ordinal)
            if label == nil, let j = labelIndex, !row.fields[j].isEmpty { label = row.fields[j] }
        }
        return (ordinals, label)
    }
}

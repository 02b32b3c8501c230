import Foundation
import TimeSeriesCore

/// Reads FAOSTAT's bulk downloads in the "Normalized" layout: a row per area, item, element and
/// year, columns `Area Code, Area, Item Code, Item, Element Code, Element, Year Code, Year, Unit,
/// Value, Flag` found by name (newer files add `Area Code (M49)`, `Item Code (CPC)`, `Note`;
/// Producer Prices add `Months Code, Months`). Domains QCL (crops: area harvested, yield,
/// production) and PP (producer prices) are read; other elements are read by their codes.
///
/// The flag (`A` official, `E` estimated, `I` imputed...) is kept as the status. A row without a
/// value is skipped and counted. Files in Latin-1, as older bulk files are, are read too.
///
/// Series id: `<area>-<item>-<element>`, with ISO 3166 alpha-3 for the areas and short names
/// for the items muavu works with (`vnm-rice-area`, `tha-rice-producer-price`), FAO's codes
/// otherwise (`area-99-item-1234-element-5312`), so that an id stays when FAO renames an item.
public enum FAOSTATReader {
    public static let publisher = "FAOSTAT"

    /// FAO area code → ISO 3166 alpha-3 (lower case) and the currency FAO's "LCU" stands for.
    static let areas: [String: (iso: String, currency: String)] = [
        "237": ("vnm", "VND"), "216": ("tha", "THB"), "115": ("khm", "KHR"), "120": ("lao", "LAK"),
        "28": ("mmr", "MMK"), "100": ("ind", "INR"), "101": ("idn", "IDR"), "171": ("phl", "PHP"),
    ]
    /// FAO item code → the id part muavu uses.
    static let items: [String: String] = [
        "27": "rice", "571": "mango", "56": "maize", "125": "cassava", "156": "sugar-cane", "656": "coffee",
    ]

    /// FAO element code → id part, the units FAO writes for it, and muavu's unit (`LCU` is the
    /// area's currency).
    static let elements: [String: (id: String, units: [String: String])] = [
        "5312": ("area", ["ha": "ha"]),
        "5510": ("production", ["t": "t", "tonnes": "t"]),
        "5412": ("yield", ["kg/ha": "kg/ha", "hg/ha": "hg/ha"]),
        "5419": ("yield", ["hg/ha": "hg/ha", "kg/ha": "kg/ha"]),
        "5530": ("producer-price", ["LCU": "LCU/t"]),
        "5531": ("producer-price-slc", ["SLC": "SLC/t"]),
        "5532": ("producer-price-usd", ["USD": "USD/t"]),
        "5539": ("producer-price-index", ["": "index 2014-2016=100"]),
    ]

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    /// FAOSTAT's `Months Code` of a yearly value.
    static let annualMonthsCode = "7021"

    /// Reads `file` record by record (a bulk file holds millions of rows): as UTF-8, or again as
    /// Latin-1 when it is not UTF-8.
    public static func read(file: URL) throws -> ImportBatch {
        let path = file.path
        do {
            return try read(CSVReader(path: path, separator: 0x2C), file: path)
        } catch let e as DataError where e.code == .badEncoding {
            let bytes = try InputFile.bytes(of: path, what: "FAOSTAT file")
            guard let text = String(data: bytes, encoding: .isoLatin1) else { throw e }
            return try read(CSVReader(data: Data(text.utf8), file: path, separator: 0x2C), file: path)
        }
    }

    private static func read(_ reader: CSVReader, file path: String) throws -> ImportBatch {
        var columns: Columns? = nil
        var out: [ImportedObservation] = []
        var skips = ImportSupport.SkipCounter()
        var labels: [String: String] = [:]
        var duplicates = ImportSupport.DuplicateCheck()
        var rowsRead = 0
        try reader.forEachRecord { record in
            guard let columns else {
                columns = try Columns(
                    ImportHeader(record.fields, file: path, line: record.line, format: "a FAOSTAT file"))
                return true
            }
            rowsRead += 1
            try ImportSupport.checkWidth(record, columns.header.names.count, file: path)
            let f = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if f[columns.value].isEmpty {
                skips.add("no value")
                return true
            }
            let row = try columns.row(f, line: record.line)
            let flag = columns.flag.map { f[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            let o = ImportedObservation(
                seriesID: row.id, period: row.period, value: row.value, unit: row.unit, status: flag,
                origin: "line \(record.line)")
            try duplicates.check(o, file: path, line: record.line)
            out.append(o)
            labels[row.id] = row.label
            return true
        }
        guard columns != nil else {
            throw DataError(.empty, file: path, "the file is empty: expected FAOSTAT's header (Area Code, Area, …)")
        }
        return ImportBatch(
            format: .faostat, publisher: publisher, rowsRead: rowsRead, observations: out, skipped: skips.skips,
            seriesLabels: labels)
    }
}

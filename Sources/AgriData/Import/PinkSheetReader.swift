import Foundation
import TimeSeriesCore

/// Reads the World Bank's Commodity Price Data workbook, `CMO-Historical-Data-Monthly.xlsx`
/// ("the Pink Sheet"), sheet "Monthly Prices", as the World Bank publishes it.
///
/// Layout (checked, not assumed by position): column A holds months written `1960M01`; the three
/// rows above the first month hold each series' name, unit (`($/mt)`) and code (`RICE_05`); a
/// row of column A above them says "Updated on December 02, 2025", the release date. Cells
/// holding `…` (or `...`) or nothing are missing months.
///
/// Series ids: the ids muavu's bundled data already uses for the series it bundles
/// (`RICE_05_VNM` → `wb-rice-vnm-5`), otherwise `wb-` and the code (`COFFEE_ARABIC` →
/// `wb-coffee-arabic`). Units are written muavu's way (`($/mt)` → `USD/t`); a unit the Pink
/// Sheet has not used is refused, since a changed unit would silently change every value.
public enum PinkSheetReader {
    public static let sheetName = "Monthly Prices"
    public static let publisher = "World Bank"

    /// The series muavu's bundled `wb-pinksheet-monthly.csv` carries, by World Bank code.
    static let knownIDs: [String: String] = [
        "RICE_05": "wb-rice-thai-5", "RICE_25": "wb-rice-thai-25", "RICE_A1": "wb-rice-thai-a1",
        "RICE_05_VNM": "wb-rice-vnm-5", "WHEAT_US_HRW": "wb-wheat-us-hrw", "MAIZE": "wb-maize",
        "UREA_EE_BULK": "wb-urea", "DAP": "wb-dap", "TSP": "wb-tsp", "POTASH": "wb-potash",
        "PHOSROCK": "wb-phosphate-rock", "CRUDE_BRENT": "wb-crude-brent", "SUGAR_WLD": "wb-sugar-world",
        "BANANA_US": "wb-banana-us", "ORANGE": "wb-orange",
    ]

    /// The Pink Sheet's unit spellings (row 6 of the sheet) and muavu's for each.
    static let units: [String: String] = [
        "($/mt)": "USD/t", "($/bbl)": "USD/bbl", "($/kg)": "USD/kg", "($/mmbtu)": "USD/mmbtu",
        "($/cubic meter)": "USD/m³", "($/dmtu)": "USD/dmtu", "($/troy oz)": "USD/troy oz",
        "(cents/sheet)": "USc/sheet", "(2010=100)": "index 2010=100",
    ]

    /// The series id of a World Bank code.
    public static func seriesID(code: String) -> String { knownIDs[code] ?? "wb-" + ImportSupport.slug(code) }

    /// Reads the workbook at `file`; throws `DataError` (file, cell, expected vs found) when the
    /// sheet, its header rows, a month or a value is not what the Pink Sheet writes.
    public static func read(file: URL) throws -> ImportBatch {
        let path = file.path
        let data = try InputFile.bytes(of: path, what: "xlsx workbook")
        let sheet = try XLSXWorkbook(data: data, file: path).sheet(named: sheetName)
        let layout = try Layout(sheet: sheet, file: path)
        var observations: [ImportedObservation] = []
        var skips = ImportSupport.SkipCounter()
        var rowsRead = 0
        var previous: PeriodDate? = nil
        for r in sheet.rowNumbers where r >= layout.firstDataRow {
            guard let month = try layout.month(row: r) else {
                skips.add("rows below the table without a month", 1)
                continue
            }
            if let previous, month <= previous {
                throw DataError(
                    .outOfOrder, file: path, line: r, column: 1,
                    "\(sheet.reference(row: r, column: 1)): month \(month) comes after \(previous); "
                        + "expected months in increasing order")
            }
            previous = month
            rowsRead += 1
            for series in layout.series {
                switch try layout.value(row: r, series: series) {
                case .some(let v):
                    observations.append(
                        ImportedObservation(
                            seriesID: series.id, period: month, value: v, unit: series.unit,
                            origin: sheet.reference(row: r, column: series.column)))
                case .none: skips.add("missing (… or empty)")
                }
            }
        }
        guard rowsRead > 0 else {
            throw DataError(.emptySeries, file: path, "sheet '\(sheetName)' has no months below its header rows")
        }
        var labels: [String: String] = [:]
        for s in layout.series { labels[s.id] = s.name }
        return ImportBatch(
            format: .pinksheet, publisher: publisher, releaseDate: layout.releaseDate, rowsRead: rowsRead,
            observations: observations, skipped: skips.skips, seriesLabels: labels)
    }

    /// "Updated on November 04, 2025" → that day, 00:00 UTC; nil when the text is not of that form.
    static func releaseDate(_ text: String) -> Date? {
        let prefix = "Updated on"
        guard text.hasPrefix(prefix) else { return nil }
        let rest = text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMMM d, yyyy"
        formatter.isLenient = false
        return formatter.date(from: rest)
    }

    /// `1960M01` → 1960-01; nil when the text is not a year, `M` and a month 01–12.
    static func month(_ text: String) -> PeriodDate? {
        let u = Array(text.utf8)
        guard u.count == 7, u[4] == UInt8(ascii: "M"),
            u[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 }), u[5...].allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let y = Int(text.prefix(4)), let m = Int(text.suffix(2)), (1...12).contains(m)
        else { return nil }
        return .month(year: y, month: m)
    }
}

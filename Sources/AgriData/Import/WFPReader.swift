import Foundation
import TimeSeriesCore

/// Reads WFP's food-price files as the Humanitarian Data Exchange (HDX) distributes them
/// (`wfp_food_prices_<iso3>.csv`), with the columns found by name:
/// - the older set: `date, admin1, admin2, market, latitude, longitude, category, commodity, unit,
///   priceflag, pricetype, currency, price, usdprice`;
/// - the newer one adds `market_id` and `commodity_id`;
/// - HDX's files carry a second line of HXL tags (`#date,#adm1+name,…`), which is skipped.
///
/// Prices are monthly (WFP dates them the 15th); dates are ISO `2008-01-15`, or `1/15/2008`
/// as a spreadsheet re-save writes them. Rows whose `priceflag` says `forecast` are not
/// observations: they are skipped and counted. The flag of the others (`actual`, `aggregate`)
/// is kept as the status; a month given both ways keeps the actual price (the other is counted),
/// and two prices of one flag for one month are refused.
///
/// Series id: `wfp-<commodity>-<price type>-<market>`, and `-<unit>` when the unit is not WFP's
/// usual KG (`wfp-rice-wholesale-dong-thap`, `wfp-oil-retail-ha-noi-l`). Unit: currency per
/// unit (`VND/kg`).
public enum WFPReader {
    public static let publisher = "WFP"

    public static func read(file: URL) throws -> ImportBatch {
        let path = file.path
        let records = try CSVReader(path: path, separator: 0x2C).records()
        guard let first = records.first else {
            throw DataError(.empty, file: path, "the file is empty: expected WFP's header line (date,admin1,…)")
        }
        let h = ImportHeader(first.fields, file: path, line: first.line, format: "a WFP/HDX food-price file")
        let columns = try Columns(h)
        var body = records.dropFirst()
        if let tags = body.first, tags.fields.first?.hasPrefix("#") == true {
            body = body.dropFirst()
        }
        var out: [ImportedObservation] = []
        var skips = ImportSupport.SkipCounter()
        var labels: [String: String] = [:]
        var positions: [String: Int] = [:]
        for record in body {
            try ImportSupport.checkWidth(record, h.names.count, file: path)
            let f = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let flag = columns.flag.map { f[$0] }
            if let flag, flag.lowercased().contains("forecast") {
                skips.add("forecast rows (priceflag '\(flag)')")
                continue
            }
            if f[columns.price].isEmpty {
                skips.add("no price")
                continue
            }
            let row = try columns.row(f, line: record.line, file: path)
            let o = ImportedObservation(
                seriesID: row.id, period: row.month, value: row.price, unit: row.unit,
                status: flag.flatMap { $0.isEmpty ? nil : $0 }, origin: "line \(record.line)")
            labels[row.id] = row.label
            guard let i = positions[ImportSupport.key(o)] else {
                positions[ImportSupport.key(o)] = out.count
                out.append(o)
                continue
            }
            // WFP publishes a month both as reported ("actual") and as aggregated from weekly
            // prices ("aggregate"): the reported one is kept.
            let (new, old) = (isActual(o.status), isActual(out[i].status))
            guard new != old else {
                throw ImportSupport.duplicate(o, first: out[i].origin, file: path, line: record.line)
            }
            if new { out[i] = o }
            skips.add("aggregate prices of a month WFP also reports as actual")
        }
        return ImportBatch(
            format: .wfpHDX, publisher: publisher, rowsRead: body.count, observations: out, skipped: skips.skips,
            seriesLabels: labels)
    }

    /// Whether a price flag says the price was reported (`actual`, also `actual,aggregate`).
    static func isActual(_ flag: String?) -> Bool { flag?.lowercased().contains("actual") ?? false }

    /// `2008-01-15` or `1/15/2008` (month/day/year) → the month; nil for anything else.
    static func month(_ text: String) -> PeriodDate? {
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2,
            let d = PeriodDate(parsing: text), case .day(let y, let m, _) = d
        {
            return .month(year: y, month: m)
        }
        let us = text.split(separator: "/", omittingEmptySubsequences: false)
        guard us.count == 3, us[2].count == 4, (1...2).contains(us[0].count), (1...2).contains(us[1].count),
            us.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let m = Int(us[0]), let d = Int(us[1]), let y = Int(us[2]), (1...12).contains(m),
            d >= 1, d <= PeriodDate.daysInMonth(year: y, month: m)
        else { return nil }
        return .month(year: y, month: m)
    }

    /// The columns of one file, found by name.
    struct Columns {
        let header: ImportHeader
        let date, market, commodity, unit, priceType, currency, price: Int
        let flag, admin2: Int?

        init(_ h: ImportHeader) throws {
            header = h
            date = try h.required("date")
            market = try h.required("market")
            commodity = try h.required("commodity")
            unit = try h.required("unit")
            priceType = try h.required("pricetype")
            currency = try h.required("currency")
            price = try h.required("price")
            flag = h.optional("priceflag")
            admin2 = h.optional("admin2")
        }

        struct Row {
            var id: String
            var month: PeriodDate
            var price: Double
            var unit: String
            var label: String
        }

        func row(_ f: [String], line: Int, file: String) throws -> Row {
            guard let month = WFPReader.month(f[date]) else {
                throw DataError(
                    .badDate, file: file, line: line, column: date + 1, columnName: "date",
                    "expected a date such as 2008-01-15 (or 1/15/2008), found '\(f[date])'")
            }
            for j in [market, commodity, unit, priceType, currency] where f[j].isEmpty {
                throw DataError(
                    .missingValue, file: file, line: line, column: j + 1, columnName: header.names[j],
                    "expected a \(header.names[j]), found an empty field")
            }
            guard f[currency].utf8.count == 3, f[currency].utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
                throw DataError(
                    .inconsistentUnit, file: file, line: line, column: currency + 1, columnName: "currency",
                    "expected an ISO 4217 currency code such as VND, found '\(f[currency])'")
            }
            let value = try ImportSupport.number(
                f[price], file: file, line: line, column: price + 1, columnName: "price")
            let kg = f[unit].uppercased() == "KG"
            let id =
                ["wfp", f[commodity], f[priceType], f[market]].map(ImportSupport.slug).joined(separator: "-")
                + (kg ? "" : "-" + ImportSupport.slug(f[unit]))
            let place = admin2.map { f[$0] }.flatMap { $0.isEmpty || $0 == f[market] ? nil : " (\($0))" } ?? ""
            return Row(
                id: id, month: month, price: value, unit: "\(f[currency])/\(kg ? "kg" : f[unit])",
                label: "\(f[commodity]), \(f[priceType].lowercased()), \(f[market])\(place)")
        }
    }
}

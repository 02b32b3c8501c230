import Foundation
import TimeSeriesCore

/// Reads NOAA Climate Prediction Center's ENSO text products as CPC publishes them
/// (https://www.cpc.ncep.noaa.gov/data/indices/): `oni.ascii.txt`, `sstoi.indices` and `soi`.
///
/// Series ids are those of muavu's bundled `enso-monthly.csv`: `enso-oni` (ONI, the anomaly),
/// `enso-oni-sst` (its total), `enso-nino34` and `enso-nino34-anom` (and 1+2, 3, 4), `enso-soi`
/// (standardized) and `enso-soi-anomaly`. Sea-surface temperatures and their anomalies are in °C;
/// the SOI is a dimensionless index. The files state no release date (the store dates them by
/// the import).
public enum NOAAReader {
    public static let publisher = "NOAA CPC"

    /// The ONI's three-month seasons, each dated by its centre month (DJF → January, NDJ →
    /// December), in CPC's year column: the year of that centre month.
    static let oniSeasons = ["DJF", "JFM", "FMA", "MAM", "AMJ", "MJJ", "JJA", "JAS", "ASO", "SON", "OND", "NDJ"]

    /// `oni.ascii.txt`: columns `SEAS YR TOTAL ANOM`, found by name on the first line.
    public static func readONI(file: URL) throws -> ImportBatch {
        let table = try WhitespaceTable(file: file, expecting: ["SEAS", "YR", "TOTAL", "ANOM"])
        let seas = try table.column("SEAS")
        let yr = try table.column("YR")
        let total = try table.column("TOTAL")
        let anom = try table.column("ANOM")
        var out = Output(file: table.file)
        for row in table.rows {
            guard let m = oniSeasons.firstIndex(of: String(row.fields[seas])) else {
                throw DataError(
                    .badDate, file: table.file, line: row.line, column: seas + 1, columnName: "SEAS",
                    "expected a three-month season (\(oniSeasons.joined(separator: ", "))), found '\(row.fields[seas])'"
                )
            }
            let year = try table.year(row, column: yr)
            let period = PeriodDate.month(year: year, month: m + 1)
            try out.add("enso-oni", period, try table.number(row, column: anom), "°C", line: row.line)
            try out.add("enso-oni-sst", period, try table.number(row, column: total), "°C", line: row.line)
        }
        return out.batch(.noaaONI, rowsRead: table.rows.count)
    }

    /// The regions of `sstoi.indices`, by CPC's column name, and the id part muavu gives them.
    static let sstRegions: [(column: String, id: String)] = [
        ("NINO1+2", "nino12"), ("NINO3", "nino3"), ("NINO4", "nino4"), ("NINO3.4", "nino34"),
    ]

    /// `sstoi.indices`: `YR MON` then each region's SST followed by its `ANOM` column.
    public static func readSST(file: URL) throws -> ImportBatch {
        let table = try WhitespaceTable(file: file, expecting: ["YR", "MON"])
        let yr = try table.column("YR")
        let mon = try table.column("MON")
        var columns: [(index: Int, id: String)] = []
        for (region, id) in sstRegions {
            let j = try table.column(region)
            guard j + 1 < table.header.count, table.header[j + 1] == "ANOM" else {
                throw DataError(
                    .missingColumn, file: table.file, line: table.headerLine,
                    "expected an ANOM column right after \(region); the header is: \(table.header.joined(separator: " "))"
                )
            }
            columns += [(j, "enso-\(id)"), (j + 1, "enso-\(id)-anom")]
        }
        var out = Output(file: table.file)
        for row in table.rows {
            let year = try table.year(row, column: yr)
            guard let m = Int(row.fields[mon]), (1...12).contains(m) else {
                throw DataError(
                    .badDate, file: table.file, line: row.line, column: mon + 1, columnName: "MON",
                    "expected a month 1–12, found '\(row.fields[mon])'")
            }
            for (j, id) in columns {
                try out.add(id, .month(year: year, month: m), try table.number(row, column: j), "°C", line: row.line)
            }
        }
        return out.batch(.noaaSST, rowsRead: table.rows.count)
    }

    /// What a NOAA reader has read so far: observations, each series' one value per period.
    struct Output {
        let file: String
        var observations: [ImportedObservation] = []
        var skips = ImportSupport.SkipCounter()
        private var duplicates = ImportSupport.DuplicateCheck()

        init(file: String) { self.file = file }

        mutating func add(_ id: String, _ period: PeriodDate, _ value: Double, _ unit: String, line: Int) throws {
            let o = ImportedObservation(seriesID: id, period: period, value: value, unit: unit, origin: "line \(line)")
            try duplicates.check(o, file: file, line: line)
            observations.append(o)
        }

        func batch(_ format: ImportFormat, rowsRead: Int) -> ImportBatch {
            ImportBatch(
                format: format, publisher: NOAAReader.publisher, rowsRead: rowsRead, observations: observations,
                skipped: skips.skips,
                seriesLabels: NOAAReader.labels.filter { k, _ in
                    observations.contains { $0.seriesID == k }
                })
        }
    }

    static let labels: [String: String] = {
        var l = [
            "enso-oni": "Oceanic Niño Index (ONI): Niño 3.4 anomaly, 3-month mean, ERSST.v5",
            "enso-oni-sst": "Niño 3.4 SST, 3-month mean, ERSST.v5 (ONI TOTAL)",
            "enso-soi": "Southern Oscillation Index, standardized (Tahiti − Darwin SLP)",
            "enso-soi-anomaly": "Southern Oscillation Index, anomaly block of CPC's soi file",
        ]
        for (column, id) in sstRegions {
            let name = column.replacingOccurrences(of: "NINO", with: "Niño ")
            l["enso-\(id)"] = "\(name) SST, monthly, OISST.v2"
            l["enso-\(id)-anom"] = "\(name) SST anomaly, monthly, OISST.v2"
        }
        return l
    }()
}

/// A text table of whitespace-separated columns under a header line of names (CPC's layout).
/// Blank lines are skipped; every data line must have as many fields as the header.
struct WhitespaceTable {
    struct Row {
        var line: Int
        var fields: [Substring]
    }

    let file: String
    let header: [String]
    let headerLine: Int
    let rows: [Row]

    /// Reads `file`; its first non-blank line must start with the names `expecting`.
    init(file url: URL, expecting: [String]) throws {
        file = url.path
        let lines = ImportSupport.lines(try ImportSupport.text(of: url, what: "NOAA CPC text file"))
            .filter { !$0.text.allSatisfy(\.isWhitespace) }
        guard let first = lines.first else {
            throw DataError(
                .empty, file: file, "the file is empty: expected a header line '\(expecting.joined(separator: " "))'")
        }
        header = first.text.split(whereSeparator: \.isWhitespace).map(String.init)
        headerLine = first.number
        guard Array(header.prefix(expecting.count)) == expecting else {
            throw DataError(
                .missingColumn, file: file, line: first.number,
                "expected a header starting '\(expecting.joined(separator: " "))', found '\(header.joined(separator: " "))'"
            )
        }
        var rows: [Row] = []
        for line in lines.dropFirst() {
            let fields = line.text.split(whereSeparator: \.isWhitespace)
            guard fields.count == header.count else {
                throw DataError(
                    .raggedRow, file: file, line: line.number,
                    "expected \(header.count) fields as in the header, found \(fields.count)")
            }
            rows.append(Row(line: line.number, fields: fields))
        }
        self.rows = rows
    }

    func column(_ name: String) throws -> Int {
        guard let j = header.firstIndex(of: name) else {
            throw DataError(
                .missingColumn, file: file, line: headerLine,
                "expected a column '\(name)'; the header is: \(header.joined(separator: " "))")
        }
        return j
    }

    func number(_ row: Row, column j: Int) throws -> Double {
        try ImportSupport.number(row.fields[j], file: file, line: row.line, column: j + 1, columnName: header[j])
    }

    /// A four-digit year in column `j`.
    func year(_ row: Row, column j: Int) throws -> Int {
        let t = row.fields[j]
        guard t.utf8.count == 4, let y = Int(t), y >= 1000 else {
            throw DataError(
                .badDate, file: file, line: row.line, column: j + 1, columnName: header[j],
                "expected a four-digit year, found '\(t)'")
        }
        return y
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// CPC's own text products against the CSVs converted from them (datasets' enso-indices
/// PROVENANCE.txt): every value, the same.
@Suite struct NOAAReaderTests {
    static func original(_ name: String) -> URL { ImportFixtures.original("enso-indices", name) }

    @Test func oniMatchesTheConvertedCSV() throws {
        let batch = try NOAAReader.readONI(file: Self.original("oni.ascii.txt"))
        let read = ImportFixtures.values(batch)
        let reference = try ImportFixtures.reference("noaa_cpc_oni_seasonal.csv")
        #expect(batch.rowsRead == reference.count)
        for row in reference {
            let date = String(try #require(row["center_date"]).prefix(7))
            #expect(read["enso-oni"]?[date] == NumberParser.parse(row["ANOM"]!), "\(date)")
            #expect(read["enso-oni-sst"]?[date] == NumberParser.parse(row["TOTAL"]!), "\(date)")
        }
        #expect(batch.observations.count == 2 * reference.count)
        #expect(batch.observations.allSatisfy { $0.unit == "°C" })
        #expect(batch.releaseDate == nil)
    }

    @Test func sstMatchesTheConvertedCSV() throws {
        let batch = try NOAAReader.readSST(file: Self.original("sstoi.indices"))
        let read = ImportFixtures.values(batch)
        let reference = try ImportFixtures.reference("noaa_cpc_sstoi_nino_monthly.csv")
        #expect(batch.rowsRead == reference.count)
        let columns = [
            ("NINO1+2", "enso-nino12"), ("NINO3", "enso-nino3"), ("NINO4", "enso-nino4"), ("NINO3.4", "enso-nino34"),
        ]
        for row in reference {
            let date = String(try #require(row["date"]).prefix(7))
            for (column, id) in columns {
                #expect(read[id]?[date] == NumberParser.parse(row[column]!), "\(id) \(date)")
                #expect(read[id + "-anom"]?[date] == NumberParser.parse(row[column + "_ANOM"]!), "\(id) \(date)")
            }
        }
        #expect(batch.observations.count == 8 * reference.count)
    }

    @Test func soiMatchesTheConvertedCSVAndCountsTheFillValues() throws {
        let batch = try NOAAReader.readSOI(file: Self.original("soi"))
        let read = ImportFixtures.values(batch)
        let reference = try ImportFixtures.reference("noaa_cpc_soi_monthly.csv")
        for row in reference {
            let date = String(try #require(row["date"]).prefix(7))
            #expect(read["enso-soi"]?[date] == NumberParser.parse(row["soi_standardized"]!), "\(date)")
            #expect(read["enso-soi-anomaly"]?[date] == NumberParser.parse(row["soi_anomaly"]!), "\(date)")
        }
        #expect(batch.observations.count == 2 * reference.count)
        // 2026 April–December and 2027–2030 are CPC's -999.9 in both blocks.
        #expect(batch.skipped == [ImportSkip(reason: "missing (-999.9)", count: 2 * (9 + 4 * 12))])
        #expect(batch.rowsRead == 2 * (2030 - 1951 + 1))
    }

    /// Each variant is the real file with one thing broken; the error names its line.
    @Test(
        arguments: [
            (
                "oni.ascii.txt", " SEAS  YR   TOTAL   ANOM", " SEAS  YEAR TOTAL   ANOM", 1,
                "expected a header starting 'SEAS YR TOTAL ANOM'"
            ),
            (
                "oni.ascii.txt", "  JFM 1950  25.17  -1.34", "  JFX 1950  25.17  -1.34", 3,
                "expected a three-month season"
            ),
            (
                "oni.ascii.txt", "  FMA 1950  25.75  -1.16", "  FMA 1950  25,75  -1.16", 4,
                "expected a number, found '25,75'"
            ),
            (
                "oni.ascii.txt", "  MAM 1950  26.12  -1.18", "  MAM 50  26.12  -1.18", 5,
                "expected a four-digit year, found '50'"
            ),
            ("sstoi.indices", "NINO3.4    ANOM", "NINO3.4", 2, "expected 9 fields as in the header, found 10"),
            ("sstoi.indices", "1982   2   25.38", "1982  13   25.38", 3, "expected a month 1–12, found '13'"),
            ("sstoi.indices", "NINO4    ANOM", "NINO4    TEMP", 1, "expected an ANOM column right after NINO4"),
            (
                "soi", "                        ANOMALY", "                        ANOMALIES", 2,
                "expected a block title (ANOMALY or STANDARDIZED DATA) and the header"
            ),
            ("soi", "1952  -1.5  -1.0", "1952  -1.5  -x.0", 6, "expected a number, found '-x.0'"),
            ("soi", "YEAR   JAN   FEB", "YEAR   JAN   FEV", 4, "expected the header 'YEAR JAN FEB"),
        ] as [(String, String, String, Int, String)])
    func refusesMalformedVariantsNamingTheLine(
        name: String, original: String, replacement: String, line: Int, message: String
    ) throws {
        let read: (URL) throws -> ImportBatch =
            switch name {
            case "oni.ascii.txt": NOAAReader.readONI
            case "sstoi.indices": NOAAReader.readSST
            default: NOAAReader.readSOI
            }
        try ImportFixtures.expectRefusal(
            read, of: Self.original(name), replacing: original, with: replacement, line: line, message: message)
    }

    @Test func splitsFixedWidthFieldsThatTouch() {
        #expect(NOAAReader.numberFields("   2.0-999.9-999.9") == ["2.0", "-999.9", "-999.9"])
        #expect(NOAAReader.numberFields("  -0.0  1.5") == ["-0.0", "1.5"])
    }
}

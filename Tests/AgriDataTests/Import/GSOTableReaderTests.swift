import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// GSO's own wide tables against the long CSV built from them (gso_paddy_province_season_1995_2016.csv).
@Suite struct GSOTableReaderTests {
    static let folder = "gso-mekong-rice-province-season"
    /// GSO's twelve provincial tables: three indicators by four seasons (none: the whole year).
    static let tables: [(file: String, indicator: String, season: String)] =
        [("Planted area", "area"), ("Production", "production"), ("Yield", "yield")].flatMap { title, indicator in
            [("", "ca-nam"), ("spring ", "dong-xuan"), ("autumn ", "he-thu-thu-dong"), ("winter ", "mua")].map {
                ("\(title) of \($0.0)paddy by province.csv", indicator, $0.1)
            }
        }

    @Test func everyTableMatchesTheLongCSV() throws {
        var read: [String: [String: Double]] = [:]
        var status: [String: String] = [:]
        for table in Self.tables {
            let batch = try GSOTableReader.read(file: ImportFixtures.original(Self.folder, table.file))
            #expect(batch.publisher == "GSO")
            #expect(
                batch.observations.allSatisfy { $0.seriesID.hasPrefix("gso-paddy-\(table.indicator)-\(table.season)-") }
            )
            read.merge(ImportFixtures.values(batch)) { a, b in a.merging(b) { x, _ in x } }
            for o in batch.observations { status["\(o.seriesID)@\(o.period)"] = o.status ?? "" }
        }
        let seasons = [
            "whole_year": "ca-nam", "dong_xuan(spring)": "dong-xuan", "he_thu+thu_dong(autumn)": "he-thu-thu-dong",
            "mua(winter)": "mua",
        ]
        let places = ["Mekong River Delta (region)": "mekong-river-delta", "Whole country": "whole-country"]
        let columns = [
            ("area", "area_thous_ha"), ("yield", "yield_quintal_per_ha"), ("production", "production_thous_t"),
        ]
        var compared = 0
        for row in try ImportFixtures.reference("gso_paddy_province_season_1995_2016.csv") {
            let province = row["province"]!
            let place = places[province] ?? ImportSupport.slug(province)
            let season = try #require(seasons[row["season"]!])
            for (indicator, column) in columns {
                let id = "gso-paddy-\(indicator)-\(season)-\(place)"
                let text = row[column]!
                let mine = read[id]?[row["year"]!]
                if text.isEmpty {
                    #expect(mine == nil, "\(id) \(row["year"]!)")
                } else {
                    compared += 1
                    #expect(mine == NumberParser.parse(text), "\(id) \(row["year"]!)")
                    let preliminary = row["prelim"] == "True"
                    #expect(status["\(id)@\(row["year"]!)"] == (preliminary ? "preliminary" : ""))
                }
            }
        }
        #expect(compared > 3500)
        let dongThap = try #require(read["gso-paddy-yield-he-thu-thu-dong-dong-thap"])
        #expect(dongThap["2016"] == 57.7)
    }

    @Test func labelsAndUnitsComeFromTheTitle() throws {
        let file = ImportFixtures.original(Self.folder, "Yield of autumn paddy by province.csv")
        let batch = try GSOTableReader.read(file: file)
        #expect(batch.rowsRead == 37)
        #expect(batch.observations.allSatisfy { $0.unit == "tạ/ha" })
        #expect(
            batch.seriesLabels["gso-paddy-yield-he-thu-thu-dong-dong-thap"]
                == "Dong Thap: yield of autumn paddy (Hè Thu + Thu Đông), tạ/ha")
        let text = try String(contentsOf: file, encoding: .utf8)
        let dots = text.split(whereSeparator: { ";\r\n".contains($0) }).filter { $0 == ".." }.count
        #expect(batch.skipped == [ImportSkip(reason: "missing (..)", count: dots)])
    }

    @Test func refusesTheNationalTableWhichIsNotProvincesByYears() throws {
        let file = ImportFixtures.original(Self.folder, "Planted area and production of paddy.csv")
        let error = try #require(ImportFixtures.dataError { try GSOTableReader.read(file: file) })
        #expect(error.line == 1)
        #expect(error.message.contains("expected a GSO title such as"))
    }

    @Test(
        arguments: [
            (
                "provincies and Year\"", "provincies and Year (ha)\"", 1,
                "expected planted area in Thous. ha, the title says 'ha'"
            ),
            ("Yield of spring paddy", "Yield of summer paddy", 1, "expected a season spring, autumn or winter"),
            ("\"Cities, provincies\"", "\"Province\"", 3, "expected the first column 'Cities, provincies'"),
            ("\"Pre. 2016\"", "\"2016p\"", 3, "expected a year column such as '1995' or 'Prel. 2016', found '2016p'"),
            ("\"Dong Thap\";53.9;", "\"Dong Thap\";5x.9;", 67, "expected a number, found '5x.9'"),
        ] as [(String, String, Int, String)])
    func refusesMalformedVariantsNamingTheLine(original: String, replacement: String, line: Int, message: String) throws
    {
        let table = replacement.contains("(ha)") ? "Planted area" : "Yield"
        try ImportFixtures.expectRefusal(
            GSOTableReader.read, of: ImportFixtures.original(Self.folder, "\(table) of spring paddy by province.csv"),
            replacing: original, with: replacement, line: line, message: message)
    }

    @Test func seasonCodesReadNamesWithOrWithoutMarks() {
        #expect(CropSeasonCode(reading: "Đông Xuân") == .dongXuan)
        #expect(CropSeasonCode(reading: "dong xuan") == .dongXuan)
        #expect(CropSeasonCode(reading: "HÈ THU") == .heThu)
        #expect(CropSeasonCode(reading: "thu-dong") == .thuDong)
        #expect(CropSeasonCode(reading: "Mùa") == .mua)
        #expect(CropSeasonCode(reading: "he-thu-thu-dong") == .heThuThuDong)
        #expect(CropSeasonCode(reading: "xuân hè") == nil)
    }
}

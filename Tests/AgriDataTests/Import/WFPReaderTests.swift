import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// WFP's food prices: the copy as found (older columns, M/D/YYYY dates, 78 forecast rows) and
/// HDX's layout (tag row, market_id and commodity_id) built from the same values, both against
/// the converted CSV of the actual rows.
@Suite struct WFPReaderTests {
    static let original = ImportFixtures.original("wfp-vnm-prices", "wfp_food_prices_vnm.csv")
    static let tagged = ImportFixtures.fixture("wfp-hdx-tagged.csv")

    static let ids = [
        "An Giang": "wfp-rice-wholesale-an-giang", "Dong Thap": "wfp-rice-wholesale-dong-thap",
        "Bac Lieu": "wfp-rice-wholesale-bac-lieu",
    ]

    func expectMatchesReference(_ batch: ImportBatch) throws {
        let read = ImportFixtures.values(batch)
        let reference = try ImportFixtures.reference("wfp_food_prices_vnm_rice_wholesale.csv")
        #expect(batch.observations.count == reference.count)
        for row in reference {
            let id = try #require(Self.ids[row["market"]!])
            let month = String(row["date"]!.prefix(7))
            #expect(read[id]?[month] == NumberParser.parse(row["price"]!), "\(id) \(month)")
        }
        #expect(batch.observations.allSatisfy { $0.unit == "VND/kg" && $0.status == "actual" })
        #expect(batch.seriesLabels["wfp-rice-wholesale-dong-thap"] == "Rice, wholesale, Dong Thap (Tam Nong)")
    }

    @Test func theCopyAsFoundSkipsAndCountsItsForecastRows() throws {
        let batch = try WFPReader.read(file: Self.original)
        #expect(batch.rowsRead == 389)
        #expect(batch.skipped == [ImportSkip(reason: "forecast rows (priceflag 'forecast')", count: 78)])
        try expectMatchesReference(batch)
    }

    @Test func hdxLayoutWithTagRowAndIDColumns() throws {
        let batch = try WFPReader.read(file: Self.tagged)
        #expect(batch.rowsRead == 311)
        #expect(batch.skipped.isEmpty)
        try expectMatchesReference(batch)
    }

    @Test func datesReadStrictly() {
        #expect(WFPReader.month("2008-01-15") == .month(year: 2008, month: 1))
        #expect(WFPReader.month("1/15/2008") == .month(year: 2008, month: 1))
        #expect(WFPReader.month("12/1/2020") == .month(year: 2020, month: 12))
        #expect(WFPReader.month("15/1/2008") == nil)
        #expect(WFPReader.month("2008-02-30") == nil)
        #expect(WFPReader.month("2008-1-15") == nil)
    }

    @Test(
        arguments: [
            ("price,usdprice", "value,usdprice", 1, "a WFP/HDX food-price file needs a column 'price'"),
            ("pricetype,", "price_type,", 1, "needs a column 'pricetype'"),
            (
                "1/15/2008,An Giang", "15/1/2008,An Giang", 2,
                "expected a date such as 2008-01-15 (or 1/15/2008), found '15/1/2008'"
            ),
            ("VND,5317.5,", "VND,\"5,317.5\",", 2, "expected a number, found '5,317.5'"),
            (
                "Rice,KG,actual,Wholesale,VND,5317.5", "Rice,,actual,Wholesale,VND,5317.5", 2,
                "expected a unit, found an empty field"
            ),
        ] as [(String, String, Int, String)])
    func refusesMalformedVariantsNamingTheLine(original: String, replacement: String, line: Int, message: String) throws
    {
        try ImportFixtures.expectRefusal(
            WFPReader.read, of: Self.original, replacing: original, with: replacement, line: line, message: message)
    }

    @Test func anAggregatePriceGivesWayToTheActualOne() throws {
        let text = try String(contentsOf: Self.tagged, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let aggregate = lines[2].replacingOccurrences(of: ",actual,", with: ",aggregate,")
            .replacingOccurrences(of: ",5317.5,", with: ",5300,")
        lines.insert(aggregate, at: 2)
        let url = try ImportFixtures.temporary(lines.joined(separator: "\n") + "\n", name: "a.csv")
        let batch = try WFPReader.read(file: url)
        #expect(batch.observations.count == 311)
        #expect(ImportFixtures.values(batch)["wfp-rice-wholesale-an-giang"]?["2008-01"] == 5317.5)
        #expect(
            batch.skipped == [ImportSkip(reason: "aggregate prices of a month WFP also reports as actual", count: 1)])
    }

    @Test func aSecondPriceForOneMonthIsRefused() throws {
        let text = try String(contentsOf: Self.tagged, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let url = try ImportFixtures.temporary((lines + [lines[2]]).joined(separator: "\n") + "\n", name: "d.csv")
        let error = try #require(ImportFixtures.dataError { try WFPReader.read(file: url) })
        #expect(error.code == .duplicateKey)
        #expect(error.line == lines.count + 1)
        #expect(error.message.contains("(line \(lines.count + 1); the first is at line 3)"), "\(error.message)")
    }
}

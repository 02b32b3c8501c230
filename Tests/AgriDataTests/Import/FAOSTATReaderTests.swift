import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// FAOSTAT's Normalized layout, written from the staged values (Fixtures/README.md: no FAOSTAT
/// original is staged), read back and compared with the staged CSVs.
@Suite struct FAOSTATReaderTests {
    static let qcl = ImportFixtures.fixture("faostat-qcl-normalized.csv")
    static let pp = ImportFixtures.fixture("faostat-pp-normalized.csv")

    @Test func cropsMatchTheStagedValues() throws {
        let batch = try FAOSTATReader.read(file: Self.qcl)
        let read = ImportFixtures.values(batch)
        var compared = 0
        for row in try ImportFixtures.reference("faostat_qcl_vnm_rice_mango_annual.csv") {
            let item = row["item"] == "Rice" ? "rice" : "mango"
            for (element, column) in [("area", "area_harvested_ha"), ("production", "production_t")] {
                #expect(read["vnm-\(item)-\(element)"]?[row["year"]!] == NumberParser.parse(row[column]!))
                compared += 1
            }
        }
        #expect(compared == batch.observations.count)
        #expect(batch.observations.filter { $0.seriesID.hasSuffix("-area") }.allSatisfy { $0.unit == "ha" })
        #expect(batch.observations.filter { $0.seriesID.hasSuffix("-production") }.allSatisfy { $0.unit == "t" })
        #expect(batch.seriesLabels["vnm-rice-area"] == "Viet Nam, Rice, Area harvested")
    }

    @Test func producerPricesMatchTheStagedValuesInTheAreasCurrency() throws {
        let batch = try FAOSTATReader.read(file: Self.pp)
        let read = ImportFixtures.values(batch)
        let reference = try ImportFixtures.reference("faostat_pp_producer_prices_vnm_tha_rice_mango_annual.csv")
        for row in reference {
            let area = row["country"] == "Viet Nam" ? "vnm" : "tha"
            let item = row["item"] == "Rice" ? "rice" : "mango"
            let id = "\(area)-\(item)-producer-price"
            #expect(read[id]?[row["year"]!] == NumberParser.parse(row["producer_price_lcu_per_tonne"]!))
        }
        #expect(batch.observations.count == reference.count)
        #expect(batch.observations.filter { $0.seriesID.hasPrefix("vnm") }.allSatisfy { $0.unit == "VND/t" })
        #expect(batch.observations.filter { $0.seriesID.hasPrefix("tha") }.allSatisfy { $0.unit == "THB/t" })
    }

    /// The flag column travels as the status; an empty value is skipped and counted.
    @Test func flagsBecomeTheStatusAndEmptyValuesAreCounted() throws {
        var lines = try String(contentsOf: Self.qcl, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: ",\"\"", with: ",\"A\"")
        lines[2] = lines[2].replacingOccurrences(of: ",\"\"", with: ",\"E\"")
        lines[3] = lines[3].replacingOccurrences(of: "\"4496520\",\"\"", with: "\"\",\"M\"")
        let url = try ImportFixtures.temporary(lines.joined(separator: "\n"), name: "flags.csv")
        let batch = try FAOSTATReader.read(file: url)
        #expect(batch.observations[0].status == "A")
        #expect(batch.observations[1].status == "E")
        #expect(batch.observations[2].status == nil)
        #expect(batch.skipped == [ImportSkip(reason: "no value", count: 1)])
        #expect(batch.rowsRead == lines.count - 1)
    }

    @Test func readsLatin1Files() throws {
        let text = try String(contentsOf: Self.qcl, encoding: .utf8).replacingOccurrences(
            of: "Viet Nam", with: "Türkiye")
        let url = try ImportFixtures.temporary("", name: "latin1.csv")
        try #require(text.data(using: .isoLatin1)).write(to: url)
        let batch = try FAOSTATReader.read(file: url)
        #expect(batch.seriesLabels["vnm-rice-area"] == "Türkiye, Rice, Area harvested")
    }

    @Test(
        arguments: [
            ("\"Value\",\"Flag\"", "\"Amount\",\"Flag\"", 1, "a FAOSTAT file needs a column 'Value'"),
            (
                "\"1961\",\"1961\",\"ha\"", "\"1961\",\"1961\",\"1000 ha\"", 2,
                "expected Area harvested (element 5312) in 'ha', found '1000 ha'"
            ),
            ("\"1962\",\"1962\",\"ha\"", "\"1962\",\"62\",\"ha\"", 3, "expected a four-digit year, found '62'"),
            ("\"4496520\"", "\"4,496,520\"", 4, "expected a number, found '4,496,520'"),
        ] as [(String, String, Int, String)])
    func refusesMalformedVariantsNamingTheLine(original: String, replacement: String, line: Int, message: String) throws
    {
        try ImportFixtures.expectRefusal(
            FAOSTATReader.read, of: Self.qcl, replacing: original, with: replacement, line: line, message: message)
    }
}

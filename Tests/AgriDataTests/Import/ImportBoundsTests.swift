import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// Every import is checked against the plausibility bounds, whatever its format: the WFP copy as
/// found, with one Đồng Tháp price written the Vietnamese way and misread ("9.250" as 9.25 đồng/kg),
/// is refused naming the line and the bound; the person importing may confirm a real value; an
/// impossible one (a negative price) is refused even then.
@Suite struct ImportBoundsTests {
    /// The WFP copy as found, with the first Đồng Tháp price (1/15/2008, line 3) replaced by `price`.
    static func wfp(withFirstDongThapPrice price: String) throws -> URL {
        let text = try String(contentsOf: WFPReaderTests.original, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        #expect(lines[2].hasPrefix("1/15/2008,Dong Thap,"))
        var fields = lines[2].components(separatedBy: ",")
        fields[12] = price
        lines[2] = fields.joined(separator: ",")
        return try ImportFixtures.temporary(lines.joined(separator: "\n"), name: "wfp_food_prices_vnm.csv")
    }

    @Test func theRealFilesPass() throws {
        let batch = try WFPReader.read(file: WFPReaderTests.original)
        try ImportBounds.check(batch, file: "wfp_food_prices_vnm.csv")
    }

    @Test func aMisreadPriceIsRefusedNamingTheLineAndTheBound() throws {
        let file = try Self.wfp(withFirstDongThapPrice: "9.25")
        let batch = try WFPReader.read(file: file)
        #expect {
            try ImportBounds.check(batch, file: file.path)
        } throws: { error in
            let e = error as? DataError
            let text = "\(error)"
            return e?.code == .implausibleValue && text.contains("line 3") && text.contains("9.25")
                && text.contains("3000") && text.contains("--confirmed 'wfp-rice-wholesale-dong-thap@2008-01'")
        }
        // Confirmed by the person importing, it is accepted as it is.
        let confirmed = try #require(ImportBounds.Confirmation("wfp-rice-wholesale-dong-thap@2008-01"))
        try ImportBounds.check(batch, file: file.path, confirmed: [confirmed])
        // Another period confirmed does not cover it.
        let other = try #require(ImportBounds.Confirmation("wfp-rice-wholesale-dong-thap@2008-02"))
        #expect(throws: DataError.self) { try ImportBounds.check(batch, file: file.path, confirmed: [other]) }
    }

    @Test func anImpossibleValueIsRefusedEvenConfirmed() throws {
        let file = try Self.wfp(withFirstDongThapPrice: "-5345.71")
        let batch = try WFPReader.read(file: file)
        let confirmed = try #require(ImportBounds.Confirmation("wfp-rice-wholesale-dong-thap@2008-01"))
        #expect {
            try ImportBounds.check(batch, file: file.path, confirmed: [confirmed])
        } throws: { error in
            (error as? DataError)?.code == .impossibleValue && !"\(error)".contains("--confirmed")
        }
    }

    @Test func confirmationsAreRead() {
        #expect(ImportBounds.Confirmation("gso-x@2016")?.period == .year(2016))
        #expect(ImportBounds.Confirmation("a@b@2025-03")?.seriesID == "a@b")
        #expect(ImportBounds.Confirmation("x") == nil)
        #expect(ImportBounds.Confirmation("@2016") == nil)
        #expect(ImportBounds.Confirmation("x@2016-13") == nil)
    }
}

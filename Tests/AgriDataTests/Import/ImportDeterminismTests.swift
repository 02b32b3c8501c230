import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// Importing a file twice must change nothing: that starts with every reader giving the same
/// batch, in the same order, each time it reads the same file.
@Suite struct ImportDeterminismTests {
    static let cases: [(String, @Sendable (URL) throws -> ImportBatch, URL)] = [
        (
            "pinksheet", PinkSheetReader.read,
            ImportFixtures.original("wb-pinksheet", "CMO-Historical-Data-Monthly.xlsx")
        ),
        ("noaa-oni", NOAAReader.readONI, ImportFixtures.original("enso-indices", "oni.ascii.txt")),
        ("noaa-soi", NOAAReader.readSOI, ImportFixtures.original("enso-indices", "soi")),
        ("noaa-sst", NOAAReader.readSST, ImportFixtures.original("enso-indices", "sstoi.indices")),
        (
            "gso-table", GSOTableReader.read,
            ImportFixtures.original("gso-mekong-rice-province-season", "Yield of autumn paddy by province.csv")
        ),
        ("wfp-hdx", WFPReader.read, ImportFixtures.original("wfp-vnm-prices", "wfp_food_prices_vnm.csv")),
        ("faostat", FAOSTATReader.read, ImportFixtures.fixture("faostat-pp-normalized.csv")),
        ("season-report", SeasonReportReader.read, ImportFixtures.fixture("season-report-dong-thap.csv")),
    ]

    @Test(arguments: 0..<cases.count)
    func readingTwiceGivesTheSameBatch(index: Int) throws {
        let (format, read, file) = Self.cases[index]
        let a = try read(file)
        let b = try read(file)
        #expect(a.format.rawValue == format)
        #expect(!a.observations.isEmpty)
        #expect(a.observations == b.observations)
        #expect(a.skipped == b.skipped)
        #expect(a.seriesLabels == b.seriesLabels)
        #expect(a.rowsRead == b.rowsRead && a.releaseDate == b.releaseDate && a.publisher == b.publisher)
        #expect(Set(a.observations.map(\.seriesID)) == Set(a.seriesLabels.keys))
    }
}

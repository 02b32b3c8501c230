import AgriData
import Foundation
import Testing
import TimeSeriesCore

/// The `tidy` import format: every value the file gives, nothing filled in, refusals located.
@Suite struct TidyImportTests {
    /// `text` written to a file of its own; the file's path.
    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-tidy-import-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func everyGivenValueIsAnObservationAndMissingOnesAreCounted() throws {
        let path = try file(
            """
            series_id,date,value,unit
            paddy,2025-01,6100,VND/kg
            paddy,2025-02,NA,VND/kg
            paddy,2025-04,6300,VND/kg
            area,2020,3900,thousand ha
            area,2021,,thousand ha

            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let batch = try TidyImport.read(path: path)
        #expect(batch.format == .tidy && batch.rowsRead == 5 && batch.releaseDate == nil)
        #expect(batch.observations.map(\.seriesID) == ["paddy", "paddy", "area"])
        #expect(
            batch.observations.map(\.period) == [
                .month(year: 2025, month: 1), .month(year: 2025, month: 4), .year(2020),
            ])
        #expect(batch.observations.map(\.value) == [6100, 6300, 3900])
        #expect(batch.observations.map(\.unit) == ["VND/kg", "VND/kg", "thousand ha"])
        #expect(batch.skipped == [ImportSkip(reason: "no value (empty or NA)", count: 2)])
        #expect(batch.seriesFrequencies == ["paddy": .monthly, "area": .yearly])
    }

    @Test func weeklySeriesAreSaidToBeWeekly() throws {
        let path = try file("series_id,date,value\nw,2025-01-06,1\nw,2025-01-13,2\nw,2025-01-27,4\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let batch = try TidyImport.read(path: path)
        #expect(batch.seriesFrequencies["w"] == .weekly)
        #expect(batch.observations.map(\.value) == [1, 2, 4])
        #expect(batch.observations.map(\.unit) == ["", "", ""])
    }

    @Test func aBadRowIsRefusedWithItsLineAndColumn() throws {
        let path = try file("series_id,date,value\npaddy,2025-01,6100\npaddy,2025-02,six\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: DataError.self) { try ImportReaders.read(format: .tidy, file: path) }
        #expect(error.code == .notNumeric && error.line == 3 && error.column == 3)
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// The World Bank's own workbook (November 2025 release) against the converted CSV of the next
/// release (December 2025): every month both hold agrees, but for the month the December release
/// revised.
@Suite struct PinkSheetReaderTests {
    static let workbook = ImportFixtures.original("wb-pinksheet", "CMO-Historical-Data-Monthly.xlsx")

    @Test func readsTheRealWorkbookAsTheNextReleaseRevisesIt() throws {
        let batch = try PinkSheetReader.read(file: Self.workbook)
        #expect(batch.format == .pinksheet)
        #expect(batch.publisher == "World Bank")
        let utc = try #require(TimeZone(identifier: "UTC"))
        let parts = Calendar(identifier: .gregorian).dateComponents(in: utc, from: try #require(batch.releaseDate))
        #expect([parts.year, parts.month, parts.day] == [2025, 11, 4])
        #expect(batch.rowsRead == 790)  // 1960M01 ... 2025M10
        #expect(batch.seriesLabels.count == 71)
        #expect(batch.seriesLabels["wb-rice-vnm-5"] == "Rice, Viet Namese 5%")

        let read = ImportFixtures.values(batch)
        let reference = try ImportFixtures.reference("wb_cmo_monthly_prices_full.csv")
        var compared = 0
        var differing: [String: Int] = [:]
        var missingBoth = 0
        for row in reference {
            guard let period = row["period"], let month = PinkSheetReader.month(period) else { continue }
            guard month <= .month(year: 2025, month: 10) else { continue }
            for (code, text) in row where code != "period" {
                let id = PinkSheetReader.seriesID(code: code)
                let mine = read[id]?[month.description]
                if text.isEmpty {
                    if mine == nil { missingBoth += 1 } else { differing[period, default: 0] += 1 }
                    continue
                }
                compared += 1
                if mine != NumberParser.parse(text) { differing[period, default: 0] += 1 }
            }
        }
        #expect(compared + missingBoth == 790 * 71)
        // The December release revised 9 of October 2025's 71 values, and nothing earlier.
        #expect(differing == ["2025M10": 9])
        let skipped = batch.skipped.reduce(0) { $0 + $1.count }
        #expect(batch.observations.count + skipped == 790 * 71)
    }

    @Test func theExcerptReadsSharedInlineAndAbsentCells() throws {
        let batch = try PinkSheetReader.read(file: ImportFixtures.fixture("pinksheet/excerpt.xlsx"))
        let full = ImportFixtures.values(try PinkSheetReader.read(file: Self.workbook))
        #expect(batch.rowsRead == 24)
        #expect(Set(batch.observations.map(\.seriesID)).count <= 7)
        for o in batch.observations {
            #expect(full[o.seriesID]?[o.period.description] == o.value, "\(o.origin)")
        }
        let first = try #require(batch.observations.first)
        #expect(first.origin == "Monthly Prices!B8")
        #expect(first.unit == "USD/bbl")
        #expect(first.seriesID == "wb-crude-petro")
        #expect(batch.skipped.reduce(0) { $0 + $1.count } == 24 * 7 - batch.observations.count)
    }

    @Test(
        arguments: [
            (
                "wrong-sheet.xlsx", nil,
                "expected a sheet 'Monthly Prices'; the workbook's sheets are: 'Monthly Indices'"
            ),
            ("wrong-unit.xlsx", 6, "Monthly Prices!C6: expected one of the Pink Sheet's units"),
            ("bad-date.xlsx", 20, "Monthly Prices!A20: expected a month written like 1960M01, found '1961M13'"),
            ("bad-number.xlsx", 15, "Monthly Prices!D15: expected a number or '…' (missing), found the text '1,63'"),
            ("no-codes.xlsx", 7, "expected series codes (RICE_05, MAIZE...) in row 7"),
            ("bad-updated.xlsx", 4, "Monthly Prices!A4: expected 'Updated on <Month> <day>, <year>'"),
            ("not-a-workbook.xlsx", nil, "not an xlsx workbook"),
        ] as [(String, Int?, String)])
    func refusesMalformedWorkbooksNamingTheCell(name: String, line: Int?, message: String) throws {
        let url = ImportFixtures.fixture("pinksheet/\(name)")
        let error = try #require(ImportFixtures.dataError { try PinkSheetReader.read(file: url) })
        #expect(error.file == url.path)
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func monthsAndReleaseDatesAreReadStrictly() {
        #expect(PinkSheetReader.month("1960M01") == .month(year: 1960, month: 1))
        #expect(PinkSheetReader.month("1960M1") == nil)
        #expect(PinkSheetReader.month("1960-01") == nil)
        #expect(PinkSheetReader.month("1960M00") == nil)
        #expect(PinkSheetReader.releaseDate("Updated on December 02, 2025") != nil)
        #expect(PinkSheetReader.releaseDate("Updated on February 30, 2025") == nil)
        #expect(PinkSheetReader.releaseDate("Released December 02, 2025") == nil)
    }
}

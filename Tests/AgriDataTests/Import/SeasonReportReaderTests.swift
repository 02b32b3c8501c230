import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// The season-report template, filled with GSO's own Đồng Tháp figures (Fixtures/README.md) and
/// read back against GSO's tables read by the GSO reader.
@Suite struct SeasonReportReaderTests {
    static let report = ImportFixtures.fixture("season-report-dong-thap.csv")

    @Test func readsGSOsFiguresAsTheGSOReaderDoes() throws {
        let batch = try SeasonReportReader.read(file: Self.report)
        #expect(batch.format == .seasonReport)
        #expect(batch.publisher == "GSO (Tổng cục Thống kê), provincial paddy tables")
        #expect(batch.rowsRead == 14)
        #expect(batch.observations.count == 3 * 14)
        let read = ImportFixtures.values(batch)
        let folder = "gso-mekong-rice-province-season"
        for (table, part, factor) in [
            ("Planted area", "area", 1000.0), ("Yield", "yield", 1), ("Production", "production", 1000),
        ] {
            for (word, season) in [("spring", "dong-xuan"), ("autumn", "he-thu-thu-dong")] {
                let gso = ImportFixtures.values(
                    try GSOTableReader.read(
                        file: ImportFixtures.original(folder, "\(table) of \(word) paddy by province.csv")))
                let series = try #require(gso["gso-paddy-\(part)-\(season)-dong-thap"])
                for year in 2010...2016 {
                    let mine = read["season-report-\(part)-\(season)-dong-thap"]?[String(year)]
                    let theirs = try #require(series[String(year)])
                    #expect(
                        abs(try #require(mine) - theirs * factor) <= 1e-9 * theirs * factor, "\(part) \(season) \(year)"
                    )
                }
            }
        }
        let statuses = Dictionary(grouping: batch.observations, by: { $0.period }).mapValues { Set($0.map(\.status)) }
        #expect(statuses[.year(2016)] == ["estimate"])
        #expect(statuses[.year(2015)] == ["final"])
        #expect(batch.observations.first { $0.seriesID.hasPrefix("season-report-yield") }?.unit == "tạ/ha")
    }

    @Test func theTemplateImportsAsNothingAndItsExampleAsOneRow() throws {
        let template = SeasonReportReader.template()
        #expect(template.hasPrefix("province,season,crop_year,area_ha,yield_ta_ha,production_t,status,source\n"))
        let empty = try ImportFixtures.temporary(template, name: "t.csv")
        let error = try #require(ImportFixtures.dataError { try SeasonReportReader.read(file: empty) })
        #expect(error.message == "the report has a header but no rows")
        let example = try #require(template.split(separator: "\n").first { $0.hasPrefix("# Đồng Tháp") })
        let filled = try ImportFixtures.temporary(
            SeasonReportReader.columns.joined(separator: ",") + "\n" + example.dropFirst(2) + "\n", name: "e.csv")
        let batch = try SeasonReportReader.read(file: filled)
        #expect(
            batch.observations.map(\.seriesID) == [
                "season-report-area-dong-xuan-dong-thap", "season-report-yield-dong-xuan-dong-thap",
                "season-report-production-dong-xuan-dong-thap",
            ])
        #expect(batch.observations.map(\.value) == [185000, 72.5, 1_341_250])
    }

    @Test func emptyCellsAreSkippedAndCounted() throws {
        let text =
            SeasonReportReader.columns.joined(separator: ",") + "\nĐồng Tháp,Hè Thu,2026,190000,,,plan,Sở NN&PTNT\n"
        let batch = try SeasonReportReader.read(file: try ImportFixtures.temporary(text, name: "p.csv"))
        #expect(batch.observations.map(\.seriesID) == ["season-report-area-he-thu-dong-thap"])
        #expect(batch.observations.first?.status == "plan")
        #expect(
            batch.skipped == [
                ImportSkip(reason: "empty yield_ta_ha", count: 1), ImportSkip(reason: "empty production_t", count: 1),
            ])
    }

    @Test(
        arguments: [
            ("yield_ta_ha", "yield_t_ha", 1, "the template's yield is in tạ/ha"),
            ("status,source", "state,source", 1, "a season report needs a column 'status'"),
            (",dong-xuan,2012,", ",xuan-he,2012,", 6, "expected a season (dong-xuan"),
            (",dong-xuan,2012,", ",dong-xuan,12,", 6, "expected the four-digit year of the harvest, found '12'"),
            ("208300,72.2", "208.300,72.2", 6, "'208.300' reads as 208.300 or, with '.' grouping thousands, as 208300"),
            ("208300,72.2", "208300,72,2", 6, "expected 8 fields as in the header, found 9"),
            ("208300,72.2", "208300,7.22", 6, "(a yield in t/ha rather than tạ/ha?)"),
            ("1504800,final", "1504800,done", 6, "expected one of plan, in-season, estimate, final, found 'done'"),
            ("1504800,final,\"GSO", "1504800,final,\"Sở", 6, "one report, one source"),
        ] as [(String, String, Int, String)])
    func refusesMalformedVariantsNamingTheLine(original: String, replacement: String, line: Int, message: String) throws
    {
        try ImportFixtures.expectRefusal(
            SeasonReportReader.read, of: Self.report, replacing: original, with: replacement, line: line,
            message: message)
    }

    @Test func groupingIsAmbiguousOnlyForThreeDigitsAfterOnePoint() {
        #expect(SeasonReportReader.groupingReadings("9.250")! == ("9.250", "9250"))
        #expect(SeasonReportReader.groupingReadings("9.25") == nil)
        #expect(SeasonReportReader.groupingReadings("0.125") == nil)
        #expect(SeasonReportReader.groupingReadings("1.341.250") == nil)
    }
}

import Foundation
import Testing

@testable import AgriData

/// `TidyDataset.reported`: the periods of each series with a value in the file, kept by the one
/// pass of `TidyReader`, against small files whose gaps are known by construction and against the
/// bundled monthly price files, whose reported months the test counts itself from the CSV text.
@Suite struct ReportedPeriodsTests {
    static func read(_ text: String, _ policy: MissingPolicy, label: String? = nil) throws -> TidyDataset {
        var options = TidyReadOptions()
        options.onMissing = policy
        options.labelColumn = label
        return try TidyReader.read(data: Data(text.utf8), file: "p.csv", options: options)
    }

    /// 2021-01 … 2021-06 of one market: 02 empty, 03 `NA`, 05 absent; the first row's id is the
    /// decomposed spelling of the others'. The label is the first market cell of a row with a value
    /// (02 names a market but has no value).
    static let gappy = """
        series_id,date,value,market
        \("Đồng Tháp".decomposedStringWithCanonicalMapping),2021-01,9000,
        Đồng Tháp,2021-02,,Sa Đéc
        Đồng Tháp,2021-03,NA,Sa Đéc
        Đồng Tháp,2021-04,9100,Tam Nông
        Đồng Tháp,2021-06,9300,Tam Nông
        An Giang,2021-05,8000,Châu Phú

        """

    @Test func interpolatedPeriodsAreNotReported() throws {
        let dataset = try Self.read(Self.gappy, .interpolate, label: "market")
        let s = try #require(dataset.series(named: "Đồng Tháp"))
        let reported = try #require(dataset.reported[s.id])
        #expect(s.count == 6)
        #expect(reported.count == 6 && reported.filled == [1, 2, 4] && reported.reportedCount == 3)
        #expect(
            reported.dates == [
                .month(year: 2021, month: 1), .month(year: 2021, month: 4), .month(year: 2021, month: 6),
            ])
        #expect(reported.contains(.month(year: 2021, month: 4)))
        #expect(!reported.contains(.month(year: 2021, month: 5)))
        #expect(!reported.contains(.month(year: 2020, month: 12)) && !reported.contains(.month(year: 2021, month: 7)))
        #expect(!reported.contains(.year(2021)))
        // The series keeps the filled values; the mask puts NaN in their place and nowhere else.
        #expect(s.values[1].isFinite && s.values[4].isFinite)
        let masked = reported.masking(s)
        #expect(masked.values.map(\.isNaN) == [false, true, true, false, true, false])
        #expect(masked.values[0] == 9000 && masked.values[3] == 9100 && masked.values[5] == 9300)
        // A part of the series keeps its own periods' marks.
        var tail = s
        tail.values = Array(s.values[3...])
        tail.start = .month(year: 2021, month: 4)
        #expect(reported.masking(tail).values.map(\.isNaN) == [false, true, false])
        #expect(dataset.labels[s.id] == "Tam Nông")
        #expect(dataset.labels["An Giang"] == "Châu Phú")
        #expect(try #require(dataset.reported["An Giang"]).dates == [.month(year: 2021, month: 5)])
    }

    @Test func withoutInterpolationEveryPeriodOfTheSeriesIsReported() throws {
        let skipped = try Self.read(Self.gappy, .skip)
        let s = try #require(skipped.series(named: "Đồng Tháp"))
        let reported = try #require(skipped.reported[s.id])
        #expect(reported.filled.isEmpty && reported.count == s.count)
        #expect(reported.dates == (0..<s.count).compactMap { s.date(at: $0) })
        #expect(skipped.labels.isEmpty)  // no label column asked for

        let complete = try Self.read("series_id,date,value\na,2020,1\na,2021,2\na,2022,3\n", .fail)
        let yearly = try #require(complete.reported["a"])
        #expect(yearly.dates == [.year(2020), .year(2021), .year(2022)] && yearly.filled.isEmpty)
    }

    /// A weekly series steps by 7 days: the absent week is filled, a day between weeks is no period.
    @Test func weeklyPeriodsStepBySevenDays() throws {
        let dataset = try Self.read(
            "series_id,date,value\nw,2024-01-01,1\nw,2024-01-08,2\nw,2024-01-22,4\n", .interpolate)
        let s = try #require(dataset.series.first)
        #expect(s.frequency == .weekly)
        let reported = try #require(dataset.reported["w"])
        #expect(reported.filled == [2])
        #expect(reported.contains(.day(year: 2024, month: 1, day: 8)))
        #expect(!reported.contains(.day(year: 2024, month: 1, day: 15)))
        #expect(!reported.contains(.day(year: 2024, month: 1, day: 9)))
        #expect(reported.masking(s).values.map(\.isNaN) == [false, false, true, false])
    }

    /// The bundled monthly prices, read as `models/dong-thap.json` reads them (interpolated): the
    /// reported months of every series are those whose value cell the test finds non-empty and not
    /// `NA` in the file's own lines, and the filled months those between the first and the last.
    @Test(arguments: ["wfp-rice-wholesale.csv", "wb-pinksheet-monthly.csv"])
    func bundledPricesReportTheMonthsOfTheirFile(_ name: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/\(name)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // series_id, date and value are the first three columns, before any quoted field.
        var months: [String: Set<String>] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
            let value = fields[2].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty && value != "NA" { months[String(fields[0]), default: []].insert(String(fields[1])) }
        }
        func monthNumber(_ s: String) -> Int { Int(s.prefix(4))! * 12 + Int(s.suffix(2))! - 1 }
        var options = TidyReadOptions()
        options.onMissing = .interpolate
        let dataset = try TidyReader.read(path: path, options: options)
        #expect(Set(dataset.series.map(\.id)) == Set(months.keys))
        var filledInFile = 0
        for s in dataset.series {
            let expected = try #require(months[s.id])
            let reported = try #require(dataset.reported[s.id])
            #expect(Set(reported.dates.map(\.description)) == expected, "\(s.id)")
            let numbers = expected.map(monthNumber)
            let span = numbers.max()! - numbers.min()! + 1
            #expect(reported.count == span && s.count == span, "\(s.id)")
            #expect(reported.filled.count == span - expected.count, "\(s.id)")
            filledInFile += span - expected.count
        }
        #expect(filledInFile > 0, "the file has no gap, so it tests nothing of the filled months")
    }
}

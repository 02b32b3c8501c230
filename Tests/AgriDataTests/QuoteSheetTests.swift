import AgriData
import Foundation
import Testing
import TimeSeriesCore

/// The price rows of a sheet of press quotes (`QuoteSheet`) on datasets/mango-dong-thap-quotes.csv,
/// counted against a plain reading of the same file with Foundation's line split.
@Suite("Press quote sheets")
struct QuoteSheetTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/mango-dong-thap-quotes.csv").path

    @Test func theMangoSheetsPriceRows() throws {
        let sheet = try QuoteSheet(path: Self.path)
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let priceLines = text.split(separator: "\n").filter { $0.hasPrefix("price,") }
        #expect(sheet.rows.count == priceLines.count && priceLines.count == 19)
        // Dates as the page gives them; a month only where the date begins with one.
        let undated = sheet.rows.filter { $0.month == nil }
        #expect(undated.count == 3 && undated.allSatisfy { $0.date.hasPrefix("unknown") })
        #expect(sheet.months.contains(.month(year: 2022, month: 6)))
        let hoaLoc = try #require(
            sheet.rows.first { $0.date.hasPrefix("2022-06-16") && $0.variety == "xoai cat Hoa Loc loai 1" })
        #expect(hoaLoc.unit == "VND/kg" && hoaLoc.low == 50000 && hoaLoc.high == 55000)
        // A single price (no value_high) is a range of one value.
        let single = try #require(sheet.rows.first { $0.date.hasPrefix("2025-12") })
        #expect(single.low == 90000 && single.high == 90000)
    }

    @Test func aPriceThatIsNotANumberIsRefusedWithItsPlace() {
        let csv =
            "kind,date,variety,value,value_high,unit,publisher,source_url\nprice,2024-05,cat Chu,abc,,VND/kg,x,y\n"
        #expect {
            _ = try QuoteSheet(data: Data(csv.utf8), file: "q.csv")
        } throws: { error in
            (error as? DataError).map { $0.line == 2 && $0.column == 4 && $0.code == .notNumeric } ?? false
        }
    }
}

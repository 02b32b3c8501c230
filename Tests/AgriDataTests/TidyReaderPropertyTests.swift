import Foundation
import PropertyBased
import Testing
import TimeSeriesCore

@testable import AgriData

/// Properties of the tidy reader on files written at random: the values read are the ones
/// written (Swift's own `Double(String)` is the reference for the decimal text), the first date
/// and the frequency are the ones put in, and neither line endings, a byte-order mark nor
/// quoting change anything.
@Suite("Tidy reader properties")
struct TidyReaderPropertyTests {
    static let values = Gen.int(in: -9_999_999...9_999_999).map { Double($0) / 100 }.array(of: 1...40)

    @Test func writtenSeriesReadBack() async {
        await propertyCheck(
            count: 300, input: Self.values, zip(Gen.int(in: 1990...2090), Gen.int(in: 1...12)), Gen.int(in: 0...7)
        ) {
            values, start, style in
            let (year, month) = start
            let crlf = style & 1 != 0
            let bom = style & 2 != 0
            let quoted = style & 4 != 0
            var text = bom ? "\u{FEFF}" : ""
            let end = crlf ? "\r\n" : "\n"
            text += "series_id,date,value" + end
            var written: [String] = []
            for (i, v) in values.enumerated() {
                let date = PeriodDate.month(year: year, month: month).advanced(by: i)
                let number = String(v)
                written.append(number)
                let id = quoted ? "\"giá lúa, Đồng Tháp\"" : "gia-lua"
                text += "\(id),\(date),\(quoted ? "\"\(number)\"" : number)" + end
            }
            let dataset: TidyDataset
            do {
                dataset = try TidyReader.read(data: Data(text.utf8), file: "p.csv")
            } catch {
                Issue.record("\(error)")
                return
            }
            #expect(dataset.series.count == 1)
            guard let s = dataset.series.first else { return }
            #expect(s.values == written.map { Double($0)! })
            #expect(s.start == .month(year: year, month: month))
            #expect(values.count < 2 || s.frequency == .monthly)
        }
    }
}

import Documents
import Foundation
import Rendering
import TestSupport
import Testing
import TimeSeriesCore

@testable import Publishing

/// The bulletin's sell-or-store table and the phone page's answer for a price the configuration's
/// `sellOrStore` lists: every number is the one the outlook document of `muavu outlook` gives for the
/// same price and issue day (`OutlookAssembly.subject` and `.answer`, the outlook's own path, read
/// back from the document's JSON), and a price it does not list gets no table.
@Suite struct PublishSellOrStoreTests {
    /// Ten years of a monthly fresh paddy price (đồng/kg), 2014-01 – 2023-12: a seasonal swing and
    /// a slow drift with a deterministic wobble, enough past errors for the study's probabilities.
    static func directory(listed: Bool = true) throws -> (URL, PublishConfiguration) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-sell-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var csv = "series_id,date,value,unit\n"
        for m in 0..<120 {
            let season = 450 * sin(2 * Double.pi * Double(m % 12) / 12)
            let wobble = Double((m * 37) % 23) * 18 - 200
            let value = (5_600 + 6 * Double(m) + season + wobble).rounded()
            csv += String(format: "paddy,%04d-%02d,%.0f,VND/kg\n", 2014 + m / 12, m % 12 + 1, value)
        }
        try Data(csv.utf8).write(to: dir.appendingPathComponent("paddy.csv"))
        var object: [String: Any] = [
            "name": "sell-or-store", "title": ["vi": "Giá lúa", "en": "Paddy prices"], "levels": [80, 95],
            "datasets": ["paddy": ["path": "paddy.csv"]],
            "forecasts": [
                [
                    "id": "paddy", "kind": "price", "name": ["vi": "Giá lúa tươi", "en": "Fresh paddy price"],
                    "commodity": ["vi": "Lúa tươi", "en": "Fresh paddy"], "market": ["vi": "Đồng Tháp", "en": "Đồng Tháp"],
                    "dataset": "paddy", "series": "paddy", "models": ["naive", "snaive"], "horizon": 3,
                ]
            ],
        ]
        if listed {
            object["sellOrStore"] = [
                "entries": ["paddy"], "dryingCost": 180, "fieldMoisture": 25, "storeMoisture": 14, "storageLoss": 0.5,
                "interest": 0.367,
            ]
        }
        let path = dir.appendingPathComponent("config.json")
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: path)
        return (dir, try PublishConfiguration.load(path: path.path))
    }

    static let issued = Date(timeIntervalSince1970: 1_705_276_800)  // 2024-01-15
    static let issueDay = PeriodDate.day(year: 2024, month: 1, day: 15)

    /// The outlook document's `sell_or_store` object, as `muavu outlook --commodity lúa --json` writes it.
    static func outlookSection(_ c: PublishConfiguration) throws -> [String: Any] {
        let subject = try OutlookAssembly.subject(
            configuration: c, file: c.file, commodity: "lúa", market: "Đồng Tháp", language: "both", exportLink: nil,
            models: nil, issued: issueDay, store: { nil })
        var request = OutlookRequest(months: 3, issued: issueDay)
        request.sellOrStore = subject.sellOrStore
        let answer = try OutlookAssembly.answer(subject, request: request)
        let json = try JSONSerialization.jsonObject(with: try answer.body(.json, language: "both", issued: issued))
        return try #require((json as? [String: Any])?["sell_or_store"] as? [String: Any])
    }

    static func text(_ files: [Publisher.File], _ path: String) throws -> String {
        String(decoding: try #require(files.first { $0.path == path }).data, as: UTF8.self)
    }

    @Test func theBulletinsNumbersAreTheOutlookDocuments() throws {
        let (dir, c) = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Publisher.build(c, issued: Self.issued, issueDay: Self.issueDay)
        let markdown = try Self.text(files, "bulletin.md")
        let section = try Self.outlookSection(c)

        let heading = "## Bán lúa tươi ngay hay phơi khô để bán sau"
        let start = try #require(markdown.range(of: heading), "the bulletin has no sell-or-store section")
        let table = String(markdown[start.upperBound...]).components(separatedBy: "\n## ")[0]

        let fresh = try #require(section["fresh_price"] as? Double)
        let nowText = try #require(section["now"] as? String)
        let now = try #require(PeriodDate(parsing: nowText))
        #expect(
            table.contains(
                "giá lúa tươi \(NumberText.monthInWords(now, language: .vi)): "
                    + "\(NumberText.format(fresh, decimals: 0, language: .vi)) đồng/kg"), "\(table)")

        let months = try #require(section["months"] as? [[String: Any]])
        #expect(months.count == 6)
        var probabilities = 0
        for m in months {
            let dateText = try #require(m["date"] as? String)
            let date = try #require(PeriodDate(parsing: dateText))
            let breakEven = try #require(m["break_even_dry_price"] as? Double)
            let probability = m["probability"] as? Double
            let gain = m["expected_gain_per_tonne"] as? Double
            if probability != nil { probabilities += 1 }
            let cells =
                "| \(NumberText.format(breakEven, decimals: 0, language: .vi)) | "
                + "\(probability.map { "\(Int(($0 * 10).rounded()))/10" } ?? "–") | "
                + "\(gain.map { NumberText.format(($0 / 1000).rounded() * 1000, decimals: 0, language: .vi) } ?? "–") |"
            let row = table.split(separator: "\n").first {
                $0.hasPrefix("| \(NumberText.monthInWords(date, language: .vi))")
            }
            #expect(row?.hasSuffix(cells) == true, "\(date): \(row ?? "no row") should end \(cells)")
        }
        // The series is long enough that the study states probabilities: the table is not all dashes.
        #expect(probabilities >= 3)

        // The outlook's sentence in the bulletin's outlook paragraph and on the phone page.
        let sentence = try #require((section["text"] as? [String: String])?["vi"])
        #expect(markdown.contains(sentence))
        #expect(try Self.text(files, "phone/paddy.html").contains(Markup.escape(sentence)))
    }

    @Test func aPriceTheSectionDoesNotListHasNoTable() throws {
        let (dir, c) = try Self.directory(listed: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Publisher.build(c, issued: Self.issued, issueDay: Self.issueDay)
        #expect(!(try Self.text(files, "bulletin.md")).contains("Bán lúa tươi ngay hay phơi khô"))
        #expect(!(try Self.text(files, "phone/paddy.html")).contains("Phơi khô và giữ lúa"))
    }
}

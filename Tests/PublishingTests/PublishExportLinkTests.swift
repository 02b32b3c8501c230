import Documents
import Foundation
import TestSupport
import TimeSeriesCore
import Testing

@testable import Publishing

/// The configuration's `exportLink` in `muavu publish`: every monthly price but the export price
/// itself gets the link as a candidate (the export price's selection and skill line say why it
/// has none), and a link whose series is not in the data, or is not monthly, is refused with a
/// message that names it before anything is forecast.
@Suite struct PublishExportLinkTests {
    typealias R = OutlookStudyReference

    /// A directory with `prices.csv`: the Đồng Tháp price 2009-01 – 2012-12 (`price`), the export
    /// price 2008-06 – 2013-06 with its unreported 2009-03 left out (`export`), and a yearly series.
    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "muavu-export-link-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var csv = "series_id,date,value,unit\n"
        func month(_ start: (year: Int, month: Int), _ i: Int) -> String {
            let m = start.year * 12 + start.month - 1 + i
            return String(format: "%04d-%02d", m / 12, m % 12 + 1)
        }
        for (i, v) in R.linkPrice.enumerated() { csv += "price,\(month(R.linkPriceStart, i)),\(v),VND/kg\n" }
        for (i, v) in R.linkExport.enumerated() where v.isFinite {
            csv += "export,\(month(R.linkExportStart, i)),\(v),USD/t\n"
        }
        for year in 2001...2012 { csv += "yearly,\(year),\(400 + year - 2001),USD/t\n" }
        try Data(csv.utf8).write(to: dir.appendingPathComponent("prices.csv"))
        return dir
    }

    static func configuration(in dir: URL, exportSeries: String = "export") throws -> PublishConfiguration {
        let entry: (String, String) -> [String: Any] = { id, series in
            [
                "id": id, "kind": "price", "name": ["vi": id, "en": id], "dataset": "prices", "series": series,
                "models": ["naive"], "horizon": 2,
            ]
        }
        let object: [String: Any] = [
            "name": "export-link", "title": ["vi": "Giá", "en": "Prices"], "levels": [80, 95],
            "datasets": ["prices": ["path": "prices.csv", "onMissing": "interpolate"]],
            "forecasts": [entry("price", "price"), entry("export", exportSeries)],
            "exportLink": "export",
        ]
        let path = dir.appendingPathComponent("config.json")
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: path)
        return try PublishConfiguration.load(path: path.path)
    }

    static let issued = Date(timeIntervalSince1970: 1_795_910_400)
    /// The month after the prices end: no estimates before the issue month.
    static let issueDay = PeriodDate(parsing: "2013-01-15")!

    @Test func everyPriceButTheExportPriceHasTheLinkAsACandidate() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Publisher.build(Self.configuration(in: dir), issued: Self.issued, issueDay: Self.issueDay)
        let index = try #require(files.first { $0.path == "index.json" })
        let object = try #require(try JSONSerialization.jsonObject(with: index.data) as? [String: Any])
        let series = try #require(object["series"] as? [[String: Any]])
        func candidates(_ id: String) throws -> [String] {
            let entry = try #require(series.first { $0["id"] as? String == id })
            let selection = try #require(entry["selection"] as? [String: Any])
            return try #require(selection["candidates"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        }
        #expect(try candidates("price") == ["naive", "arima-x"])
        #expect(try candidates("export") == ["naive"])
    }

    /// The export price has no link to itself: `index.json` and both languages of the bulletin
    /// (Markdown and HTML) say why, with the words of `ConfiguredDatasets.exportLink`; the linked
    /// price has no such note.
    @Test func theExportPriceSaysWhyTheLinkIsNotACandidate() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let configuration = try Self.configuration(in: dir)
        let data = try ConfiguredDatasets(configuration)
        let exportEntry = try #require(configuration.forecasts.first { $0.id == "export" })
        let note = try #require(
            try data.exportLink(of: exportEntry, price: data.series(of: exportEntry, at: "test")).note)
        #expect(note.en == "the series is the export price itself")

        let files = try Publisher.build(configuration, issued: Self.issued, issueDay: Self.issueDay)
        let index = try #require(files.first { $0.path == "index.json" })
        let object = try #require(try JSONSerialization.jsonObject(with: index.data) as? [String: Any])
        let series = try #require(object["series"] as? [[String: Any]])
        func selection(_ id: String) throws -> [String: Any] {
            let entry = try #require(series.first { $0["id"] as? String == id })
            return try #require(entry["selection"] as? [String: Any])
        }
        #expect(try selection("export")["export_link_note"] as? String == note.en)
        #expect(try selection("price")["export_link_note"] == nil)

        let sentences = [
            " Không so sánh mô hình theo giá xuất khẩu: \(note.vi).",
            " The export-price link is not among the candidates: \(note.en).",
        ]
        for name in ["bulletin.md", "bulletin.html"] {
            let text = String(decoding: try #require(files.first { $0.path == name }).data, as: UTF8.self)
            for sentence in sentences {
                // Once: in the export price's skill line, not in the linked price's.
                #expect(text.components(separatedBy: sentence).count == 2, "\(name): \(sentence)")
            }
        }
    }

    @Test(arguments: [
        ("missing", "exportLink (export): unknown series 'missing' in dataset 'prices'"),
        ("yearly", "exportLink (export): series 'yearly' is not monthly"),
    ])
    func aLinkOutsideTheDataIsRefused(_ series: String, _ message: String) throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let configuration = try Self.configuration(in: dir, exportSeries: series)
        do {
            _ = try Publisher.build(configuration, issued: Self.issued, issueDay: Self.issueDay)
            Issue.record("published with the export link on '\(series)'")
        } catch let error as PublishingError {
            #expect(error.code == .badConfiguration)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}

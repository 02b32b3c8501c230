import Foundation
import Testing

/// `muavu outlook` on a price built from quotes whose months are all quoted (no gap, so today's
/// models forecast it): the text and `muavu.outlook/v1` carry the days behind each month, the
/// note on where the prices come from and the paddy–rice link; the document is checked with
/// python3's `jsonschema`.
@Suite("muavu outlook: a price built from quotes")
struct OutlookQuotedSeriesTests {
    static let datasets = BundledConfiguration.root.appendingPathComponent("datasets")

    /// 30 months 2020-01 … 2022-06, one quoted day each and two in 2021-03 (6000 and 6200 → 6100).
    static func write(in dir: URL) throws -> String {
        var tidy = "series_id,date,value,unit\n"
        var quotes = "date,market,variety,state,price_low,price_high\n"
        for i in 0..<30 {
            let (y, m) = (2020 + i / 12, i % 12 + 1)
            let month = "\(y)-\(m < 10 ? "0" : "")\(m)"
            let price = 5600 + 20 * (i % 7)
            if month == "2021-03" {
                tidy += "paddy-test,\(month),6100,VND/kg\n"
                quotes += "\(month)-04,An Giang,IR 50404,tuoi,5900,6100\n"
                quotes += "\(month)-18,An Giang,IR 50404,unspecified,6200,6200\n"
            } else {
                tidy += "paddy-test,\(month),\(price),VND/kg\n"
                quotes += "\(month)-15,An Giang,IR 50404,tuoi,\(price - 100),\(price + 100)\n"
            }
        }
        try tidy.write(to: dir.appendingPathComponent("paddy.csv"), atomically: true, encoding: .utf8)
        try quotes.write(to: dir.appendingPathComponent("quotes.csv"), atomically: true, encoding: .utf8)
        let config: [String: Any] = [
            "name": "quoted", "title": ["vi": "Giá lúa", "en": "Paddy prices"], "horizon": 2,
            "riceLink": ["wfp-dt", "wb"],
            "datasets": [
                "p": ["path": "paddy.csv"],
                "wfp": [
                    "path": datasets.appendingPathComponent("wfp-rice-wholesale.csv").path, "onMissing": "interpolate",
                ],
                "pink": [
                    "path": datasets.appendingPathComponent("wb-pinksheet-monthly.csv").path,
                    "onMissing": "interpolate",
                ],
            ],
            "forecasts": [
                [
                    "id": "paddy-test", "kind": "price", "dataset": "p", "series": "paddy-test", "models": ["naive"],
                    "name": ["vi": "Giá lúa IR 50404", "en": "IR 50404 paddy price"],
                    "commodity": ["vi": "Lúa IR 50404 (tươi)", "en": "IR 50404 paddy (fresh)"],
                    "variety": ["vi": "IR 50404", "en": "IR 50404"], "market": ["vi": "An Giang", "en": "An Giang"],
                    "quotes": [
                        "path": "quotes.csv", "market": "An Giang", "variety": "IR 50404", "state": "fresh",
                        "note": ["vi": "Bảng giá An Giang.", "en": "The An Giang board."],
                    ],
                ],
                [
                    "id": "wfp-dt", "kind": "price", "dataset": "wfp", "series": "wfp-rice-wholesale-dong-thap",
                    "models": ["naive"],
                    "name": ["vi": "Giá gạo bán buôn Đồng Tháp", "en": "Wholesale rice, Đồng Tháp"],
                    "commodity": ["vi": "Gạo (bán buôn)", "en": "Rice (wholesale)"],
                ],
                [
                    "id": "wb", "kind": "price", "dataset": "pink", "series": "wb-rice-vnm-5", "models": ["naive"],
                    "name": ["vi": "Giá gạo xuất khẩu", "en": "Export rice price"],
                    "commodity": ["vi": "Gạo xuất khẩu", "en": "Export rice"],
                ],
            ],
        ]
        let path = dir.appendingPathComponent("quoted.json")
        try JSONSerialization.data(withJSONObject: config).write(to: path)
        return path.path
    }

    @Test func theDaysAndTheRiceLinkAreInTheTextAndTheDocument() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try Self.write(in: dir)
        let base = ["outlook", "--config", config, "--commodity", "lúa", "--as-of", "2022-07", "--months", "2"]
        let text = try CLIRunner.run(base, environment: ["SOURCE_DATE_EPOCH": "1795910400"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(
            text.stdout.contains("Bảng giá An Giang. 30 trong 30 tháng có báo giá; 29 tháng chỉ dựa trên một ngày."))
        #expect(
            text.stdout.contains("The An Giang board. 30 of 30 months have a quote; 29 months rest on a single day."))
        #expect(text.stdout.contains("Giá gạo bán buôn Đồng Tháp cao hơn giá lúa trung bình"), "\(text.stdout)")
        #expect(text.stdout.contains("muavu không có chuỗi tỷ giá"), "\(text.stdout)")

        let out = dir.appendingPathComponent("o.json").path
        let json = try CLIRunner.run(base + ["--json", "--out", out], environment: ["SOURCE_DATE_EPOCH": "1795910400"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try DocumentCheck.schemaViolation(kind: "outlook", document: out) == nil)
        let doc = try DocumentCheck.json(out)
        let quotes = try #require(doc["quotes"] as? [String: Any])
        let months = try #require(quotes["months"] as? [[String: Any]])
        #expect(
            months.count == 30 && quotes["quoted_months"] as? Int == 30 && quotes["single_day_months"] as? Int == 29)
        #expect(months.first { $0["date"] as? String == "2021-03" }?["days"] as? Int == 2)
        let link = try #require(doc["rice_link"] as? [[String: Any]])
        #expect(link.map { $0["other"] as? String } == ["wfp-rice-wholesale-dong-thap", "wb-rice-vnm-5"])
        // Wholesale rice: a margin in đồng/kg; the export price: no margin, never relabelled.
        #expect((link[0]["margin"] as? [String: Any])?["unit"] as? String == "VND/kg")
        #expect(link[1]["margin"] is NSNull && link[1]["other_unit"] as? String == "USD/t")
        // The common months: those of 2020-01 … 2022-06 the WFP file reports for Đồng Tháp.
        let wfp = try String(
            contentsOf: Self.datasets.appendingPathComponent("wfp-rice-wholesale.csv"), encoding: .utf8)
        var reported = 0
        for line in wfp.split(separator: "\n") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count > 2, f[0] == "wfp-rice-wholesale-dong-thap", !f[2].isEmpty else { continue }
            if f[1] >= "2020-01" && f[1] <= "2022-06" { reported += 1 }
        }
        #expect(reported > 0 && link[0]["months"] as? Int == reported)
    }
}

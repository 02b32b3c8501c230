import Foundation
import Testing

/// `muavu outlook --commodity` in Vietnamese or English, with or without diacritics (issue 16 §1),
/// on models/dong-thap.json with its price datasets read from the bundled CSV files.
@Suite("muavu outlook --commodity names")
struct OutlookCommodityTests {
    /// The configuration file as JSON, to take the expected names from.
    static var original: [String: Any] { BundledConfiguration.original }
    /// The configuration with its price datasets as bundled CSV files (no store).
    static let config = BundledConfiguration.withCSVDatasets([
        ("wfp", "wfp-rice-wholesale.csv"), ("pinksheet", "wb-pinksheet-monthly.csv"),
        ("paddy", "paddy-price-monthly.csv"), ("producer-prices", "faostat-producer-prices.csv"),
    ])
    /// The price entries of the configuration file.
    static var prices: [[String: Any]] {
        (original["forecasts"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "price" }
    }
    static func name(_ entry: [String: Any], _ language: String) -> String {
        let names = (entry["commodity"] ?? entry["name"]) as? [String: String]
        return names?[language] ?? ""
    }

    func outlook(_ extra: [String], asOf: String = "2026-04", models: String? = "naive") throws -> CLIResult {
        try CLIRunner.run(
            ["outlook", "--config", Self.config, "--as-of", asOf, "--months", "2"]
                + (models.map { ["--models", $0] } ?? []) + extra,
            environment: ["SOURCE_DATE_EPOCH": "1795910400"])
    }

    @Test("lúa: the An Giang board's IR 50404 (fresh); a model that cannot take its gaps is named plainly")
    func paddy() throws {
        let entry = try #require(Self.prices.first { ($0["id"] as? String) == "paddy-ir50404-an-giang" })
        #expect(Self.name(entry, "vi") == "Lúa IR 50404 (tươi)")
        let r = try outlook(["--commodity", "lúa"])
        // naive needs every month: the answer says so, Vietnamese first.
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let vi = try #require(r.stderr.range(of: "Lúa IR 50404 (tươi): chưa có dự báo."))
        let en = try #require(r.stderr.range(of: "IR 50404 paddy (fresh): no forecast yet."))
        #expect(vi.lowerBound < en.lowerBound)
        #expect(r.stderr.contains("Các mô hình naive chưa dự báo được khi chuỗi giá có tháng trống."), "\(r.stderr)")
        #expect(r.stderr.contains("35 of its 71 months have no quote"), "\(r.stderr)")
        // The days behind the months, and where the prices come from.
        #expect(r.stderr.contains("36 trong 71 tháng có báo giá; 26 tháng chỉ dựa trên một ngày."), "\(r.stderr)")
        #expect(r.stderr.contains("Sở Nông nghiệp An Giang"), "\(r.stderr)")
        // The other varieties, and how to choose.
        #expect(r.stderr.contains("--variety chooses among"), "\(r.stderr)")
        for word in ["lua", "paddy", "LÚA"] {
            let other = try outlook(["--commodity", word])
            #expect(other.status == 65 && other.stderr == r.stderr, "\(word)")
        }
    }

    @Test(
        "lúa with the entry's own candidate (arima-fixed): refused by name while SARIMA cannot take gaps, else forecast"
    )
    func paddyEntryModels() throws {
        let r = try outlook(["--commodity", "lúa", "--lang", "en"], models: nil)
        if r.status == 65 {
            #expect(r.stderr.contains("The models arima-fixed cannot forecast a series with gaps yet."), "\(r.stderr)")
        } else {
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("36 of 71 months have a quote; 26 months rest on a single day."), "\(r.stdout)")
            #expect(r.stderr.contains("outlook: paddy-ir50404-an-giang, model "), "\(r.stderr)")
        }
    }

    @Test(
        "--variety finds each board series, folded and without spaces; a Đồng Tháp query answers from An Giang",
        arguments: [
            ("ir50404", "IR 50404 paddy (fresh)"), ("IR 50404 khô", "IR 50404 paddy (dry)"),
            ("dai thom 8", "Đài Thơm 8 paddy (fresh)"), ("Đài Thơm 8", "Đài Thơm 8 paddy (fresh)"),
            ("OM18", "OM 18 paddy (fresh)"), ("om 5451", "OM 5451 paddy (fresh)"),
        ])
    func variety(_ name: String, _ words: String) throws {
        let r = try outlook(["--commodity", "lúa", "--variety", name, "--market", "Đồng Tháp", "--lang", "en"])
        #expect(r.status == 65, "\(r.stderr)")
        // The dry series ends in April 2023: too old for an outlook in April 2026.
        if words.contains("dry") {
            #expect(r.stderr.contains("paddy-ir50404-dry-an-giang") && r.stderr.contains("months before"))
        } else {
            #expect(r.stderr.hasPrefix("\(words): no forecast yet."), "\(r.stderr)")
            #expect(r.stderr.contains("An Giang Department of Agriculture"), "\(r.stderr)")
        }
    }

    @Test("An unknown variety lists the varieties in the language asked for (exit 64)", arguments: ["vi", "en"])
    func unknownVariety(_ language: String) throws {
        let r = try outlook(["--commodity", "lua", "--variety", "ST25", "--lang", language])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("no variety 'ST25'"), "\(r.stderr)")
        let (this, other) = language == "vi" ? ("Đài Thơm 8 (tươi)", "(fresh)") : ("Đài Thơm 8 (fresh)", "(tươi)")
        #expect(r.stderr.contains(this) && !r.stderr.contains(other), "\(r.stderr)")
    }

    @Test(
        "xoài: the quotes known and, Vietnamese first, too few to forecast (exit 0)",
        arguments: ["xoai", "xoài", "mango"])
    func mango(_ word: String) throws {
        let r = try outlook(["--commodity", word])
        #expect(r.status == 0, "\(r.stderr)")
        let vi = try #require(r.stdout.range(of: "Xoài tại Đồng Tháp: chưa đủ số liệu để dự báo giá."))
        let en = try #require(r.stdout.range(of: "Mango at Đồng Tháp: too few observations for a price forecast."))
        #expect(vi.lowerBound < en.lowerBound)
        // Every price row of the sheet, with its range in đồng/kg, source and age.
        let sheet = try String(
            contentsOf: BundledConfiguration.root.appendingPathComponent("datasets/mango-dong-thap-quotes.csv"),
            encoding: .utf8)
        let prices = sheet.split(separator: "\n").filter { $0.hasPrefix("price,") }.count
        #expect(prices == 19)
        #expect(r.stdout.contains("Chỉ có \(prices) báo giá"), "\(r.stdout)")
        #expect(r.stdout.contains("cần ít nhất 24 tháng có giá"))
        #expect(r.stdout.contains("- 16/06/2022: xoai cat Hoa Loc loai 1, 50.000–55.000 đồng/kg; nguồn: Báo Cần Thơ"))
        #expect(r.stdout.contains("cách đây 46 tháng."))
        #expect(r.stdout.contains("- 2022-06-16: xoai cat Hoa Loc loai 1, 50,000–55,000 đồng/kg; source: Báo Cần Thơ"))
        #expect(!r.stdout.contains("only yearly prices"))
    }

    @Test("xoài --json: muavu.quoted-price/v1, valid against its schema")
    func mangoDocument() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("mango.json").path
        let r = try outlook(["--commodity", "mango", "--json", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try DocumentCheck.schemaViolation(kind: "quoted-price", document: out) == nil)
        let doc = try DocumentCheck.json(out)
        #expect(doc["schema"] as? String == "muavu.quoted-price/v1" && doc["forecast"] as? Bool == false)
        let quotes = try #require(doc["quotes"] as? [[String: Any]])
        #expect(quotes.count == 19)
        let store = try #require(doc["store"] as? [String: Any])
        #expect(store["months"] as? Int == 0 && store["minimum_months"] as? Int == 24)
    }

    @Test("xoài from the store: the quotes while it holds fewer than 24 monthly prices, the outlook from 24")
    func mangoGrows() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store.sqlite").path
        func months(_ n: Int) -> String {
            "series_id,date,value,unit\n"
                + (0..<n).map { i in
                    let y = 2024 + i / 12
                    let m = i % 12 + 1
                    let price = 20000 + 3000 * sin(Double(i) * 2 * Double.pi / 12) + 100 * Double(i % 5)
                    return "mango-dong-thap,\(y)-\(m < 10 ? "0" : "")\(m),\(Int(price)),VND/kg"
                }.joined(separator: "\n") + "\n"
        }
        let file = dir.appendingPathComponent("mango.csv")
        try months(23).write(to: file, atomically: true, encoding: .utf8)
        let first = try CLIRunner.run(["import", "--format", "tidy", "--file", file.path, "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        let few = try outlook(["--commodity", "xoai", "--store", store, "--lang", "en"], asOf: "2026-12-31")
        #expect(few.status == 0 && few.stdout.contains("The store holds 23 monthly prices"), "\(few.stdout)")
        try months(24).write(to: file, atomically: true, encoding: .utf8)
        let second = try CLIRunner.run(["import", "--format", "tidy", "--file", file.path, "--store", store])
        #expect(second.status == 0, "\(second.stderr)")
        let enough = try outlook(["--commodity", "xoai", "--store", store, "--lang", "en"], asOf: "2026-12-31")
        #expect(enough.status == 0, "\(enough.stderr)")
        #expect(enough.stderr.contains("outlook: mango-dong-thap, model "), "\(enough.stderr)")
        #expect(!enough.stdout.contains("too few observations"))
    }

    @Test("An unknown commodity lists the prices in the language asked for", arguments: ["vi", "en"])
    func unknown(_ language: String) throws {
        let r = try outlook(["--commodity", "cà phê", "--lang", language])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("its prices are"), "\(r.stderr)")
        let other = language == "vi" ? "en" : "vi"
        for entry in Self.prices {
            #expect(r.stderr.contains(Self.name(entry, language)), "\(r.stderr)")
            #expect(!r.stderr.contains(Self.name(entry, other)), "\(r.stderr)")
        }
    }

    @Test("gạo names the wholesale and export rice prices: --market chooses")
    func rice() throws {
        let r = try outlook(["--commodity", "gao"])
        #expect(r.status == 64, "\(r.stderr)")
        for id in ["wfp-rice-wholesale-dong-thap", "wfp-rice-wholesale-an-giang", "wb-rice-vnm-5"] {
            #expect(r.stderr.contains(id), "\(r.stderr)")
        }
        let chosen = try outlook(["--commodity", "gạo", "--market", "dong thap"], asOf: "2022-07")
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stderr.contains("wfp-rice-wholesale-dong-thap"), "\(chosen.stderr)")
    }
}

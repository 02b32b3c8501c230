import Foundation
import TestSupport
import Testing

/// `muavu outlook --format sms|zalo|text|json|html` on the bundled commodities (models/dong-thap.json
/// with its price datasets read from the bundled CSV files): one SMS of at most 160 septets counted
/// by the independent Python counter, the Zalo lines, the phone page under its budget with nothing
/// fetched, `--format json` the same bytes as `--json`.
@Suite("muavu outlook --format")
struct OutlookFormatTests {
    static let config = BundledConfiguration.withCSVDatasets([
        ("wfp", "wfp-rice-wholesale.csv"), ("pinksheet", "wb-pinksheet-monthly.csv"),
        ("paddy", "paddy-price-monthly.csv"), ("producer-prices", "faostat-producer-prices.csv"),
    ])
    static let environment = ["SOURCE_DATE_EPOCH": "1796601600"]  // 2026-12-07

    /// The bundled monthly prices, each on an issue date its data allows (the WFP survey ends in
    /// 2022-06), with one fast model (the words and sizes, not the model choice, are under test);
    /// the board's paddy, whose months without a quote stay gaps, with its own model, which takes them.
    static let commodities: [(name: String, arguments: [String])] = [
        ("Đồng Tháp rice", ["--commodity", "rice", "--market", "Đồng Tháp", "--as-of", "2022-07"]),
        ("An Giang rice", ["--commodity", "rice", "--market", "An Giang", "--as-of", "2022-07"]),
        ("IR 50404 paddy", ["--commodity", "lúa", "--as-of", "2026-12-07", "--models", "arima-fixed"]),
        ("5% export rice", ["--commodity", "5%", "--as-of", "2026-12-07"]),
    ]

    static func outlook(_ arguments: [String], _ extra: [String]) throws -> CLIResult {
        try CLIRunner.run(
            ["outlook", "--config", config, "--months", "3"]
                + (arguments.contains("--models") ? [] : ["--models", "naive"]) + arguments + extra,
            environment: environment)
    }

    @Test("sms: one GSM-7 message of at most 160 septets per commodity", arguments: commodities)
    func sms(_ c: (name: String, arguments: [String])) throws {
        var texts: [String] = []
        for lang in ["vi", "en"] {
            let r = try Self.outlook(c.arguments, ["--format", "sms", "--lang", lang])
            #expect(r.status == 0, "\(c.name): \(r.stderr)")
            #expect(r.stdout.hasSuffix("\n") && r.stdout.filter { $0 == "\n" }.count == 1)
            texts.append(String(r.stdout.dropLast()))
            // The notes on stderr stay in English.
            #expect(r.stderr.contains("outlook: ") && r.stderr.contains("backtest coverage"))
        }
        #expect(texts[0].contains(" co the ") && (texts[0].contains("dong/kg") || texts[0].contains("USD/tan")))
        #expect(texts[1].contains(" likely "))
        for (text, count) in zip(texts, try GSM7Reference.counts(texts)) {
            #expect(count.encodable, "\(text)")
            #expect((count.septets ?? .max) <= 160, "\(count.septets ?? -1): \(text)")
            #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
        }
    }

    @Test("zalo: short lines with diacritics; text keeps --lang")
    func zalo() throws {
        let paddy = Self.commodities[2].arguments
        let r = try Self.outlook(paddy, ["--format", "zalo"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        try #require(lines.count == 4, "\(r.stdout)")
        #expect(lines.first == "Lúa IR 50404 (tươi), An Giang")
        #expect(lines[1].hasPrefix("Giá mới nhất: ") && lines[1].contains("(tháng 3/2026, cách đây 9 tháng)."))
        #expect(lines[2].hasPrefix("Tháng 1/2027: có thể từ ") && lines[2].hasSuffix("8 trên 10 khả năng."))
        #expect(lines[3] == "muavu, 07/12/2026")
        let text = try Self.outlook(paddy, ["--format", "text", "--lang", "vi"])
        let plain = try Self.outlook(paddy, ["--lang", "vi"])
        #expect(
            text.status == 0 && text.stdout == plain.stdout && text.stdout.contains("Lúa IR 50404 (tươi) tại An Giang"))
    }

    @Test("with a sell-or-store answer the messages say whether to wait; without statements, nothing")
    func waiting() throws {
        let dongThap = Self.commodities[0].arguments + ["--sell-or-store", "--fresh-price", "6000"]
        let zalo = try Self.outlook(dongThap, ["--format", "zalo"])
        #expect(zalo.status == 0, "\(zalo.stderr)")
        let lines = zalo.stdout.split(separator: "\n")
        try #require(lines.count == 5, "\(zalo.stdout)")
        #expect(lines[3].hasPrefix("Nên "), "\(zalo.stdout)")
        #expect(lines[3].hasPrefix("Nên bán ngay: trữ lúa để bán sau") || lines[3].hasPrefix("Nên chờ: trữ lúa đến"))
        let sms = try Self.outlook(dongThap, ["--format", "sms"])
        let text = String(sms.stdout.dropLast())
        #expect(sms.status == 0 && text.contains(" Nen "), "\(text)")
        let count = try #require(try GSM7Reference.counts([text]).first)
        #expect(count.encodable && (count.septets ?? .max) <= 160, "\(text)")
        let page = try Self.outlook(dongThap, ["--format", "html"])
        #expect(page.stdout.contains("<p class=\"ans\">Nên "))
        // The paddy price's section has too few past errors for a statement: no word on waiting.
        let paddy = try Self.outlook(Self.commodities[2].arguments, ["--format", "zalo"])
        #expect(paddy.status == 0 && !paddy.stdout.contains("Nên"), "\(paddy.stdout)")
    }

    @Test("--format json is --json; --json with another format and an unknown format exit 64")
    func jsonAndUsage() throws {
        let paddy = Self.commodities[2].arguments
        let a = try Self.outlook(paddy, ["--format", "json"])
        let b = try Self.outlook(paddy, ["--json"])
        let both = try Self.outlook(paddy, ["--json", "--format", "json"])
        #expect(a.status == 0 && a.stdout == b.stdout && both.stdout == a.stdout)
        #expect(a.stdout.hasPrefix("{"))
        let clash = try Self.outlook(paddy, ["--json", "--format", "sms"])
        #expect(clash.status == 64 && clash.stderr.contains("--json") && clash.stdout.isEmpty)
        let unknown = try Self.outlook(paddy, ["--format", "xml"])
        #expect(unknown.status == 64 && unknown.stderr.contains("--format must be text, json, sms, zalo or html"))
    }

    @Test("html: the phone page of each commodity, under 50 KB, nothing fetched", arguments: commodities)
    func html(_ c: (name: String, arguments: [String])) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-phone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("outlook.html").path
        let r = try Self.outlook(c.arguments, ["--format", "html", "--out", out])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(c.name): \(r.stderr)")
        let page = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(page.count < 50_000, "\(c.name): \(page.count) bytes")
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta name=\"viewport\"") && html.contains("<svg"))
        for reference in ["src=", "href=", "url(", "@import", "<script"] {
            #expect(!html.lowercased().contains(reference), "\(c.name): \(reference)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["outlook.html"])
    }
}

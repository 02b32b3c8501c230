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

    func outlook(_ extra: [String], asOf: String = "2026-04") throws -> CLIResult {
        try CLIRunner.run(
            ["outlook", "--config", Self.config, "--as-of", asOf, "--models", "naive", "--months", "2"] + extra,
            environment: ["SOURCE_DATE_EPOCH": "1795910400"])
    }

    @Test("lúa gives the IR 50404 paddy outlook; lua and paddy the same bytes")
    func paddy() throws {
        let entry = try #require(Self.prices.first { ($0["id"] as? String) == "paddy-ir50404-an-giang" })
        let r = try outlook(["--commodity", "lúa"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(Self.name(entry, "vi")) && r.stdout.contains(Self.name(entry, "en")), "\(r.stdout)")
        #expect(r.stderr.contains("paddy-ir50404-an-giang"), "\(r.stderr)")
        for word in ["lua", "paddy", "LÚA"] {
            let other = try outlook(["--commodity", word])
            #expect(other.status == 0, "\(word): \(other.stderr)")
            #expect(other.stdout == r.stdout, "\(word)")
        }
    }

    @Test("xoai: only a yearly price, said plainly (exit 65)", arguments: ["xoai", "xoài", "mango"])
    func mango(_ word: String) throws {
        let entry = try #require(Self.prices.first { ($0["id"] as? String) == "vnm-mango-producer-price" })
        let r = try outlook(["--commodity", word, "--lang", "en"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("\(word): muavu has only yearly prices"), "\(r.stderr)")
        #expect(r.stderr.contains(Self.name(entry, "en")) && r.stderr.contains("too few for a monthly outlook"))
        #expect(r.stdout.isEmpty)
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

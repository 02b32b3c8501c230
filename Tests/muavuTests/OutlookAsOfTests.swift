import Foundation
import Testing

/// `outlook --as-of DATE` means what it means for every command that reads data: the issue date,
/// with a configuration's store datasets read as known at the end of DATE. The Pink Sheet's
/// November 2025 workbook (released 4 November 2025, data to 2025-10; datasets/original/wb-pinksheet)
/// and the December release's CSV (imported today, to 2025-11) give the store two vintages.
@Suite struct OutlookAsOfTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theStoreIsReadAsKnownOnTheIssueDate() throws {
        let f = try DataCommandTests.Folder()
        let datasets = Self.root.appendingPathComponent("datasets")
        for (format, file) in [
            ("pinksheet", "original/wb-pinksheet/CMO-Historical-Data-Monthly.xlsx"),
            ("tidy", "wb-pinksheet-monthly.csv"),
        ] {
            let r = try CLIRunner.run([
                "import", "--format", format, "--file", datasets.appendingPathComponent(file).path, "--store", f.store,
            ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let config = try f.write(
            "export.json",
            """
            {"name": "as-of", "title": {"vi": "Giá", "en": "Prices"}, "horizon": 3, "levels": [80, 95],
             "datasets": {"wb": {"store": true, "onMissing": "interpolate"}},
             "forecasts": [{"id": "wb-rice-vnm-5", "kind": "price",
                            "name": {"vi": "Giá gạo xuất khẩu", "en": "Rice export price"},
                            "commodity": {"vi": "Gạo xuất khẩu", "en": "Export rice"},
                            "market": {"vi": "Xuất khẩu", "en": "Export"},
                            "dataset": "wb", "series": "wb-rice-vnm-5", "models": ["naive"]}]}
            """)
        func lastObserved(_ asOf: String, byID: Bool = false) throws -> (String?, Int?) {
            // From the configuration's entry, or by series id alone (the store is the default source).
            let subject =
                byID
                ? ["--series", "wb-rice-vnm-5", "--on-missing", "interpolate", "--model", "naive"]
                : ["--config", config, "--commodity", "export"]
            let r = try CLIRunner.run(
                ["outlook"] + subject + ["--months", "3", "--json", "--store", f.store, "--as-of", asOf],
                environment: ["SOURCE_DATE_EPOCH": "1795910400"])
            #expect(r.status == 0, "\(r.stderr)")
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let age = doc["data_age"] as? [String: Any]
            return (age?["last_observed"] as? String, age?["age"] as? Int)
        }
        // On 30 November 2025 only the November release was known: its last month is October.
        let november = try lastObserved("2025-11-30")
        #expect(november.0 == "2025-10" && november.1 == 1, "\(november)")
        #expect(try lastObserved("2025-11-30", byID: true) == november)
        // Today the December release is known too (a tidy file's vintage is its import time): the
        // series runs to November 2025.
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        let latest = try lastObserved(String(today))
        #expect(latest.0 == "2025-11", "\(latest)")
        #expect(try lastObserved(String(today), byID: true).0 == "2025-11")
        // A series the store lacks exits 65.
        let missing = try CLIRunner.run(["outlook", "--series", "nope", "--store", f.store])
        #expect(missing.status == 65 && missing.stderr.contains("no series 'nope'"), "\(missing.stderr)")
    }
}

import Foundation
import TestSupport
import Testing

/// `make forecast`'s path, end to end: scripts/import-bundled.sh imports the bundled files into a
/// new store (the publishers' originals with their formats, the converted files as tidy CSV), and
/// `muavu publish --store` publishes models/dong-thap.json from it. Each published series ends at
/// the newest period of its publisher's file, read from that file here. A configuration of CSV
/// paths still publishes, and gives the same forecasts as the store; a series the store lacks is
/// refused with exit 65.
@Suite("muavu publish --store: the bundled data through a fresh store", .serialized)
struct BundledStoreTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let datasets = root.appendingPathComponent("datasets")
    static let originals = datasets.appendingPathComponent("original")
    /// 2026-11-29T00:00:00Z.
    static let epoch = ["SOURCE_DATE_EPOCH": "1795910400"]

    /// A temporary folder removed when the test ends.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-bundled-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        var store: String { url.appendingPathComponent("store.sqlite").path }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    /// Imports every bundled file into `folder.store` with scripts/import-bundled.sh.
    static func importBundled(into folder: Folder) throws -> CLIResult {
        try CLIRunner.run(
            [root.appendingPathComponent("scripts/import-bundled.sh").path, CLIRunner.binary.path, folder.store],
            executable: URL(fileURLWithPath: "/bin/bash"))
    }

    /// models/dong-thap.json with fast candidates (naive, drift, theta) so the test runs quickly in
    /// debug; everything else as bundled. Written beside the store: its calendars are linked there.
    static func fastConfiguration(in folder: Folder) throws -> String {
        let models = root.appendingPathComponent("models")
        var c = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: models.appendingPathComponent("dong-thap.json")))
                as? [String: Any])
        var entries = try #require(c["forecasts"] as? [[String: Any]])
        for i in entries.indices {
            if entries[i]["models"] != nil { entries[i]["models"] = ["naive", "theta"] }
            if var area = entries[i]["area"] as? [String: Any] {
                area["models"] = ["naive", "drift"]
                entries[i]["area"] = area
            }
        }
        c["forecasts"] = entries
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("calendars"), withDestinationPath: models.appendingPathComponent("calendars").path)
        let path = folder.path("dong-thap-fast.json")
        try JSONSerialization.data(withJSONObject: c).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theBundledDataPublishesFromAFreshStoreToEachSourcesNewestPeriod() throws {
        let f = try Folder()
        let imported = try Self.importBundled(into: f)
        #expect(imported.status == 0, "\(imported.stderr)")
        // The December release revises months of the November workbook imported before it: both kept.
        let tidyWB = try #require(
            imported.stderr.components(separatedBy: "import: ").first { $0.contains("wb-pinksheet-monthly.csv") })
        #expect(!tidyWB.contains(" 0 revised"), "\(tidyWB)")

        let out = f.path("out")
        let r = try CLIRunner.run(
            ["publish", "--config", try Self.fastConfiguration(in: f), "--store", f.store, "--out", out],
            environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let index = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/index.json")))
                as? [String: Any])
        let series = try #require(index["series"] as? [[String: Any]])
        // A series whose data ends more than 24 periods before the issue date (WFP, June 2022) is
        // withheld: listed with its age and the reason, not forecast.
        let withheld = try #require(index["withheld"] as? [[String: Any]])
        let last = Dictionary(
            uniqueKeysWithValues: series.map { ($0["id"] as? String ?? "", $0["last_observed"] as? String) }
                + withheld.map {
                    ($0["id"] as? String ?? "", ($0["data_age"] as? [String: Any])?["last_observed"] as? String)
                })
        // Or a price built from quotes whose gaps no model takes yet (the An Giang board), said so.
        #expect(
            withheld.allSatisfy {
                (($0["data_age"] as? [String: Any])?["age"] as? Int ?? 0) > 24
                    || ($0["reason"] as? [String: Any])?["en"].map {
                        "\($0)".contains("cannot forecast a series with gaps")
                    }
                        == true
            }, "\(withheld)")
        #expect(series.allSatisfy { (($0["data_age"] as? [String: Any])?["age"] as? Int ?? 99) <= 24 })
        // The reference: the newest period of each publisher's file, read with Python's csv module.
        let script = Self.root.appendingPathComponent("scripts/fixtures/newest_periods.py").path
        let reference = try Python.run([script, Self.root.path])
        #expect(reference.status == 0, "\(reference.output)")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(reference.output.utf8)) as? [String: String])
        for (id, period) in expected {
            #expect(last[id] == period, "\(id): published to \(last[id] ?? "nil"), its source has \(period)")
        }
        // Every published series is one of those checked.
        #expect(Set(last.keys) == Set(expected.keys))
        let inputs = try #require(index["inputs"] as? [[String: Any]])
        #expect(inputs.contains { ($0["path"] as? String)?.hasPrefix("store:") == true })
    }

    /// A store holding the FAOSTAT producer prices only.
    static func producerPriceStore(_ f: Folder) throws {
        let file = datasets.appendingPathComponent("faostat-producer-prices.csv").path
        let r = try CLIRunner.run(["import", "--format", "tidy", "--file", file, "--store", f.store])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// One yearly price entry, its dataset given by `dataset` (JSON).
    static func configuration(_ f: Folder, dataset: String, series: String = "vnm-rice-producer-price") throws
        -> String
    {
        let text = """
            {"name": "store-test", "title": {"vi": "Giá lúa", "en": "Paddy price"}, "horizon": 2,
             "datasets": {"pp": \(dataset)},
             "forecasts": [{"id": "paddy", "kind": "price", "name": {"vi": "Giá lúa", "en": "Paddy price"},
                            "dataset": "pp", "series": "\(series)", "models": ["naive", "drift"]}]}
            """
        let path = f.path("config-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aCSVConfigurationStillPublishesAndGivesTheStoresForecast() throws {
        let f = try Folder()
        try Self.producerPriceStore(f)
        let csv = Self.datasets.appendingPathComponent("faostat-producer-prices.csv").path
        let fromCSV = try CLIRunner.run(
            [
                "publish", "--config", try Self.configuration(f, dataset: "{\"path\": \"\(csv)\"}"), "--out",
                f.path("a"),
            ],
            environment: Self.epoch)
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        let fromStore = try CLIRunner.run(
            [
                "publish", "--config", try Self.configuration(f, dataset: "{\"store\": true}"), "--store", f.store,
                "--out", f.path("b"),
            ], environment: Self.epoch)
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        func forecast(_ dir: String) throws -> NSDictionary? {
            let doc = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: f.path(dir) + "/forecasts/paddy.json")))
            // The forecast itself (model and points); `dataset` names the file or the store.
            let series = ((doc as? [String: Any])?["series"] as? [[String: Any]])?.first
            return series.map {
                ["model": $0["model"] ?? NSNull(), "points": $0["points"] ?? NSNull()] as NSDictionary
            }
        }
        let a = try #require(try forecast("a"))
        #expect(a == (try forecast("b")))
    }

    @Test func aSeriesTheStoreLacksIsRefusedWithNothingWritten() throws {
        let f = try Folder()
        try Self.producerPriceStore(f)
        let config = try Self.configuration(f, dataset: "{\"store\": true}", series: "vnm-paddy-price-typo")
        let r = try CLIRunner.run(["publish", "--config", config, "--store", f.store, "--out", f.path("out")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("series 'vnm-paddy-price-typo'") && r.stderr.contains("does not have"), "\(r.stderr)")
        #expect(r.stderr.contains("[unknown-series]"))
        #expect(!FileManager.default.fileExists(atPath: f.path("out")))
        // No store at all: refused alike, and none is created.
        let none = f.path("none.sqlite")
        let missing = try CLIRunner.run(["publish", "--config", config, "--store", none, "--out", f.path("out")])
        #expect(missing.status == 65 && missing.stderr.contains("no store"))
        #expect(!FileManager.default.fileExists(atPath: none))
    }
}

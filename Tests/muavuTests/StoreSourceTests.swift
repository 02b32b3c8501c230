import Foundation
import Testing

/// The store is the default source: `forecast`, `backtest` and `fit` without `--data` read the
/// series named by `--series` from the store, and give what they give on the same numbers in a
/// file (the bundled FAOSTAT crops, imported and read back).
@Suite struct StoreSourceTests {
    typealias Folder = DataCommandTests.Folder

    static let crops = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/faostat-vnm-crops.csv").path

    /// A store holding the bundled crops.
    static func store() throws -> Folder {
        let f = try Folder()
        let r = try CLIRunner.run(["import", "--format", "tidy", "--file", crops, "--store", f.store])
        #expect(r.status == 0, "\(r.stderr)")
        return f
    }

    /// `json` without the keys that name the data's source.
    static func withoutSource(_ json: String) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        object["dataset"] = nil
        return object as NSDictionary
    }

    @Test(arguments: [
        ["forecast", "--horizon", "3", "--model", "ets"],
        ["backtest", "--horizon", "2", "--windows", "3", "--models", "naive,theta"],
    ])
    func theStoreGivesWhatTheFileGives(_ command: [String]) throws {
        let f = try Self.store()
        let epoch = ["SOURCE_DATE_EPOCH": "1795910400"]
        let ids = ["--series", "vnm-rice-yield", "--series", "vnm-mango-area"]
        let fromStore = try CLIRunner.run(command + ids + ["--store", f.store], environment: epoch)
        let fromFile = try CLIRunner.run(command + ids + ["--data", Self.crops], environment: epoch)
        #expect(fromStore.status == 0 && fromFile.status == 0, "\(fromStore.stderr)\(fromFile.stderr)")
        #expect(try Self.withoutSource(fromStore.stdout) == (try Self.withoutSource(fromFile.stdout)))
        #expect(fromStore.stdout.contains("\"store:vnm-rice-yield,vnm-mango-area\""))
    }

    @Test func refusals() throws {
        let f = try Self.store()
        // A series the store lacks, a store that is not there, nothing known on the date: exit 65.
        let missing = try CLIRunner.run(["forecast", "--series", "nope", "--horizon", "2", "--store", f.store])
        #expect(missing.status == 65 && missing.stderr.contains("no series 'nope'"), "\(missing.stderr)")
        let none = try CLIRunner.run([
            "forecast", "--series", "vnm-rice-yield", "--horizon", "2", "--store", f.url.appendingPathComponent("x").path,
        ])
        #expect(none.status == 65, "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.url.appendingPathComponent("x").path))
        let early = try CLIRunner.run([
            "backtest", "--series", "vnm-rice-yield", "--horizon", "2", "--windows", "2", "--models", "naive",
            "--store", f.store, "--as-of", "2000-01",
        ])
        #expect(early.status == 65 && early.stderr.contains("was known on 2000-01"), "\(early.stderr)")
        // Usage: neither a file nor a series; --as-of with a file (which has no vintages); a bad date.
        #expect(try CLIRunner.run(["forecast", "--horizon", "2", "--store", f.store]).status == 64)
        #expect(
            try CLIRunner.run(["forecast", "--data", Self.crops, "--horizon", "2", "--as-of", "2026-01"]).status == 64)
        #expect(
            try CLIRunner.run([
                "forecast", "--series", "vnm-rice-yield", "--horizon", "2", "--store", f.store, "--as-of", "2026-13",
            ]).status == 64)
    }
}

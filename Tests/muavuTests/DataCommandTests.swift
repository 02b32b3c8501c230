import Foundation
import GRDB
import Testing

/// End-to-end: `muavu import`, `muavu data status` and `muavu data export`, each with its own store.
@Suite struct DataCommandTests {
    /// A folder of its own for a test's store and files.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-data-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        var store: String { url.appendingPathComponent("store.sqlite").path }
        func write(_ name: String, _ text: String) throws -> String {
            let path = url.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    /// In the order export writes it: series as asked, periods ascending, numbers in their shortest form.
    static let tidy = """
        series_id,date,value,unit
        paddy-dt,2025-09,6100,VND/kg
        paddy-dt,2025-10,6250.5,VND/kg
        paddy-dt,2026-01,6400,VND/kg
        enso-oni,2025-10,-0.53,°C
        rice-area,2021,3900.125,"t, paddy"

        """

    @Test func importThenExportGivesTheFileBack() throws {
        let f = try Folder()
        let file = try f.write("prices.csv", Self.tidy)
        let imported = try CLIRunner.run(["import", "--format", "tidy", "--file", file, "--store", f.store])
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("5 rows read, 3 series"))
        #expect(imported.stderr.contains("5 new, 0 unchanged, 0 revised"))
        let exported = try CLIRunner.run([
            "data", "export", "--series", "paddy-dt,enso-oni", "--series", "rice-area", "--store", f.store,
        ])
        #expect(exported.status == 0)
        #expect(exported.stdout == Self.tidy)
    }

    @Test func reimportIsIdempotent() throws {
        let f = try Folder()
        let file = try f.write("prices.csv", Self.tidy)
        _ = try CLIRunner.run(["import", "--format", "tidy", "--file", file, "--store", f.store])
        let status = try CLIRunner.run(["data", "status", "--json", "--store", f.store])
        let again = try CLIRunner.run(["import", "--format", "tidy", "--file", file, "--store", f.store])
        #expect(again.status == 0 && again.stderr.contains("already imported"))
        // A copy under another name has the same SHA-256: also already imported.
        let copy = try f.write("copy.csv", Self.tidy)
        #expect(
            try CLIRunner.run(["import", "--format", "tidy", "--file", copy, "--store", f.store]).stderr.contains(
                "already imported"))
        #expect(try CLIRunner.run(["data", "status", "--json", "--store", f.store]).stdout == status.stdout)
        let rows = try DatabaseQueue(path: f.store).read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM observation")
        }
        #expect(rows == 5)
    }

    @Test func aRevisionIsReportedAndTheStoreEnvironmentVariableIsUsed() throws {
        let f = try Folder()
        let env = ["MUAVU_STORE": f.store]
        _ = try CLIRunner.run(
            ["import", "--format", "tidy", "--file", try f.write("a.csv", Self.tidy)], environment: env)
        let revised = Self.tidy.replacingOccurrences(of: "6250.5", with: "6260") + "paddy-dt,2026-02,6500,VND/kg\n"
        let second = try CLIRunner.run(
            ["import", "--format", "tidy", "--file", try f.write("b.csv", revised)], environment: env)
        #expect(second.stderr.contains("1 new, 4 unchanged, 1 revised"))
        let export = try CLIRunner.run(["data", "export", "--series", "paddy-dt"], environment: env)
        #expect(export.stdout.contains("paddy-dt,2025-10,6260,VND/kg\n") && !export.stdout.contains("6250.5"))
        // Before either import nothing was known: a header, and a warning.
        let before = try CLIRunner.run(
            ["data", "export", "--series", "paddy-dt", "--as-of", "2020-01-01"], environment: env)
        #expect(before.status == 0 && before.stdout == "series_id,date,value\n")
        #expect(before.stderr.contains("nothing of series 'paddy-dt' was known on 2020-01-01"))
    }

    @Test func statusListsEverySeries() throws {
        let f = try Folder()
        let file = try f.write("prices.csv", Self.tidy)
        _ = try CLIRunner.run(["import", "--format", "tidy", "--file", file, "--store", f.store])
        // SOURCE_DATE_EPOCH 2026-03-15: January 2026 is two months old.
        let json = try CLIRunner.run(
            ["data", "status", "--json", "--store", f.store], environment: ["SOURCE_DATE_EPOCH": "1773532800"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["enso-oni", "paddy-dt", "rice-area"])
        let paddy = entries[1]
        #expect(paddy["first"] as? String == "2025-09" && paddy["last"] as? String == "2026-01")
        #expect(paddy["count"] as? Int == 3 && paddy["age"] as? Int == 2 && paddy["source"] as? String == file)
        let table = try CLIRunner.run(["data", "status", "--store", f.store])
        #expect(table.status == 0 && table.stdout.hasPrefix("series ") && table.stdout.contains("paddy-dt"))
    }

    @Test func usageAndDataErrorsExitWithTheirCodes() throws {
        let f = try Folder()
        let good = try f.write("prices.csv", Self.tidy)
        let bad = try f.write("bad.csv", "series_id,date,value\npaddy,2025-01,6100\npaddy,2025-02,six\n")
        let notStore = try f.write("notes.txt", "not a database\n")
        let cases: [([String], Int32, String)] = [
            (["import", "--format", "pinksheet", "--file", good, "--store", f.store], 65, "prices.csv"),
            (["import", "--template", "tidy"], 64, "--template must be season-report"),
            (["import", "--format", "tidy"], 64, "--format and --file are both needed"),
            (["import", "--format", "excel", "--file", good, "--store", f.store], 64, "--format must be one of"),
            (["import", "--format", "tidy", "--file", bad, "--store", f.store], 65, "bad.csv:3:3"),
            (["import", "--format", "tidy", "--file", good, "--store", f.url.path], 65, "is a directory"),
            (["import", "--format", "tidy", "--file", good, "--store", notStore], 65, "is not a SQLite file"),
            (["data", "status", "--store", f.store], 65, "no store here"),
            (["data", "export", "--series", "x", "--as-of", "2025", "--store", f.store], 64, "--as-of must be"),
        ]
        for (arguments, status, message) in cases {
            let result = try CLIRunner.run(arguments)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        // Nothing above made a store, and the file that is not one is as it was.
        #expect(!FileManager.default.fileExists(atPath: f.store))
        #expect(try String(contentsOfFile: notStore, encoding: .utf8) == "not a database\n")
        _ = try CLIRunner.run(["import", "--format", "tidy", "--file", good, "--store", f.store])
        let unknown = try CLIRunner.run(["data", "export", "--series", "mango", "--store", f.store])
        #expect(unknown.status == 65 && unknown.stderr.contains("no series 'mango'") && unknown.stdout.isEmpty)
    }
}

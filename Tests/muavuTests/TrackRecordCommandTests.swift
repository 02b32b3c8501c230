import Foundation
import TestSupport
import Testing

/// The track record end to end on the Pink Sheet's Viet Nam 5% rice price: `muavu replay` over
/// three months (what CI replays), `muavu verify` against an independent computation, records
/// written once, and `muavu publish --as-of` reproducible after new data has arrived.
@Suite(.serialized) struct TrackRecordCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let datasets = root.appendingPathComponent("datasets")
    /// 2026-11-29T00:00:00Z.
    static let epoch = ["SOURCE_DATE_EPOCH": "1795910400"]

    /// Imports the Pink Sheet's November 2025 workbook (released 4 November 2025, data to 2025-10),
    /// and with `december` the December release's CSV (imported now, to 2025-11, revising months).
    static func pinkSheet(_ f: DataCommandTests.Folder, december: Bool) throws {
        var files = [("pinksheet", "original/wb-pinksheet/CMO-Historical-Data-Monthly.xlsx")]
        if december { files.append(("tidy", "wb-pinksheet-monthly.csv")) }
        for (format, file) in files {
            let r = try CLIRunner.run([
                "import", "--format", format, "--file", datasets.appendingPathComponent(file).path, "--store", f.store,
            ])
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    static func configuration(_ f: DataCommandTests.Folder) throws -> String {
        try f.write(
            "export.json",
            """
            {"name": "track-record", "title": {"vi": "Giá gạo", "en": "Rice price"}, "horizon": 3, "levels": [80, 95],
             "datasets": {"wb": {"store": true, "onMissing": "interpolate", "releaseLagMonths": 1}},
             "forecasts": [{"id": "wb-rice-vnm-5", "kind": "price",
                            "name": {"vi": "Giá gạo xuất khẩu", "en": "Rice export price"},
                            "commodity": {"vi": "Gạo xuất khẩu", "en": "Export rice"},
                            "market": {"vi": "Xuất khẩu", "en": "Export"},
                            "dataset": "wb", "series": "wb-rice-vnm-5", "models": ["naive", "theta"]}]}
            """)
    }

    /// Rows of a CSV text with a header, as dictionaries (no quoted commas in these files' fields
    /// that the test reads).
    static func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
            return []
        }
        return lines.dropFirst().map { line in
            Dictionary(
                uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    @Test func aReplayOfThreeMonthsIsScoredAsAnIndependentComputationScoresIt() throws {
        let f = try DataCommandTests.Folder()
        try Self.pinkSheet(f, december: false)
        let config = try Self.configuration(f)
        let replay = try CLIRunner.run(
            ["replay", "--config", config, "--from", "2025-06-15", "--to", "2025-08-15", "--store", f.store])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stderr.contains("replayed 3 issues"), "\(replay.stderr)")

        let export = try CLIRunner.run(["record", "export", "--store", f.store])
        #expect(export.status == 0, "\(export.stderr)")
        let records = Self.rows(export.stdout)
        #expect(records.allSatisfy { $0["origin"] == "replayed" && $0["series"] == "wb-rice-vnm-5" })
        #expect(Set(records.compactMap { $0["issue_day"] }) == ["2025-06-15", "2025-07-15", "2025-08-15"])
        // The workbook's vintage (November 2025) is later than every issue day: each month counts as
        // known a month after its end. On 15 June May is not yet out (30 June), April is.
        let june = records.filter { $0["issue_day"] == "2025-06-15" }
        #expect(june.first { $0["horizon"] == "1" }?["target"] == "2025-05", "\(june)")
        #expect(june.allSatisfy { $0["data_vintage"] == "2025-05-30T00:00:00Z" }, "\(june)")

        // Replaying again adds nothing: records are written once.
        let again = try CLIRunner.run(
            ["replay", "--config", config, "--from", "2025-06-15", "--to", "2025-08-15", "--store", f.store])
        #expect(again.status == 0 && again.stderr.contains(": 0 forecasts of record added"), "\(again.stderr)")

        let verify = try CLIRunner.run(["verify", "--store", f.store])
        #expect(verify.status == 0, "\(verify.stderr)")
        let table = verify.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(table.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "\(name)") }

        // The reference, from the exported records and the store's observations.
        let recordsFile = try f.write("records.csv", export.stdout)
        let observations = try CLIRunner.run(["data", "export", "--series", "wb-rice-vnm-5", "--store", f.store])
        let observationsFile = try f.write("observations.csv", observations.stdout)
        let script = Self.root.appendingPathComponent("scripts/fixtures/track_record_reference.py").path
        let reference = try Python.run([script, recordsFile, observationsFile])
        #expect(reference.status == 0, "\(reference.output)")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(reference.output.utf8)) as? [String: [String: Any]])
        #expect(expected.count == table.count - 1 && expected.count >= 3)
        for row in table.dropFirst() {
            let key = "\(row[try column("series")])|\(row[try column("horizon")])|\(row[try column("origin")])"
            let e = try #require(expected[key], "\(key)")
            #expect(Int(row[try column("records")]) == e["records"] as? Int, "\(key)")
            #expect(Int(row[try column("scored")]) == e["scored"] as? Int, "\(key)")
            #expect((e["scored"] as? Int ?? 0) > 0, "\(key): every replayed target up to October is observed")
            func close(_ name: String, _ value: Any?) throws {
                let x = try #require(Double(row[try column(name)]), "\(key) \(name)")
                let y = try #require(value as? Double, "\(key) \(name)")
                #expect(abs(x - y) <= 1e-9 * max(1, abs(y)), "\(key) \(name): \(x) vs \(y)")
            }
            try close("mape_pct", e["mape"])
            try close("mean_error", e["mean_error"])
            try close("winkler_80", (e["winkler"] as? [String: Any])?["80"])
            let held = (e["held"] as? [String: Any])?["80"] as? Int
            #expect(row[try column("held_80")] == "\(held ?? -1)/\(e["scored"] as? Int ?? -1)", "\(key)")
        }
    }

    @Test func publishAsOfIsReproducibleAfterNewDataAndRecordsOnce() throws {
        let f = try DataCommandTests.Folder()
        try Self.pinkSheet(f, december: false)
        let config = try Self.configuration(f)
        func publish(_ out: String, record: Bool) throws -> CLIResult {
            try CLIRunner.run(
                ["publish", "--config", config, "--store", f.store, "--as-of", "2025-11-20",
                 "--out", f.url.appendingPathComponent(out).path] + (record ? ["--record"] : []),
                environment: Self.epoch)
        }
        let first = try publish("a", record: true)
        #expect(first.status == 0 && first.stderr.contains("recorded "), "\(first.stderr)")
        #expect(!first.stderr.contains("recorded 0 "), "\(first.stderr)")
        // December's release revises months and adds November: the import scores the forecasts of it.
        let december = try CLIRunner.run([
            "import", "--format", "tidy", "--file", Self.datasets.appendingPathComponent("wb-pinksheet-monthly.csv").path,
            "--store", f.store,
        ])
        #expect(december.status == 0, "\(december.stderr)")
        #expect(december.stderr.contains("import: scored "), "\(december.stderr)")
        let second = try publish("b", record: true)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("recorded 0 forecasts"), "the same issue day and data vintage: \(second.stderr)")
        let a = f.url.appendingPathComponent("a")
        let b = f.url.appendingPathComponent("b")
        let files = try FileManager.default.subpathsOfDirectory(atPath: a.path).sorted()
        #expect(!files.isEmpty)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: b.path).sorted() == files)
        for name in files {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: a.appendingPathComponent(name).path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            #expect(
                FileManager.default.contents(atPath: a.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: b.appendingPathComponent(name).path), "\(name) differs")
        }
        // November has now been released: the forecast of it made on 20 November is scored against it.
        let verify = try CLIRunner.run(["verify", "--store", f.store, "--records"])
        #expect(verify.status == 0, "\(verify.stderr)")
        let scored = Self.rows(verify.stdout)
        let november = try #require(scored.first { $0["target"] == "2025-11" }, "\(verify.stdout)")
        let observed = try CLIRunner.run(["data", "export", "--series", "wb-rice-vnm-5", "--store", f.store])
        let actual = Self.rows(observed.stdout).first { $0["date"] == "2025-11" }?["value"]
        #expect(november["actual"].flatMap(Double.init) == actual.flatMap(Double.init))
        #expect(november["release"] == "first" && november["horizon"] == "1")
    }
}

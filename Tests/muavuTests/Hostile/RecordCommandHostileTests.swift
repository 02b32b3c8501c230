import Foundation
import Testing

/// `muavu record`, `verify` and `replay` as a hostile user meets them: an output over the store,
/// malformed record files, impossible date ranges, two replays at once.
@Suite(.serialized) struct RecordCommandHostileTests {
    static let header =
        "series,issue_day,data_vintage,target,seasons_per_year,horizon,point,unit,model,family,selection,origin,lower_80,upper_80"

    /// A store with the Pink Sheet workbook imported.
    static func store(_ f: DataCommandTests.Folder) throws {
        try TrackRecordCommandTests.pinkSheet(f, december: false)
    }

    @Test func anExportOverTheStoreIsRefusedAndTheStoreKept() throws {
        let f = try DataCommandTests.Folder()
        try Self.store(f)
        let before = FileManager.default.contents(atPath: f.store)
        for out in [f.store, f.url.path, f.url.path + "/./store.sqlite", f.url.path + "/sub/../store.sqlite"] {
            let r = try CLIRunner.run(["record", "export", "--store", f.store, "--out", out])
            #expect(r.status == 64, "\(out): \(r.stderr)")
        }
        #expect(FileManager.default.contents(atPath: f.store) == before)
    }

    @Test(arguments: [
        // The format declares a decimal point (docs/contract.md): a plain decimal is accepted.
        ("wb,2025-06-15,v,2025-05,,1,9.25,USD/t,Naive,naive,s,replayed,1,2", ""),
        ("wb,2025-06-15,v,2025-05,,1,\"9.250,5\",USD/t,Naive,naive,s,replayed,1,2", "2:7: column 'point': expected a decimal number"),
        ("wb,2025-06-15,v,2025-05,,0,400,USD/t,Naive,naive,s,replayed,1,2", "2:6: column 'horizon': expected a whole number of periods"),
        ("wb,2025-06-15,v,2025-05,,9223372036854775807,400,USD/t,Naive,naive,s,replayed,1,2", "2:6: column 'horizon': expected a whole number"),
        ("wb,2025-06,v,2025-05,,1,400,USD/t,Naive,naive,s,replayed,1,2", "2:2: column 'issue_day': expected a day"),
        ("wb,2025-06-15,v,2025-13,,1,400,USD/t,Naive,naive,s,replayed,1,2", "2:4: column 'target': expected a period"),
        ("wb,2025-06-15,v,2025-05,,1,400,USD/t,Naive,naive,s,forecast,1,2", "2:12: column 'origin': expected 'issued' or 'replayed'"),
        ("wb,2025-06-15,v,2025-05,,1,400,USD/t,Naive,naive,s,replayed,3,2", "2:13: the 80% interval's lower bound"),
        ("wb,2025-06-15,v,2025-05,,1,nan,USD/t,Naive,naive,s,replayed,1,2", "2:7: column 'point': expected a decimal number"),
        ("wb,2025-06-15,v,2025-05,,1,400,USD/t,Naive,naive,s,replayed,1", "2: 13 fields where the header has 14"),
    ])
    func aMalformedRecordFileIsRefusedWhereItIsWrongWithNothingWritten(_ row: String, _ message: String) throws {
        let f = try DataCommandTests.Folder()
        let file = try f.write("records.csv", Self.header + "\n" + row + "\n")
        let r = try CLIRunner.run(["record", "import", "--file", file, "--store", f.store])
        if message.isEmpty {
            #expect(r.status == 0, "\(r.stderr)")
            let back = try CLIRunner.run(["record", "export", "--store", f.store])
            #expect(back.stdout.contains(",9.25,"), "\(back.stdout)")
            return
        }
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("records.csv:" + message), "\(r.stderr)")
        let back = try CLIRunner.run(["record", "export", "--store", f.store])
        #expect(back.stdout.split(separator: "\n").count <= 1, "nothing recorded: \(back.stdout)")
    }

    @Test func aFileCannotMakeAForecastLookIssued() throws {
        let f = try DataCommandTests.Folder()
        let file = try f.write(
            "records.csv", Self.header + "\nwb,2025-06-15,v,2025-05,,1,400,USD/t,Naive,naive,s,issued,390,410\n")
        let r = try CLIRunner.run(["record", "import", "--file", file, "--store", f.store])
        #expect(r.status == 65 && r.stderr.contains("--issued"), "\(r.stderr)")
        let empty = try CLIRunner.run(["record", "import", "--file", try f.write("empty.csv", ""), "--store", f.store])
        #expect(empty.status == 65, "\(empty.stderr)")
    }

    @Test(arguments: [
        (["--from", "2025-06-15", "--to", "2025-01-15"], "is after"),
        (["--from", "2025-06-15", "--to", "9999-12-31"], "in the future"),
        (["--from", "0001-01-01", "--to", "2025-01-01"], "more than 1,200 issues"),
        (["--from", "2025-06", "--to", "2025-08-15"], "must be days"),
        (["--from", "2025-02-30", "--to", "2025-08-15"], "must be days"),
    ])
    func anImpossibleReplayIsAUsageError(_ range: [String], _ message: String) throws {
        let f = try DataCommandTests.Folder()
        let config = try TrackRecordCommandTests.configuration(f)
        let r = try CLIRunner.run(["replay", "--config", config, "--store", f.store] + range)
        #expect(r.status == 64 && r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.store))
    }

    @Test func verifyNeverCreatesAStoreAndRefusesABadDay() throws {
        let f = try DataCommandTests.Folder()
        let none = try CLIRunner.run(["verify", "--store", f.store])
        #expect(none.status == 65 && none.stderr.contains("no store"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.store))
        let bad = try CLIRunner.run(["verify", "--store", f.store, "--since", "2025-13-01"])
        #expect(bad.status == 64, "\(bad.stderr)")
    }

    /// Two replays of the same days into one store at once: one waits for the other's transaction,
    /// and every record is there once.
    @Test func twoReplaysAtOnceRecordEachForecastOnce() throws {
        let f = try DataCommandTests.Folder()
        try Self.store(f)
        let config = try TrackRecordCommandTests.configuration(f)
        let replay = [CLIRunner.binary.path, "replay", "--config", config, "--from", "2025-06-15", "--to", "2025-07-15",
            "--store", f.store].map { "'\($0)'" }.joined(separator: " ")
        let both = try CLIRunner.run(
            ["-c", "\(replay) 2>a.log & a=$!; \(replay) 2>b.log & b=$!; wait $a && wait $b"],
            executable: URL(fileURLWithPath: "/bin/bash"), in: f.url)
        #expect(both.status == 0, "\(both.stderr)")
        let once = try CLIRunner.run(
            ["replay", "--config", config, "--from", "2025-06-15", "--to", "2025-07-15", "--store", f.store])
        #expect(once.stderr.contains(": 0 forecasts of record added"), "\(once.stderr)")
        let records = try CLIRunner.run(["record", "export", "--store", f.store]).stdout.split(separator: "\n").dropFirst()
        #expect(!records.isEmpty && Set(records).count == records.count)
    }
}

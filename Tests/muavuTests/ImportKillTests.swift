import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `kill -9` in the middle of `muavu import` leaves the store as it was, or with the whole file:
/// never a part of it, and never a corrupt database.
@Suite struct ImportKillTests {
    /// 200 monthly series × 1,000 months: 200,000 rows, every price within the plausible range
    /// of đồng per kg (5,000 to 25,899), so that only the kill can stop the import.
    static func bigFile() -> String {
        var text = "series_id,date,value,unit\n"
        text.reserveCapacity(7_000_000)
        for s in 0..<200 {
            for m in 0..<1000 {
                text += "big-\(s),\(1900 + m / 12)-\(m % 12 < 9 ? "0" : "")\(m % 12 + 1),\(5000 + s * 100 + m),VND/kg\n"
            }
        }
        return text
    }

    /// Starts `muavu import` of `file` and kills it with SIGKILL after `delay` seconds; true when
    /// it was killed, false when it had finished before.
    static func importKilled(file: String, store: String, after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["import", "--format", "tidy", "--file", file, "--store", store]
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    @Test(.timeLimit(.minutes(5))) func aKilledImportLeavesNothingOrEverything() throws {
        let f = try DataCommandTests.Folder()
        let big = try f.write("big.csv", Self.bigFile())
        let small = try f.write("small.csv", DataCommandTests.tidy)
        // How long a whole import takes here, in a store of its own.
        let started = Date()
        let full = try CLIRunner.run(
            [
                "import", "--format", "tidy", "--file", big, "--store",
                f.url.appendingPathComponent("timing.sqlite").path,
            ])
        let duration = Date().timeIntervalSince(started)
        try #require(full.status == 0, "\(full.stderr)")
        #expect(try CLIRunner.run(["import", "--format", "tidy", "--file", small, "--store", f.store]).status == 0)

        // One kill in each quarter of the import's duration, at a random moment within it.
        var generator = SystemRandomNumberGenerator()
        for quarter in 0..<4 {
            let delay = duration * (Double(quarter) + Double.random(in: 0..<1, using: &generator)) / 4
            let killed = try Self.importKilled(file: big, store: f.store, after: delay)
            let (check, observations, files) = try DatabaseQueue(path: f.store).read { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM observation WHERE series_id LIKE 'big-%'"),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM source_file")
                )
            }
            let context = "kill after \(delay) s of \(duration) s (killed: \(killed))"
            #expect(check == "ok", "\(context)")
            #expect(observations == 0 || observations == 200_000, "\(context): \(observations ?? -1) rows")
            #expect((files == 1) == (observations == 0), "\(context)")
            if !killed { #expect(observations == 200_000, "\(context)") }
        }
        // The small file's series are still there, whole.
        let export = try CLIRunner.run(
            ["data", "export", "--series", "paddy-dt,enso-oni", "--series", "rice-area", "--store", f.store])
        #expect(export.stdout == DataCommandTests.tidy)
    }
}

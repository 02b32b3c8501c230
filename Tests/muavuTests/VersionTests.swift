import Testing

@Suite struct VersionTests {
    @Test func printsVersion() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test func unknownOptionIsAUsageError() throws {
        let r = try CLIRunner.run(["validate", "--no-such-option"])
        #expect(r.status == 64)
    }

    @Test func missingFileIsBadData() throws {
        let r = try CLIRunner.run(["validate", "--data", "/nonexistent/muavu.csv"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("/nonexistent/muavu.csv"))
    }
}

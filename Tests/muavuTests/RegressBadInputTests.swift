import Foundation
import Testing

/// `muavu regress` on bad input: the exit code, a message that says what and where, and no
/// output file left behind.
@Suite struct RegressBadInputTests {
    /// Runs `muavu regress` with `--output` in a fresh directory; returns the result and
    /// whether that directory is still empty afterwards.
    static func run(_ data: String, _ formula: String, extra: [String] = []) throws -> (CLIResult, Bool) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-regress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.json").path
        let r = try CLIRunner.run(["regress", "--data", data, "--formula", formula, "--output", out] + extra)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        return (r, left.isEmpty)
    }

    static func bad(_ name: String) -> String { CLIRunner.fixture("regress-bad/\(name)") }

    @Test func missingFile() throws {
        let (r, empty) = try Self.run("/nonexistent/farms.csv", "y ~ x")
        #expect(r.status == 65)
        #expect(r.stderr.contains("/nonexistent/farms.csv") && r.stderr.contains("no such file"))
        #expect(empty)
    }

    @Test func nonNumericCellNamesLineAndColumn() throws {
        let (r, empty) = try Self.run(Self.bad("nonnumeric.csv"), "y ~ x")
        #expect(r.status == 65)
        #expect(r.stderr.contains("nonnumeric.csv:4:2"), "\(r.stderr)")
        #expect(r.stderr.contains("abc"))
        #expect(empty)
    }

    @Test func raggedRow() throws {
        let (r, empty) = try Self.run(Self.bad("ragged.csv"), "y ~ x")
        #expect(r.status == 65)
        #expect(r.stderr.contains("ragged.csv:4") && r.stderr.contains("expected 2 fields"), "\(r.stderr)")
        #expect(empty)
    }

    @Test func unknownColumnListsTheAvailableOnes() throws {
        let (r, empty) = try Self.run(Self.bad("singular.csv"), "y ~ x1 + rainfall")
        #expect(r.status == 65)
        #expect(r.stderr.contains("'rainfall'") && r.stderr.contains("y, x1, x2, x3"), "\(r.stderr)")
        #expect(empty)
    }

    @Test func unknownWeightsColumn() throws {
        let (r, empty) = try Self.run(Self.bad("singular.csv"), "y ~ x1", extra: ["--weights", "w"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("--weights") && r.stderr.contains("'w'"), "\(r.stderr)")
        #expect(empty)
    }

    @Test func emptyFile() throws {
        let (r, empty) = try Self.run(Self.bad("empty.csv"), "y ~ x")
        #expect(r.status == 65)
        #expect(r.stderr.contains("empty"), "\(r.stderr)")
        #expect(empty)
    }

    @Test func singularDesignNamesTheCollinearColumns() throws {
        let (r, empty) = try Self.run(Self.bad("singular.csv"), "y ~ x1 + x2 + x3")
        #expect(r.status == 65)
        #expect(r.stderr.contains("rank-deficient") && r.stderr.contains("collinear"), "\(r.stderr)")
        #expect(r.stderr.contains("x1") && r.stderr.contains("x2") && r.stderr.contains("x3"))
        #expect(empty)
    }

    @Test(arguments: ["y ~ x +", "y ~ poly(x)", "y x", "y ~ x ** 2"])
    func badFormulaSyntax(_ formula: String) throws {
        let (r, empty) = try Self.run(Self.bad("singular.csv"), formula)
        #expect(r.status == 64)
        #expect(r.stderr.contains("bad-formula") && r.stderr.contains("at position"), "\(r.stderr)")
        #expect(empty)
    }

    @Test func negativeRidgeIsAUsageError() throws {
        let (r, empty) = try Self.run(Self.bad("singular.csv"), "y ~ x1", extra: ["--ridge", "-1"])
        #expect(r.status == 64)
        #expect(empty)
    }

    @Test func missingValuesAreDroppedAndCounted() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-regress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("fit.json").path
        let r = try CLIRunner.run([
            "regress", "--data", Self.bad("with-missing.csv"), "--formula", "y ~ x", "--output", out,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(doc["n"] as? Int == 5)
        #expect(doc["rows_dropped_missing"] as? Int == 2)
        #expect((doc["notes"] as? [String])?.contains { $0.contains("2 rows dropped") } == true)
        // The slope of the 5 complete rows by the closed form Sxy/Sxx.
        let x: [Double] = [1, 2, 4, 6, 7]
        let y: [Double] = [1.1, 1.9, 3.9, 6.1, 7.0]
        let mx = x.reduce(0, +) / 5
        let my = y.reduce(0, +) / 5
        let slope = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let coefficients = try #require(doc["coefficients"] as? [[String: Any]])
        let estimate = try #require(coefficients[1]["estimate"] as? Double)
        #expect(abs(estimate - slope) < 1e-12 * abs(slope))
    }
}

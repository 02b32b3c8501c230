import Foundation
import Testing

/// `muavu schema validation` describes what `muavu validate --output` writes, checked with
/// python3's `jsonschema` (an implementation independent of muavu) on real reports.
@Suite struct ValidationSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func report(_ arguments: [String], expecting status: Int32) throws -> (
        path: String, doc: [String: Any], dir: URL
    ) {
        let dir = try DocumentCheck.temporaryDirectory()
        let out = dir.appendingPathComponent("report.json").path
        let r = try CLIRunner.run(["validate"] + arguments + ["--output", out])
        #expect(r.status == status, "\(r.stderr)")
        return (out, try DocumentCheck.json(out), dir)
    }

    @Test func aValidBundledDatasetConforms() throws {
        let wfp = Self.root.appendingPathComponent("datasets/wfp-rice-wholesale.csv").path
        let (path, doc, dir) = try Self.report(["--data", wfp, "--on-missing", "interpolate"], expecting: 0)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(doc["schema"] as? String == "muavu.validation/v1")
        #expect(doc["valid"] as? Bool == true)
        #expect((doc["series"] as? [[String: Any]])?.count == 3)
        #expect(try DocumentCheck.schemaViolation(kind: "validation", document: path) == nil)
    }

    @Test func aReportWithProblemsConforms() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.csv")
        try Data("series_id,date,value\na,2020-01,1\na,2020-02,x\na,2020-02,3\nb,2020-13,4\n".utf8).write(to: bad)
        let (path, doc, outDir) = try Self.report(["--data", bad.path], expecting: 65)
        defer { try? FileManager.default.removeItem(at: outDir) }
        #expect(doc["valid"] as? Bool == false)
        let problems = try #require(doc["problems"] as? [[String: Any]])
        #expect(problems.count >= 2)
        #expect(problems.contains { $0["line"] as? Int == 3 && $0["code"] as? String == "not-numeric" })
        #expect(try DocumentCheck.schemaViolation(kind: "validation", document: path) == nil)
    }

    @Test func theSchemaRejectsADocumentThatBreaksIt() throws {
        // A valid report that lists a problem contradicts the schema's if/then rule.
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("broken.json").path
        let text = #"""
            {"engine": {"name": "muavu", "version": "0"}, "file": "f.csv", "problem_count": 1,
             "problems": [{"code": "bad-date", "file": "f.csv", "message": "no"}], "rows": 1,
             "schema": "muavu.validation/v1", "series": [], "valid": true}
            """#
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let violation = try #require(try DocumentCheck.schemaViolation(kind: "validation", document: path))
        #expect(violation.contains("problem_count") && violation.contains("0 was expected"), "\(violation)")
    }
}

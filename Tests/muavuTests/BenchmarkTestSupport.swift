import Foundation
import TestSupport
import Testing

/// Helpers shared by the end-to-end tests of the forecast, backtest and benchmark commands.
enum DocumentCheck {
    /// A fresh temporary directory for one test's outputs.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("muavu-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Validates the JSON document at `path` against `muavu schema <kind>` with python3's
    /// `jsonschema` (Draft 2020-12), an implementation independent of muavu. Returns the
    /// validator's complaint, or nil when the document conforms.
    static func schemaViolation(kind: String, document path: String) throws -> String? {
        let schema = try CLIRunner.run(["schema", kind])
        #expect(schema.status == 0, "muavu schema \(kind) failed: \(schema.stderr)")
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let schemaPath = dir.appendingPathComponent("schema.json").path
        try Data(schema.stdout.utf8).write(to: URL(fileURLWithPath: schemaPath))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))), key=str)
            for e in errors[:5]: print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """
        let result = try Python.run(["-c", script, schemaPath, path])
        return result.status == 0 ? nil : "jsonschema: \(result.output)"
    }

    /// The document with every `"seconds"` line removed: timings are measurements and differ
    /// from run to run; everything else must not.
    static func withoutTimings(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"seconds\"") }.joined(separator: "\n")
    }

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Files left in `dir` (to check that a failed run leaves no half-written output behind).
    static func contents(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }
}

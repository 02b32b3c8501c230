import AgriData
import Foundation
import TestSupport
import Testing

@testable import Server

/// The OpenAPI document's parameter schemas say what the server accepts, no more and no less: for
/// many values, python's `jsonschema` (an independent reader of the document) finds a value valid
/// exactly when the server's own check takes it. A schema looser than the server makes clients (and
/// schemathesis) send values that are refused; a stricter one hides values that work.
@Suite("muavu serve: the parameter schemas are the server's checks")
struct ParameterSchemaTests {
    /// Which of `values` the schema of parameter `name` of `method path` admits (for an array
    /// parameter, its items' schema), by python's jsonschema, Draft 2020-12.
    static func admitted(_ values: [String], path: String, method: String, name: String) throws -> [Bool] {
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            doc = json.loads(open(sys.argv[1], encoding="utf-8").read())
            path, method, name = sys.argv[2], sys.argv[3], sys.argv[4]
            [p] = [p for p in doc["paths"][path][method]["parameters"] if p["name"] == name]
            schema = p["schema"]
            if schema.get("type") == "array":
                schema = schema["items"]
            v = Draft202012Validator(schema)
            values = json.loads(sys.stdin.read())
            print(json.dumps([v.is_valid(x) for x in values]))
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-params-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("openapi.json")
        try Data(OpenAPI.text.utf8).write(to: document)
        let result = try Python.run(
            ["-c", script, document.path, path, method, name], input: try JSONEncoder().encode(values))
        try #require(result.status == 0, "\(result.output)")
        let flags = try JSONDecoder().decode([Bool].self, from: Data(result.output.utf8))
        try #require(flags.count == values.count)
        return flags
    }

    /// Whether `Query` takes `value` as the text of a parameter (length, control characters).
    static func takesText(_ value: String) -> Bool { (try? Query.checkText(value, "x")) != nil }

    /// Days and months around the calendar's edges (month 0 and 13, day 0 and 32, 29 February in
    /// years that are and are not leap years, year 0), and malformed dates.
    static let dates: [String] = {
        var all: [String] = []
        for year in ["0000", "0001", "0004", "1900", "2000", "2023", "2024", "2100", "2400", "9999"] {
            for month in 0...13 {
                let m = month < 10 ? "0\(month)" : "\(month)"
                all.append("\(year)-\(m)")
                for day in 0...32 { all.append("\(year)-\(m)-\(day < 10 ? "0\(day)" : "\(day)")") }
            }
        }
        return all + [
            "2024", "2024-1", "2024-01-1", "2024-Q1", "2024-S1", "2024-01 ", " 2024-01", "2024-01\n", "2024-01-01\n",
            "２０２４-01", "2024-01-01T00:00", "+024-01", "-024-01", "2024/01", "24-01", "02024-01", "", "2024-001",
            "0000-00",
        ]
    }()

    @Test func asOfIsADayOrAMonthTheServerReads() throws {
        for path in ["/v1/series/{id}", "/v1/forecast/{id}", "/v1/outlook"] {
            let schema = try Self.admitted(Self.dates, path: path, method: "get", name: "as_of")
            for (value, admitted) in zip(Self.dates, schema) {
                let server = Self.takesText(value) && StoreSeries.instant(asOf: value) != nil
                #expect(admitted == server, "\(path) as_of '\(value.debugDescription)': schema \(admitted), server \(server)")
            }
            #expect(schema.filter { $0 }.count > 1000, "\(path): the schema admits real dates")
        }
    }

    @Test func confirmedIsAnIDAtAPeriodTheImportReads() throws {
        let periods =
            Self.dates + [
                "0", "00", "000", "0000", "00000", "000000000", "0000000000", "1", "01", "001", "12345", "123456789",
                "1234567890", "2024-Q0", "2024-Q4", "2024-Q5", "2024-q2", "2024-S0", "2024-S3", "2024-S4", "2024-s1",
            ]
        var values = periods.map { "paddy@" + $0 }
        values += [
            "@2024", "a@b@2024", "a@@2024", "x@2024@", "x", "lúa-đồng-tháp@2024-03", "x\u{0}@2024", "x\u{85}@2024",
            String(repeating: "é", count: 195) + "@2024", String(repeating: "é", count: 196) + "@2024",
            String(repeating: "e\u{301}", count: 98) + "@2024",
        ]
        let schema = try Self.admitted(values, path: "/v1/observations", method: "post", name: "confirmed")
        for (value, admitted) in zip(values, schema) {
            let server = Self.takesText(value) && ImportBounds.Confirmation(value) != nil
            #expect(admitted == server, "confirmed '\(value.debugDescription)': schema \(admitted), server \(server)")
        }
    }

    /// Free text and series ids: at most 200 code points (a combining accent counts), no control
    /// character (C0, DEL, C1), anything else.
    static let texts: [String] = [
        "", "lúa", "Đồng Tháp", "dong thap", "a\u{0}b", "a\nb", "a\n", "\t", "a\u{7f}", "a\u{85}", "a\u{9f}", "a\u{a0}",
        "%00", "..", ".", "a/b", "a\\b", ".hidden", "\u{301}", "😀", String(repeating: "a", count: 200),
        String(repeating: "a", count: 201), String(repeating: "e\u{301}", count: 100),
        String(repeating: "e\u{301}", count: 101), String(repeating: "😀", count: 200),
        String(repeating: "😀", count: 201), ".\u{301}x", "x/\u{301}",
    ]

    @Test func textAndSeriesIDsAreWhatQueryTakes() throws {
        for (path, name) in [("/v1/commodities", "commodity"), ("/v1/outlook", "market")] {
            let schema = try Self.admitted(Self.texts, path: path, method: "get", name: name)
            for (value, admitted) in zip(Self.texts, schema) {
                #expect(admitted == Self.takesText(value), "\(path) \(name) '\(value.debugDescription)'")
            }
        }
        let schema = try Self.admitted(Self.texts, path: "/v1/series/{id}", method: "get", name: "id")
        for (value, admitted) in zip(Self.texts, schema) {
            #expect(admitted == (!value.isEmpty && Self.takesText(value)), "id '\(value.debugDescription)'")
        }
    }

    @Test func publishedNamesArePlainSegments() throws {
        let schema = try Self.admitted(Self.texts, path: "/published/{part}/{file}", method: "get", name: "file")
        for (value, admitted) in zip(Self.texts, schema) {
            #expect(admitted == PublishedRoute.isPlain(value), "'\(value.debugDescription)'")
        }
    }
}

import Foundation
import TestSupport
import Testing

/// End-to-end: `muavu validate` on deliberately broken files (Fixtures/malformed, written by
/// scripts/fixtures/malformed_csv.py with the defect locations stated by hand) and on every
/// bundled dataset.
@Suite struct ValidateTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var file: String
        var args: [String]
        var exit: Int32
        var problems: [[Int?]]
        var codes: [String]
        var note: String
        var testDescription: String { file }

        enum CodingKeys: String, CodingKey { case file, args, exit, problems, note }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            file = try c.decode(String.self, forKey: .file)
            args = try c.decode([String].self, forKey: .args)
            exit = try c.decode(Int32.self, forKey: .exit)
            note = try c.decode(String.self, forKey: .note)
            // Each problem is [line, column, code].
            var list = try c.nestedUnkeyedContainer(forKey: .problems)
            var locations: [[Int?]] = []
            var codes: [String] = []
            while !list.isAtEnd {
                var p = try list.nestedUnkeyedContainer()
                let line = try p.decode(Int?.self)
                let column = try p.decode(Int?.self)
                codes.append(try p.decode(String.self))
                locations.append([line, column])
            }
            problems = locations
            self.codes = codes
        }
    }

    static let cases: [Case] = {
        guard
            let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
                .appendingPathComponent("malformed/cases.json"),
            let data = try? Data(contentsOf: url),
            let cases = try? JSONDecoder().decode([Case].self, from: data)
        else { return [] }
        return cases
    }()

    struct Problem: Decodable {
        var line: Int?
        var column: Int?
        var code: String
    }
    struct Report: Decodable {
        var valid: Bool
        var problems: [Problem]
        var problem_count: Int
    }

    @Test func thereAreAtLeastThirtyMalformedFiles() {
        #expect(Self.cases.filter { $0.exit == 65 }.count >= 30)
    }

    @Test(arguments: cases)
    func reportsEveryProblemWhereItIs(_ c: Case) throws {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("muavu-validate-\(getpid())-\(c.file).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let path = CLIRunner.fixture("malformed/\(c.file)")
        let r = try CLIRunner.run(["validate", "--data", path, "--output", output] + c.args)
        #expect(r.status == c.exit, "\(c.file): \(r.stderr)")
        guard c.exit != 64 else { return }
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        struct Key: Hashable, Comparable {
            var line: Int, column: Int, code: String
            static func < (a: Key, b: Key) -> Bool { (a.line, a.column, a.code) < (b.line, b.column, b.code) }
        }
        let found = report.problems.map { Key(line: $0.line ?? 0, column: $0.column ?? 0, code: $0.code) }.sorted()
        let expected = zip(c.problems, c.codes).map { Key(line: $0[0] ?? 0, column: $0[1] ?? 0, code: $1) }.sorted()
        #expect(found == expected, "\(c.file): \(r.stderr)")
        #expect(report.problem_count == expected.count)
        #expect(report.valid == expected.isEmpty)
        // Every problem is also on stderr as file:line:column.
        for p in report.problems where p.line != nil && p.column != nil {
            #expect(r.stderr.contains("\(path):\(p.line!):\(p.column!): "))
        }
    }

    @Test func summaryNamesSeriesRowsAndSpan() throws {
        let r = try CLIRunner.run(["validate", "--data", CLIRunner.fixture("malformed/valid-nfc-names.csv")])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2 rows, 1 series"))
        #expect(r.stdout.contains("2020-01 – 2020-02"))
    }

    /// The bundled datasets, with the missing-value policy their README gives.
    static let datasets: [(String, [String])] = [
        ("faostat-vnm-crops.csv", []),
        ("faostat-producer-prices.csv", []),
        ("enso-monthly.csv", []),
        ("wfp-rice-wholesale.csv", ["--on-missing", "interpolate"]),
        ("wb-pinksheet-monthly.csv", ["--on-missing", "interpolate"]),
        ("plm-ricefarms.csv", ["--format", "csv"]),
    ]

    static var datasetsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets")
    }

    @Test(arguments: datasets.map(\.0))
    func bundledDatasetIsValid(_ name: String) throws {
        let args = Self.datasets.first { $0.0 == name }?.1 ?? []
        let r = try CLIRunner.run(
            ["validate", "--data", Self.datasetsDirectory.appendingPathComponent(name).path] + args)
        #expect(r.status == 0, "\(name): \(r.stderr)")
        #expect(r.stdout.contains("valid"))
    }

    /// datasets/ is what scripts/datasets/build.py makes of ../shared/data (when that is present).
    @Test(
        .enabled(
            if: FileManager.default.fileExists(
                atPath: datasetsDirectory.deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("shared/data").path)))
    func datasetsAreUpToDate() throws {
        let script = Self.datasetsDirectory.deletingLastPathComponent().appendingPathComponent(
            "scripts/datasets/build.py"
        ).path
        let result = try Python.run([script, "--check"])
        #expect(result.status == 0, "run python3 scripts/datasets/build.py: \(result.output)")
    }

    @Test(arguments: ["mekong-rice.json", "mango.json"])
    func bundledCalendarsAreValid(_ name: String) throws {
        let path = Self.datasetsDirectory.deletingLastPathComponent().appendingPathComponent("models/calendars/\(name)")
            .path
        let r = try CLIRunner.run(["validate", "--data", path, "--format", "calendar"])
        #expect(r.status == 0, "\(name): \(r.stderr)")
        #expect(r.stdout.contains("valid crop calendar"))
    }

    @Test func overlappingCalendarWindowsAreBadData() throws {
        let r = try CLIRunner.run([
            "validate", "--data", CLIRunner.fixture("malformed/calendar-overlap.json"), "--format", "calendar",
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("the covariate windows of Hè Thu (May–Jul) and Thu Đông (Jul–Sep) overlap"))
    }

    @Test func gapsAreRefusedWithoutAPolicy() throws {
        let r = try CLIRunner.run([
            "validate", "--data", Self.datasetsDirectory.appendingPathComponent("wfp-rice-wholesale.csv").path,
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("[missing-value]"))
    }
}

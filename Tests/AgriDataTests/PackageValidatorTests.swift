import Foundation
import Testing

@testable import AgriData

/// `PackageValidator` on datasets/datapackage.json and on broken copies of it, each in its own
/// temporary folder.
@Suite struct PackageValidatorTests {
    static var datasets: URL { URL(fileURLWithPath: DataPackageTests.path).deletingLastPathComponent() }

    /// A copy of datasets/ (package and CSV files) in a new temporary folder; `edit` changes it.
    static func brokenCopy(_ edit: (URL) throws -> Void) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-package-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: datasets.path)
        where name.hasSuffix(".csv") || name.hasSuffix(".json") {
            try FileManager.default.copyItem(
                at: datasets.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try edit(dir)
        return dir
    }

    static func replace(_ old: String, _ new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(old) not in \(file.lastPathComponent)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func theBundledPackageIsValid() throws {
        let reports = try PackageValidator.validate(path: DataPackageTests.path)
        #expect(reports.count == 6)
        for r in reports {
            #expect(r.isValid, "\(r.name): \(r.report.problems.first?.description ?? "")")
        }
        // The survey is checked as a table: its rows are counted, it has no series.
        let farms = try #require(reports.first { $0.name == "plm-ricefarms" })
        #expect(farms.report.rows == 1026 && farms.report.series.isEmpty)
    }

    @Test func gapsAreProblemsWhereTheResourceDoesNotAllowThem() throws {
        let dir = try Self.brokenCopy { d in
            try Self.replace("\"muavu:gaps\": \"allowed\",", "", in: d.appendingPathComponent("datapackage.json"))
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let reports = try PackageValidator.validate(path: dir.appendingPathComponent("datapackage.json").path)
        let bad = reports.filter { !$0.isValid }.map(\.name)
        #expect(bad == ["wfp-rice-wholesale", "wb-pinksheet"])
        #expect(reports[2].report.problems.allSatisfy { $0.code == .missingValue })
    }

    /// Without its declared decimal point, the survey's farm sizes (3.572 ha) read two ways.
    @Test func anUndeclaredFormatLeavesTheFarmSizesAmbiguous() throws {
        let dir = try Self.brokenCopy { d in
            try Self.replace(
                "\"unit\": \"ha\",\n            \"decimalChar\": \".\"", "\"unit\": \"ha\"",
                in: d.appendingPathComponent("datapackage.json"))
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let farms = try #require(
            try PackageValidator.validate(path: dir.appendingPathComponent("datapackage.json").path).last)
        #expect(farms.report.problemCount == 51)
        let first = try #require(farms.report.problems.first)
        #expect(first.code == .ambiguousNumber && first.column == 3 && first.columnName == "size")
        #expect(first.message.contains("could be") && first.message.contains("decimalChar"))
    }

    @Test func aCellOfTheWrongTypeIsNamedByLineAndColumn() throws {
        let dir = try Self.brokenCopy { d in
            try Self.replace(
                "2,101001,2.0,owner,trad,mixed,40,600", "2,101001,2.0,owner,trad,mixed,40,six hundred",
                in: d.appendingPathComponent("plm-ricefarms.csv"))
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let farms = try #require(
            try PackageValidator.validate(path: dir.appendingPathComponent("datapackage.json").path).last)
        #expect(farms.report.problems.map(\.code) == [.badType])
        #expect(farms.report.problems.first?.line == 3 && farms.report.problems.first?.column == 8)
    }

    @Test func aListedSeriesMustMatchTheFile() throws {
        let dir = try Self.brokenCopy { d in
            try Self.replace("\"rows\": 63,", "\"rows\": 64,", in: d.appendingPathComponent("datapackage.json"))
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let crops = try #require(
            try PackageValidator.validate(path: dir.appendingPathComponent("datapackage.json").path).first)
        #expect(crops.report.problems.first?.message.contains("63 rows (listed 64)") == true)
    }

    @Test func theDateTypesAreChecked() {
        #expect(TableCheck.isDate("2024", type: "year") && !TableCheck.isDate("24", type: "year"))
        #expect(TableCheck.isDate("2024-02", type: "yearmonth") && !TableCheck.isDate("2024-13", type: "yearmonth"))
        #expect(TableCheck.isDate("2024-02-29", type: "date") && !TableCheck.isDate("2023-02-29", type: "date"))
    }
}

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

    /// The reports on a copy of datasets/ where `old` is replaced by `new` in `file`.
    static func validateCopy(_ file: String, replacing old: String, with new: String) throws
        -> [PackageValidator.ResourceReport]
    {
        let dir = try brokenCopy { d in try replace(old, new, in: d.appendingPathComponent(file)) }
        defer { try? FileManager.default.removeItem(at: dir) }
        return try PackageValidator.validate(path: dir.appendingPathComponent("datapackage.json").path)
    }

    static func replace(_ old: String, _ new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(old) not in \(file.lastPathComponent)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The resources of the bundled datapackage.json, counted by Foundation's JSON parser.
    static func resourceCount() throws -> Int {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: DataPackageTests.path)))
        return try #require(((json as? [String: Any])?["resources"] as? [Any])?.count)
    }

    @Test func theBundledPackageIsValid() throws {
        let reports = try PackageValidator.validate(path: DataPackageTests.path)
        #expect(try reports.count == Self.resourceCount())
        for r in reports {
            #expect(r.isValid, "\(r.name): \(r.report.problems.first?.description ?? "")")
        }
        // The survey is checked as a table: its rows are counted, it has no series.
        let farms = try #require(reports.first { $0.name == "plm-ricefarms" })
        #expect(farms.report.rows == 1026 && farms.report.series.isEmpty)
    }

    @Test func gapsAreProblemsWhereTheResourceDoesNotAllowThem() throws {
        let reports = try Self.validateCopy("datapackage.json", replacing: "\"muavu:gaps\": \"allowed\",", with: "")
        let bad = reports.filter { !$0.isValid }.map(\.name)
        #expect(
            bad == [
                "wfp-rice-wholesale", "wb-pinksheet", "gso-paddy-province-season", "paddy-price-monthly",
                "mekong-water-level",
            ])
        #expect(reports[2].report.problems.allSatisfy { $0.code == .missingValue })
    }

    /// Without its declared decimal point, the survey's farm sizes (3.572 ha) read two ways.
    @Test func anUndeclaredFormatLeavesTheFarmSizesAmbiguous() throws {
        let reports = try Self.validateCopy(
            "datapackage.json", replacing: "\"unit\": \"ha\",\n            \"decimalChar\": \".\"",
            with: "\"unit\": \"ha\"")
        let farms = try #require(reports.last)
        #expect(farms.report.problemCount == 51)
        let first = try #require(farms.report.problems.first)
        #expect(first.code == .ambiguousNumber && first.column == 3 && first.columnName == "size")
        #expect(first.message.contains("could be") && first.message.contains("decimalChar"))
    }

    @Test func aCellOfTheWrongTypeIsNamedByLineAndColumn() throws {
        let reports = try Self.validateCopy(
            "plm-ricefarms.csv", replacing: "2,101001,2.0,owner,trad,mixed,40,600",
            with: "2,101001,2.0,owner,trad,mixed,40,six hundred")
        let farms = try #require(reports.last)
        #expect(farms.report.problems.map(\.code) == [.badType])
        #expect(farms.report.problems.first?.line == 3 && farms.report.problems.first?.column == 8)
    }

    @Test func aListedSeriesMustMatchTheFile() throws {
        let crops = try #require(
            try Self.validateCopy("datapackage.json", replacing: "\"rows\": 63,", with: "\"rows\": 64,").first)
        #expect(crops.report.problems.first?.message.contains("63 rows (listed 64)") == true)
    }

    @Test func theDateTypesAreChecked() {
        #expect(TableCheck.isDate("2024", type: "year") && !TableCheck.isDate("24", type: "year"))
        #expect(TableCheck.isDate("2024-02", type: "yearmonth") && !TableCheck.isDate("2024-13", type: "yearmonth"))
        #expect(TableCheck.isDate("2024-02-29", type: "date") && !TableCheck.isDate("2023-02-29", type: "date"))
    }
}

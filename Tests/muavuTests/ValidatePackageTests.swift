import Foundation
import TestSupport
import Testing

/// End-to-end: `muavu validate --package` on the bundled package and a broken copy, and the
/// Vietnamese number of issue 14 ("9.250" đồng/kg) refused or read as declared. Each test that
/// writes files uses its own temporary folder.
@Suite struct ValidatePackageTests {
    static var package: String { ValidateTests.datasetsDirectory.appendingPathComponent("datapackage.json").path }

    @Test func theBundledPackageIsValid() throws {
        let r = try CLIRunner.run(["validate", "--package", Self.package])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.package)))
        let count = ((json as? [String: Any])?["resources"] as? [Any])?.count ?? 0
        #expect(r.stdout.contains("valid, \(count) resources"))
        #expect(r.stdout.contains("resource 'plm-ricefarms'"))
    }

    /// A copy whose survey no longer declares its decimal point and has a word for a number.
    @Test func aBrokenCopyIsBadData() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: ValidateTests.datasetsDirectory.path)
        where name.hasSuffix(".csv") || name == "datapackage.json" {
            try FileManager.default.copyItem(
                at: ValidateTests.datasetsDirectory.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let farms = dir.appendingPathComponent("plm-ricefarms.csv")
        let text = try String(contentsOf: farms, encoding: .utf8)
        try text.replacingOccurrences(
            of: "2,101001,2.0,owner,trad,mixed,40,600", with: "2,101001,2.0,owner,trad,mixed,40,x"
        )
        .write(to: farms, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["validate", "--package", dir.appendingPathComponent("datapackage.json").path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("plm-ricefarms.csv:3:8: column 'urea': expected a number, found 'x' [bad-type]"))
        #expect(r.stderr.contains("1 problem in resources plm-ricefarms"))
    }

    @Test func dataAndPackageAreOneOrTheOther() throws {
        let both = try CLIRunner.run(["validate", "--package", Self.package, "--data", Self.package])
        #expect(both.status == 64)
        let neither = try CLIRunner.run(["validate"])
        #expect(neither.status == 64)
        let format = try CLIRunner.run(["validate", "--package", Self.package, "--decimal-char", ","])
        #expect(format.status == 64)
    }

    static let quotes = """
        series_id,date,value,unit
        paddy-an-giang,2024-01,9.300,đồng/kg
        paddy-an-giang,2024-02,9.250,đồng/kg
        paddy-an-giang,2024-03,9.400,đồng/kg

        """

    @Test func aVietnameseNumberIsRefusedWithBothReadings() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        let file = dir.appendingPathComponent("quotes.csv")
        try Self.quotes.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["validate", "--data", file.path])
        #expect(r.status == 65)
        #expect(
            r.stderr.contains(
                "quotes.csv:3:3: column 'value': '9.250' of series 'paddy-an-giang' could be 9.25 đồng/kg "
                    + "('.' as the decimal point) or 9250 đồng/kg ('.' grouping thousands)"), "\(r.stderr)")
        #expect(r.stderr.contains("[ambiguous-number]"))
    }

    @Test func aVietnameseNumberIsReadAsDeclared() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        let file = dir.appendingPathComponent("quotes.csv")
        try Self.quotes.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["validate", "--data", file.path, "--group-char", ".", "--output", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        // Read as a decimal point instead, the price is refused by the bounds.
        let point = try CLIRunner.run(["validate", "--data", file.path, "--decimal-char", "."])
        #expect(point.status == 65)
        #expect(point.stderr.contains("9.250 is below the plausible minimum 2000 đồng/kg"), "\(point.stderr)")
        #expect(point.stderr.contains("[implausible-value]"))
    }

    @Test func aForecastReadsTheDeclaredFormat() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        let file = dir.appendingPathComponent("quotes.csv")
        try Self.quotes.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run([
            "forecast", "--data", file.path, "--group-char", ".", "--model", "naive", "--horizon", "1",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        // The naive forecast is the last value, 9400 (not 9.4).
        #expect(r.stdout.contains("\"mean\" : 9400,"), "\(r.stdout)")
    }
}

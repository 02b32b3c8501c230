import Foundation
import Testing

/// `muavu import` checks every format against the plausibility bounds: a publisher's file with a
/// misread price exits 65 and creates no store; `--confirmed ID@PERIOD` accepts a real value.
@Suite struct ImportBoundsCommandTests {
    @Test func aValueOutOfRangeIsRefusedUnlessConfirmed() throws {
        let f = try DataCommandTests.Folder()
        let original = try String(
            contentsOf: BundledStoreTests.root.appendingPathComponent(
                "datasets/original/wfp-vnm-prices/wfp_food_prices_vnm.csv"), encoding: .utf8)
        // Line 3, 1/15/2008 in Đồng Tháp: 5345.71 đồng/kg, written as if "5.345" had been misread.
        let edited = original.replacingOccurrences(
            of: "1/15/2008,Dong Thap,Tam Nong,Dong Thap,10.678,105.5,cereals and tubers,Rice,KG,actual,Wholesale,VND,5345.71",
            with: "1/15/2008,Dong Thap,Tam Nong,Dong Thap,10.678,105.5,cereals and tubers,Rice,KG,actual,Wholesale,VND,5.345")
        #expect(edited != original)
        let file = try f.write("wfp.csv", edited)
        let refused = try CLIRunner.run(["import", "--format", "wfp-hdx", "--file", file, "--store", f.store])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("line 3") && refused.stderr.contains("implausible-value"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.store))

        let confirmed = try CLIRunner.run([
            "import", "--format", "wfp-hdx", "--file", file, "--store", f.store,
            "--confirmed", "wfp-rice-wholesale-dong-thap@2008-01",
        ])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        let bad = try CLIRunner.run(["import", "--format", "wfp-hdx", "--file", file, "--confirmed", "2008-01"])
        #expect(bad.status == 64)
    }

    /// A tidy row whose flag column says `confirmed` is imported as it is: the reader lets it
    /// through, and the import's own bounds keep the mark (it is stored with status `confirmed`);
    /// the same row without the mark is refused naming its line and column.
    @Test func aTidyRowFlaggedConfirmedIsImported() throws {
        let f = try DataCommandTests.Folder()
        // 71,000 đồng/kg of paddy: above the plausible range, real only if someone says so.
        let flagged = try f.write(
            "week.csv",
            "series_id,date,value,unit,flag\npaddy-ir50404-an-giang,2030-01,71000,VND/kg,confirmed\n"
                + "paddy-ir50404-an-giang,2030-02,7100,VND/kg,\n")
        let ok = try CLIRunner.run(["import", "--format", "tidy", "--file", flagged, "--store", f.store])
        #expect(ok.status == 0, "\(ok.stderr)")
        let export = try CLIRunner.run(["data", "export", "--series", "paddy-ir50404-an-giang", "--store", f.store])
        #expect(export.status == 0 && export.stdout.contains("2030-01,71000"), "\(export.stdout)\(export.stderr)")
        let plain = try f.write(
            "plain.csv", "series_id,date,value,unit,flag\npaddy-ir50404-an-giang,2030-03,71000,VND/kg,\n")
        let refused = try CLIRunner.run(["import", "--format", "tidy", "--file", plain, "--store", f.store])
        #expect(refused.status == 65 && refused.stderr.contains("plain.csv:2:3"), "\(refused.stderr)")
    }
}

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
}

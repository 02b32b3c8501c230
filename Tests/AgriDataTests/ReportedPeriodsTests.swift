import Foundation
import Testing
@testable import AgriData

@Suite struct ReportedPeriodsTests {
    /// Hand-checkable: the decomposed spelling of "Đồng Tháp" matches the precomposed id; the
    /// empty and NA cells are not reported; the label is the first non-empty market cell.
    @Test func countsOnlyReportedCellsAndComparesIdsNFC() throws {
        let decomposed = "Đồng Tháp".decomposedStringWithCanonicalMapping
        let text = """
        series_id,date,value,market
        \(decomposed),2021-01,9000,
        Đồng Tháp,2021-02,,Tam Nông
        Đồng Tháp,2021-03,NA,Tam Nông
        Đồng Tháp,2021-04,9100,Tam Nông
        An Giang,2021-05,8000,Châu Phú

        """
        let table = try CSVTable(reader: CSVReader(data: Data(text.utf8), file: "p.csv"))
        let found = try table.reportedPeriods(of: "Đồng Tháp", labelColumn: "market")
        #expect(found.ordinals == [2021 * 12, 2021 * 12 + 3])
        #expect(found.label == "Tam Nông")
    }
}

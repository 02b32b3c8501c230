import AgriData
import Documents
import Foundation
import TestSupport
import Testing

@testable import Publishing

/// `ConfiguredDatasets.reportedOnly`: a price's history keeps the months its file reports and has
/// NaN in the months `onMissing: interpolate` filled in, from the one reading of the file.
@Suite struct ConfiguredDatasetsTests {
    typealias R = OutlookStudyReference

    /// The export price of `PublishExportLinkTests.directory()` is written without its unreported
    /// months (the non-finite values of the reference), so those, and only those, are NaN.
    @Test func theMonthsLeftOutOfTheFileAreNotReported() throws {
        let dir = try PublishExportLinkTests.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try ConfiguredDatasets(PublishExportLinkTests.configuration(in: dir))
        let export = try data.series("prices", "export", at: "test")
        #expect(export.start == .month(year: R.linkExportStart.year, month: R.linkExportStart.month))
        #expect(export.count == R.linkExport.count)
        let filledIn = export.values.allSatisfy(\.isFinite)
        #expect(filledIn)  // the absent months are interpolated
        let reported = try data.reportedOnly(export, dataset: "prices")
        #expect(reported.values.map(\.isNaN) == R.linkExport.map { !$0.isFinite })
        let gaps = R.linkExport.filter { !$0.isFinite }.count
        #expect(gaps > 0, "the reference has no unreported month, so this tests nothing")
        for (r, v) in zip(reported.values, R.linkExport) where v.isFinite { #expect(r == v) }

        let price = try data.series("prices", "price", at: "test")
        #expect(try data.reportedOnly(price, dataset: "prices") == price)
        #expect(throws: PublishingError.self) { try data.reportedOnly(price, dataset: "none") }
    }
}

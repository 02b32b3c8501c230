import Foundation
import Testing

@testable import AgriData

/// datasets/datapackage.json is written by scripts/datasets/build.py (Python); the Swift reader
/// must find the same series, units and spans in each file.
@Suite struct DataPackageTests {
    static var path: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/datapackage.json").path
    }

    @Test func everyResourceHasAFileALicenceAndProvenance() throws {
        let p = try DataPackage.load(path: Self.path)
        #expect(try p.resources.count == PackageValidatorTests.resourceCount())
        for r in p.resources {
            let file = try #require(p.resource(r.name)).path
            #expect(FileManager.default.fileExists(atPath: file), "\(r.name)")
            #expect(r.licenses?.isEmpty == false, "\(r.name)")
            let provenance = URL(fileURLWithPath: p.directory).appendingPathComponent(r.provenance ?? "none").path
            #expect(FileManager.default.fileExists(atPath: provenance), "\(r.name)")
        }
    }

    @Test func theSwiftReaderAgreesWithTheListedSeries() throws {
        let p = try DataPackage.load(path: Self.path)
        var options = TidyReadOptions()
        options.onMissing = .interpolate
        for r in p.resources {
            guard let listed = r.series, let file = p.resource(r.name)?.path else { continue }
            let report = try TidyReader.validate(path: file, options: options)
            #expect(report.isValid, "\(r.name): \(report.problems.first?.description ?? "")")
            #expect(report.series.map(\.id) == listed.map(\.id), "\(r.name)")
            for (got, want) in zip(report.series, listed) {
                #expect(got.unit == want.unit, "\(want.id)")
                #expect(got.start == want.start && got.end == want.end, "\(want.id)")
                #expect(got.rows == want.rows, "\(want.id)")
                #expect(got.missing == want.missing, "\(want.id)")
            }
        }
    }

    @Test func wfpMarketsKeepTheirVietnameseNames() throws {
        let p = try DataPackage.load(path: Self.path)
        let file = try #require(p.resource("wfp-rice-wholesale")).path
        let table = try CSVTable(path: file)
        let column = try table.columnIndex("market")
        let markets = Set(table.rows.map { $0.fields[column] })
        #expect(markets == ["An Giang", "Đồng Tháp", "Bạc Liêu"])
    }
}

/// The reader's numbers against pandas.read_csv on the bundled files
/// (Fixtures/datasets/checksums.csv, scripts/fixtures/dataset_checksums.py).
@Suite struct DatasetValuesTests {
    @Test func seriesMatchPandas() throws {
        let dir = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let table = try CSVTable(path: dir.appendingPathComponent("datasets/checksums.csv").path)
        let file = try table.columnIndex("file")
        let id = try table.columnIndex("series_id")
        let n = try table.numericColumn("n")
        let sum = try table.numericColumn("sum")
        let first = try table.numericColumn("first")
        let last = try table.numericColumn("last")
        #expect(table.rows.count == 261)  // the 271 series less the 10 with gaps or absent periods
        let datasets = URL(fileURLWithPath: DataPackageTests.path).deletingLastPathComponent()
        var options = TidyReadOptions()
        options.onMissing = .interpolate  // complete series are unchanged by it
        var cache: [String: TidyDataset] = [:]
        for (k, row) in table.rows.enumerated() {
            let name = row.fields[file]
            if cache[name] == nil {
                cache[name] = try TidyReader.read(path: datasets.appendingPathComponent(name).path, options: options)
            }
            let s = try #require(cache[name]?.series(named: row.fields[id]), "\(row.fields[id])")
            #expect(Double(s.values.count) == n[k]!, "\(s.id)")
            #expect(s.values.first == first[k]!, "\(s.id)")
            #expect(s.values.last == last[k]!, "\(s.id)")
            let total = s.values.reduce(0, +)
            #expect(abs(total - sum[k]!) <= 1e-9 * max(1, abs(sum[k]!)), "\(s.id)")
        }
    }
}

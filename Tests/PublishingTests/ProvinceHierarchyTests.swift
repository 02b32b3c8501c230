import AgriData
import Documents
import Foundation
import Testing
import TimeSeriesCore

@testable import Publishing

/// The bulletin's reconciled province table (`ProvinceHierarchy`) on the bundled GSO table, with
/// the naive base model, against hierarchicalforecast's MinTrace (mint_shrink, normality) on the
/// same base forecasts (scripts/fixtures/province_hierarchy_hierarchicalforecast.py): the
/// hierarchy muavu builds (the rest of the country, today's Đồng Tháp, the common span from 2004,
/// ten years to the issue year) and what the table prints.
@Suite struct ProvinceHierarchyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Place: Decodable { var mean, lo80, hi80, latest: Double }
    struct Reference: Decodable {
        var years: [Int]
        var horizon: Int
        var area, production: [String: Place]
    }

    /// models/dong-thap.json with the GSO dataset read from datasets/ and `model` as the base model.
    static func table(model: String, method: String = "mint-shrink") throws -> Bulletin.ReconciledTable? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-ph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let models = root.appendingPathComponent("models")
        var c = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: models.appendingPathComponent("dong-thap.json")))
                as? [String: Any])
        var datasets = try #require(c["datasets"] as? [String: Any])
        var gso = try #require(datasets["gso"] as? [String: Any])
        gso["store"] = nil
        gso["path"] = root.appendingPathComponent("datasets/gso-paddy-province-season.csv").path
        datasets = ["gso": gso]
        c["datasets"] = datasets
        c["forecasts"] = [
            [
                "id": "y", "kind": "series", "name": ["vi": "y", "en": "y"], "dataset": "gso",
                "series": "gso-paddy-area-ca-nam-dong-thap", "models": ["naive"],
            ]
        ]
        c["exportLink"] = nil
        var province = try #require(c["province"] as? [String: Any])
        var h = try #require(province["hierarchy"] as? [String: Any])
        (h["model"], h["method"]) = (model, method)
        province["hierarchy"] = h
        c["province"] = province
        try FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("calendars"), withDestinationURL: models.appendingPathComponent("calendars"))
        let path = dir.appendingPathComponent("c.json").path
        try JSONSerialization.data(withJSONObject: c).write(to: URL(fileURLWithPath: path))
        let configuration = try PublishConfiguration.load(path: path)
        var data = try ConfiguredDatasets(configuration)
        let issue = PeriodDate.day(year: 2026, month: 12, day: 7)
        data.issueDay = issue
        return try ProvinceHierarchy.section(configuration, data: data, issueDay: issue)
    }

    @Test func matchesHierarchicalforecastOnTheSameBaseForecasts() throws {
        let reference = try JSONDecoder().decode(
            Reference.self,
            from: Data(
                contentsOf: Self.root.appendingPathComponent(
                    "Tests/PublishingTests/Fixtures/province-hierarchy/mint_shrink_naive.json")))
        #expect(reference.years.first == 2004 && reference.years.last == 2016 && reference.horizon == 10)
        let t = try #require(try Self.table(model: "naive"))
        #expect(t.target.vi == "Dự báo 2026" && t.latest.vi == "Thực tế 2016")
        let places = ["dong-thap-today", "mekong-river-delta", "rest-of-country", "whole-country"]
        #expect(t.rows.count == places.count * 3)
        func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-6 * max(1, abs(b)) } ?? false }
        for (k, place) in places.enumerated() {
            let (area, yield, production) = (t.rows[3 * k], t.rows[3 * k + 1], t.rows[3 * k + 2])
            let (ra, rp) = (try #require(reference.area[place]), try #require(reference.production[place]))
            #expect(close(area.forecast, ra.mean), "\(place) area \(area.forecast) vs \(ra.mean)")
            #expect(close(area.lower, ra.lo80) && close(area.upper, ra.hi80), "\(place) area range")
            #expect(close(area.latest, ra.latest))
            #expect(close(production.forecast, rp.mean), "\(place) production \(production.forecast) vs \(rp.mean)")
            #expect(close(production.lower, rp.lo80) && close(production.upper, rp.hi80), "\(place) production range")
            #expect(close(production.latest, rp.latest))
            #expect(close(yield.forecast, rp.mean / ra.mean * 10) && yield.lower == nil)
            #expect(close(yield.latest, rp.latest / ra.latest * 10))
        }
        #expect(t.rows[3].place.vi == "Đồng bằng sông Cửu Long" && t.rows[9].place.vi == "Cả nước")
        #expect(t.rows[0].place.vi == "Đồng Tháp (gồm Tiền Giang cũ)")
    }

    @Test func theReconciledForecastsAddUpWithEveryMethod() throws {
        for method in PublishConfiguration.Hierarchy.methods {
            let t = try #require(try Self.table(model: "ses", method: method))
            // Region + rest of the country = country, for area and production.
            for row in [0, 2] {
                let (region, rest, country) = (t.rows[3 + row], t.rows[6 + row], t.rows[9 + row])
                #expect(abs(region.forecast + rest.forecast - country.forecast) <= 1e-8 * country.forecast, "\(method)")
            }
        }
    }
}

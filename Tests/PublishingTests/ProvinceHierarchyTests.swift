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

    struct Figures: Decodable { var mean, lo80, hi80, latest, usual: Double }
    struct Place: Decodable {
        var area, production: Figures
        var usual_yield: Double
    }
    struct Reference: Decodable {
        var years: [Int]
        var horizon: Int
        var derived, absent: [String]
        var bottom, aggregates: Int
        var tables: [String: [String: Place]]
    }

    /// models/dong-thap.json with the GSO dataset read from datasets/ and `model` as the base model.
    static func tables(
        model: String, method: String = "mint-shrink", production: String = "model",
        issue: PeriodDate = .day(year: 2026, month: 12, day: 7)
    ) throws -> [Bulletin.ReconciledTable] {
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
        var enso = try #require(datasets["enso"] as? [String: Any])
        enso["store"] = nil
        enso["path"] = root.appendingPathComponent("datasets/enso-monthly.csv").path
        datasets = ["gso": gso, "enso": enso]
        c["datasets"] = datasets
        c["forecasts"] = [
            [
                "id": "y", "kind": "series", "name": ["vi": "y", "en": "y"], "dataset": "gso",
                "series": "gso-paddy-area-ca-nam-dong-thap", "models": ["naive"],
            ]
        ]
        c["exportLink"] = nil
        c["sellOrStore"] = nil
        var province = try #require(c["province"] as? [String: Any])
        var h = try #require(province["hierarchy"] as? [String: Any])
        (h["model"], h["method"], h["production"]) = (model, method, production)
        province["hierarchy"] = h
        c["province"] = province
        try FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("calendars"), withDestinationURL: models.appendingPathComponent("calendars"))
        let path = dir.appendingPathComponent("c.json").path
        try JSONSerialization.data(withJSONObject: c).write(to: URL(fileURLWithPath: path))
        let configuration = try PublishConfiguration.load(path: path)
        var data = try ConfiguredDatasets(configuration)
        data.issueDay = issue
        var inputs: [PublishIndex.Input] = []
        let calendar = try Publisher.readCalendars(configuration, inputs: &inputs)["gso-rice-mua"]
        return try ProvinceHierarchy.tables(configuration, data: data, calendar: calendar, issueDay: issue)
    }

    @Test func matchesHierarchicalforecastOnTheSameBaseForecasts() throws {
        let reference = try JSONDecoder().decode(
            Reference.self,
            from: Data(
                contentsOf: Self.root.appendingPathComponent(
                    "Tests/PublishingTests/Fixtures/province-hierarchy/mint_shrink_naive.json")))
        #expect(reference.years.first == 2004 && reference.years.last == 2016 && reference.horizon == 10)
        #expect(reference.derived == ["kien-giang|he-thu-thu-dong"])
        let tables = try Self.tables(model: "naive")
        #expect(tables.count == 3)
        let seasons = ["dong-xuan", "he-thu-thu-dong", "ca-nam"]
        let labels = [
            ("Dự báo Đông Xuân 2025–2026", "Đông Xuân 2015–2016"), ("Dự báo Hè Thu + Thu Đông 2026", "Hè Thu + Thu Đông 2016"),
            ("Dự báo Cả năm 2026", "Cả năm 2016"),
        ]
        for (season, (t, label)) in zip(seasons, zip(tables, labels)) {
            let r = try #require(reference.tables[season])
            #expect(t.target.vi == label.0 && t.latest.vi == label.1, "\(t.target.vi) \(t.latest.vi)")
            #expect(t.usual.vi == "TB 5 năm 2012–2016")
            try check(t, r, season)
        }
        #expect(tables[1].note.vi.contains("Kiên Giang, vụ Hè Thu + Thu Đông: Tổng cục Thống kê không công bố riêng"))
        #expect(tables[0].note.vi.contains("Cà Mau vụ Đông Xuân"))
        #expect(tables[2].rows[3].place.vi == "Đồng bằng sông Cửu Long" && tables[2].rows[9].place.vi == "Cả nước")
        // The CSV of every series: 61 series × 3 indicators, and the table's numbers among them.
        let csv = try #require(tables[0].csv.flatMap { String(data: $0, encoding: .utf8) })
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines.count == 1 + (reference.bottom + reference.aggregates) * 3)
        let todayArea = try #require(lines.first { $0[0] == "today" && $0[2] == "ca-nam" && $0[3] == "area" })
        let expected = try #require(reference.tables["ca-nam"]?["today"]?.area.mean)
        #expect(abs((Double(todayArea[6]) ?? .nan) - expected) < 1e-4)
        #expect(lines.contains { $0[0] == "kien-giang" && $0[2] == "he-thu-thu-dong" && $0.last == "true" })
        #expect(tables[2].rows[0].place.vi == "Đồng Tháp (gồm Tiền Giang cũ)")
    }

    func check(_ t: Bulletin.ReconciledTable, _ reference: [String: Place], _ season: String) throws {
        let places = ["today", "mekong-river-delta", "rest-of-country", "whole-country"]
        #expect(t.rows.count == places.count * 3)
        func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-6 * max(1, abs(b)) } ?? false }
        for (k, place) in places.enumerated() {
            let (area, yield, production) = (t.rows[3 * k], t.rows[3 * k + 1], t.rows[3 * k + 2])
            let r = try #require(reference[place])
            let (ra, rp) = (r.area, r.production)
            let at = "\(season) \(place)"
            #expect(close(area.forecast, ra.mean), "\(at) area \(area.forecast) vs \(ra.mean)")
            #expect(close(area.lower, ra.lo80) && close(area.upper, ra.hi80), "\(at) area range")
            #expect(close(area.latest, ra.latest) && close(area.usual, ra.usual), "\(at) area")
            #expect(close(production.forecast, rp.mean), "\(at) production \(production.forecast) vs \(rp.mean)")
            #expect(close(production.lower, rp.lo80) && close(production.upper, rp.hi80), "\(at) production range")
            #expect(close(production.latest, rp.latest) && close(production.usual, rp.usual), "\(at) production")
            #expect(close(yield.forecast, rp.mean / ra.mean * 10) && yield.lower == nil, "\(at) yield")
            #expect(close(yield.latest, rp.latest / ra.latest * 10), "\(at) yield")
            #expect(close(yield.usual, r.usual_yield), "\(at) usual yield")
        }
    }

    /// With production = area × yield (the crop-yield model, ENSO over each season's window) too.
    @Test func theReconciledForecastsAddUpWithEveryMethod() throws {
        // Area × yield the year after the data (the crop-yield model is carried at most 3 years).
        let runs =
            PublishConfiguration.Hierarchy.methods.map { ($0, "model", 2026) } + [("mint-shrink", "area-times-yield", 2017)]
        for (method, production, year) in runs {
            let tables = try Self.tables(
                model: "naive", method: method, production: production, issue: .day(year: year, month: 12, day: 7))
            #expect(tables.count == 3)
            if production == "area-times-yield" {
                #expect(tables.allSatisfy { $0.note.vi.contains("Sản lượng dự báo = diện tích × năng suất dự báo") })
                #expect(tables[2].target.vi == "Dự báo Cả năm 2017")
            }
            for t in tables {
                // Region + rest of the country = country, for area and production.
                for row in [0, 2] {
                    let (region, rest, country) = (t.rows[3 + row], t.rows[6 + row], t.rows[9 + row])
                    #expect(
                        abs(region.forecast + rest.forecast - country.forecast) <= 1e-8 * country.forecast,
                        "\(method) \(t.title.en)")
                }
            }
        }
    }
}

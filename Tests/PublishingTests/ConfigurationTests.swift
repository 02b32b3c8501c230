import Documents
import Foundation
import Testing

@testable import Publishing

/// A small valid configuration as JSON text, with `patch` applied to its object.
func sampleConfiguration(_ patch: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
    var object: [String: Any] = [
        "name": "sample",
        "title": ["vi": "Bản tin thử", "en": "Sample bulletin"],
        "horizon": 2,
        "levels": [80, 95],
        "seed": 42,
        "datasets": ["crops": ["path": "crops.csv"], "enso": ["path": "enso.csv"], "prices": ["path": "prices.csv"]],
        "calendars": ["rice": "rice.json"],
        "forecasts": [
            [
                "id": "yield", "kind": "yield", "name": ["vi": "Năng suất", "en": "Yield"], "dataset": "crops",
                "series": "rice-yield", "trendYears": 10,
                "indicators": [["dataset": "enso", "series": "oni", "calendar": "rice", "season": "dong-xuan"]],
            ],
            [
                "id": "production", "kind": "production", "name": ["vi": "Sản lượng", "en": "Production"],
                "dataset": "crops",
                "series": "rice-production", "area": ["series": "rice-area", "models": ["naive", "drift"]],
                "yield": "yield",
            ],
            [
                "id": "price", "kind": "price", "name": ["vi": "Giá gạo", "en": "Rice price"], "dataset": "prices",
                "series": "rice-price", "models": ["naive", "snaive"], "horizon": 3, "backtestWindows": 3,
                "market": ["vi": "Đồng Tháp", "en": "Đồng Tháp"],
            ],
        ],
    ]
    patch(&object)
    return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

func patchEntry(_ object: inout [String: Any], _ index: Int, _ patch: (inout [String: Any]) -> Void) {
    var entries = object["forecasts"] as? [[String: Any]] ?? []
    patch(&entries[index])
    object["forecasts"] = entries
}

@Suite("Model configuration: decoding and validation")
struct ConfigurationTests {
    @Test("A store dataset names the series its entries, areas and indicators ask for")
    func storeDatasets() throws {
        let c = try PublishConfiguration.decode(
            sampleConfiguration {
                $0["datasets"] = ["crops": ["store": true], "enso": ["store": true], "prices": ["path": "p.csv"]]
            },
            file: "sample.json")
        #expect(c.readsStore && c.datasets["crops"]?.fromStore == true && c.datasets["prices"]?.fromStore == false)
        #expect(c.seriesNamed(inDataset: "crops") == ["rice-area", "rice-production", "rice-yield"])
        #expect(c.seriesNamed(inDataset: "enso") == ["oni"])
        // Only the CSV file is an input path (the store is added by whoever opens it).
        #expect(
            c.inputPaths.filter { $0.hasSuffix(".csv") }.map { URL(fileURLWithPath: $0).lastPathComponent } == ["p.csv"]
        )
    }

    @Test(
        "A dataset is a CSV file or the store, not both, not neither",
        arguments: [#"{"path": "c.csv", "store": true}"#, #"{"store": false}"#, #"{"onMissing": "skip"}"#])
    func datasetSource(_ crops: String) throws {
        let dataset = try JSONSerialization.jsonObject(with: Data(crops.utf8))
        #expect {
            try PublishConfiguration.decode(
                sampleConfiguration {
                    $0["datasets"] = ["crops": dataset, "enso": ["path": "e.csv"], "prices": ["path": "p.csv"]]
                },
                file: "sample.json")
        } throws: { error in
            (error as? PublishingError)?.code == .badConfiguration && "\(error)".contains("datasets.crops")
        }
    }

    @Test("A valid configuration decodes with defaults filled in")
    func valid() throws {
        let c = try PublishConfiguration.decode(sampleConfiguration(), file: "sample.json")
        #expect(c.name == "sample")
        #expect(c.forecasts.map(\.id) == ["yield", "production", "price"])
        #expect(c.forecasts[2].kind == .price)
        #expect(c.horizon(of: c.forecasts[0]) == 2)
        #expect(c.horizon(of: c.forecasts[2]) == 3)
        #expect(c.seed == 42)
        #expect(c.exportLink == nil && c.exportLinkEntry == nil)
        let linked = try PublishConfiguration.decode(
            sampleConfiguration { $0["exportLink"] = "price" }, file: "sample.json")
        #expect(linked.exportLink == "price")
        #expect(linked.exportLinkEntry?.series == "rice-price")
    }

    /// Each bad configuration and a word its message must contain.
    static let badCases: [(String, String, @Sendable (inout [String: Any]) -> Void)] = [
        ("unknown dataset", "unknown dataset 'nope'", { patchEntry(&$0, 2) { $0["dataset"] = "nope" } }),
        ("unknown model", "unknown model 'prophet'", { patchEntry(&$0, 2) { $0["models"] = ["naive", "prophet"] } }),
        ("horizon 0", "horizon must be at least 1", { $0["horizon"] = 0 }),
        ("entry horizon 0", "horizon must be at least 1", { patchEntry(&$0, 2) { $0["horizon"] = 0 } }),
        ("level 120", "levels[1] must be at least 1 and at most 99", { $0["levels"] = [80, 120] }),
        ("next issue in 0 months", "nextIssueMonths", { $0["nextIssueMonths"] = 0 }),
        ("unknown key", "unknown key 'horizn'", { $0["horizn"] = 3 }),
        ("unknown entry key", "unknown key 'modles'", { patchEntry(&$0, 2) { $0["modles"] = ["naive"] } }),
        (
            "unknown calendar", "unknown calendar 'maize'",
            {
                patchEntry(&$0, 0) { $0["indicators"] = [["dataset": "enso", "series": "oni", "calendar": "maize"]] }
            }
        ),
        ("production without yield entry", "not a yield entry", { patchEntry(&$0, 1) { $0["yield"] = "price" } }),
        ("duplicate id", "used twice", { patchEntry(&$0, 2) { $0["id"] = "yield" } }),
        ("id with a slash", "must be letters", { patchEntry(&$0, 2) { $0["id"] = "../x" } }),
        ("no forecasts", "nothing to publish", { $0["forecasts"] = [[String: Any]]() }),
        ("missing title", "missing 'title'", { $0.removeValue(forKey: "title") }),
        ("bad kind", "kind", { patchEntry(&$0, 2) { $0["kind"] = "weather" } }),
        ("export link to no entry", "exportLink names 'wb-rice'", { $0["exportLink"] = "wb-rice" }),
        (
            "export link to a yield entry", "exportLink: 'yield' is a yield entry, not a price entry",
            { $0["exportLink"] = "yield" }
        ),
        ("export link not a string", "exportLink", { $0["exportLink"] = 5 }),
        (
            "hierarchy: unknown key", "province.hierarchy: unknown key 'mthod'",
            { $0["province"] = province(["mthod": "ols"]) }
        ),
        (
            "hierarchy: unknown method", "unknown method 'mint'",
            { $0["province"] = province(["method": "mint"]) }
        ),
        (
            "hierarchy: unknown model", "unknown model 'prophet'",
            { $0["province"] = province(["model": "prophet"]) }
        ),
        (
            "hierarchy without the province", "must include 'p'",
            { $0["province"] = province(["provinces": ["q", "s"]]) }
        ),
        (
            "hierarchy: a place twice", "a place is named twice",
            { $0["province"] = province(["provinces": ["p", "p"]]) }
        ),
        (
            "sellOrStore: unknown key", "sellOrStore: unknown key 'dryingcost'",
            { $0["sellOrStore"] = ["dryingcost": 1] }
        ),
        (
            "sellOrStore: not a price", "sellOrStore.entries: no price entry 'yield'",
            { $0["sellOrStore"] = ["entries": ["yield"]] }
        ),
        ("sellOrStore: moisture", "storage moisture", { $0["sellOrStore"] = ["fieldMoisture": 10] }),
    ]

    /// A province section over the crops dataset with a hierarchy patched by `patch`.
    static func province(_ patch: [String: Any]) -> [String: Any] {
        var h: [String: Any] = [
            "seasons": ["ca-nam"], "provinces": ["p", "q"], "region": ["id": "r", "name": ["vi": "R", "en": "R"]],
            "country": ["id": "c", "name": ["vi": "C", "en": "C"]],
        ]
        h.merge(patch) { $1 }
        return [
            "id": "p", "name": ["vi": "P", "en": "P"], "dataset": "crops", "calendar": "rice", "seasons": ["ca-nam"],
            "hierarchy": h,
        ]
    }

    @Test("Bad configurations are refused with a message that says what is wrong", arguments: badCases.indices)
    func bad(_ i: Int) throws {
        let (label, words, patch) = Self.badCases[i]
        let data = try sampleConfiguration(patch)
        do {
            _ = try PublishConfiguration.decode(data, file: "sample.json")
            Issue.record("\(label): accepted")
        } catch let error as PublishingError {
            #expect(error.code == .badConfiguration, "\(label)")
            #expect(error.message.contains(words), "\(label): \(error.message)")
            #expect(error.message.hasPrefix("sample.json: "), "\(label): \(error.message)")
        }
    }

    @Test("Not JSON at all")
    func notJSON() {
        #expect(throws: PublishingError.self) { try PublishConfiguration.decode(Data("{".utf8), file: "x.json") }
    }

    @Test("The bundled models/dong-thap.json is valid")
    func bundled() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let c = try PublishConfiguration.load(path: root.appendingPathComponent("models/dong-thap.json").path)
        #expect(c.forecasts.count >= 9)
        for e in c.forecasts where e.dataset == "crops" {
            #expect(e.kind == .yield || e.kind == .production)
        }
        #expect(c.caveats.contains { $0.en.contains("national series") })
        // The export link is the World Bank export price, the series the price study's notebook uses.
        let link = try #require(c.exportLinkEntry)
        #expect(link.kind == .price && link.dataset == "pinksheet")
        #expect(link.series == PriceNotebook.exportID)
    }
}

import AgriData
import Documents
import Foundation
import Hummingbird
import Publishing
import Store
import TimeSeriesCore

/// `GET /openapi.json`: the OpenAPI document.
enum OpenAPIRoute {
    static let route = Route(
        method: .get, path: "/openapi.json",
        operation: .init(
            id: "openapi", summary: "This API's OpenAPI 3.1 document",
            description: "The document `muavu schema openapi` prints, byte for byte.",
            responses: [.json(200, "The OpenAPI document.", JSONSchema([.type(.object)]))])
    ) { _, _, _ in
        JSONResponse.response(Data(OpenAPI.text.utf8))
    }
}

/// `GET /v1/health`: whether the server can read its store, and how recent the store is.
enum HealthRoute {
    struct Body: Encodable {
        struct StoreState: Encodable {
            var path: String
            var reachable: Bool
            @Nullable var series: Int? = nil
            @Nullable var lastImport: String? = nil
            /// Left out while the store can be read.
            var problem: String? = nil

            enum CodingKeys: String, CodingKey {
                case path, reachable, series, problem
                case lastImport = "last_import"
            }
        }
        struct ConfigurationState: Encodable {
            @Nullable var path: String?
            var entries: Int
        }
        var status: String
        var version: String
        var store: StoreState
        var configuration: ConfigurationState
    }

    static let route = Route(
        method: .get, path: "/v1/health",
        operation: .init(
            id: "health", summary: "Whether the server can read its store",
            description: "The version, the store's path, whether it can be read, its series and when the "
                + "newest file or batch was written to it.",
            responses: [
                .json(200, "The store can be read.", OpenAPI.component("Health")),
                .json(503, "The store cannot be read (the body says why).", OpenAPI.component("Health")),
            ])
    ) { api, _, _ in
        let body = await offloadHealth(api)
        return try JSONResponse.response(body, status: body.status == "ok" ? .ok : .serviceUnavailable)
    }

    static func offloadHealth(_ api: MuavuAPI) async -> Body {
        let configuration = Body.ConfigurationState(
            path: api.settings.configuration?.file, entries: api.settings.configuration?.forecasts.count ?? 0)
        do {
            return try await offload {
                let store = try api.store()
                return Body(
                    status: "ok", version: MuavuAPI.version,
                    store: .init(
                        path: store.path, reachable: true, series: try store.seriesIDs().count,
                        lastImport: try store.lastImport().map(IssueTime.iso8601)),
                    configuration: configuration)
            }
        } catch {
            return Body(
                status: "unavailable", version: MuavuAPI.version,
                store: .init(path: api.settings.store, reachable: false, problem: Problem(error).detail),
                configuration: configuration)
        }
    }
}

/// `GET /v1/commodities`: the prices and crop series the configuration names, with their names
/// in Vietnamese and English, markets and units, and the series the store holds.
enum CommoditiesRoute {
    struct Entry: Encodable {
        var id: String
        var kind: String
        var name: Bilingual
        var commodity: Bilingual?
        var market: Bilingual?
        var unit: Bilingual?
        var series: String
        var dataset: String
        var words: [String]
        var inStore: Bool

        enum CodingKeys: String, CodingKey {
            case id, kind, name, commodity, market, unit, series, dataset, words
            case inStore = "in_store"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(name, forKey: .name)
            try c.encode(commodity, forKey: .commodity)
            try c.encode(market, forKey: .market)
            try c.encode(unit, forKey: .unit)
            try c.encode(series, forKey: .series)
            try c.encode(dataset, forKey: .dataset)
            try c.encode(words, forKey: .words)
            try c.encode(inStore, forKey: .inStore)
        }
    }

    struct StoredSeries: Encodable {
        var id: String
        var unit: String
        var frequency: String
        @Nullable var label: String?
        var first: String
        var last: String
        var count: Int
        var lastImport: String
        var publisher: String

        enum CodingKeys: String, CodingKey {
            case id, unit, frequency, label, first, last, count, publisher
            case lastImport = "last_import"
        }
    }

    struct Body: Encodable {
        @Nullable var configuration: String?
        var entries: [Entry]
        var series: [StoredSeries]
    }

    static let route = Route(
        method: .get, path: "/v1/commodities",
        operation: .init(
            id: "commodities", summary: "What the configuration and the store hold",
            description: "The configuration's entries (prices, yields, production) with their names in "
                + "Vietnamese and English, markets and units, and every series of the store with its span and "
                + "source. commodity and market keep the price entries they name, as `muavu outlook` finds "
                + "them: lúa, lua and paddy name the same prices, with or without diacritics.",
            parameters: [
                .query(
                    "commodity", "Keep the price entries of this commodity (e.g. lúa, gao, mango).",
                    ParameterSchemas.text, example: "lúa"),
                .query(
                    "market", "Keep the price entries of this market (e.g. Đồng Tháp, dong thap).",
                    ParameterSchemas.text, example: "Đồng Tháp"),
            ],
            responses: [
                .json(200, "The entries and the stored series.", OpenAPI.component("Commodities")),
                .problem(400, "A query value is not accepted."),
            ])
    ) { api, request, context in
        let query = Query(request: request, context: context)
        let commodity = try query.string("commodity")
        let market = try query.string("market")
        let body = try await offload { try commodities(api, commodity: commodity, market: market) }
        return try JSONResponse.response(body)
    }

    static func commodities(_ api: MuavuAPI, commodity: String?, market: String?) throws -> Body {
        let held: [SeriesStatus] = (try? api.store().status()) ?? []
        let heldIDs = Set(held.map { TextKey.nfc($0.id) })
        var entries: [PublishConfiguration.Entry] = []
        if let c = api.settings.configuration {
            entries =
                commodity == nil && market == nil
                ? c.forecasts : PriceQuery(commodity: commodity, market: market).matches(in: c)
        }
        let filtered = commodity != nil || market != nil
        let wanted = Set(entries.map { TextKey.nfc($0.series) })
        return Body(
            configuration: api.settings.configuration?.file,
            entries: entries.map { e in
                let names = [e.commodity?.vi, e.commodity?.en, e.name.vi, e.name.en].compactMap { $0 }
                let kinds = CommodityName.allCases.filter { k in
                    names.contains { CommodityName.named(in: $0).contains(k) }
                }
                let unit = e.unit ?? held.first { $0.id == e.series }?.unit
                return Entry(
                    id: e.id, kind: e.kind.rawValue, name: e.name, commodity: e.commodity, market: e.market,
                    unit: unit.map(UnitText.bilingual), series: e.series, dataset: e.dataset,
                    words: kinds.flatMap(\.words), inStore: heldIDs.contains(TextKey.nfc(e.series)))
            },
            series: held.filter { !filtered || wanted.contains(TextKey.nfc($0.id)) }.map { s in
                StoredSeries(
                    id: s.id, unit: s.unit, frequency: s.frequency.rawValue, label: s.label, first: "\(s.first)",
                    last: "\(s.last)", count: s.count, lastImport: IssueTime.iso8601(s.lastImport),
                    publisher: s.publisher)
            })
    }
}

/// `GET /v1/series/{id}?as_of=`: a stored series' observations as known now or at `as_of`.
enum SeriesRoute {
    struct Observation: Encodable {
        var date: String
        var value: Double
        var unit: String
        @Nullable var status: String?
        var vintage: String
    }

    struct Body: Encodable {
        var id: String
        var unit: String
        var frequency: String
        @Nullable var label: String?
        @Nullable var asOf: String?
        var observations: [Observation]

        enum CodingKeys: String, CodingKey {
            case id, unit, frequency, label, observations
            case asOf = "as_of"
        }
    }

    static let idParameter = OpenAPI.Parameter.path(
        "id", "The series id, as `muavu data status` lists it (percent-encoded).", ParameterSchemas.seriesID,
        example: "paddy-ir50404-an-giang")
    static let asOfParameter = OpenAPI.Parameter.query(
        "as_of", "Each period's value as known at the end of this day or month (default: as known now).",
        ParameterSchemas.asOf)

    static let route = Route(
        method: .get, path: "/v1/series/{id}",
        operation: .init(
            id: "series", summary: "A stored series' observations",
            description: "Each period's value as the store knew it at as_of (its latest vintage not after it), "
                + "with the vintage and the publisher's status; without as_of, as known now.",
            parameters: [idParameter, asOfParameter],
            responses: [
                .json(200, "The observations, in period order.", OpenAPI.component("Series")),
                .problem(400, "The id or as_of is not accepted."),
                .problem(404, "The store holds no series of that id."),
                .problem(503, "The store cannot be read."),
            ])
    ) { api, request, context in
        let query = Query(request: request, context: context)
        let id = try query.path("id")
        let asOf = try query.asOf()
        let body = try await offload {
            let store = try api.store()
            guard let status = try store.status().first(where: { TextKey.nfc($0.id) == TextKey.nfc(id) }) else {
                throw Problem(
                    .notFound, "the store has no series '\(MessageText.escaped(id))' (GET /v1/commodities lists them)",
                    at: .init(parameter: "id"))
            }
            let known = try store.observations(seriesID: status.id, asOf: asOf?.instant)
            return Body(
                id: status.id, unit: status.unit, frequency: status.frequency.rawValue, label: status.label,
                asOf: asOf?.text,
                observations: known.map {
                    Observation(
                        date: "\($0.period)", value: $0.value, unit: $0.unit, status: $0.status,
                        vintage: IssueTime.iso8601($0.vintage))
                })
        }
        return try JSONResponse.response(body)
    }
}

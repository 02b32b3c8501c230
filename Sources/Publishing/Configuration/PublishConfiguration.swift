import AgriData
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// What `muavu publish` publishes: a model configuration (JSON, `models/*.json`, format in
/// `models/README.md`). It names the datasets and calendars (paths relative to the
/// configuration file), and for each published series what is forecast, from which dataset,
/// with which models, how far ahead and at which interval levels.
///
/// Loading validates everything that can be checked without the data (unknown keys, unknown
/// dataset or calendar names, unknown models, horizon < 1, levels outside 1–99, references
/// between entries: a production's yield entry, the `exportLink` price entry); `Publisher` checks
/// the rest (series present, the export link's a monthly one; calendars valid) before it writes
/// anything.
public struct PublishConfiguration: Sendable, Equatable {
    /// Where a dataset lives and how its gaps are treated: a tidy CSV file (`path`, relative to
    /// the configuration), or the store (`"store": true`: the series the configuration names in
    /// this dataset, read from the store `muavu publish --store` opens, as last known). Exactly
    /// one of the two.
    public struct Dataset: Sendable, Equatable, Decodable {
        public var path: String?
        public var store: Bool?
        public var onMissing: MissingPolicy?
        /// The data source as the bulletin cites it.
        public var source: Bilingual?
        /// Months after its last observed period before a series of this dataset is stale
        /// (default `DataAge.defaultFreshness`: 2 for monthly, 18 for yearly series).
        public var freshnessMonths: Int?
        /// Months after a period's end before its publisher releases it (the World Bank's Pink
        /// Sheet: 1; FAOSTAT: about 12): in a replay over history (`muavu replay`), a store series
        /// with no vintage that old counts as known from then (docs/design/track-record.md).
        public var releaseLagMonths: Int?

        /// True when the dataset's series come from the store.
        public var fromStore: Bool { store == true }
    }

    /// A monthly driver averaged over a crop window, for the yield model.
    public struct Indicator: Sendable, Equatable, Decodable {
        public var dataset: String
        public var series: String
        /// A calendar key; with `season`, the driver is averaged over that crop's covariate
        /// window; without, over January–December of the year.
        public var calendar: String?
        public var season: String?
        public var lagMonths: Int?
        /// The name shown in the model (default: the series id).
        public var name: String?
    }

    /// The area part of a production forecast.
    public struct Area: Sendable, Equatable, Decodable {
        public var dataset: String?
        public var series: String
        public var models: [String]
    }

    public enum Kind: String, Sendable, Equatable, Decodable, CaseIterable {
        /// A univariate forecast: the models are backtested and the best kept.
        case series
        /// A price: as `series`, plus the price outlook in words and, for monthly prices, the
        /// WFP ALPS and FAO GIEWS IPA alerts.
        case price
        /// A crop yield by `CropYieldModel` (trend + agro-climatic regression, LOYO-judged).
        case yield
        /// Area × yield: the area by a univariate model, the yield from a `yield` entry.
        case production
    }

    /// One published series.
    public struct Entry: Sendable, Equatable, Decodable {
        public var id: String
        public var kind: Kind
        public var name: Bilingual
        public var dataset: String
        public var series: String
        public var models: [String]?
        public var horizon: Int?
        public var decimals: Int?
        /// Rolling-origin windows for choosing among `models` (default 5 yearly, 12 otherwise).
        public var backtestWindows: Int?
        // price
        public var commodity: Bilingual?
        public var market: Bilingual?
        // yield
        public var trendYears: Int?
        /// How a yield's candidates are scored and chosen: `loyo` (leave-one-year-out, the
        /// default) or `rolling-origin` (each of the last 12 years forecast from the years before
        /// it; the skill the bulletin then quotes is a forecaster's).
        public var selection: String?
        public var indicators: [Indicator]?
        // production
        public var area: Area?
        public var yield: String?
        /// The display unit (`tạ/ha`, `đồng/kg`, `nghìn tấn`: a unit `UnitOfMeasure` reads), into
        /// which the series and its forecast are converted, never relabelled (default: the data's
        /// unit column). A unit the data's does not convert into is refused (exit 65).
        public var unit: String?
        /// Months after its last observed period before the series is stale (default: its
        /// dataset's `freshnessMonths`, else `DataAge.defaultFreshness`).
        public var freshnessMonths: Int?
        /// A key of `calendars` for a season series (`YYYY-Sn`): its crops' names label the
        /// periods ("Đông Xuân 2016–2017"), and a yield's indicators are averaged over each crop's
        /// covariate window (docs/design/crop-year-labels.md).
        public var calendar: String?

        /// The variety of a price (`IR 50404`, `Đài Thơm 8`): `muavu outlook --variety` matches it
        /// as commodity names are matched (folded, spaces ignored).
        public var variety: Bilingual?
        /// For a monthly series built from irregular daily quotes (`PriceQuotes.monthly`): the
        /// quotes it is built from. Its months without a quote stay gaps for the models
        /// (`OutlookStudy.Options.fillGaps` false), and the outlook gives the days behind each month.
        public var quotes: Quotes?
        /// Markets the price answers for besides its own (a Đồng Tháp query answered from the An
        /// Giang board, the nearest market, saying so in `quotes.note`).
        public var servesMarkets: [Bilingual]?

        /// The univariate candidates of a monthly price's study (`theta` when `models` names none).
        public var priceModels: [String] { models ?? ["theta"] }
    }

    /// The quotes a monthly price is built from: the file (relative to the configuration), and the
    /// market, variety and state of its rows (as the file writes them).
    public struct Quotes: Sendable, Equatable, Decodable {
        public var path: String
        public var market: String
        public var variety: String
        public var state: PaddyState
        /// Said with every outlook of the price (where the prices come from).
        public var note: Bilingual?
    }

    /// A price muavu knows only from a few quotes in the press (Đồng Tháp mango): `muavu outlook`
    /// shows the quotes and says they are too few for a forecast, until the store holds at least
    /// `minimumMonths` monthly prices of `series` (added by `muavu import`); then the outlook of that
    /// series takes over.
    public struct QuotedPrice: Sendable, Equatable, Decodable {
        public var id: String
        public var commodity: Bilingual
        public var market: Bilingual
        /// The quotes file (`MangoQuotes`), relative to the configuration.
        public var quotes: String
        /// The store series of monthly prices that `muavu import` grows.
        public var series: String
        public var minimumMonths: Int
        public var unit: String?
    }

    /// The province's own official figures (GSO), one table per season: area, yield and
    /// production of the newest season reported, the same season a year before and the change,
    /// for today's province (its rows summed with the provinces merged into it) and for the
    /// province as it was before the merger. Series ids follow GSO's import:
    /// `gso-paddy-<area|production|yield>-<season>-<province id>`.
    public struct Province: Sendable, Equatable, Decodable {
        /// A province merged into this one: its id in the series ids, its name, the day it joined.
        public struct Merged: Sendable, Equatable, Decodable {
            public var id: String
            public var name: Bilingual
            /// `YYYY-MM-DD`.
            public var since: String
        }
        /// The province's id in the series ids (`dong-thap`).
        public var id: String
        public var name: Bilingual
        /// A `datasets` key: the GSO province-and-season series.
        public var dataset: String
        /// A `calendars` key whose seasons name the seasons (`dong-xuan` → "Đông Xuân 2015–2016").
        public var calendar: String
        /// Season ids, in order: the calendar's, or `ca-nam` (the whole year).
        public var seasons: [String]
        public var merged: [Merged]?
        /// The reconciled forecast of the province, the region and the country (nil: none).
        public var hierarchy: Hierarchy?

        /// The series this section reads: area, production and yield of every season, of the
        /// province and of each merged province.
        public var seriesIDs: [String] {
            let provinces = [id] + (merged ?? []).map(\.id)
            let own = seasons.flatMap { season in
                provinces.flatMap { p in
                    ["area", "production", "yield"].map { "gso-paddy-\($0)-\(season)-\(p)" }
                }
            }
            return own
        }

        /// The day a merged province joined: (year, month, day), nil when `since` is not a date.
        public static func day(_ since: String) -> (year: Int, month: Int, day: Int)? {
            let parts = since.split(separator: "-").map { Int($0) }
            guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
                (1...12).contains(m), (1...31).contains(d), (1000...9999).contains(y)
            else { return nil }
            return (y, m, d)
        }
    }

    /// The reconciled forecast of the bulletin's province section: the area and production of one
    /// season (GSO's `ca-nam`: the whole year) of every province of the region, the rest of the
    /// country (the country minus the region) and the region and country as their sums, each
    /// forecast by `model` and reconciled by `method` (`HierarchyForecast`); yield is reconciled
    /// production over reconciled area. Series ids as the province section's.
    public struct Hierarchy: Sendable, Equatable, Decodable {
        public struct Place: Sendable, Equatable, Decodable {
            public var id: String
            public var name: Bilingual
        }

        /// The seasons, one table each: `ca-nam` (the whole year) or seasons of the province's
        /// calendar. A province without a season's series (Kiên Giang has no Hè Thu + Thu Đông in
        /// GSO's table) is left out of that season's hierarchy.
        public var seasons: [String]
        /// Every province of the region, the province section's own and its merged ones among them.
        public var provinces: [String]
        public var region: Place
        public var country: Place
        /// `bottom-up`, `ols`, `wls-structural`, `wls-variance` or `mint-shrink` (default).
        public var method: String?
        /// The base model of every series (default `auto`).
        public var model: String?
        /// `area-times-yield` (default): production's base forecast is the area's times the yield's
        /// (`CropYieldModel` by rolling origin, with `climate` over the season's window); `model`:
        /// production's own univariate forecast.
        public var production: String?
        /// The monthly climate driver of the yields (ENSO ONI), averaged over each season's window.
        public var climate: Climate?
        /// The provinces' names, by id, for the bulletin's words (default: the id).
        public var names: [String: Bilingual]?
        /// The seasons that make up the year (default: `dong-xuan`, `he-thu-thu-dong`, `mua`).
        public var parts: [String]?
        /// A `calendars` key naming every part (default: the province section's calendar).
        public var calendar: String?

        public struct Climate: Sendable, Equatable, Decodable {
            public var dataset: String
            public var series: String
        }

        public static let methods = ReconciliationMethod.named.map(\.name)

        /// The series read: area and production of every province, the region and the country.
        public var seriesIDs: [String] {
            Array(Set(seasons + (parts ?? ["dong-xuan", "he-thu-thu-dong", "mua"]) + ["ca-nam"])).sorted().flatMap {
                season in
                ["area", "production"].flatMap { indicator in
                    (provinces + [region.id, country.id]).map { "gso-paddy-\(indicator)-\(season)-\($0)" }
                }
            }
        }
    }

    public var name: String
    public var title: Bilingual
    public var coverage: Bilingual?
    public var issuer: Bilingual?
    public var horizon: Int
    public var levels: [Int]
    public var seed: UInt64
    public var datasets: [String: Dataset]
    public var calendars: [String: String]
    public var forecasts: [Entry]
    public var caveats: [Bilingual]
    /// Prices known only from a few quotes (`QuotedPrice`).
    public var quotedPrices: [QuotedPrice] = []
    /// The province section of the bulletin (nil: none).
    public var province: Province? = nil
    /// The `id` of the monthly price entry whose series is the export price the other monthly
    /// prices are linked to (`LaggedExportRegression`, the `arima-x` candidate of `muavu publish`
    /// and `muavu outlook`); nil: no link.
    public var exportLink: String? = nil
    /// The price entries a paddy price built from quotes is set against in `muavu outlook`
    /// (`PaddyRiceMargin`): the milled-rice wholesale prices and the export price. Checked when
    /// the outlook uses them (a configuration cut down to other entries still loads).
    public var riceLink: [String] = []
    /// Months from the issue date to the next bulletin (shown in the header), when set.
    public var nextIssueMonths: Int? = nil
    /// Sell fresh now or dry and store: the entries answered by default and the costs (nil: none).
    public var sellOrStore: SellOrStoreSettings? = nil
    /// The directory the configuration's relative paths start from.
    public var baseDirectory: String = "."
    /// The configuration file as given.
    public var file: String = "configuration"

    /// The horizon of `entry` (its own, else the configuration's).
    public func horizon(of entry: Entry) -> Int { entry.horizon ?? horizon }

    /// `path` resolved against the configuration's directory.
    public func resolve(_ path: String) -> String {
        PhysicalPath.resolve(path, from: baseDirectory)
    }

    /// Every file the configuration reads: itself, its CSV datasets and its calendars (resolved;
    /// the store is added by whoever opens it).
    public var inputPaths: [String] {
        [PhysicalPath.resolve(file)] + datasets.values.compactMap { $0.path.map(resolve) }
            + calendars.values.map(resolve)
    }

    /// True when a dataset is read from the store.
    public var readsStore: Bool { datasets.values.contains { $0.fromStore } }

    /// The series ids the configuration reads from dataset `key`, sorted: its entries' series,
    /// their area series and their indicators (what a store dataset exports from the store).
    public func seriesNamed(inDataset key: String) -> [String] {
        var ids = Set<String>()
        for e in forecasts {
            if e.dataset == key { ids.insert(e.series) }
            if let area = e.area, (area.dataset ?? e.dataset) == key { ids.insert(area.series) }
            for ind in e.indicators ?? [] where ind.dataset == key { ids.insert(ind.series) }
        }
        if let p = province, p.dataset == key { ids.formUnion(p.seriesIDs) }
        if let c = province?.hierarchy?.climate, c.dataset == key { ids.insert(c.series) }
        return ids.sorted()
    }

    /// The series of dataset `key` read where they exist: the hierarchy's (GSO has no Mùa for some
    /// provinces, no Hè Thu + Thu Đông for Kiên Giang).
    /// The release lag in months of every store series the configuration reads, by series id,
    /// from its dataset's `releaseLagMonths` (0 when the dataset gives none).
    public var releaseLags: [String: Int] {
        var lags: [String: Int] = [:]
        for (key, dataset) in datasets where dataset.fromStore {
            for id in seriesNamed(inDataset: key) + optionalSeriesNamed(inDataset: key) {
                lags[id] = dataset.releaseLagMonths ?? 0
            }
        }
        return lags
    }

    public func optionalSeriesNamed(inDataset key: String) -> [String] {
        guard let p = province, let h = p.hierarchy, p.dataset == key else { return [] }
        let required = Set(seriesNamed(inDataset: key))
        return h.seriesIDs.filter { !required.contains($0) }
    }

    // MARK: - Loading

    /// Reads and validates `path`.
    public static func load(path: String) throws -> PublishConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PublishingError(.badConfiguration, "\(path): cannot read the configuration file")
        }
        var configuration = try decode(data, file: path)
        configuration.baseDirectory = PhysicalPath.parent(of: PhysicalPath.resolve(path))
        return configuration
    }

    static let topKeys: Set<String> = [
        "name", "title", "coverage", "issuer", "horizon", "levels", "seed", "datasets",
        "calendars", "forecasts", "caveats", "nextIssueMonths", "exportLink", "description",
        "province", "quotedPrices", "riceLink",
        "province", "sellOrStore",
    ]
    static let provinceKeys: Set<String> = ["id", "name", "dataset", "calendar", "seasons", "merged", "hierarchy"]
    static let hierarchyKeys: Set<String> = [
        "seasons", "provinces", "region", "country", "method", "model", "production", "climate", "names", "parts",
        "calendar",
    ]
    static let mergedKeys: Set<String> = ["id", "name", "since"]
    static let entryKeys: Set<String> = [
        "id", "kind", "name", "dataset", "series", "models", "horizon", "decimals",
        "backtestWindows", "commodity", "market", "trendYears", "selection", "indicators", "area",
        "yield", "unit", "description", "freshnessMonths", "calendar", "variety", "quotes", "servesMarkets",
    ]

    /// Decodes and validates a configuration.
    public static func decode(_ data: Data, file: String) throws -> PublishConfiguration {
        func fail(_ message: String) -> PublishingError { PublishingError(.badConfiguration, "\(file): \(message)") }
        guard let object = try? JSONSerialization.jsonObject(with: data), let top = object as? [String: Any] else {
            throw fail("not a JSON object")
        }
        if let unknown = Set(top.keys).subtracting(topKeys).sorted().first {
            throw fail("unknown key '\(unknown)'; the keys are: \(topKeys.sorted().joined(separator: ", "))")
        }
        for (i, entry) in ((top["forecasts"] as? [Any]) ?? []).enumerated() {
            if let e = entry as? [String: Any], let unknown = Set(e.keys).subtracting(entryKeys).sorted().first {
                throw fail("forecasts[\(i)]: unknown key '\(unknown)'")
            }
        }
        if let p = top["province"] as? [String: Any] {
            if let unknown = Set(p.keys).subtracting(provinceKeys).sorted().first {
                throw fail(
                    "province: unknown key '\(unknown)'; the keys are: \(provinceKeys.sorted().joined(separator: ", "))"
                )
            }
            if let h = p["hierarchy"] as? [String: Any], let unknown = Set(h.keys).subtracting(hierarchyKeys).sorted().first {
                throw fail(
                    "province.hierarchy: unknown key '\(unknown)'; the keys are: "
                        + hierarchyKeys.sorted().joined(separator: ", "))
            }
            for (i, m) in ((p["merged"] as? [Any]) ?? []).enumerated() {
                if let m = m as? [String: Any], let unknown = Set(m.keys).subtracting(mergedKeys).sorted().first {
                    throw fail("province.merged[\(i)]: unknown key '\(unknown)'")
                }
            }
        }
        if let s = top["sellOrStore"] as? [String: Any],
            let unknown = Set(s.keys).subtracting(SellOrStoreSettings.keys).sorted().first
        {
            throw fail(
                "sellOrStore: unknown key '\(unknown)'; the keys are: "
                    + SellOrStoreSettings.keys.sorted().joined(separator: ", "))
        }
        try checkIntegers(top, fail: fail)
        let raw: Raw
        do {
            raw = try JSONDecoder().decode(Raw.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw fail("missing '\(key.stringValue)' at \(codingPath(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw fail("wrong type at \(codingPath(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw fail("missing value at \(codingPath(context.codingPath))")
        } catch let DecodingError.dataCorrupted(context) {
            throw fail("bad value at \(codingPath(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw fail("not a model configuration: \(error)")
        }
        var c = PublishConfiguration(
            name: raw.name, title: raw.title, coverage: raw.coverage, issuer: raw.issuer, horizon: raw.horizon ?? 1,
            levels: raw.levels ?? [80, 95], seed: raw.seed ?? 20_260_101, datasets: raw.datasets,
            calendars: raw.calendars ?? [:], forecasts: raw.forecasts, caveats: raw.caveats ?? [])
        c.file = file
        c.nextIssueMonths = raw.nextIssueMonths
        c.exportLink = raw.exportLink
        c.province = raw.province
        c.quotedPrices = raw.quotedPrices ?? []
        c.riceLink = raw.riceLink ?? []
        c.sellOrStore = raw.sellOrStore
        try c.validate()
        return c
    }

    /// The bounds of the configuration's integers (`Limits`; docs/contract.md, "Limits").
    static let topIntegers: [(key: String, bound: Bound)] = [
        ("horizon", Limits.horizon), ("seed", Limits.seed), ("nextIssueMonths", Bound(1...24)),
    ]
    static let entryIntegers: [(key: String, bound: Bound)] = [
        ("horizon", Limits.horizon), ("decimals", Bound(0...6)), ("backtestWindows", Limits.backtestWindows),
        ("trendYears", Bound(6...1_000)), ("freshnessMonths", freshnessMonths),
    ]
    /// The bound of a configured freshness, in months.
    static let freshnessMonths = Bound(0...1_200)
    static let lagMonths = Bound(0...120)

    /// Every integer of the configuration is a whole number within its bound, checked on the JSON
    /// itself before it is decoded: `"seed": -1` or `"horizon": 1e19` is refused naming the field
    /// and the range, not as "not valid JSON", and nothing is sized by an unchecked number.
    private static func checkIntegers(_ top: [String: Any], fail: (String) -> PublishingError) throws {
        func check(_ value: Any?, _ path: String, _ bound: Bound) throws {
            guard let value, !(value is NSNull), value is NSNumber else { return }  // absent, or a type the decoder refuses
            guard bound.wholeNumber(fromJSON: value) != nil else {
                throw fail("\(path) \(bound.refusal(Bound.describe(jsonValue: value)))")
            }
        }
        for (key, bound) in topIntegers { try check(top[key], key, bound) }
        for (name, dataset) in ((top["datasets"] as? [String: Any]) ?? [:]).sorted(by: { $0.key < $1.key }) {
            try check(
                (dataset as? [String: Any])?["freshnessMonths"], "datasets.\(name).freshnessMonths", freshnessMonths)
            try check(
                (dataset as? [String: Any])?["releaseLagMonths"], "datasets.\(name).releaseLagMonths", freshnessMonths)
        }
        for (i, level) in ((top["levels"] as? [Any]) ?? []).enumerated() {
            try check(level, "levels[\(i)]", Limits.level)
        }
        for (i, item) in ((top["forecasts"] as? [Any]) ?? []).enumerated() {
            guard let entry = item as? [String: Any] else { continue }
            for (key, bound) in entryIntegers { try check(entry[key], "forecasts[\(i)].\(key)", bound) }
            for (j, indicator) in ((entry["indicators"] as? [Any]) ?? []).enumerated() {
                try check(
                    (indicator as? [String: Any])?["lagMonths"], "forecasts[\(i)].indicators[\(j)].lagMonths", lagMonths
                )
            }
        }
    }

    private struct Raw: Decodable {
        var name: String
        var title: Bilingual
        var coverage: Bilingual?
        var issuer: Bilingual?
        var horizon: Int?
        var levels: [Int]?
        var seed: UInt64?
        var datasets: [String: Dataset]
        var calendars: [String: String]?
        var forecasts: [Entry]
        var caveats: [Bilingual]?
        var nextIssueMonths: Int?
        var exportLink: String?
        var province: Province?
        var quotedPrices: [QuotedPrice]?
        var riceLink: [String]?
        var sellOrStore: SellOrStoreSettings?
    }

    private static func codingPath(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// The checks that need no data.
    public func validate() throws {
        func fail(_ message: String) -> PublishingError { PublishingError(.badConfiguration, "\(file): \(message)") }
        guard !name.isEmpty else { throw fail("'name' must not be empty") }
        guard !levels.isEmpty else { throw fail("'levels' must name at least one level") }
        if let s = sellOrStore {
            do { try s.costs.check() } catch { throw fail("sellOrStore: \(error)") }
            for id in s.entries ?? [] where !forecasts.contains(where: { $0.id == id && $0.kind == .price }) {
                throw fail("sellOrStore.entries: no price entry '\(id)'")
            }
        }
        for l in levels where !(1...99).contains(l) {
            throw fail("level \(l) is not a percentage between 1 and 99")
        }
        guard Set(levels).count == levels.count else { throw fail("a level is given twice") }
        guard Limits.horizon.contains(horizon) else { throw fail("horizon \(Limits.horizon.refusal(String(horizon)))") }
        guard Limits.seed.contains(Int(clamping: seed)) else { throw fail("seed \(Limits.seed.refusal(String(seed)))") }
        if let m = nextIssueMonths, !(1...24).contains(m) { throw fail("nextIssueMonths must be 1–24, got \(m)") }
        guard !forecasts.isEmpty else { throw fail("'forecasts' is empty: nothing to publish") }
        let datasetNames = datasets.keys.sorted().joined(separator: ", ")
        let calendarNames = calendars.keys.sorted().joined(separator: ", ")
        let models = ForecasterRegistry.names
        func checkDataset(_ name: String, _ at: String) throws {
            guard datasets[name] != nil else {
                throw fail("\(at): unknown dataset '\(name)'; the datasets are: \(datasetNames)")
            }
        }
        func checkModels(_ names: [String]?, _ at: String) throws {
            guard let names, !names.isEmpty else { throw fail("\(at): 'models' must name at least one model") }
            for m in names where !models.contains(m) {
                throw fail("\(at): unknown model '\(m)'; known models: \(models.joined(separator: ", "))")
            }
            guard Set(names).count == names.count else { throw fail("\(at): a model is named twice") }
        }
        try checkDatasetSources(fail)
        var seen = Set<String>()
        for (i, e) in forecasts.enumerated() {
            let at = "forecasts[\(i)] (\(e.id))"
            guard !e.id.isEmpty,
                e.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else {
                throw fail("forecasts[\(i)]: id '\(e.id)' must be letters, digits, '-' or '_' (it names files)")
            }
            guard seen.insert(e.id).inserted else { throw fail("\(at): the id is used twice") }
            try checkDataset(e.dataset, at)
            if let h = e.horizon, !Limits.horizon.contains(h) {
                throw fail("\(at): horizon \(Limits.horizon.refusal(String(h)))")
            }
            if let d = e.decimals, !(0...6).contains(d) { throw fail("\(at): decimals must be 0–6, got \(d)") }
            if let cal = e.calendar, calendars[cal] == nil {
                throw fail("\(at): unknown calendar '\(cal)'; the calendars are: \(calendarNames)")
            }
            if let w = e.backtestWindows, !Limits.backtestWindows.contains(w) {
                throw fail("\(at): backtestWindows \(Limits.backtestWindows.refusal(String(w)))")
            }
            switch e.kind {
            case .series, .price:
                try checkModels(e.models, at)
            case .yield:
                if let m = e.selection, !["loyo", "rolling-origin"].contains(m) {
                    throw fail("\(at): selection must be loyo or rolling-origin, not '\(m)'")
                }
                if let n = e.trendYears, n < 6 { throw fail("\(at): trendYears must be at least 6, got \(n)") }
                if let n = e.trendYears, n > 1_000 {
                    throw fail("\(at): trendYears \(Bound(6...1_000).refusal(String(n)))")
                }
                for (j, ind) in (e.indicators ?? []).enumerated() {
                    try checkDataset(ind.dataset, "\(at).indicators[\(j)]")
                    if let cal = ind.calendar, calendars[cal] == nil {
                        throw fail(
                            "\(at).indicators[\(j)]: unknown calendar '\(cal)'; the calendars are: \(calendarNames)")
                    }
                    if ind.season != nil, ind.calendar == nil {
                        throw fail("\(at).indicators[\(j)]: a season needs a calendar")
                    }
                }
            case .production:
                guard let area = e.area else { throw fail("\(at): a production entry needs 'area'") }
                try checkDataset(area.dataset ?? e.dataset, "\(at).area")
                try checkModels(area.models, "\(at).area")
                guard let y = e.yield else {
                    throw fail("\(at): a production entry needs 'yield' (the id of a yield entry)")
                }
                guard let target = forecasts.prefix(i).first(where: { $0.id == y }) else {
                    throw fail("\(at): 'yield' names '\(y)', which is not a yield entry listed before it")
                }
                guard target.kind == .yield else {
                    throw fail("\(at): '\(y)' is a \(target.kind.rawValue) entry, not a yield entry")
                }
                guard horizon(of: target) >= horizon(of: e) else {
                    throw fail(
                        "\(at): the yield entry '\(y)' forecasts \(horizon(of: target)) years, fewer than this horizon")
                }
            }
        }
        try checkProvince(fail)
        if let link = exportLink {
            let prices = forecasts.filter { $0.kind == .price }.map(\.id).joined(separator: ", ")
            guard let target = forecasts.first(where: { $0.id == link }) else {
                throw fail("exportLink names '\(link)', which is not an entry id; the price entries are: \(prices)")
            }
            guard target.kind == .price else {
                throw fail(
                    "exportLink: '\(link)' is a \(target.kind.rawValue) entry, not a price entry; the price entries are: \(prices)"
                )
            }
        }
        for q in quotedPrices where q.minimumMonths < 1 {
            throw fail("quotedPrices (\(q.id)): minimumMonths must be at least 1, got \(q.minimumMonths)")
        }
    }

    /// The freshness of `entry`, in months: its own, else its dataset's (nil: the default).
    public func freshnessMonths(of entry: Entry) -> Int? {
        entry.freshnessMonths ?? datasets[entry.dataset]?.freshnessMonths
    }

    /// Each dataset is a CSV file or the store, not both and not neither.
    private func checkDatasetSources(_ fail: (String) -> PublishingError) throws {
        for key in datasets.keys.sorted() {
            guard let d = datasets[key] else { continue }
            if d.path != nil, d.store != nil {
                throw fail("datasets.\(key): give either 'path' (a CSV file) or \"store\": true, not both")
            }
            if d.path == nil, !d.fromStore {
                throw fail("datasets.\(key): needs 'path' (a CSV file) or \"store\": true (its series from the store)")
            }
        }
    }

    /// The province section names a known dataset and calendar, at least one season, each once,
    /// ids as series ids spell them, and each merged province's day as `YYYY-MM-DD`.
    private func checkProvince(_ fail: (String) -> PublishingError) throws {
        guard let p = province else { return }
        func isID(_ s: String) -> Bool {
            !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        }
        guard datasets[p.dataset] != nil else {
            throw fail(
                "province: unknown dataset '\(p.dataset)'; the datasets are: "
                    + datasets.keys.sorted().joined(separator: ", "))
        }
        guard calendars[p.calendar] != nil else {
            throw fail(
                "province: unknown calendar '\(p.calendar)'; the calendars are: "
                    + calendars.keys.sorted().joined(separator: ", "))
        }
        guard !p.seasons.isEmpty else { throw fail("province: 'seasons' must name at least one season") }
        guard Set(p.seasons).count == p.seasons.count else { throw fail("province: a season is named twice") }
        for id in [p.id] + p.seasons + (p.merged ?? []).map(\.id) where !isID(id) {
            throw fail("province: '\(id)' is not an id (lower-case letters, digits and '-', as in the series ids)")
        }
        for (i, m) in (p.merged ?? []).enumerated() {
            guard Province.day(m.since) != nil else {
                throw fail("province.merged[\(i)] (\(m.id)): 'since' must be a day YYYY-MM-DD, got '\(m.since)'")
            }
            guard m.id != p.id else { throw fail("province.merged[\(i)]: the province cannot merge with itself") }
        }
        guard let h = p.hierarchy else { return }
        let places = h.provinces + [h.region.id, h.country.id]
        guard !h.seasons.isEmpty, Set(h.seasons).count == h.seasons.count else {
            throw fail("province.hierarchy: 'seasons' must name at least one season, each once")
        }
        for id in h.seasons + places where !isID(id) {
            throw fail("province.hierarchy: '\(id)' is not an id (lower-case letters, digits and '-')")
        }
        guard h.provinces.count >= 2 else { throw fail("province.hierarchy: 'provinces' must name at least two") }
        guard Set(places).count == places.count else { throw fail("province.hierarchy: a place is named twice") }
        for own in [p.id] + (p.merged ?? []).map(\.id) where !h.provinces.contains(own) {
            throw fail("province.hierarchy: 'provinces' must include '\(own)', a province of the section")
        }
        if let m = h.method, !Hierarchy.methods.contains(m) {
            throw fail(
                "province.hierarchy: unknown method '\(m)'; the methods are: \(Hierarchy.methods.joined(separator: ", "))")
        }
        if let m = h.production, !["area-times-yield", "model"].contains(m) {
            throw fail("province.hierarchy: production must be area-times-yield or model, not '\(m)'")
        }
        if let c = h.climate, datasets[c.dataset] == nil {
            throw fail("province.hierarchy.climate: unknown dataset '\(c.dataset)'")
        }
        if let c = h.calendar, calendars[c] == nil {
            throw fail("province.hierarchy: unknown calendar '\(c)'")
        }
        if let m = h.model, !ForecasterRegistry.names.contains(m) {
            throw fail(
                "province.hierarchy: unknown model '\(m)'; the models are: "
                    + ForecasterRegistry.names.joined(separator: ", "))
        }
    }

    /// The entry `exportLink` names (nil: no link).
    public var exportLinkEntry: Entry? { exportLink.flatMap { link in forecasts.first { $0.id == link } } }
}

extension Bilingual: Decodable {
    enum CodingKeys: String, CodingKey { case vi, en }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(vi: try c.decode(String.self, forKey: .vi), en: try c.decode(String.self, forKey: .en))
    }
}

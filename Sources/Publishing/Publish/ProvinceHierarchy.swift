import AgriData
import Agronomy
import Documents
import Forecasting
import Foundation
import Rendering
import TimeSeriesCore

/// The province section's reconciled forecast (`PublishConfiguration.Hierarchy`): the area and
/// production of every province of the region by season, of the rest of the country, of today's
/// province (the province and the provinces merged into it), of the region and of the country,
/// forecast one series at a time and reconciled once, so that they add up both ways:
///
///     region(s) = Σ provinces(s),   country(s) = region(s) + rest(s),   place(year) = Σ_s place(s)
///
/// for every season s of `parts` (Đông Xuân, Hè Thu + Thu Đông, Mùa) and every place. The bottom
/// series are the (place, season) pairs reported in every year of the common span; rest(s) =
/// country(s) − region(s) as published (the country is not the sum of the region's provinces); a
/// season a province's year includes but GSO's season tables leave out (Kiên Giang's Hè Thu + Thu
/// Đông) is derived as the year minus its other seasons, and said so. The aggregates keep their
/// published histories. The hierarchy runs over the years every series reports (Hậu Giang from
/// 2004). The forecasts reach the issue year (`DataAge`: the years between are estimates; more
/// than `DataAge.maximumGap` years: withheld). Production's base forecast is area × yield (the
/// crop-yield model), or production's own model. Yield is reconciled production over reconciled
/// area (× 10: thousand tonnes over thousand ha is t/ha, and 1 t/ha = 10 tạ/ha). A published total
/// that is not the sum of its parts (beyond 0.5 %) is reported, never hidden.
enum ProvinceHierarchy {
    static let rest = "rest-of-country"
    static let today = "today"
    static let year = "ca-nam"
    static let tolerance = 0.005

    /// A series of the hierarchy: a place (a province, `rest`, `today`, the region or the
    /// country) in a season (one of the parts, or `ca-nam`).
    struct Node: Hashable {
        var place, season: String
        var id: String { "\(place)|\(season)" }
    }

    /// The GSO figures the hierarchy reads: indicator → season → place → year → value.
    struct Figures {
        var values: [String: [String: [String: [Int: Double]]]] = [:]
        var provinces: [String]
        var region, country: String
        var todayParts: [String]
        /// (province, season) pairs derived as the year minus the other seasons.
        var derived: Set<Node> = []
        var parts: [String]

        func published(_ indicator: String, _ place: String, _ season: String, _ y: Int) -> Double {
            values[indicator]?[season]?[place]?[y] ?? .nan
        }

        /// The value of `node` in year `y`: published, or derived (the rest of the country,
        /// today's province, a season left out of the season tables).
        func value(_ indicator: String, _ node: Node, _ y: Int) -> Double {
            switch node.place {
            case rest:
                return published(indicator, country, node.season, y) - published(indicator, region, node.season, y)
            case today:
                return todayParts.reduce(0) { $0 + value(indicator, Node(place: $1, season: node.season), y) }
            default:
                if derived.contains(node) {
                    let others = parts.filter { $0 != node.season }.reduce(0.0) { sum, s in
                        let v = published(indicator, node.place, s, y)
                        return sum + (v.isFinite ? v : 0)
                    }
                    return published(indicator, node.place, year, y) - others
                }
                return published(indicator, node.place, node.season, y)
            }
        }

        func history(_ indicator: String, _ node: Node, _ years: [Int]) -> [Double] {
            years.map { value(indicator, node, $0) }
        }
    }

    /// One table per season of `seasons` (none past the data-age limit), from one reconciliation.
    static func tables(
        _ configuration: PublishConfiguration, data: ConfiguredDatasets, calendar: CropCalendar?, issueDay: PeriodDate
    ) throws -> [Bulletin.ReconciledTable] {
        guard let p = configuration.province, let h = p.hierarchy else { return [] }
        func fail(_ m: String) -> PublishingError {
            PublishingError(.badConfiguration, "\(configuration.file): province.hierarchy: \(m)")
        }
        let parts = h.parts ?? ["dong-xuan", "he-thu-thu-dong", "mua"]
        for s in h.seasons where s != year && !parts.contains(s) {
            throw fail("season '\(s)' is neither 'ca-nam' nor one of the parts (\(parts.joined(separator: ", ")))")
        }
        for s in parts where calendar?.season(named: s) == nil {
            throw fail("no season '\(s)' in the province's calendar")
        }
        var figures = try read(configuration, data: data, parts: parts)
        figures.todayParts = [p.id] + (p.merged ?? []).map(\.id)

        // The common span: the longest run of consecutive years, ending at the latest year the
        // region and the country report, in which every province reports its year.
        let places = h.provinces + [h.region.id, h.country.id]
        let newest = figures.values["area"]?[year]?[h.region.id]?.keys.max()
        guard let last = newest else { throw fail("the region has no yearly area") }
        func complete(_ y: Int) -> Bool {
            places.allSatisfy { place in
                ["area", "production"].allSatisfy { figures.published($0, place, year, y).isFinite }
            }
        }
        var first = last
        while complete(first - 1) { first -= 1 }
        guard complete(last) else { throw fail("not every province reports its year \(last)") }

        // Bottom series: each province's seasons reported in every year of the span, or left out
        // of GSO's season tables entirely and derived from its year; the rest of the country.
        var bottom: [Node] = []
        var absent: [Node] = []
        for province in h.provinces {
            for s in parts {
                let node = Node(place: province, season: s)
                let reported = (first...last).allSatisfy { y in
                    ["area", "production"].allSatisfy { figures.published($0, province, s, y).isFinite }
                }
                let never = figures.values["area"]?[s]?[province] == nil
                if reported {
                    bottom.append(node)
                } else if never {
                    figures.derived.insert(node)
                    let share = figures.value("area", node, last) / figures.published("area", province, year, last)
                    if share > 0.01 { bottom.append(node) } else { figures.derived.remove(node) }
                } else {
                    absent.append(node)
                }
            }
        }
        bottom += parts.map { Node(place: rest, season: $0) }
        let years = Array(first...last)
        guard years.count >= 4 else { throw fail("the series share only \(years.count) consecutive years") }
        guard case .day(let issueYear, _, _) = issueDay else { throw fail("no issue day") }
        let horizon = max(1, issueYear - last)
        guard horizon <= DataAge.maximumGap else { return [] }

        // Aggregates: every place's year, the region's and the country's seasons and year, today's
        // province's seasons and year.
        var aggregates: [(Node, [Node])] = []
        let todayMembers = bottom.filter { figures.todayParts.contains($0.place) }
        for s in parts + [year] {
            func members(_ keep: (Node) -> Bool) -> [Node] { bottom.filter { keep($0) && (s == year || $0.season == s) } }
            if figures.todayParts.count > 1, !members({ todayMembers.contains($0) }).isEmpty {
                aggregates.append((Node(place: today, season: s), members { todayMembers.contains($0) }))
            }
            aggregates.append((Node(place: h.region.id, season: s), members { $0.place != rest }))
            aggregates.append((Node(place: h.country.id, season: s), members { _ in true }))
        }
        for place in h.provinces + [rest] {
            let m = bottom.filter { $0.place == place }
            if !m.isEmpty { aggregates.append((Node(place: place, season: year), m)) }
        }
        let tree = try Hierarchy(
            bottom: bottom.map(\.id), aggregates: aggregates.map { .init(name: $0.0.id, members: $0.1.map(\.id)) })
        let nodes = aggregates.map(\.0) + bottom
        let reconciled = try forecast(
            figures, nodes: nodes, tree: tree, years: years, horizon: horizon, configuration: configuration,
            data: data, calendar: calendar)

        // The published totals that are not the sum of their parts.
        var gaps: [Gap] = []
        for (node, members) in aggregates where node.place != rest && node.place != today {
            for indicator in ["area", "production"] {
                for y in years {
                    let total = figures.value(indicator, node, y)
                    let sum = members.reduce(0) { $0 + figures.value(indicator, $1, y) }
                    if total != 0, abs((total - sum) / total) > tolerance {
                        gaps.append(Gap(node: node, indicator: indicator, year: y, difference: total - sum))
                    }
                }
            }
        }
        let context = Context(
            configuration: configuration, hierarchy: h, figures: figures, calendar: calendar, years: years,
            horizon: horizon, gaps: gaps, absent: absent)
        var tables = h.seasons.map { s in context.table(season: s, nodes: nodes, reconciled: reconciled) }
        if !tables.isEmpty { tables[0].csv = context.csv(nodes: nodes, reconciled: reconciled) }
        return tables
    }

    /// The GSO figures of every province, the region and the country, for the parts and the year.
    static func read(_ configuration: PublishConfiguration, data: ConfiguredDatasets, parts: [String]) throws
        -> Figures
    {
        guard let p = configuration.province, let h = p.hierarchy else {
            throw PublishingError(.badConfiguration, "\(configuration.file): no province.hierarchy")
        }
        var figures = Figures(
            provinces: h.provinces, region: h.region.id, country: h.country.id, todayParts: [p.id], parts: parts)
        let table = data.datasets[p.dataset]?.table
        for indicator in ["area", "production"] {
            for season in parts + [year] {
                for place in h.provinces + [h.region.id, h.country.id] {
                    let id = "gso-paddy-\(indicator)-\(season)-\(place)"
                    guard table?.series(named: id) != nil else { continue }
                    let s = try data.series(p.dataset, id, at: "province.hierarchy")
                    let expected = ProvinceFigures.units[indicator] ?? ""
                    if let unit = s.unit, TextKey.nfc(unit) != TextKey.nfc(expected) {
                        throw DataError(
                            .incompatibleUnit, file: data.datasets[p.dataset]?.file ?? p.dataset,
                            "province.hierarchy: series '\(id)' is in '\(unit)', the hierarchy needs '\(expected)'")
                    }
                    for (i, v) in s.values.enumerated() where v.isFinite {
                        guard case .year(let y) = s.date(at: i) else { continue }
                        figures.values[indicator, default: [:]][season, default: [:]][place, default: [:]][y] = v
                    }
                }
            }
        }
        return figures
    }

    /// The reconciled area and production of every node at the last step, with their bounds.
    struct Reconciled {
        var area, production: [Double]
        var areaBounds, productionBounds: [LevelBounds]
        var horizon: Int
    }

    /// Base forecasts of every node (area by `model`; production as area × the crop-yield model's
    /// yield, or by `model`), reconciled by `method`.
    static func forecast(
        _ figures: Figures, nodes: [Node], tree: Hierarchy, years: [Int], horizon: Int,
        configuration: PublishConfiguration, data: ConfiguredDatasets, calendar: CropCalendar?
    ) throws -> Reconciled {
        guard let h = configuration.province?.hierarchy else {
            throw PublishingError(.badConfiguration, "\(configuration.file): no province.hierarchy")
        }
        let forecaster = try ForecasterRegistry.forecaster(named: h.model ?? "auto")
        let levels = configuration.levels.sorted()
        func base(_ node: Node, _ y: [Double]) throws -> Forecast {
            do {
                return try forecaster.forecast(y, period: 1, horizon: horizon, levels: levels)
            } catch var e as ForecastingError {
                e.message = "province.hierarchy: the forecast of '\(node.id)' failed: " + e.message
                throw e
            }
        }
        let areaBase = try nodes.map { try base($0, figures.history("area", $0, years)) }
        var productionBase = try nodes.map { try base($0, figures.history("production", $0, years)) }
        if usesAreaTimesYield(h, horizon: horizon) {
            // Production = area × yield (tạ/ha ÷ 10 → t/ha, so nghìn ha × t/ha = nghìn tấn); the
            // univariate model's in-sample errors stay the residuals that estimate W.
            let climate = try h.climate.map { try data.series($0.dataset, $0.series, at: "province.hierarchy.climate") }
            for (i, node) in nodes.enumerated() {
                var yieldForecast = try CropYield.forecast(
                    node, figures: figures, last: years[years.count - 1], horizon: horizon, levels: levels,
                    climate: climate, calendar: calendar)
                yieldForecast.mean = yieldForecast.mean.map { $0 / 10 }
                yieldForecast.intervals = yieldForecast.intervals.map {
                    PredictionInterval(level: $0.level, lower: $0.lower.map { $0 / 10 }, upper: $0.upper.map { $0 / 10 })
                }
                var combined = try ProductionForecast.combine(
                    area: areaBase[i], yield: yieldForecast, levels: levels, seed: configuration.seed)
                combined.fitted = productionBase[i].fitted
                productionBase[i] = combined
            }
        }
        let method = ReconciliationMethod(named: h.method ?? "mint-shrink") ?? .minTraceShrink()
        func reconcile(_ indicator: String, _ base: [Forecast]) throws -> ReconciledForecast {
            try HierarchyForecast(
                hierarchy: tree, values: nodes.map { figures.history(indicator, $0, years) }, base: base,
                method: method, levels: levels
            ).reconciled
        }
        let a = try reconcile("area", areaBase)
        let q = try reconcile("production", productionBase)
        return Reconciled(
            area: a.mean.map { $0[horizon - 1] }, production: q.mean.map { $0[horizon - 1] }, areaBounds: a.bounds,
            productionBounds: q.bounds, horizon: horizon)
    }

    /// A published total that is not the sum of its parts in one year.
    struct Gap {
        var node: Node
        var indicator: String
        var year: Int
        var difference: Double
    }

    /// What the tables are made from.
    struct Context {
        var configuration: PublishConfiguration
        var hierarchy: PublishConfiguration.Hierarchy
        var figures: Figures
        var calendar: CropCalendar?
        var years: [Int]
        var horizon: Int
        var gaps: [Gap]
        var absent: [Node]

        func label(_ season: String, _ y: Int) -> Bilingual {
            guard season != year, let c = calendar?.season(named: season) else {
                return Bilingual(vi: "Cả năm \(y)", en: "Whole year \(y)")
            }
            return Bilingual(vi: c.label(harvestYear: y), en: c.label(harvestYear: y, english: true))
        }

        func seasonName(_ season: String) -> Bilingual {
            guard season != year, let c = calendar?.season(named: season) else {
                return Bilingual(vi: "cả năm", en: "whole year")
            }
            return Bilingual(vi: c.nameVi, en: c.nameEn)
        }

        func placeName(_ place: String) -> Bilingual {
            let p = configuration.province
            switch place {
            case rest: return Bilingual(vi: "Các vùng còn lại của cả nước", en: "Rest of the country")
            case today:
                guard let p else { return Bilingual(vi: place, en: place) }
                let merged = p.merged ?? []
                return Bilingual(
                    vi: "\(p.name.vi) (gồm \(merged.map { "\($0.name.vi) cũ" }.joined(separator: ", ")))",
                    en: "\(p.name.en) (including former \(merged.map(\.name.en).joined(separator: ", ")))")
            case hierarchy.region.id: return hierarchy.region.name
            case hierarchy.country.id: return hierarchy.country.name
            default: return hierarchy.names?[place] ?? Bilingual(vi: place, en: place)
            }
        }

        /// The table of `season`: today's province, the region, the rest of the country, the
        /// country; forecast, range, the same season's newest figure and 5-year mean.
        func table(season: String, nodes: [Node], reconciled r: Reconciled) -> Bulletin.ReconciledTable {
            let levels = configuration.levels.sorted()
            let headline = levels.contains(80) ? 80 : (levels.first ?? 80)
            let last = years[years.count - 1]
            let target = last + horizon
            let own = figures.todayParts.count > 1 ? today : figures.todayParts[0]
            func range(_ bounds: [LevelBounds], _ i: Int) -> (Double, Double)? {
                guard let b = bounds.first(where: { $0.level == headline }) else { return nil }
                return (b.lower[i][horizon - 1], b.upper[i][horizon - 1])
            }
            func usual(_ v: [Double]) -> Double { v.suffix(5).reduce(0, +) / Double(min(5, v.count)) }
            var rows: [Bulletin.ReconciledTable.Row] = []
            for place in [own, hierarchy.region.id, rest, hierarchy.country.id] {
                let node = Node(place: place, season: season)
                guard let i = nodes.firstIndex(of: node) else { continue }
                let areas = figures.history("area", node, years)
                let productions = figures.history("production", node, years)
                let yields = zip(productions, areas).map { $0 / $1 * 10 }
                let name = placeName(place)
                let (a, q) = (ProvinceFigures.indicators[0], ProvinceFigures.indicators[2])
                let y = ProvinceFigures.indicators[1]
                rows.append(
                    .init(
                        place: name, indicator: a.name, unit: a.unit, forecast: r.area[i], range: range(r.areaBounds, i),
                        latest: areas.last ?? .nan, usual: usual(areas)))
                rows.append(
                    .init(
                        place: name, indicator: y.name, unit: y.unit, forecast: r.production[i] / r.area[i] * 10,
                        range: nil, latest: yields.last ?? .nan, usual: usual(yields)))
                rows.append(
                    .init(
                        place: name, indicator: q.name, unit: q.unit, forecast: r.production[i],
                        range: range(r.productionBounds, i), latest: productions.last ?? .nan, usual: usual(productions)))
            }
            let targetLabel = label(season, target)
            return Bulletin.ReconciledTable(
                title: Bilingual(
                    vi: "Dự báo \(season == year ? "" : "vụ ")\(targetLabel.vi): tỉnh, vùng và cả nước (đã cân đối)",
                    en: "Forecast for \(targetLabel.en): province, region and country (reconciled)"),
                note: note(season: season, level: headline),
                target: Bilingual(vi: "Dự báo \(targetLabel.vi)", en: "Forecast \(targetLabel.en)"), level: headline,
                latest: label(season, last),
                usual: Bilingual(
                    vi: "TB 5 năm \(years.suffix(5).first ?? last)–\(last)",
                    en: "5-year mean \(years.suffix(5).first ?? last)–\(last)"),
                rows: rows)
        }

        /// Every series of the hierarchy (each province, the rest of the country, today's province,
        /// the region and the country, by season and for the year) as tidy CSV: the reconciled
        /// area, yield and production of the target year with the bounds of every level, the
        /// newest official figure and the 5-year mean; `derived` marks a season derived from the
        /// year. Numbers with a decimal point, to 4 decimals.
        func csv(nodes: [Node], reconciled r: Reconciled) -> Data {
            let levels = configuration.levels.sorted()
            let last = years[years.count - 1]
            var header = ["place_id", "place", "season", "indicator", "unit", "year", "forecast"]
            for l in levels { header += ["lower_\(l)", "upper_\(l)"] }
            header += ["latest_year", "latest", "mean_5_years", "derived"]
            func n(_ v: Double) -> String { v.isFinite ? String(format: "%.4f", v) : "" }
            var lines = [header.joined(separator: ",")]
            func usual(_ v: [Double]) -> Double { v.suffix(5).reduce(0, +) / Double(min(5, v.count)) }
            for (i, node) in nodes.enumerated() {
                let areas = figures.history("area", node, years)
                let productions = figures.history("production", node, years)
                let yields = zip(productions, areas).map { $0 / $1 * 10 }
                let rows: [(String, String, Double, [LevelBounds]?, [Double])] = [
                    ("area", "nghìn ha", r.area[i], r.areaBounds, areas),
                    ("yield", "tạ/ha", r.production[i] / r.area[i] * 10, nil, yields),
                    ("production", "nghìn tấn", r.production[i], r.productionBounds, productions),
                ]
                for (indicator, unit, value, bounds, history) in rows {
                    var cells = [
                        node.place, CSVField.quoted(placeName(node.place).vi), node.season, indicator, unit,
                        "\(last + horizon)", n(value),
                    ]
                    for l in levels {
                        let b = bounds?.first { $0.level == l }
                        cells += [n(b?.lower[i][horizon - 1] ?? .nan), n(b?.upper[i][horizon - 1] ?? .nan)]
                    }
                    cells += [
                        "\(last)", n(history.last ?? .nan), n(usual(history)),
                        figures.derived.contains(node) ? "true" : "false",
                    ]
                    lines.append(cells.joined(separator: ","))
                }
            }
            return Data((lines.joined(separator: "\n") + "\n").utf8)
        }

        /// What the table is, in plain words: each series forecast on its own, then adjusted so
        /// that the parts add up; the estimates; derived seasons; the gaps of the history.
        func note(season: String, level: Int) -> Bilingual {
            let last = years[years.count - 1]
            let span = "\(years.first ?? 0)–\(last)"
            var vi =
                "Mỗi tỉnh, phần còn lại của cả nước, vùng và cả nước, theo từng vụ và cả năm, được dự báo riêng từ số "
                + "liệu chính thức \(span), rồi điều chỉnh cho khớp nhau: tổng các tỉnh bằng cả vùng, vùng cộng phần còn "
                + "lại bằng cả nước, các vụ cộng lại bằng cả năm. "
            var en =
                "Each province, the rest of the country, the region and the country, season by season and for the "
                + "year, are forecast separately from the official figures of \(span), then adjusted to agree: the "
                + "provinces add up to the region, the region and the rest to the country, the seasons to the year "
                + "(\(hierarchy.method ?? "mint-shrink") reconciliation; docs/models/reconciliation.md). "
            if usesAreaTimesYield(hierarchy, horizon: horizon) {
                vi += "Sản lượng dự báo = diện tích × năng suất dự báo (năng suất theo xu hướng các năm gần đây, có "
                    + "tính ảnh hưởng El Niño trong vụ). "
                en += "Production's forecast = area × yield (the yield by the crop-yield model: recent trend, El Niño "
                    + "over the season's window; chosen by rolling origin). "
            } else if hierarchy.production ?? "area-times-yield" == "area-times-yield" {
                vi += "Dự báo xa hơn \(CropYield.maximumHorizon) năm nên sản lượng được dự báo trực tiếp từ chuỗi sản "
                    + "lượng, không nhân diện tích với năng suất theo xu hướng (xu hướng kéo dài nhiều năm dễ vượt xa "
                    + "thực tế). "
                en += "More than \(CropYield.maximumHorizon) years ahead, production is forecast from its own series, "
                    + "not as area × the yield trend (a trend carried that far overshoots). "
            }
            vi += "Năng suất trong bảng = sản lượng / diện tích. Khoảng dự báo: \(level / 10) trên 10 khả năng số "
                + "thực tế nằm trong khoảng đó."
            en += "The table's yield = production / area. The range: \(level)% chance of holding the outcome."
            if horizon > 1 {
                vi += " Số liệu mới nhất là năm \(last), cách năm dự báo \(horizon) năm: càng xa càng kém chắc chắn."
                en += " The newest figures are of \(last), \(horizon) years before the forecast year: the further, "
                    + "the less certain."
            }
            let derived = figures.derived.filter { season == year || $0.season == season }.sorted { $0.id < $1.id }
            for d in derived {
                let (n, s) = (placeName(d.place), seasonName(d.season))
                vi += " \(n.vi), vụ \(s.vi): Tổng cục Thống kê không công bố riêng; suy ra bằng cả năm trừ các vụ khác."
                en += " \(n.en), \(s.en): not published apart by GSO; derived as the year minus the other seasons."
            }
            let left = absent.filter { season == year || $0.season == season }
            if !left.isEmpty {
                let list = left.map { (placeName($0.place), seasonName($0.season)) }
                vi += " Không tính riêng (không có số liệu đủ các năm \(span)): "
                    + list.map { "\($0.0.vi) vụ \($0.1.vi)" }.joined(separator: ", ") + "."
                en += " Not counted apart (not reported in every year of \(span)): "
                    + list.map { "\($0.0.en) \($0.1.en)" }.joined(separator: ", ") + "."
            }
            let mine = gaps.filter { $0.node.season == season || season == year }
            if mine.isEmpty {
                vi += " Trong \(span), các tổng do Tổng cục Thống kê công bố khớp với tổng các phần."
                en += " Over \(span), GSO's published totals equal the sums of their parts."
            } else {
                // One entry per published total: its years, and the largest difference.
                var byNode: [(Node, String, [Int], Double)] = []
                for g in mine {
                    if let k = byNode.firstIndex(where: { $0.0 == g.node && $0.1 == g.indicator }) {
                        byNode[k].2.append(g.year)
                        if abs(g.difference) > abs(byNode[k].3) { byNode[k].3 = g.difference }
                    } else {
                        byNode.append((g.node, g.indicator, [g.year], g.difference))
                    }
                }
                func years(_ ys: [Int]) -> String {
                    ys.count > 2 ? "\(ys[0])–\(ys[ys.count - 1]) (\(ys.count) năm)" : ys.map(String.init).joined(separator: ", ")
                }
                let indicator = { (id: String) in
                    id == "area" ? ProvinceFigures.indicators[0].name : ProvinceFigures.indicators[2].name
                }
                vi += " Lưu ý: các tổng công bố lệch với tổng các phần (giữ nguyên, không che đi): "
                    + byNode.map { n, ind, ys, d in
                        "\(indicator(ind).vi.lowercased()) \(placeName(n.place).vi) \(seasonName(n.season).vi) "
                            + "\(years(ys)), lệch nhiều nhất \(NumberText.format(d, decimals: 1, language: .vi))"
                    }.joined(separator: "; ") + "."
                en += " Note: published totals that differ from the sum of their parts (kept as published): "
                    + byNode.map { n, ind, ys, d in
                        "\(indicator(ind).en.lowercased()) \(placeName(n.place).en) \(seasonName(n.season).en) "
                            + "\(years(ys).replacingOccurrences(of: "năm", with: "years")), largest "
                            + NumberText.format(d, decimals: 1, language: .en)
                    }.joined(separator: "; ") + "."
            }
            return Bilingual(vi: vi, en: en)
        }
    }

    /// Whether production's base is area × yield: asked for (the default), and at most
    /// `CropYield.maximumHorizon` years ahead.
    static func usesAreaTimesYield(_ h: PublishConfiguration.Hierarchy, horizon: Int) -> Bool {
        h.production ?? "area-times-yield" == "area-times-yield" && horizon <= CropYield.maximumHorizon
    }

    /// The yield of a hierarchy series as the crop-yield model forecasts it.
    enum CropYield {
        /// The farthest the crop-yield model is carried. It is made for the coming season: a
        /// 15-year trend extended ten years assumes the yields kept rising at the old pace (on
        /// GSO's 2002–2016 paddy, +15–20 % by 2026 against +3 % from production's own model);
        /// further ahead, production's own model stands in, and the table says so.
        static let maximumHorizon = 3

        /// The crop-yield model (rolling-origin selection over the last 12 years, a 15-year window
        /// or the whole run where shorter) on the yields (production / area × 10, tạ/ha) of `node`
        /// over the longest run of consecutive years ending at `last`, with the ENSO `climate`
        /// averaged over the season's window when the season has one.
        static func forecast(
            _ node: Node, figures: Figures, last: Int, horizon: Int, levels: [Int], climate: TimeSeries?,
            calendar: CropCalendar?
        ) throws -> Forecast {
            func known(_ y: Int) -> Bool {
                figures.value("area", node, y).isFinite && figures.value("production", node, y).isFinite
                    && figures.value("area", node, y) > 0
            }
            var first = last
            while known(first - 1), first > last - 60 { first -= 1 }
            let span = Array(first...last)
            let yields = zip(figures.history("production", node, span), figures.history("area", node, span)).map {
                $0 / $1 * 10
            }
            var indicators: [CropYieldModel.Indicator] = []
            if let climate, let calendar, node.season != year, let season = calendar.season(named: node.season) {
                let target = TimeSeries(id: node.id, values: yields, frequency: .yearly, start: .year(first))
                let aligned = try CovariateAligner.align(
                    driver: climate, to: target, horizon: horizon, name: climate.id, calendar: calendar,
                    cropSeason: season.number)
                indicators.append(.init(name: aligned.name, past: aligned.values, future: aligned.future))
            }
            do {
                return try CropYieldModel.forecast(
                    yields: yields, firstYear: first, indicators: indicators, horizon: horizon, levels: levels,
                    options: .init(trendYears: min(15, yields.count), selection: .rollingOrigin(origins: 12))
                ).forecast
            } catch var e as ForecastingError {
                e.message = "province.hierarchy: the yield forecast of '\(node.id)' failed: " + e.message
                throw e
            }
        }
    }
}

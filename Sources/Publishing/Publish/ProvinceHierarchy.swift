import AgriData
import Documents
import Forecasting
import Foundation
import Rendering
import TimeSeriesCore

/// The province section's reconciled forecast (`PublishConfiguration.Hierarchy`): the area and
/// production of one season of every province of the region, the rest of the country, today's
/// province (the province and the provinces merged into it), the region and the country, forecast
/// one series at a time and reconciled so that they add up:
///
///     region = Σ provinces,   country = region + rest,   today's province = Σ its parts
///
/// with rest = country − region, GSO's country total minus its region total (the country is not
/// the sum of the region's provinces). The hierarchy runs over the years every series reports (the
/// common span; a province created later, such as Hậu Giang in 2004, starts it). The forecasts
/// reach the issue year (`DataAge`: the years between the newest figure and the issue year are
/// estimates; more than `DataAge.maximumGap` years: withheld). Yield is reconciled production over
/// reconciled area (× 10: thousand tonnes over thousand ha is t/ha, and 1 t/ha = 10 tạ/ha).
/// The history's own incoherence (a published region total that is not the sum of its
/// provinces) is reported, not hidden: the years beyond 0.5 % are listed.
enum ProvinceHierarchy {
    static let rest = "rest-of-country"
    static let tolerance = 0.005

    static func section(
        _ configuration: PublishConfiguration, data: ConfiguredDatasets, issueDay: PeriodDate
    ) throws -> Bulletin.ReconciledTable? {
        guard let p = configuration.province, let h = p.hierarchy else { return nil }
        func fail(_ m: String) -> PublishingError {
            PublishingError(.badConfiguration, "\(configuration.file): province.hierarchy: \(m)")
        }
        let places = h.provinces + [h.region.id, h.country.id]

        /// Year → value of every place's series of `indicator`, its unit checked.
        func yearly(_ indicator: String) throws -> [String: [Int: Double]] {
            var out: [String: [Int: Double]] = [:]
            for place in places {
                let id = "gso-paddy-\(indicator)-\(h.season)-\(place)"
                let s = try data.series(p.dataset, id, at: "province.hierarchy")
                let expected = ProvinceFigures.units[indicator] ?? ""
                if let unit = s.unit, TextKey.nfc(unit) != TextKey.nfc(expected) {
                    throw DataError(
                        .incompatibleUnit, file: data.datasets[p.dataset]?.file ?? p.dataset,
                        "province.hierarchy: series '\(id)' is in '\(unit)', the hierarchy needs '\(expected)'")
                }
                for (i, v) in s.values.enumerated() where v.isFinite {
                    if case .year(let y) = s.date(at: i) { out[place, default: [:]][y] = v }
                }
            }
            return out
        }
        let area = try yearly("area")
        let production = try yearly("production")
        // The common span: the longest run of consecutive years, ending at the latest year every
        // series reports, in which every series reports.
        let shared = places.reduce(Set(area[places[0]]?.keys ?? [:].keys)) { years, place in
            years.intersection(area[place]?.keys ?? [:].keys).intersection(production[place]?.keys ?? [:].keys)
        }
        guard let last = shared.max() else { throw fail("the series share no year") }
        var first = last
        while shared.contains(first - 1) { first -= 1 }
        let years = Array(first...last)
        guard years.count >= 4 else { throw fail("the series share only \(years.count) consecutive years") }
        guard case .day(let issueYear, _, _) = issueDay else { throw fail("no issue day") }
        let horizon = max(1, issueYear - last)
        guard horizon <= DataAge.maximumGap else { return nil }
        let target = last + horizon

        // Names: aggregates first (today's province when it merged others, region, country), then
        // the bottom series (the provinces, the rest of the country).
        let merged = (p.merged ?? []).map(\.id)
        let todayID = "\(p.id)-today"
        var aggregates: [Hierarchy.Aggregate] = []
        if !merged.isEmpty { aggregates.append(.init(name: todayID, members: [p.id] + merged)) }
        aggregates.append(.init(name: h.region.id, members: h.provinces))
        aggregates.append(.init(name: h.country.id, members: h.provinces + [rest]))
        let tree = try Hierarchy(bottom: h.provinces + [rest], aggregates: aggregates)
        let method = Self.method(h.method ?? "mint-shrink")
        let forecaster = try ForecasterRegistry.forecaster(named: h.model ?? "auto")
        let levels = configuration.levels.sorted()

        /// The history of series `name` over the common span.
        func history(_ table: [String: [Int: Double]], _ name: String) -> [Double] {
            years.map { y in
                switch name {
                case rest: (table[h.country.id]?[y] ?? .nan) - (table[h.region.id]?[y] ?? .nan)
                case todayID: ([p.id] + merged).reduce(0) { $0 + (table[$1]?[y] ?? .nan) }
                default: table[name]?[y] ?? .nan
                }
            }
        }
        func reconciled(_ table: [String: [Int: Double]]) throws -> (mean: [Double], bounds: [LevelBounds]) {
            let values = tree.names.map { history(table, $0) }
            let base = try zip(tree.names, values).map { name, y in
                do {
                    return try forecaster.forecast(y, period: 1, horizon: horizon, levels: levels)
                } catch var e as ForecastingError {
                    e.message = "province.hierarchy: the forecast of '\(name)' failed: " + e.message
                    throw e
                }
            }
            let r = try HierarchyForecast(hierarchy: tree, values: values, base: base, method: method, levels: levels)
                .reconciled
            return (r.mean.map { $0[horizon - 1] }, r.bounds)
        }
        let a = try reconciled(area)
        let q = try reconciled(production)

        // The rows: today's province, the region, the rest of the country, the country.
        let todayName =
            merged.isEmpty
            ? p.name
            : Bilingual(
                vi: "\(p.name.vi) (gồm \((p.merged ?? []).map { "\($0.name.vi) cũ" }.joined(separator: ", ")))",
                en: "\(p.name.en) (including former \((p.merged ?? []).map(\.name.en).joined(separator: ", ")))")
        let rows: [(String, Bilingual)] = [
            (merged.isEmpty ? p.id : todayID, todayName), (h.region.id, h.region.name),
            (rest, Bilingual(vi: "Các vùng còn lại của cả nước", en: "Rest of the country")),
            (h.country.id, h.country.name),
        ]
        let headline = levels.contains(80) ? 80 : (levels.first ?? 80)
        func range(_ r: (mean: [Double], bounds: [LevelBounds]), _ i: Int) -> (Double, Double)? {
            guard let b = r.bounds.first(where: { $0.level == headline }) else { return nil }
            return (b.lower[i][horizon - 1], b.upper[i][horizon - 1])
        }
        var out: [Bulletin.ReconciledTable.Row] = []
        for (name, place) in rows {
            guard let i = tree.names.firstIndex(of: name) else { continue }
            let latestArea = history(area, name).last ?? .nan
            let latestProduction = history(production, name).last ?? .nan
            out.append(
                .init(
                    place: place, indicator: ProvinceFigures.indicators[0].name,
                    unit: ProvinceFigures.indicators[0].unit, forecast: a.mean[i], range: range(a, i),
                    latest: latestArea))
            out.append(
                .init(
                    place: place, indicator: ProvinceFigures.indicators[1].name,
                    unit: ProvinceFigures.indicators[1].unit, forecast: q.mean[i] / a.mean[i] * 10, range: nil,
                    latest: latestProduction / latestArea * 10))
            out.append(
                .init(
                    place: place, indicator: ProvinceFigures.indicators[2].name,
                    unit: ProvinceFigures.indicators[2].unit, forecast: q.mean[i], range: range(q, i),
                    latest: latestProduction))
        }

        // The published region totals that are not the sum of their provinces.
        var gaps: [(year: Int, indicator: Bilingual, difference: Double, relative: Double)] = []
        for (indicator, table) in [(ProvinceFigures.indicators[0], area), (ProvinceFigures.indicators[2], production)] {
            for y in years {
                guard let total = table[h.region.id]?[y], total != 0 else { continue }
                let sum = h.provinces.reduce(0) { $0 + (table[$1]?[y] ?? .nan) }
                let d = total - sum
                if abs(d / total) > tolerance { gaps.append((y, indicator.name, d, d / total)) }
            }
        }
        return Bulletin.ReconciledTable(
            title: h.season == "ca-nam"
                ? Bilingual(
                    vi: "Dự báo cả năm \(target): tỉnh, vùng và cả nước (đã cân đối)",
                    en: "Forecast for the whole year \(target): province, region and country (reconciled)")
                : Bilingual(
                    vi: "Dự báo vụ \(h.season) \(target): tỉnh, vùng và cả nước (đã cân đối)",
                    en: "Forecast for the \(h.season) crop \(target): province, region and country (reconciled)"),
            note: note(
                h, years: years, target: target, horizon: horizon, level: headline, gaps: gaps, method: h.method),
            target: Bilingual(vi: "Dự báo \(target)", en: "Forecast \(target)"),
            level: headline,
            latest: Bilingual(vi: "Thực tế \(last)", en: "Observed \(last)"), rows: out)
    }

    static func method(_ name: String) -> ReconciliationMethod {
        switch name {
        case "bottom-up": .bottomUp
        case "ols": .ols
        case "wls-structural": .wlsStructural
        case "wls-variance": .wlsVariance
        default: .minTraceShrink()
        }
    }

    /// What the table is, in plain words: each series forecast on its own from the years shown,
    /// then adjusted so that the parts add up to the totals; the estimates; the gaps of the history.
    static func note(
        _ h: PublishConfiguration.Hierarchy, years: [Int], target: Int, horizon: Int, level: Int,
        gaps: [(year: Int, indicator: Bilingual, difference: Double, relative: Double)], method: String?
    ) -> Bilingual {
        let span = "\(years.first ?? 0)–\(years.last ?? 0)"
        var vi =
            "Mỗi tỉnh, phần còn lại của cả nước, vùng và cả nước được dự báo riêng từ số liệu chính thức \(span), "
            + "rồi điều chỉnh cho khớp nhau: tổng các tỉnh bằng cả vùng, vùng cộng phần còn lại bằng cả nước. "
            + "Năng suất = sản lượng / diện tích. Khoảng dự báo: \(level / 10) trên 10 khả năng số thực tế nằm "
            + "trong khoảng đó."
        var en =
            "Each province, the rest of the country, the region and the country are forecast separately from the "
            + "official figures of \(span), then adjusted to agree: the provinces add up to the region, the region "
            + "and the rest to the country (\(method ?? "mint-shrink") reconciliation; docs/models/reconciliation.md). "
            + "Yield = production / area. The range: \(level)% chance of holding the outcome."
        if horizon > 1 {
            vi += " Số liệu mới nhất là năm \(years.last ?? 0), cách năm dự báo \(horizon) năm: càng xa càng kém chắc chắn."
            en += " The newest figures are of \(years.last ?? 0), \(horizon) years before the forecast year: the "
                + "further, the less certain."
        }
        if gaps.isEmpty {
            vi += " Trong \(span), tổng vùng do Tổng cục Thống kê công bố khớp với tổng các tỉnh."
            en += " Over \(span), GSO's published region totals equal the sums of the provinces."
        } else {
            let listVi = gaps.map {
                "\($0.indicator.vi.lowercased()) \($0.year): "
                    + NumberText.format($0.difference, decimals: 1, language: .vi)
            }
            let listEn = gaps.map {
                "\($0.indicator.en.lowercased()) \($0.year): " + NumberText.format($0.difference, decimals: 1, language: .en)
            }
            vi += " Lưu ý: tổng vùng công bố lệch với tổng các tỉnh (\(listVi.joined(separator: "; "))); "
                + "phần lệch được giữ nguyên, không che đi."
            en += " Note: the published region total differs from the sum of its provinces ("
                + listEn.joined(separator: "; ") + "); the differences are kept as published."
        }
        return Bilingual(vi: vi, en: en)
    }
}

import AgriData
import Agronomy
import Documents
import Forecasting
import Foundation
import Rendering
import TimeSeriesCore

/// The province section's reconciled forecast (`PublishConfiguration.Hierarchy`): the area and
/// production of each season of every province of the region, the rest of the country, today's
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

    /// One table per season of the hierarchy (none past the data-age limit).
    static func tables(
        _ configuration: PublishConfiguration, data: ConfiguredDatasets, calendar: CropCalendar?, issueDay: PeriodDate
    ) throws -> [Bulletin.ReconciledTable] {
        guard let h = configuration.province?.hierarchy else { return [] }
        return try h.seasons.compactMap { season in
            try table(configuration, season: season, data: data, calendar: calendar, issueDay: issueDay)
        }
    }

    /// The reconciled table of `season`, labelled by `calendar`'s crop years.
    static func table(
        _ configuration: PublishConfiguration, season: String, data: ConfiguredDatasets, calendar: CropCalendar?,
        issueDay: PeriodDate
    ) throws -> Bulletin.ReconciledTable? {
        guard let p = configuration.province, let h = p.hierarchy else { return nil }
        func fail(_ m: String) -> PublishingError {
            PublishingError(.badConfiguration, "\(configuration.file): province.hierarchy: \(m)")
        }
        let cropSeason = season == "ca-nam" ? nil : calendar?.season(named: season)
        guard season == "ca-nam" || cropSeason != nil else {
            throw fail("no season '\(season)' in the province's calendar")
        }
        func label(_ y: Int) -> Bilingual {
            guard let c = cropSeason else { return Bilingual(vi: "Cả năm \(y)", en: "Whole year \(y)") }
            return Bilingual(vi: c.label(harvestYear: y), en: c.label(harvestYear: y, english: true))
        }
        // A province that does not report this season in the region's newest year (Kiên Giang: no
        // Hè Thu + Thu Đông; Cà Mau: no Đông Xuân after 2006) is left out.
        let table = data.datasets[p.dataset]?.table
        func reported(_ id: String) -> Set<Int> {
            guard let s = table?.series(named: id) else { return [] }
            return Set(s.values.indices.compactMap { i -> Int? in
                guard s.values[i].isFinite, case .year(let y) = s.date(at: i) else { return nil }
                return y
            })
        }
        let newest = reported("gso-paddy-area-\(season)-\(h.region.id)").max()
        let provinces = h.provinces.filter { province in
            guard let newest else { return false }
            return ["area", "production"].allSatisfy { reported("gso-paddy-\($0)-\(season)-\(province)").contains(newest) }
        }
        let absent = h.provinces.filter { !provinces.contains($0) }
        let merged = (p.merged ?? []).map(\.id).filter(provinces.contains)
        guard provinces.contains(p.id), provinces.count >= 2 else {
            throw fail("season '\(season)': the province or its neighbours have no area and production series")
        }
        let places = provinces + [h.region.id, h.country.id]

        /// Year → value of every place's series of `indicator`, its unit checked.
        func yearly(_ indicator: String) throws -> [String: [Int: Double]] {
            var out: [String: [Int: Double]] = [:]
            for place in places {
                let id = "gso-paddy-\(indicator)-\(season)-\(place)"
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
        let todayID = "\(p.id)-today"
        var aggregates: [Hierarchy.Aggregate] = []
        if !merged.isEmpty { aggregates.append(.init(name: todayID, members: [p.id] + merged)) }
        aggregates.append(.init(name: h.region.id, members: provinces))
        aggregates.append(.init(name: h.country.id, members: provinces + [rest]))
        let tree = try Hierarchy(bottom: provinces + [rest], aggregates: aggregates)
        let method = Self.method(h.method ?? "mint-shrink")
        let forecaster = try ForecasterRegistry.forecaster(named: h.model ?? "auto")
        let levels = configuration.levels.sorted()

        /// The values of series `name` in `years` (the common span by default).
        func history(_ table: [String: [Int: Double]], _ name: String, in span: [Int]? = nil) -> [Double] {
            (span ?? years).map { y in
                switch name {
                case rest: (table[h.country.id]?[y] ?? .nan) - (table[h.region.id]?[y] ?? .nan)
                case todayID: ([p.id] + merged).reduce(0) { $0 + (table[$1]?[y] ?? .nan) }
                default: table[name]?[y] ?? .nan
                }
            }
        }
        func base(_ name: String, _ y: [Double]) throws -> Forecast {
            do {
                return try forecaster.forecast(y, period: 1, horizon: horizon, levels: levels)
            } catch var e as ForecastingError {
                e.message = "province.hierarchy: the forecast of '\(name)' failed: " + e.message
                throw e
            }
        }
        func reconciled(_ table: [String: [Int: Double]], base: [Forecast]) throws
            -> (mean: [Double], bounds: [LevelBounds])
        {
            let values = tree.names.map { history(table, $0) }
            let r = try HierarchyForecast(hierarchy: tree, values: values, base: base, method: method, levels: levels)
                .reconciled
            return (r.mean.map { $0[horizon - 1] }, r.bounds)
        }
        let areaBase = try tree.names.map { try base($0, history(area, $0)) }
        var productionBase = try tree.names.map { try base($0, history(production, $0)) }
        if h.production ?? "area-times-yield" == "area-times-yield" {
            // Production = area × yield (tạ/ha ÷ 10 → t/ha, so nghìn ha × t/ha = nghìn tấn), the
            // yield by the crop-yield model on the series' whole history; the univariate model's
            // in-sample errors stay the residuals that estimate W.
            let climate = try h.climate.map { try data.series($0.dataset, $0.series, at: "province.hierarchy.climate") }
            for (i, name) in tree.names.enumerated() {
                var yieldForecast = try CropYield.forecast(
                    name: name, area: area, production: production, history: history, last: last, horizon: horizon,
                    levels: levels, climate: climate, calendar: calendar, cropSeason: cropSeason?.number)
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
        let a = try reconciled(area, base: areaBase)
        let q = try reconciled(production, base: productionBase)

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
        /// The mean of the last five years of the span (the same season's usual level).
        func usual(_ v: [Double]) -> Double { v.suffix(5).reduce(0, +) / Double(min(5, v.count)) }
        for (name, place) in rows {
            guard let i = tree.names.firstIndex(of: name) else { continue }
            let (areas, productions) = (history(area, name), history(production, name))
            let yields = zip(productions, areas).map { $0 / $1 * 10 }
            out.append(
                .init(
                    place: place, indicator: ProvinceFigures.indicators[0].name,
                    unit: ProvinceFigures.indicators[0].unit, forecast: a.mean[i], range: range(a, i),
                    latest: areas.last ?? .nan, usual: usual(areas)))
            out.append(
                .init(
                    place: place, indicator: ProvinceFigures.indicators[1].name,
                    unit: ProvinceFigures.indicators[1].unit, forecast: q.mean[i] / a.mean[i] * 10, range: nil,
                    latest: yields.last ?? .nan, usual: usual(yields)))
            out.append(
                .init(
                    place: place, indicator: ProvinceFigures.indicators[2].name,
                    unit: ProvinceFigures.indicators[2].unit, forecast: q.mean[i], range: range(q, i),
                    latest: productions.last ?? .nan, usual: usual(productions)))
        }

        // The published region totals that are not the sum of their provinces.
        var gaps: [(year: Int, indicator: Bilingual, difference: Double, relative: Double)] = []
        for (indicator, table) in [(ProvinceFigures.indicators[0], area), (ProvinceFigures.indicators[2], production)] {
            for y in years {
                guard let total = table[h.region.id]?[y], total != 0 else { continue }
                let sum = provinces.reduce(0) { $0 + (table[$1]?[y] ?? .nan) }
                let d = total - sum
                if abs(d / total) > tolerance { gaps.append((y, indicator.name, d, d / total)) }
            }
        }
        let targetLabel = label(target)
        let latestLabel = label(last)
        return Bulletin.ReconciledTable(
            title: Bilingual(
                vi: "Dự báo \(cropSeason == nil ? "" : "vụ ")\(targetLabel.vi): tỉnh, vùng và cả nước (đã cân đối)",
                en: "Forecast for \(targetLabel.en): province, region and country (reconciled)"),
            note: note(
                h, years: years, target: target, horizon: horizon, level: headline, gaps: gaps, absent: absent),
            target: Bilingual(vi: "Dự báo \(targetLabel.vi)", en: "Forecast \(targetLabel.en)"), level: headline,
            latest: latestLabel,
            usual: Bilingual(vi: "TB 5 năm \(years.suffix(5).first ?? last)–\(last)",
                en: "5-year mean \(years.suffix(5).first ?? last)–\(last)"),
            rows: out)
    }

    /// The yield of a hierarchy series as the crop-yield model forecasts it.
    enum CropYield {
        /// The crop-yield model (rolling-origin selection over the last 12 years, a 15-year window
        /// or the whole run where shorter) on the yields (production / area × 10, tạ/ha) of `name`
        /// over the longest run of consecutive years ending at `last`, with the ENSO `climate`
        /// averaged over the season's window when the season has one.
        static func forecast(
            name: String, area: [String: [Int: Double]], production: [String: [Int: Double]],
            history: ([String: [Int: Double]], String, [Int]?) -> [Double], last: Int, horizon: Int, levels: [Int],
            climate: TimeSeries?, calendar: CropCalendar?, cropSeason: Int?
        ) throws -> Forecast {
            var first = last
            while history(area, name, [first - 1]).allSatisfy(\.isFinite)
                && history(production, name, [first - 1]).allSatisfy(\.isFinite), first > last - 60
            {
                first -= 1
            }
            let span = Array(first...last)
            let yields = zip(history(production, name, span), history(area, name, span)).map { $0 / $1 * 10 }
            var indicators: [CropYieldModel.Indicator] = []
            if let climate, let calendar, let cropSeason {
                let target = TimeSeries(id: name, values: yields, frequency: .yearly, start: .year(first))
                let aligned = try CovariateAligner.align(
                    driver: climate, to: target, horizon: horizon, name: climate.id, calendar: calendar,
                    cropSeason: cropSeason)
                indicators.append(.init(name: aligned.name, past: aligned.values, future: aligned.future))
            }
            do {
                return try CropYieldModel.forecast(
                    yields: yields, firstYear: first, indicators: indicators, horizon: horizon, levels: levels,
                    options: .init(trendYears: min(15, yields.count), selection: .rollingOrigin(origins: 12))
                ).forecast
            } catch var e as ForecastingError {
                e.message = "province.hierarchy: the yield forecast of '\(name)' failed: " + e.message
                throw e
            }
        }
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
        gaps: [(year: Int, indicator: Bilingual, difference: Double, relative: Double)], absent: [String]
    ) -> Bilingual {
        let method = h.method
        let span = "\(years.first ?? 0)–\(years.last ?? 0)"
        var vi =
            "Mỗi tỉnh, phần còn lại của cả nước, vùng và cả nước được dự báo riêng từ số liệu chính thức \(span), "
            + "rồi điều chỉnh cho khớp nhau: tổng các tỉnh bằng cả vùng, vùng cộng phần còn lại bằng cả nước. "
            + "Sản lượng dự báo = diện tích × năng suất dự báo (năng suất theo xu hướng các năm gần đây, có tính "
            + "ảnh hưởng El Niño trong vụ). Năng suất trong bảng = sản lượng / diện tích. Khoảng dự báo: \(level / 10) trên 10 khả năng số thực tế nằm "
            + "trong khoảng đó."
        var en =
            "Each province, the rest of the country, the region and the country are forecast separately from the "
            + "official figures of \(span), then adjusted to agree: the provinces add up to the region, the region "
            + "and the rest to the country (\(method ?? "mint-shrink") reconciliation; docs/models/reconciliation.md). "
            + "Production's forecast = area × yield (the yield by the crop-yield model: recent trend, El Niño over "
            + "the season's window; chosen by rolling origin). The table's yield = production / area. The range: \(level)% chance of holding the outcome."
        if horizon > 1 {
            vi += " Số liệu mới nhất là năm \(years.last ?? 0), cách năm dự báo \(horizon) năm: càng xa càng kém chắc chắn."
            en += " The newest figures are of \(years.last ?? 0), \(horizon) years before the forecast year: the "
                + "further, the less certain."
        }
        if !absent.isEmpty {
            let names = absent.map { h.names?[$0] ?? Bilingual(vi: $0, en: $0) }
            vi += " Không có số liệu vụ này năm \(years.last ?? 0) (không tính riêng): "
                + names.map(\.vi).joined(separator: ", ") + "."
            en += " No figures of this season in \(years.last ?? 0) (not counted apart): "
                + names.map(\.en).joined(separator: ", ") + "."
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

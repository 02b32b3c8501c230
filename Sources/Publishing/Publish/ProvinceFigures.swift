import AgriData
import Documents
import Foundation
import Rendering
import TimeSeriesCore

/// The bulletin's province section (`PublishConfiguration.Province`): for each season, area
/// (nghìn ha), yield (tạ/ha) and production (nghìn tấn) of the newest year the province and every
/// province merged into it report, the same season a year before and the change; today's province
/// sums the area and production of its parts and derives its yield (production / area × 10:
/// thousand tonnes over thousand ha is t/ha, × 10 tạ/ha); the province before the merger keeps
/// GSO's own figures. And how old the newest official season is at the issue date.
enum ProvinceFigures {
    /// The units the sums and the derived yield need: GSO's own.
    static let units = ["area": "nghìn ha", "production": "nghìn tấn", "yield": "tạ/ha"]

    static let indicators: [(id: String, name: Bilingual, unit: Bilingual)] = [
        (
            "area", Bilingual(vi: "Diện tích gieo trồng", en: "Planted area"),
            Bilingual(vi: "nghìn ha", en: "thousand ha")
        ),
        ("yield", Bilingual(vi: "Năng suất", en: "Yield"), Bilingual(vi: "tạ/ha", en: "quintals/ha")),
        ("production", Bilingual(vi: "Sản lượng", en: "Production"), Bilingual(vi: "nghìn tấn", en: "thousand tonnes")),
    ]

    static let monthsEn = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func section(
        _ configuration: PublishConfiguration, data: ConfiguredDatasets, calendars: [String: CropCalendar],
        issueDay: PeriodDate
    ) throws -> Bulletin.ProvinceSection? {
        guard let p = configuration.province else { return nil }
        func fail(_ m: String) -> PublishingError { PublishingError(.badConfiguration, "\(configuration.file): \(m)") }
        guard let calendar = calendars[p.calendar] else { throw fail("province: unknown calendar '\(p.calendar)'") }
        let merged = p.merged ?? []
        let provinces = [p.id] + merged.map(\.id)

        /// Year → value of one series, its unit checked.
        func yearly(_ indicator: String, _ season: String, _ province: String) throws -> [Int: Double] {
            let id = "gso-paddy-\(indicator)-\(season)-\(province)"
            let s = try data.series(p.dataset, id, at: "province")
            if let unit = s.unit, let expected = units[indicator], TextKey.nfc(unit) != TextKey.nfc(expected) {
                throw DataError(
                    .incompatibleUnit, file: data.datasets[p.dataset]?.file ?? p.dataset,
                    "province: series '\(id)' is in '\(unit)', the province table needs '\(expected)'")
            }
            var out: [Int: Double] = [:]
            for (i, v) in s.values.enumerated() where v.isFinite {
                if case .year(let y) = s.date(at: i) { out[y] = v }
            }
            return out
        }

        // Names: today's province, and the province as it was before the earliest merger.
        let joined = merged.map(\.name)
        let todayName = Bilingual(
            vi: "\(p.name.vi) (gồm \(joined.map { "\($0.vi) cũ" }.joined(separator: ", ")))",
            en: "\(p.name.en) (including former \(joined.map(\.en).joined(separator: ", ")))")
        var formerName = p.name
        var since: Bilingual?
        if let first = merged.compactMap({ m in PublishConfiguration.Province.day(m.since) }).min(by: {
            ($0.year, $0.month, $0.day) < ($1.year, $1.month, $1.day)
        }) {
            let day = Bilingual(
                vi: "\(first.day)/\(first.month)/\(first.year)",
                en: "\(first.day) \(monthsEn[first.month - 1]) \(first.year)")
            since = day
            formerName = Bilingual(
                vi: "\(p.name.vi) (cũ, trước \(day.vi))", en: "former \(p.name.en) (before \(day.en))")
        }

        var tables: [Bulletin.ProvinceSeasonTable] = []
        // Each season's end (its last harvest month; the whole year: December) and name.
        var ends: [(year: Int, month: Int, label: Bilingual, crop: Bool)] = []
        for season in p.seasons {
            let cropSeason = calendar.season(named: season)
            guard cropSeason != nil || season == "ca-nam" else {
                let known = calendar.seasons.map(\.id) + ["ca-nam"]
                throw fail(
                    "province: unknown season '\(season)' in calendar '\(p.calendar)'; the seasons are: "
                        + known.joined(separator: ", "))
            }
            func label(_ y: Int) -> Bilingual {
                guard let c = cropSeason else { return Bilingual(vi: "Cả năm \(y)", en: "Whole year \(y)") }
                return Bilingual(vi: c.label(harvestYear: y), en: c.label(harvestYear: y, english: true))
            }
            var area: [String: [Int: Double]] = [:]
            var production: [String: [Int: Double]] = [:]
            for province in provinces {
                area[province] = try yearly("area", season, province)
                production[province] = try yearly("production", season, province)
            }
            let ownYield = try yearly("yield", season, p.id)
            func complete(_ y: Int) -> Bool {
                provinces.allSatisfy { area[$0]?[y] != nil && production[$0]?[y] != nil }
            }
            guard let year = Set(provinces.flatMap { Array(area[$0]?.keys ?? [:].keys) }).filter(complete).max()
            else {
                throw DataError(
                    .missingValue, file: data.datasets[p.dataset]?.file ?? p.dataset,
                    "province: no year in which \(provinces.joined(separator: ", ")) all report the area and "
                        + "production of season '\(season)'")
            }
            func sum(_ m: [String: [Int: Double]], _ y: Int) -> Double? {
                complete(y) ? provinces.reduce(0) { $0 + (m[$1]?[y] ?? 0) } : nil
            }
            func todays(_ y: Int) -> [String: Double?] {
                let a = sum(area, y)
                let q = sum(production, y)
                let yieldValue: Double? = (a != nil && q != nil && a! > 0) ? q! / a! * 10 : nil
                return ["area": a, "production": q, "yield": yieldValue]
            }
            func former(_ y: Int) -> [String: Double?] {
                ["area": area[p.id]?[y], "production": production[p.id]?[y], "yield": ownYield[y]]
            }
            var rows: [Bulletin.ProvinceSeasonTable.Row] = []
            for (place, figures) in merged.isEmpty ? [(p.name, former)] : [(todayName, todays), (formerName, former)] {
                let now = figures(year)
                let before = figures(year - 1)
                for i in indicators {
                    rows.append(
                        .init(
                            place: place, indicator: i.name, unit: i.unit, value: now[i.id] ?? nil,
                            yearBefore: before[i.id] ?? nil))
                }
            }
            let title = label(year)
            tables.append(
                .init(
                    title: Bilingual(vi: cropSeason == nil ? title.vi : "Vụ \(title.vi)", en: title.en),
                    season: title, seasonBefore: label(year - 1), rows: rows))
            if let c = cropSeason {
                ends.append(
                    (
                        year + c.harvest.yearOffset, c.harvest.to,
                        Bilingual(vi: "vụ \(title.vi)", en: "the \(title.en) crop"), true
                    ))
            } else {
                ends.append((year, 12, Bilingual(vi: "cả năm \(year)", en: "the whole year \(year)"), false))
            }
        }
        // The newest crop season (a whole year only when no crop season is shown).
        let crops = ends.filter(\.crop)
        let newest = (crops.isEmpty ? ends : crops).max { ($0.year, $0.month) < ($1.year, $1.month) }
        guard let n = newest, case .day(let iy, let im, _) = issueDay else {
            return Bulletin.ProvinceSection(note: Bilingual(vi: "", en: ""), tables: tables)
        }
        let months = (iy - n.year) * 12 + (im - n.month)
        let age =
            months >= 12
            ? Bilingual(vi: "cách đây \(months / 12) năm", en: "\(months / 12) years ago")
            : Bilingual(vi: "cách đây \(max(months, 0)) tháng", en: "\(max(months, 0)) months ago")
        let source = configuration.datasets[p.dataset]?.source ?? Bilingual(vi: p.dataset, en: p.dataset)
        let end = PeriodDate.month(year: n.year, month: n.month)
        let endVi = NumberText.monthInWords(end, language: .vi)
        let endEn = NumberText.monthInWords(end, language: .en)
        var note = Bilingual(
            vi: "Số liệu chính thức mới nhất: \(n.label.vi) (thu hoạch xong \(endVi)), \(age.vi); nguồn: \(source.vi). "
                + "Các năm sau chưa có số liệu chính thức của tỉnh.",
            en: "The newest official figures: \(n.label.en) (harvested by \(endEn)), \(age.en); source: \(source.en). "
                + "Later years have no official province figures yet.")
        if !merged.isEmpty {
            let formerVi = joined.map { "tỉnh \($0.vi)" }.joined(separator: ", ")
            let formerEn = joined.map { "\($0.en) Province" }.joined(separator: ", ")
            note.vi +=
                " Từ \(since?.vi ?? ""), tỉnh \(p.name.vi) gồm cả \(formerVi) cũ: diện tích và sản lượng của tỉnh nay "
                + "là tổng của các tỉnh cũ, năng suất = sản lượng / diện tích."
            note.en +=
                " Since \(since?.en ?? "the merger"), \(p.name.en) includes the former \(formerEn): today's area and "
                + "production are the sums of the former provinces, yield = production / area."
        }
        return Bulletin.ProvinceSection(
            note: note, tables: tables,
            reconciled: try ProvinceHierarchy.tables(
                configuration, data: data, calendar: p.hierarchy?.calendar.flatMap { calendars[$0] } ?? calendar,
                issueDay: issueDay))
    }
}

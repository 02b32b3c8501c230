import AgriData
import Agronomy
import Foundation
import Rendering

/// `province-season-study.md`: the GSO paddy yields of the 13 Mekong provinces, by season, each
/// forecast from its past only (`YieldRollingOrigin`, origins 2005–2016): the per-province model
/// chosen among `CropYieldModel`'s candidates against a pooled model with province fixed effects,
/// a shared trend and a shared ENSO effect.
enum ProvinceSeasonNotebook {
    struct Season {
        var id: String
        var title: String
        /// The season of `models/calendars/gso-rice.json` whose covariate window gives the ENSO
        /// mean; nil for the whole year, which has no window.
        var calendarSeason: Int?
    }

    static let seasons = [
        Season(id: "dong-xuan", title: "Đông Xuân (Winter–Spring)", calendarSeason: 1),
        Season(id: "he-thu-thu-dong", title: "Hè Thu + Thu Đông (Summer–Autumn and Autumn–Winter)", calendarSeason: 2),
        Season(id: "ca-nam", title: "Whole year", calendarSeason: nil),
    ]
    /// The 13 provinces of the Mekong River Delta: series suffix and name.
    static let provinces = [
        ("long-an", "Long An"), ("tien-giang", "Tiền Giang"), ("ben-tre", "Bến Tre"), ("tra-vinh", "Trà Vinh"),
        ("vinh-long", "Vĩnh Long"), ("dong-thap", "Đồng Tháp"), ("an-giang", "An Giang"),
        ("kien-giang", "Kiên Giang"), ("can-tho", "Cần Thơ"), ("hau-giang", "Hậu Giang"),
        ("soc-trang", "Sóc Trăng"), ("bac-lieu", "Bạc Liêu"), ("ca-mau", "Cà Mau"),
    ]
    static let calendar = "gso-rice.json"
    static let options = YieldRollingOrigin.Options()

    static let introduction: [Block] = [
        .heading(1, "Province-season yields: per-province models and a pooled model, by rolling origin"),
        .paragraph(
            """
            Paddy yield by province and season from GSO (\(code: "datasets/gso-paddy-province-season.csv"), \
            tạ/ha, 1995–2016; Hậu Giang from 2004) and the Oceanic Niño Index (\(code: "datasets/enso-monthly.csv")) \
            averaged over each season's covariate window (\(code: "models/calendars/gso-rice.json")). For each origin \
            year t from \(options.origins.lowerBound) to \(options.origins.upperBound), every model is fitted on the \
            years before t only (at most \(options.trendYears), at least \(options.minimumYears)) and forecasts year \
            t (rolling origin, Tashman 2000; \(code: "YieldRollingOrigin")). Errors are forecast − observed.
            """),
        .paragraph(
            """
            Per province, the candidates are those of \(code: "CropYieldModel"): a linear and a quadratic trend, \
            the linear trend plus the season's ONI mean, and automatic ETS on every year before t; the model shown \
            is the one with the lowest rolling-origin RMSE, so its score is slightly flattered by the choice. The \
            pooled model is one least-squares fit across the provinces, \(code: "y ~ C(province) + t"): a level \
            per province, one shared trend; the column \"pooled + ENSO\" adds one shared ONI effect. \"Better\" \
            compares the per-province model with the pooled model (without ENSO) on RMSE. Beside them, \
            the model \(code: "CropYieldModel") itself chooses by leave-one-year-out over a series' \
            last \(options.trendYears) years (all of them where fewer) and its LOYO RMSE: there, later years \
            inform each prediction.
            """),
    ]

    /// `CropYieldModel`'s own choice, by leave-one-year-out over the series' last `trendYears`
    /// years (all of them where fewer), for comparison: years after a year inform its
    /// prediction, so its RMSE is not a forecaster's.
    static func leaveOneYearOut(_ s: YieldRollingOrigin.Series) throws -> CropYieldModel.Candidate? {
        let years = min(options.trendYears, s.yields.count)
        guard years >= options.minimumYears else { return nil }
        let indicators: [CropYieldModel.Indicator] =
            s.indicator.isEmpty ? [] : [.init(name: "ONI", past: s.indicator, future: [.nan])]
        let result = try CropYieldModel.forecast(
            yields: s.yields, firstYear: s.firstYear, indicators: indicators, horizon: 1, levels: [80],
            options: .init(trendYears: years))
        return result.chosenCandidate
    }

    static func render(_ options: AnalysisReport.Options) throws -> NotebookPage {
        let table = try ReportData.read(options, "gso-paddy-province-season.csv", onMissing: .skip)
        let enso = try ReportData.read(options, "enso-monthly.csv", onMissing: .fail)
        let oni = try ReportData.series(enso, "enso-oni")
        let calendarPath = URL(fileURLWithPath: options.calendars).appendingPathComponent(calendar).path
        let crops = try CropCalendar.load(path: calendarPath)
        var page = NotebookPage(title: "Province-season yields: per-province and pooled models, rolling origin")
        page.blocks = introduction
        var summary: [Inlines] = []
        for season in seasons {
            var all: [YieldRollingOrigin.Series] = []
            var names: [String] = []
            for (slug, name) in provinces {
                let id = "gso-paddy-yield-\(season.id)-\(slug)"
                guard let s = table.series(named: id), case .year(let firstYear) = s.start else { continue }
                var indicator: [Double] = []
                if let number = season.calendarSeason {
                    indicator = try CovariateAligner.align(
                        driver: oni, to: s, name: "ONI", calendar: crops, cropSeason: number
                    ).values
                }
                all.append(.init(name: slug, firstYear: firstYear, yields: s.values, indicator: indicator))
                names.append(name)
            }
            let missing = provinces.filter { p in !all.contains { $0.name == p.0 } }.map(\.1)
            let perProvince = try all.map { try YieldRollingOrigin.perProvince($0, options: Self.options) }
            let pooled = try YieldRollingOrigin.pooled(all, options: Self.options)
            let pooledClimate =
                season.calendarSeason == nil
                ? nil : try YieldRollingOrigin.pooled(all, climate: true, options: Self.options)

            page.blocks.append(.heading(2, Inlines(season.title)))
            var header = [
                "province", "origins", "per-province model", "RMSE (tạ/ha)", "MAPE (%)", "pooled RMSE", "pooled MAPE",
            ]
            if pooledClimate != nil { header.append("pooled + ENSO RMSE") }
            header += ["better", "LOYO model", "LOYO RMSE"]
            var t = MarkdownTable(header: header)
            var pooledWins = 0
            var compared = 0
            var sums = (own: 0.0, pooled: 0.0)
            for (i, result) in perProvince.enumerated() {
                let p = pooled[i]
                let years = p.years
                let span = years.isEmpty ? "–" : "\(years[0])–\(years[years.count - 1]) (\(years.count))"
                var better = "–"
                if let own = result.chosen?.rmse, let pr = p.rmse {
                    compared += 1
                    sums.own += own
                    sums.pooled += pr
                    if pr < own { pooledWins += 1 }
                    better = pr < own ? "pooled" : "per-province"
                }
                var row = [
                    names[i], span, result.chosen?.name ?? "–", ReportData.number(result.chosen?.rmse, 2),
                    ReportData.number(result.chosen?.mape, 2), ReportData.number(p.rmse, 2),
                    ReportData.number(p.mape, 2),
                ]
                if let pc = pooledClimate { row.append(ReportData.number(pc[i].rmse, 2)) }
                row.append(better)
                let loyo = try leaveOneYearOut(all[i])
                row += [loyo?.name ?? "–", ReportData.number(loyo?.rmse, 2)]
                t.append(row)
            }
            page.blocks.append(.table(t.table))
            // A near-total loss (Bến Tre's Đông Xuân 2016, lost to salt intrusion) dominates MAPE.
            var losses: [String] = []
            for (i, s) in all.enumerated() {
                for t in pooled[i].years {
                    let y = s.yields[t - s.firstYear]
                    let before = t - 1 - s.firstYear
                    if before >= 0, y < 0.5 * s.yields[before] {
                        losses.append("\(names[i]) \(t) (\(ReportData.number(y, 1)) tạ/ha)")
                    }
                }
            }
            if !losses.isEmpty {
                page.blocks.append(
                    .paragraph(
                        Inlines(
                            "Yields under half the year before, which dominate MAPE: "
                                + losses.joined(separator: ", ") + ".")))
            }
            if !missing.isEmpty {
                page.blocks.append(
                    .paragraph("Not in the GSO table for this season: \(missing.joined(separator: ", "))."))
            }
            let line =
                "\(season.title): the pooled model forecasts better than the per-province model in \(pooledWins) of "
                + "\(compared) provinces; mean RMSE \(ReportData.number(sums.pooled / Double(max(compared, 1)), 2)) "
                + "tạ/ha pooled against \(ReportData.number(sums.own / Double(max(compared, 1)), 2)) per province."
            page.blocks.append(.paragraph(Inlines(line)))
            summary.append(Inlines(line))
        }
        let flood = try floodSection(options, table: table)
        page.blocks += flood.blocks
        summary.append(flood.line)
        page.blocks.append(.heading(2, "Summary"))
        page.blocks.append(.list(summary))
        page.blocks.append(.blankLine)
        return page
    }

    /// The flood peak (Tân Châu's annual highest level, trusted 2002–2009) as a candidate for the
    /// autumn crop: `FloodPeakStudy` per province, and whether it lowers the rolling-origin error.
    static func floodSection(_ options: AnalysisReport.Options, table: TidyDataset) throws
        -> (blocks: [Block], line: Inlines)
    {
        let gauges = try ReportData.read(options, "mekong-water-level.csv", onMissing: .skip)
        let gauge = try ReportData.series(gauges, "water-level-max-tan-chau")
        var peaks: [Int: Double] = [:]
        for (i, v) in gauge.values.enumerated() where v.isFinite {
            if case .year(let y) = gauge.date(at: i) { peaks[y] = v }
        }
        let study = FloodPeakStudy.Options()
        peaks = peaks.filter { study.trusted.contains($0.key) }
        var blocks: [Block] = [
            .heading(2, "The flood peak and the autumn crop"),
            .paragraph(
                """
                Tân Châu's annual highest water level (\(code: "datasets/mekong-water-level.csv"), \
                \(code: "water-level-max-tan-chau"), cm) is trustworthy for \(study.trusted.lowerBound)–\
                \(study.trusted.upperBound) only: GSO's maxima from 2010 on are marked suspect (2010 repeats \
                2009). For each origin year t of those years, a linear trend and the trend plus the year's peak \
                are fitted on the trusted years before t (at least \(study.minimumYears)) and forecast the Hè Thu \
                + Thu Đông yield of t (\(code: "FloodPeakStudy")). RMSE in tạ/ha.
                """),
        ]
        var t = MarkdownTable(header: ["province", "origins", "trend RMSE", "trend + flood peak RMSE", "better"])
        var (wins, compared) = (0, 0)
        for (slug, name) in provinces {
            guard let s = table.series(named: "gso-paddy-yield-he-thu-thu-dong-\(slug)"),
                case .year(let first) = s.start
            else { continue }
            let r = try FloodPeakStudy.run(.init(name: slug, firstYear: first, yields: s.values), peaks: peaks)
            guard let a = r.trend.rmse, let b = r.flood.rmse else { continue }
            compared += 1
            if b < a { wins += 1 }
            let years = r.trend.years
            t.append([
                name, "\(years.first ?? 0)–\(years.last ?? 0) (\(years.count))", ReportData.number(a, 2),
                ReportData.number(b, 2), b < a ? "trend + flood peak" : "trend",
            ])
        }
        blocks.append(.table(t.table))
        let line = Inlines(
            "The flood peak lowers the autumn crop's rolling-origin error in \(wins) of \(compared) provinces "
                + "(origins \(study.trusted.lowerBound + study.minimumYears)–\(study.trusted.upperBound)); "
                + (wins * 2 > compared
                    ? "it would earn a place in the bulletin, but no trustworthy peak after "
                        + "\(study.trusted.upperBound) exists to forecast with."
                    : "it is not used in the bulletin."))
        blocks.append(.paragraph(line))
        return (blocks, line)
    }
}

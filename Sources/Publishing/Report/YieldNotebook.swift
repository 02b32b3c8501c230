import AgriData
import Agronomy
import Forecasting
import Foundation
import Rendering

/// `yield-study.md`: the crop-yield model of `CropYieldModel` on the FAOSTAT Viet Nam yields —
/// trend alone, trend + ENSO (ONI averaged over the crop's window of its calendar) and automatic
/// ETS, each judged by its leave-one-year-out errors over the trend window.
enum YieldNotebook {
    struct Crop {
        var series: String
        var title: String
        var calendar: String
        var season: String
        var indicator: String
    }

    /// The same crops, calendars and indicators as the main configuration (models/dong-thap.json).
    static let crops = [
        Crop(
            series: "vnm-rice-yield", title: "Rice", calendar: "mekong-rice.json", season: "dong-xuan",
            indicator: "ONI Dec-Feb"),
        Crop(
            series: "vnm-mango-yield", title: "Mango", calendar: "mango.json", season: "chinh-vu",
            indicator: "ONI Dec-Apr"),
    ]
    static let trendYears = 15
    static let horizon = 3
    static let colors = [
        "trend-linear": "#1f5fa8", "trend-quadratic": "#6a3d9a", "trend+climate": "#e07b00", "ets": "#2e8b57",
    ]

    /// The title and what the notebook compares.
    static let introduction: [Block] = [
        .heading(1, "Crop yield: trend, trend + ENSO, ETS"),
        .paragraph(
            """
            Viet Nam yields from FAOSTAT (\(code: "datasets/faostat-vnm-crops.csv"), production / area harvested) \
            and the Oceanic Niño Index (\(code: "datasets/enso-monthly.csv"), NOAA CPC). The model is muavu's \
            crop-yield model (\(code: "CropYieldModel"), as in the JRC MARS crop statistics tool): over the last \
            \(trendYears) years, a linear or quadratic trend, the same trend plus the ONI averaged over the crop's \
            ENSO window (from its crop calendar, \(code: "models/calendars/")), and automatic ETS on the whole \
            series. Each regression is refitted with each year left out and predicts that year \
            (leave-one-year-out, LOYO); ETS, which cannot leave an interior year out, forecasts each year from the \
            years before it. Errors are forecast − observed, in t/ha. The candidate with the lowest LOYO RMSE among \
            trend, trend + ENSO and ETS is the one \(code: "muavu publish") uses.
            """),
    ]

    static func render(_ options: AnalysisReport.Options) throws -> NotebookPage {
        let cropTable = try ReportData.read(options, "faostat-vnm-crops.csv", onMissing: .fail)
        let enso = try ReportData.read(options, "enso-monthly.csv", onMissing: .fail)
        let oni = try ReportData.series(enso, "enso-oni")
        var page = NotebookPage(title: "Crop yield: trend, trend + ENSO, ETS")
        page.blocks = introduction
        for crop in Self.crops {
            let s = try ReportData.series(cropTable, crop.series)
            guard case .year(let firstYear) = s.start else {
                throw DataError(.badConfiguration, file: cropTable.file, "'\(crop.series)' is not a yearly series")
            }
            let calendarPath = URL(fileURLWithPath: options.calendars).appendingPathComponent(crop.calendar).path
            let calendar = try CropCalendar.load(path: calendarPath)
            guard let season = calendar.season(named: crop.season) else {
                throw DataError(.badConfiguration, file: calendarPath, "no season '\(crop.season)'")
            }
            let aligned = try CovariateAligner.align(
                driver: oni, to: s, horizon: horizon, name: crop.indicator,
                calendar: calendar, cropSeason: season.number)
            let result = try CropYieldModel.forecast(
                yields: s.values, firstYear: firstYear,
                indicators: [.init(name: aligned.name, past: aligned.values, future: aligned.future)],
                horizon: horizon, levels: [80, 95], options: .init(trendYears: trendYears))
            let years = Array(result.years)
            let offset = s.count - years.count
            let observed = Array(s.values[offset...])

            page.blocks.append(.heading(2, "\(crop.title) (\(code: crop.series))"))
            page.blocks.append(
                .paragraph(
                    """
                    Indicator: \(crop.indicator), the ONI over the ENSO window of the \(season.nameEn) crop \
                    (\(code: "models/calendars/\(crop.calendar)"), season \(code: crop.season)). LOYO years: \
                    \(result.years.lowerBound)–\(result.years.upperBound).
                    """))
            page.blocks += candidateTables(result, years: years, observed: observed)

            // Observed yields and each candidate's LOYO predictions.
            var lines = [LineChart.Line(name: "observed", color: "#222222", values: observed)]
            for c in result.candidates where c.errors.count == observed.count {
                lines.append(
                    .init(
                        name: c.name, color: colors[c.name] ?? "#888888",
                        values: zip(observed, c.errors).map { $0 + $1 }, dashed: true))
            }
            let loyo = page.chart(
                "charts/yield-study/\(crop.series)-loyo.svg",
                LineChart(
                    title: "\(crop.title) yield: observed and leave-one-year-out predictions",
                    unit: "t/ha", labels: years.map(String.init), lines: lines
                ).svg())
            page.blocks.append(
                .paragraph("\(image: "\(crop.title) yield, LOYO predictions", path: loyo.path, svg: loyo.svg)"))

            let fan = try FanChart(
                series: s, forecast: result.forecast, title: "\(crop.title) yield, Viet Nam: forecast",
                unit: "t/ha", note: "FAOSTAT; \(result.forecast.model.name)", historyLength: 30,
                language: .en)
            let fanChart = page.chart("charts/yield-study/\(crop.series)-forecast.svg", fan.svg())
            page.blocks.append(
                .paragraph("Forecast of the chosen model, \(result.forecast.model.name), with 80% and 95% intervals:"))
            var ft = MarkdownTable(header: ["year", "forecast", "80% interval", "95% interval"])
            for h in 0..<result.forecast.horizon {
                func band(_ level: Int) -> String {
                    guard let iv = result.forecast.interval(level: level) else { return "–" }
                    return ReportData.number(iv.lower[h], 3) + " – " + ReportData.number(iv.upper[h], 3)
                }
                ft.append([
                    "\(firstYear + s.count + h)", ReportData.number(result.forecast.mean[h], 3), band(80), band(95),
                ])
            }
            page.blocks.append(.table(ft.table))
            page.blocks.append(
                .paragraph("\(image: "\(crop.title) yield forecast", path: fanChart.path, svg: fanChart.svg)"))
        }
        // The committed notebook has a second blank line before its footer.
        page.blocks.append(.blankLine)
        return page
    }

    /// The candidates' LOYO scores, their RMSE relative to the linear trend, and their errors year
    /// by year.
    static func candidateTables(_ result: CropYieldModel.Result, years: [Int], observed: [Double]) -> [Block] {
        var summary = MarkdownTable(header: ["candidate", "description", "LOYO RMSE (t/ha)", "LOYO MAPE (%)", "chosen"])
        for c in result.candidates {
            summary.append([
                c.name, c.description, ReportData.number(c.rmse, 3), ReportData.number(c.mape, 2),
                c.chosen ? "yes" : "",
            ])
        }
        var blocks: [Block] = [.table(summary.table)]
        if let trend = result.candidates.first(where: { $0.name == "trend-linear" })?.rmse {
            var lines: [String] = []
            for c in result.candidates where c.name != "trend-linear" {
                if let r = c.rmse { lines.append("\(c.name) \(ReportData.number(100 * (r / trend - 1), 1))%") }
            }
            if !lines.isEmpty {
                blocks.append(
                    .paragraph(
                        "RMSE relative to the linear trend (negative is better): \(lines.joined(separator: ", "))."))
            }
        }
        var perYear = MarkdownTable(header: ["year", "observed"] + result.candidates.map(\.name))
        for (i, year) in years.enumerated() {
            perYear.append(
                ["\(year)", ReportData.number(observed[i], 3)]
                    + result.candidates.map { ReportData.number(i < $0.errors.count ? $0.errors[i] : nil, 3) })
        }
        blocks.append(.paragraph("LOYO errors by year (forecast − observed, t/ha):"))
        blocks.append(.table(perYear.table))
        return blocks
    }
}

import AgriData
import Agronomy
import Forecasting
import Foundation
import Rendering
import TimeSeriesCore

/// `price-study.md`: the Đồng Tháp wholesale rice price (WFP) forecast by univariate models and
/// by a regression on the lagged Viet Nam 5% broken export price (World Bank Pink Sheet) with
/// ARIMA errors, compared by rolling origin (Tashman 2000; FPP3 §5.10).
enum PriceNotebook {
    static let priceID = "wfp-rice-wholesale-dong-thap"
    /// The study's export price: the series of the main configuration's `exportLink` entry
    /// (models/dong-thap.json), which `muavu publish` and `muavu outlook` link the prices to; the
    /// notebook studies the bundled data and does not read the configuration, so a test
    /// (`ConfigurationTests`) checks that the two name the same series.
    static let exportID = "wb-rice-vnm-5"
    static let levels = [80, 95]

    static func render(_ options: AnalysisReport.Options) throws -> NotebookPage {
        // The longest run of reported months: no price is filled in, so every test month was observed.
        let wfp = try ReportData.read(options, "wfp-rice-wholesale.csv", onMissing: .skip)
        let wfpAll = try ReportData.read(options, "wfp-rice-wholesale.csv", onMissing: .interpolate)
        let whole = try ReportData.observedOnly(try ReportData.series(wfpAll, priceID), in: wfpAll)
        let pink = try ReportData.read(options, "wb-pinksheet-monthly.csv", onMissing: .interpolate)
        let price = try ReportData.series(wfp, priceID)
        let export = try ReportData.series(pink, exportID)
        guard let priceStart = price.start, let exportStart = export.start else {
            throw DataError(.badConfiguration, file: wfp.file, "the series need dates")
        }
        let unreported = whole.values.filter { !$0.isFinite }.count
        let span = "\(whole.date(at: 0)?.description ?? "") – \(whole.date(at: whole.count - 1)?.description ?? "")"
        // x_t = export price of month t − 1, for every month of the price series and one beyond.
        guard
            let regressor = LaggedExportRegression.regressor(
                priceStart: priceStart, count: price.count,
                export: export.values, exportStart: exportStart)
        else {
            throw DataError(
                .badConfiguration, file: pink.file, "the export price does not cover the months before the price series"
            )
        }
        let horizon = options.priceHorizon
        let origin = try RollingOrigin(horizon: horizon, windows: options.priceWindows, step: 1)
        var models: [(String, any Forecaster)] = try options.priceModels.map {
            ($0, try ForecasterRegistry.forecaster(named: $0))
        }
        models.append(("arima-x", LaggedExportRegression(regressor: regressor)))
        var results: [(String, RollingOrigin.Result)] = []
        for (name, forecaster) in models {
            results.append(
                (name, try origin.evaluate(price.values, period: price.period, forecaster: forecaster, levels: levels)))
        }

        let first = price.date(at: 0)?.description ?? ""
        let last = price.date(at: price.count - 1)?.description ?? ""
        let origins = try origin.origins(count: price.count)
        let firstTest = price.date(at: origins.first ?? 0)?.description ?? ""
        var page = NotebookPage(title: "Rice price: univariate models against the lagged export price")
        page.blocks = introduction(
            options, span: span, months: whole.count, unreported: unreported,
            study: (first, last, price.count), firstTest: firstTest)
        page.blocks += resultsTable(results, options, horizon: horizon)

        // RMSE of each window, by model.
        let palette = ["#1f5fa8", "#888888", "#2e8b57", "#6a3d9a", "#b22222", "#e07b00", "#17becf"]
        let windowLabels = origins.map { price.date(at: $0)?.description ?? "" }
        let lines = results.enumerated().map { k, item in
            LineChart.Line(
                name: item.0, color: palette[k % palette.count],
                values: item.1.windows.map { $0.score.rmse ?? .nan }, dashed: item.0 != "arima-x")
        }
        let rmseChart = page.chart(
            "charts/price-study/rmse-by-origin.svg",
            LineChart(
                title: "Đồng Tháp rice price: RMSE of each \(horizon)-month window, by first test month",
                unit: "VND/kg", labels: windowLabels, lines: lines
            ).svg())
        page.blocks.append(.paragraph("\(image: "RMSE by window", path: rmseChart.path, svg: rmseChart.svg)"))

        page.blocks += try calibrationSection(
            options, whole: whole, export: export, studyOrigins: origins, studyStart: priceStart)

        // The regression's forecast from the whole series.
        let full = try LaggedExportRegression(regressor: regressor).forecast(
            price.values, period: price.period,
            horizon: horizon, levels: levels)
        let coefficients = full.model.parameters.keys.sorted()
            .map { "\($0) = \(ReportData.number(full.model.parameters[$0], 4))" }.joined(separator: ", ")
        page.blocks.append(
            .paragraph(
                "\(code: "arima-x") on the whole series: \(full.model.name); coefficients \(coefficients) (xreg1 in VND/kg per USD/t)."
            ))
        let fan = try FanChart(
            series: price, forecast: full, title: "Rice, wholesale, Đồng Tháp: arima-x forecast",
            unit: "VND/kg", note: "WFP VAM; World Bank Pink Sheet; \(full.model.name)", historyLength: 48,
            language: .en)
        let fanChart = page.chart("charts/price-study/arima-x-forecast.svg", fan.svg())
        page.blocks.append(.paragraph("\(image: "arima-x forecast", path: fanChart.path, svg: fanChart.svg)"))
        return page
    }

    /// The notebook's title and the paragraphs that say what is compared and how.
    static func introduction(
        _ options: AnalysisReport.Options, span: String, months: Int, unreported: Int,
        study: (first: String, last: String, count: Int), firstTest: String
    ) -> [Block] {
        let horizon = options.priceHorizon
        let modelNames = Inlines.joined(options.priceModels.map { "\(code: $0)" }, separator: ", ")
        return [
            .heading(1, "Rice price: univariate models against the lagged export price"),
            .paragraph(
                """
                The monthly wholesale price of rice in Đồng Tháp (Tam Nông market; WFP VAM, \
                \(code: "datasets/wfp-rice-wholesale.csv"), series \(code: priceID), VND/kg) against the Viet Nam 5% \
                broken export price (World Bank Pink Sheet, \(code: "datasets/wb-pinksheet-monthly.csv"), series \
                \(code: exportID), USD/t, its own gaps interpolated). The price file spans \(span), \(months) \
                months, of which \(unreported) have no report; the study uses the longest run of reported months, \
                \(study.first) – \(study.last) (\(study.count) months), so that no price is filled in and every test month was \
                observed.
                """),
            .paragraph(
                """
                Models: \(modelNames) from muavu's registry, and \(code: "arima-x"): regression on the export price of the \
                month before, with ARIMA(0,1,1) errors and drift (y_t = β·x_(t−1) + η_t). At each origin \
                \(code: "arima-x") knows the export price up to the origin month; for steps beyond the first, the latest \
                export price stands in for the unknown one.
                """),
            .paragraph(
                """
                Rolling origin: \(options.priceWindows) origins one month apart, each model refitted on the months \
                before the origin and scored on the \(horizon) months after it (first test month \(firstTest)). MAE, \
                RMSE in VND/kg; MASE scaled by the in-sample seasonal-naive error; coverage is the share of actual \
                prices inside the interval (nominal 80% and 95%); Winkler is the interval score at 80% (lower is \
                better).
                """),
        ]
    }

    /// The table of each model's mean scores over the windows, and which has the lowest RMSE.
    static func resultsTable(
        _ results: [(String, RollingOrigin.Result)], _ options: AnalysisReport.Options,
        horizon: Int
    ) -> [Block] {
        var table = MarkdownTable(header: [
            "model", "MAE", "RMSE", "MAPE (%)", "MASE", "80% coverage", "95% coverage",
            "80% Winkler", "windows",
        ])
        for (name, r) in results {
            let s = r.summary
            table.append([
                name, ReportData.number(s.mae, 0), ReportData.number(s.rmse, 0), ReportData.number(s.mape, 2),
                ReportData.number(s.mase, 3), ReportData.number(s.coverage[80], 3),
                ReportData.number(s.coverage[95], 3),
                ReportData.number(s.winkler[80], 0), "\(s.count)",
            ])
        }
        var blocks: [Block] = [.table(table.table)]
        if let best = results.min(by: { ($0.1.summary.rmse ?? .infinity) < ($1.1.summary.rmse ?? .infinity) }) {
            blocks.append(
                .paragraph(
                    """
                    Lowest RMSE: \(code: best.0). Coverage above the nominal level means intervals wider than these \
                    windows needed, below it intervals too narrow; \(options.priceWindows) windows of \(horizon) \
                    overlapping steps are a small sample, so a few percentage points either way are noise.
                    """))
        }
        return blocks
    }

    /// Models whose 80% ranges are calibrated in the study (fast enough to refit at every origin).
    static let calibrationModels = ["naive", "theta", "arima-x"]

    /// The 80% ranges of `muavu outlook`: each model's own interval against the range calibrated on
    /// its past errors (`ConformalRange`, split-conformal), over every rolling origin of the whole
    /// series (survey gaps included: each origin sees only the months before it, scored only on
    /// reported months), for the Đồng Tháp and An Giang wholesale prices and the export price.
    static func calibrationSection(
        _ options: AnalysisReport.Options, whole: TimeSeries, export: TimeSeries, studyOrigins: [Int],
        studyStart: PeriodDate
    ) throws -> [Block] {
        let wfpAll = try ReportData.read(options, "wfp-rice-wholesale.csv", onMissing: .interpolate)
        let pinkAll = try ReportData.read(options, "wb-pinksheet-monthly.csv", onMissing: .interpolate)
        let anGiang = try ReportData.observedOnly(
            try ReportData.series(wfpAll, "wfp-rice-wholesale-an-giang"), in: wfpAll)
        let exportReported = try ReportData.observedOnly(export, in: pinkAll)
        let conformal = ConformalRange.standard
        let horizon = options.priceHorizon
        let level = 80
        var table = MarkdownTable(header: [
            "series", "model", "origins", "cases", "model's 80% interval", "calibrated 80% range",
            "mean width, model", "mean width, calibrated",
        ])
        var dongThapTheta: ConformalRange.Coverage?
        // The study's own windows above, as origins of the whole series.
        let shift = studyStart.ordinal - (whole.start?.ordinal ?? studyStart.ordinal)
        let studyRange = studyOrigins.first.flatMap { a in studyOrigins.last.map { (a + shift)...($0 + shift) } }
        var studyTheta: ConformalRange.Coverage?
        var studyTable = MarkdownTable(header: ["model", "cases", "model's 80% interval", "calibrated 80% range"])
        for (series, models) in [
            (whole, calibrationModels), (anGiang, ["naive", "theta"]), (exportReported, ["naive", "theta"]),
        ] {
            for name in models {
                let forecaster: any Forecaster
                if name == "arima-x" {
                    guard let start = series.start, let xs = export.start,
                        let x = LaggedExportRegression.regressor(
                            priceStart: start, count: series.count, export: export.values,
                            exportStart: xs)
                    else { continue }
                    forecaster = LaggedExportRegression(regressor: x)
                } else {
                    forecaster = try ForecasterRegistry.forecaster(named: name)
                }
                let f = try ConformalRange.forecasts(
                    series.values, period: series.period, horizon: horizon, levels: [level],
                    forecaster: forecaster, origins: conformal.usableOrigins(series.values))
                let c = conformal.coverage(f, level: level)
                if series.id == whole.id && name == "theta" { dongThapTheta = c }
                if series.id == whole.id, let studyRange {
                    let w = conformal.coverage(f, level: level, only: studyRange)
                    studyTable.append([
                        name, "\(w.cases)", ReportData.number(w.modelRate, 3), ReportData.number(w.rate, 3),
                    ])
                    if name == "theta" { studyTheta = w }
                }
                let span = [c.firstOrigin, c.lastOrigin].map { $0.flatMap { series.date(at: $0)?.description } ?? "" }
                    .joined(separator: " – ")
                table.append([
                    series.id, name, span, "\(c.cases)", ReportData.number(c.modelRate, 3),
                    ReportData.number(c.rate, 3),
                    ReportData.number(c.modelMeanRelativeWidth, 3), ReportData.number(c.meanRelativeWidth, 3),
                ])
            }
        }
        var blocks = calibrationMethod(conformal, horizon: horizon)
        blocks.append(.table(table.table))
        if let studyRange, let a = whole.date(at: studyRange.lowerBound), let b = whole.date(at: studyRange.upperBound)
        {
            let held =
                studyTheta.map {
                    " in which theta's own interval held \(ReportData.number($0.modelRate, 3)) of the prices"
                } ?? ""
            blocks.append(
                .paragraph(
                    """
                    On the study's own \(studyRange.count) origins above (first test months \(a) – \(b)), calm \
                    years\(held), the same Đồng Tháp ranges:
                    """))
            blocks.append(.table(studyTable.table))
        }
        if let c = dongThapTheta, let rate = c.rate {
            blocks.append(
                .paragraph(
                    """
                    For the Đồng Tháp price the outlook's model (theta) held the price in \(c.hits) of \(c.cases) \
                    backtest months with the calibrated range (\(ReportData.number(rate, 3))), against \
                    \(ReportData.number(c.modelRate, 3)) with its own interval.
                    """))
        }
        return blocks
    }

    /// How the outlook's ranges are calibrated and checked.
    static func calibrationMethod(_ conformal: ConformalRange, horizon: Int) -> [Block] {
        [
            .heading(2, "The outlook's 80% ranges, calibrated"),
            .paragraph(
                """
                \(code: "muavu outlook") does not show a model's own 80% interval: those come from a variance estimated \
                on the whole history, and the rice price moved about 13% a month in 2008 but 1–4% in 2014–2017, so the \
                intervals are as wide in calm years as in the crisis and hold the price more often than 8 times in 10. \
                The outlook's range is calibrated instead on the model's own recent errors (split-conformal prediction; \
                Lei et al. 2018, Stankevičiūtė et al. 2021): for each step h, the \(conformal.calibrationOrigins) most \
                recent h-step errors |log(actual / forecast)| made from earlier origins give the half-width q, the \
                ⌈(m + 1)·0.8⌉-th smallest of the m errors, and the range is forecast × [e^−q, e^q].
                """),
            .paragraph(
                """
                Rolling origin over each whole series, \(horizon) months ahead: every month whose price was reported is \
                an origin (models fitted on at least \(conformal.minimumTrain) reported months; survey gaps filled inside \
                each training prefix only), and each origin's range uses only errors whose month was reported before it. \
                'cases' counts (origin, month) pairs with a reported price; coverage is the share held (nominal 0.8, the \
                bar 0.70–0.90); width is the mean of upper / lower − 1.
                """),
        ]
    }
}

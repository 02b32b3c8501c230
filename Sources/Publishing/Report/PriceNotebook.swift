import AgriData
import Forecasting
import Foundation

/// `price-study.md`: the Đồng Tháp wholesale rice price (WFP) forecast by univariate models and
/// by a regression on the lagged Viet Nam 5% broken export price (World Bank Pink Sheet) with
/// ARIMA errors, compared by rolling origin (Tashman 2000; FPP3 §5.10).
enum PriceNotebook {
    static let priceID = "wfp-rice-wholesale-dong-thap"
    static let exportID = "wb-rice-vnm-5"
    static let levels = [80, 95]

    static func render(_ options: AnalysisReport.Options) throws -> NotebookPage {
        // The longest run of reported months: no price is filled in, so every test month was observed.
        let (wfp, wfpRaw) = try ReportData.read(options, "wfp-rice-wholesale.csv", onMissing: .skip)
        let (wfpAll, _) = try ReportData.read(options, "wfp-rice-wholesale.csv", onMissing: .interpolate)
        let whole = try ReportData.observedOnly(try ReportData.series(wfpAll, priceID), raw: wfpRaw, file: wfp.file)
        let (pink, _) = try ReportData.read(options, "wb-pinksheet-monthly.csv", onMissing: .interpolate)
        let price = try ReportData.series(wfp, priceID)
        let export = try ReportData.series(pink, exportID)
        guard let priceStart = price.start, let exportStart = export.start else {
            throw DataError(.badConfiguration, file: wfp.file, "the series need dates")
        }
        let unreported = whole.values.filter { !$0.isFinite }.count
        let span = "\(whole.date(at: 0)?.description ?? "") – \(whole.date(at: whole.count - 1)?.description ?? "")"
        // x_t = export price of month t − 1, for every month of the price series and one beyond.
        guard let regressor = LaggedExportRegression.regressor(priceStart: priceStart, count: price.count,
                                                               export: export.values, exportStart: exportStart)
        else {
            throw DataError(.badConfiguration, file: pink.file, "the export price does not cover the months before the price series")
        }
        let horizon = options.priceHorizon
        let origin = try RollingOrigin(horizon: horizon, windows: options.priceWindows, step: 1)
        var models: [(String, any Forecaster)] = try options.priceModels.map { ($0, try ForecasterRegistry.forecaster(named: $0)) }
        models.append(("arima-x", LaggedExportRegression(regressor: regressor)))
        var results: [(String, RollingOrigin.Result)] = []
        for (name, forecaster) in models {
            results.append((name, try origin.evaluate(price.values, period: price.period, forecaster: forecaster, levels: levels)))
        }

        let first = price.date(at: 0)?.description ?? "", last = price.date(at: price.count - 1)?.description ?? ""
        let origins = try origin.origins(count: price.count)
        let firstTest = price.date(at: origins.first ?? 0)?.description ?? ""
        var md = "# Rice price: univariate models against the lagged export price\n\n"
            + "The monthly wholesale price of rice in Đồng Tháp (Tam Nông market; WFP VAM, `datasets/wfp-rice-wholesale.csv`, "
            + "series `\(priceID)`, VND/kg) against the Viet Nam 5% broken export price "
            + "(World Bank Pink Sheet, `datasets/wb-pinksheet-monthly.csv`, series `\(exportID)`, USD/t, its own gaps "
            + "interpolated). The price file spans \(span), \(whole.count) months, of which \(unreported) have no report; the "
            + "study uses the longest run of reported months, \(first) – \(last) (\(price.count) months), so that no price "
            + "is filled in and every test month was observed.\n\n"
            + "Models: " + options.priceModels.map { "`\($0)`" }.joined(separator: ", ")
            + " from muavu's registry, and `arima-x`: regression on the export price of the month before, with ARIMA(0,1,1) "
            + "errors and drift (y_t = β·x_(t−1) + η_t). At each origin `arima-x` knows the export price up to the origin "
            + "month; for steps beyond the first, the latest export price stands in for the unknown one.\n\n"
            + "Rolling origin: \(options.priceWindows) origins one month apart, each model refitted on the months before the origin "
            + "and scored on the \(horizon) months after it (first test month \(firstTest)). MAE, RMSE in VND/kg; MASE scaled "
            + "by the in-sample seasonal-naive error; coverage is the share of actual prices inside the interval (nominal 80% "
            + "and 95%); Winkler is the interval score at 80% (lower is better).\n\n"
        var table = MarkdownTable(header: ["model", "MAE", "RMSE", "MAPE (%)", "MASE", "80% coverage", "95% coverage",
                                           "80% Winkler", "windows"])
        for (name, r) in results {
            let s = r.summary
            table.append([name, ReportData.number(s.mae, 0), ReportData.number(s.rmse, 0), ReportData.number(s.mape, 2),
                          ReportData.number(s.mase, 3), ReportData.number(s.coverage[80], 3), ReportData.number(s.coverage[95], 3),
                          ReportData.number(s.winkler[80], 0), "\(s.count)"])
        }
        md += table.text + "\n"
        if let best = results.min(by: { ($0.1.summary.rmse ?? .infinity) < ($1.1.summary.rmse ?? .infinity) }) {
            md += "Lowest RMSE: `\(best.0)`. Coverage above the nominal level means intervals wider than these windows "
                + "needed, below it intervals too narrow; \(options.priceWindows) windows of \(horizon) overlapping steps are a "
                + "small sample, so a few percentage points either way are noise.\n\n"
        }

        var charts: [(path: String, svg: String)] = []
        // RMSE of each window, by model.
        let palette = ["#1f5fa8", "#888888", "#2e8b57", "#6a3d9a", "#b22222", "#e07b00", "#17becf"]
        let windowLabels = origins.map { price.date(at: $0)?.description ?? "" }
        let lines = results.enumerated().map { k, item in
            LineChart.Line(name: item.0, color: palette[k % palette.count],
                           values: item.1.windows.map { $0.score.rmse ?? .nan }, dashed: item.0 != "arima-x")
        }
        let rmseChart = "charts/price-study/rmse-by-origin.svg"
        charts.append((rmseChart, LineChart(title: "Đồng Tháp rice price: RMSE of each \(horizon)-month window, by first test month",
                                            unit: "VND/kg", labels: windowLabels, lines: lines).svg()))
        md += "![RMSE by window](\(rmseChart))\n\n"

        // The regression's forecast from the whole series.
        let full = try LaggedExportRegression(regressor: regressor).forecast(price.values, period: price.period,
                                                                             horizon: horizon, levels: levels)
        md += "`arima-x` on the whole series: \(full.model.name); coefficients "
            + full.model.parameters.keys.sorted().map { "\($0) = \(ReportData.number(full.model.parameters[$0], 4))" }
                .joined(separator: ", ") + " (xreg1 in VND/kg per USD/t).\n\n"
        let fan = try FanChart(series: price, forecast: full, title: "Rice, wholesale, Đồng Tháp: arima-x forecast",
                               unit: "VND/kg", note: "WFP VAM; World Bank Pink Sheet; \(full.model.name)", historyLength: 48,
                               language: .en)
        let fanChart = "charts/price-study/arima-x-forecast.svg"
        charts.append((fanChart, fan.svg()))
        md += "![arima-x forecast](\(fanChart))\n"
        return NotebookPage(title: "Rice price: univariate models against the lagged export price", markdown: md, charts: charts)
    }
}

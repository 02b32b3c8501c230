import AgriData
import Agronomy
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// `muavu publish`: turns a model configuration and its datasets into what the agriculture
/// department and the cooperatives receive — one `muavu.forecast/v1` document and one SVG fan
/// chart per series, the bilingual bulletin (HTML and Markdown) and `index.json`, which says what
/// was published, when, from which data (SHA-256 of every input) and with which models.
///
/// A monthly price is published as `muavu outlook` gives it for the issue day
/// (`PublishedPriceStudy`): the model chosen among the entry's and the export-price link, its 80%
/// range calibrated on its recent errors, and the backtest coverage of such ranges. Other series
/// keep the model with the lowest rolling-origin RMSE (`UnivariateChoice`), with its intervals
/// calibrated on a holdout of the series' last values (`HoldoutCalibrated`).
///
/// Everything is computed in memory first; only then are the files written, into a temporary
/// sibling of the output directory that is renamed into place. A bad configuration or bad data
/// leaves no output behind. Output is a pure function of the configuration, the data and the
/// issue time (`SOURCE_DATE_EPOCH`), so two runs give identical bytes.
public enum Publisher {
    /// A file of the publication: its path inside the output directory and its bytes.
    public struct File: Sendable, Equatable {
        public var path: String
        public var data: Data
    }

    /// Builds the publication (no file is written).
    public static func build(_ configuration: PublishConfiguration, issued: Date) throws -> [File] {
        let issueDay = day(of: issued)
        // 1. Inputs: datasets and calendars, each read once and fingerprinted.
        let data = try ConfiguredDatasets(configuration)
        var inputs: [PublishIndex.Input] = data.datasets.keys.sorted().compactMap { key in
            data.datasets[key].map {
                .init(name: key, kind: "dataset", path: $0.file, sha256: SHA256.hex($0.raw), bytes: $0.raw.count)
            }
        }
        var calendars: [String: CropCalendar] = [:]
        for key in configuration.calendars.keys.sorted() {
            guard let relative = configuration.calendars[key] else { continue }
            let path = configuration.resolve(relative)
            guard let raw = FileManager.default.contents(atPath: path) else {
                throw DataError(.fileNotFound, file: relative, "cannot read calendar '\(key)'")
            }
            calendars[key] = try CropCalendar.decode(raw, file: relative)
            inputs.append(.init(name: key, kind: "calendar", path: relative, sha256: SHA256.hex(raw), bytes: raw.count))
        }
        // The export price the monthly prices are linked to, checked before anything is forecast.
        _ = try data.exportSeries()

        func fail(_ message: String) -> PublishingError {
            PublishingError(.badConfiguration, "\(configuration.file): \(message)")
        }
        func series(_ dataset: String, _ id: String, _ at: String) throws -> (TimeSeries, String) {
            let s = try data.series(dataset, id, at: at)
            // Documents and charts name the file, not where it sat on the machine that published.
            return (s, URL(fileURLWithPath: data.datasets[dataset]?.file ?? "").lastPathComponent)
        }

        // 2. Forecasts, in the configuration's order (a production entry uses an earlier yield entry).
        let levels = configuration.levels.sorted()
        var published: [PublishedSeries] = []
        for (index, entry) in configuration.forecasts.enumerated() {
            let at = "forecasts[\(index)] (\(entry.id))"
            let (s, file) = try series(entry.dataset, entry.series, at)
            let horizon = configuration.horizon(of: entry)
            let unit = entry.unit ?? UnitText.bilingual(s.unit ?? "")
            let decimals = entry.decimals ?? defaultDecimals(s.unit)
            let windows = entry.backtestWindows ?? (s.frequency == .yearly ? 5 : 12)
            var item: PublishedSeries
            switch entry.kind {
            case .series, .price:
                // A monthly price: the model and calibrated range of `muavu outlook`.
                let monthly: Bool
                if case .month = s.start { monthly = entry.kind == .price } else { monthly = false }
                let reported = monthly ? try data.reportedOnly(s, dataset: entry.dataset) : s
                if monthly, PublishedPriceStudy.applies(reported.values) {
                    let link = try data.exportLink(of: entry, price: s)
                    let candidates = try PublishedPriceStudy.candidates(entry, exportRegressor: link.regressor)
                    let (forecast, scored, _) = try PublishedPriceStudy.forecast(
                        reported, candidates: candidates, months: horizon, level: headlineLevel(levels), levels: levels)
                    var selection = scored
                    selection.exportLinkNote = link.note
                    item = PublishedSeries(entry: entry, history: reported, fitted: s, forecast: forecast, datasetFile: file,
                                           unit: unit, decimals: decimals, selection: selection)
                } else {
                    let (forecast, selection) = try UnivariateChoice.forecast(
                        s, models: entry.models ?? [], horizon: horizon, levels: levels, windows: windows)
                    item = PublishedSeries(entry: entry, history: reported, fitted: s, forecast: forecast, datasetFile: file,
                                           unit: unit, decimals: decimals, selection: selection)
                }
                if monthly { try addPriceOutlook(&item, asOf: issueDay, level: headlineLevel(levels)) }
            case .yield:
                guard case .year(let firstYear) = s.start else { throw fail("\(at): a yield series must be yearly") }
                var indicators: [CropYieldModel.Indicator] = []
                for (j, spec) in (entry.indicators ?? []).enumerated() {
                    let (driver, _) = try series(spec.dataset, spec.series, "\(at).indicators[\(j)]")
                    var calendar: CropCalendar?
                    var season: Int?
                    if let key = spec.calendar { calendar = calendars[key] }
                    if let name = spec.season {
                        guard let found = calendar?.season(named: name) else {
                            throw fail("\(at).indicators[\(j)]: no season '\(name)' in calendar '\(spec.calendar ?? "")'")
                        }
                        season = found.number
                    }
                    let aligned = try CovariateAligner.align(driver: driver, to: s, horizon: horizon, name: spec.name ?? spec.series,
                                                             lagMonths: spec.lagMonths ?? 0, calendar: calendar, cropSeason: season)
                    indicators.append(.init(name: aligned.name, past: aligned.values, future: aligned.future))
                }
                let result = try CropYieldModel.forecast(
                    yields: s.values, firstYear: firstYear, indicators: indicators, horizon: horizon, levels: levels,
                    options: .init(trendYears: entry.trendYears ?? 15))
                let selection = ModelSelection(
                    method: "loyo", span: "\(result.years.lowerBound)–\(result.years.upperBound)",
                    candidates: result.candidates.map {
                        .init(name: $0.name, rmse: $0.rmse, mape: $0.mape, coverage80: nil, chosen: $0.chosen, note: $0.description)
                    })
                item = PublishedSeries(entry: entry, history: s, fitted: s, forecast: result.forecast, datasetFile: file,
                                       unit: unit, decimals: decimals, selection: selection)
            case .production:
                guard let areaSpec = entry.area, let yieldID = entry.yield,
                      let yieldItem = published.first(where: { $0.entry.id == yieldID })
                else { throw fail("\(at): needs 'area' and an earlier yield entry") }
                let (area, _) = try series(areaSpec.dataset ?? entry.dataset, areaSpec.series, "\(at).area")
                guard let areaEnd = area.date(at: area.count - 1), let yieldEnd = yieldItem.history.date(at: yieldItem.history.count - 1),
                      let end = s.date(at: s.count - 1), areaEnd == yieldEnd, end == yieldEnd
                else {
                    throw fail("\(at): the area, yield and production series must end in the same year")
                }
                let (areaForecast, areaSelection) = try UnivariateChoice.forecast(
                    area, models: areaSpec.models, horizon: horizon, levels: levels, windows: windows)
                let forecast = try ProductionForecast.combine(area: areaForecast, yield: yieldItem.forecast, levels: levels,
                                                              seed: configuration.seed &+ UInt64(index))
                item = PublishedSeries(entry: entry, history: s, fitted: s, forecast: forecast, datasetFile: file, unit: unit,
                                       decimals: decimals, selection: yieldItem.selection, areaSelection: areaSelection)
            }
            published.append(item)
        }

        // 3. Documents, charts, bulletin, index.
        var files: [File] = []
        for p in published {
            let document = ForecastDocument(dataset: p.datasetFile, horizon: p.forecast.horizon, levels: levels,
                                            series: [p.fitted], outcomes: [.success(p.forecast)], issued: issued)
            files.append(File(path: p.documentFile, data: try DocumentEncoder.encode(document)))
        }
        let bulletin = try BulletinAssembly.bulletin(configuration, published: published, issueDay: issueDay,
                                                     level: headlineLevel(levels))
        for chart in bulletin.chartFiles() {
            files.append(File(path: chart.path, data: Data(chart.svg.utf8)))
        }
        files.append(File(path: "bulletin.html", data: Data(bulletin.html().utf8)))
        files.append(File(path: "bulletin.md", data: Data(bulletin.markdown().utf8)))
        let index = PublishIndex(configuration: configuration, issued: issued, inputs: inputs, published: published,
                                 levels: levels, files: files)
        files.append(File(path: "index.json", data: try DocumentEncoder.encode(index)))
        return files
    }

    /// Builds the publication and writes it to `directory` whole or not at all. The directory is
    /// checked before anything is computed (`OutputDirectory`: exit 64 when it is unsafe);
    /// `waiting` is told when another run is writing there.
    @discardableResult
    public static func publish(_ configuration: PublishConfiguration, to directory: String, issued: Date,
                               waiting: (String) -> Void = { _ in }) throws -> [File] {
        let output = try OutputDirectory(directory, kind: .publish, inputs: configuration.inputPaths)
        let files = try build(configuration, issued: issued)
        try output.write(files, waiting: waiting)
        return files
    }

    static func headlineLevel(_ levels: [Int]) -> Int { levels.contains(80) ? 80 : levels[0] }

    static func defaultDecimals(_ unit: String?) -> Int {
        switch unit {
        case "t/ha": 2
        case "USD/kg": 2
        default: 0
        }
    }

    /// The UTC day of `date` (the issue day of a bulletin, the default `--as-of` of an outlook).
    public static func day(of date: Date) -> PeriodDate {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let c = PeriodDate.civilFromDays(days)
        return .day(year: c.year, month: c.month, day: c.day)
    }

    /// The price outlook and alerts of a monthly price, worded as `muavu outlook` words them: the
    /// first month with its range, the later months, and how often such ranges held the price
    /// (when the range is calibrated). The alerts and the latest and year-ago prices use
    /// `item.history`, the months with a reported price only.
    static func addPriceOutlook(_ item: inout PublishedSeries, asOf: PeriodDate, level: Int) throws {
        let history = item.history
        let alerts = PriceAlerts(history, asOf: asOf)
        let spike = try? alerts.spike.get(), anomaly = try? alerts.anomaly.get()
        let commodity = item.entry.commodity ?? item.entry.name
        let market = item.entry.market ?? Bilingual(vi: "", en: "")
        var outlook = try PriceOutlook(series: history, forecast: item.forecast, step: 1, level: level, anomaly: anomaly,
                                       spike: spike, commodity: commodity, market: market, unit: item.unit,
                                       decimals: item.decimals)
        if let r = item.selection.range {
            outlook = outlook.with(following: item.forecast, after: 1,
                                   backtest: r.cases > 0 ? .init(held: r.held, cases: r.cases) : nil)
        }
        item.outlook = outlook
        if spike != nil || anomaly != nil {
            item.alert = Bulletin.PriceAlert(commodity: commodity, market: market, unit: item.unit.vi, anomaly: anomaly, spike: spike)
        }
    }
}

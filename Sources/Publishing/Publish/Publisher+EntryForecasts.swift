import AgriData
import Agronomy
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

extension Publisher {
    /// The forecast of each configured entry, one strategy of model selection per kind of entry:
    /// a monthly price takes `muavu outlook`'s model and calibrated range (`PublishedPriceStudy`),
    /// another series the lowest rolling-origin RMSE (`UnivariateChoice`), a yield the crop-yield
    /// model chosen by leave-one-year-out (`CropYieldModel`), and a production the product of an
    /// area forecast and an earlier yield entry (`ProductionForecast`).
    struct EntryForecasts {
        var configuration: PublishConfiguration
        var data: ConfiguredDatasets
        var calendars: [String: CropCalendar]
        var levels: [Int]
        var issueDay: PeriodDate

        /// What every strategy knows of its entry.
        struct Entry {
            var entry: PublishConfiguration.Entry
            /// Where the entry sits in the configuration: its index, and its place for messages.
            var index: Int, at: String
            var series: TimeSeries
            /// The dataset's file name, as documents and charts give it.
            var file: String
            var unit: Bilingual
            var horizon, decimals, windows: Int
        }

        /// The published series of `entry`; `earlier` are the entries published before it.
        func publish(_ entry: PublishConfiguration.Entry, index: Int, earlier: [PublishedSeries]) throws
            -> PublishedSeries
        {
            let at = "forecasts[\(index)] (\(entry.id))"
            let (raw, file) = try series(entry.dataset, entry.series, at)
            let s = try UnitText.converted(raw, to: entry.unit)
            // The horizon counts from the issue period; the periods before it are estimates.
            let estimates = PublishedSeries.estimates(s, issueDay: issueDay)
            let horizon = configuration.horizon(of: entry)
            guard Limits.horizon.contains(estimates + horizon) else {
                throw fail(
                    "\(at): the data ends \(estimates + 1) periods before the issue date, so a horizon of \(horizon) "
                        + "would forecast \(estimates + horizon) periods, more than \(Limits.horizon.range.upperBound); "
                        + "lower 'horizon' or publish --as-of an earlier date")
            }
            let context = Entry(
                entry: entry, index: index, at: at, series: s, file: file,
                unit: UnitText.bilingual(s.unit ?? ""),
                horizon: estimates + horizon,
                decimals: entry.decimals ?? Publisher.defaultDecimals(s.unit),
                windows: entry.backtestWindows ?? (s.frequency == .yearly ? 5 : 12))
            var item: PublishedSeries
            switch entry.kind {
            case .series, .price: item = try priceOrSeries(context)
            case .yield: item = try yieldSeries(context)
            case .production: item = try production(context, earlier: earlier)
            }
            item.issueDay = issueDay
            item.age = DataAge(of: item.history, issueDay: issueDay, freshness: configuration.freshnessMonths(of: entry))
            return item
        }

        /// Why `entry` has no forecast, or nil when it has one: its last observation is more than
        /// `DataAge.maximumGap` periods before the issue date, or its yield entry is withheld.
        func withheld(_ entry: PublishConfiguration.Entry, index: Int, earlier: [WithheldSeries]) throws
            -> WithheldSeries?
        {
            if let y = entry.yield, let w = earlier.first(where: { $0.entry.id == y }) {
                let reason = Bilingual(
                    vi: "\(entry.name.vi): không dự báo, vì \(w.entry.name.vi) không được dự báo.",
                    en: "\(entry.name.en): no forecast, as \(w.entry.name.en) has none.")
                return WithheldSeries(entry: entry, age: w.age, reason: reason)
            }
            let (s, _) = try series(entry.dataset, entry.series, "forecasts[\(index)] (\(entry.id))")
            guard let age = DataAge(of: s, issueDay: issueDay, freshness: configuration.freshnessMonths(of: entry)),
                age.isPastMaximumGap
            else { return nil }
            return WithheldSeries(entry: entry, age: age, reason: DataAgeWording.withheld(entry.name, age))
        }

        func fail(_ message: String) -> PublishingError {
            PublishingError(.badConfiguration, "\(configuration.file): \(message)")
        }

        func series(_ dataset: String, _ id: String, _ at: String) throws -> (TimeSeries, String) {
            let s = try data.series(dataset, id, at: at)
            // Documents and charts name the file, not where it sat on the machine that published.
            return (s, URL(fileURLWithPath: data.datasets[dataset]?.file ?? "").lastPathComponent)
        }

        /// A monthly price: the model and calibrated range of `muavu outlook`; another series (or a
        /// price too short for the outlook's study): the lowest rolling-origin RMSE.
        func priceOrSeries(_ c: Entry) throws -> PublishedSeries {
            let s = c.series
            let monthly: Bool
            if case .month = s.start { monthly = c.entry.kind == .price } else { monthly = false }
            let reported = monthly ? try data.reportedOnly(s, dataset: c.entry.dataset) : s
            var item: PublishedSeries
            if monthly, PublishedPriceStudy.applies(reported.values) {
                let link = try data.exportLink(of: c.entry, price: s)
                let candidates = try PublishedPriceStudy.candidates(c.entry, exportRegressor: link.regressor)
                let (forecast, scored, _) = try PublishedPriceStudy.forecast(
                    reported, candidates: candidates, months: c.horizon, level: Publisher.headlineLevel(levels),
                    levels: levels)
                var selection = scored
                selection.exportLinkNote = link.note
                item = PublishedSeries(
                    entry: c.entry, history: reported, fitted: s, forecast: forecast, datasetFile: c.file,
                    unit: c.unit, decimals: c.decimals, selection: selection)
            } else {
                let (forecast, selection) = try UnivariateChoice.forecast(
                    s, models: c.entry.models ?? [], horizon: c.horizon, levels: levels, windows: c.windows)
                item = PublishedSeries(
                    entry: c.entry, history: reported, fitted: s, forecast: forecast, datasetFile: c.file,
                    unit: c.unit, decimals: c.decimals, selection: selection)
            }
            if monthly {
                try Publisher.addPriceOutlook(
                    &item, asOf: issueDay, level: Publisher.headlineLevel(levels),
                    freshness: configuration.freshnessMonths(of: c.entry))
            }
            return item
        }

        /// A yearly yield: the crop-yield model on its indicators, chosen by leave-one-year-out.
        func yieldSeries(_ c: Entry) throws -> PublishedSeries {
            let s = c.series
            guard case .year(let firstYear) = s.start else { throw fail("\(c.at): a yield series must be yearly") }
            var indicators: [CropYieldModel.Indicator] = []
            for (j, spec) in (c.entry.indicators ?? []).enumerated() {
                let (driver, _) = try series(spec.dataset, spec.series, "\(c.at).indicators[\(j)]")
                var calendar: CropCalendar?
                var season: Int?
                if let key = spec.calendar { calendar = calendars[key] }
                if let name = spec.season {
                    guard let found = calendar?.season(named: name) else {
                        throw fail("\(c.at).indicators[\(j)]: no season '\(name)' in calendar '\(spec.calendar ?? "")'")
                    }
                    season = found.number
                }
                let aligned = try CovariateAligner.align(
                    driver: driver, to: s, horizon: c.horizon, name: spec.name ?? spec.series,
                    lagMonths: spec.lagMonths ?? 0, calendar: calendar, cropSeason: season)
                indicators.append(.init(name: aligned.name, past: aligned.values, future: aligned.future))
            }
            let result = try CropYieldModel.forecast(
                yields: s.values, firstYear: firstYear, indicators: indicators, horizon: c.horizon, levels: levels,
                options: .init(trendYears: c.entry.trendYears ?? 15))
            let selection = ModelSelection(
                method: "loyo", span: "\(result.years.lowerBound)–\(result.years.upperBound)",
                candidates: result.candidates.map {
                    .init(
                        name: $0.name, rmse: $0.rmse, mape: $0.mape, coverage80: nil, chosen: $0.chosen,
                        note: $0.description)
                })
            return PublishedSeries(
                entry: c.entry, history: s, fitted: s, forecast: result.forecast, datasetFile: c.file,
                unit: c.unit, decimals: c.decimals, selection: selection)
        }

        /// A production: an area forecast (lowest rolling-origin RMSE) times an earlier yield entry's.
        func production(_ c: Entry, earlier: [PublishedSeries]) throws -> PublishedSeries {
            let s = c.series
            guard let areaSpec = c.entry.area, let yieldID = c.entry.yield,
                let yieldItem = earlier.first(where: { $0.entry.id == yieldID })
            else { throw fail("\(c.at): needs 'area' and an earlier yield entry") }
            let (area, _) = try series(areaSpec.dataset ?? c.entry.dataset, areaSpec.series, "\(c.at).area")
            guard let areaEnd = area.date(at: area.count - 1),
                let yieldEnd = yieldItem.history.date(at: yieldItem.history.count - 1),
                let end = s.date(at: s.count - 1), areaEnd == yieldEnd, end == yieldEnd
            else {
                throw fail("\(c.at): the area, yield and production series must end in the same year")
            }
            let (areaForecast, areaSelection) = try UnivariateChoice.forecast(
                area, models: areaSpec.models, horizon: c.horizon, levels: levels, windows: c.windows)
            let product = try ProductionForecast.combine(
                area: areaForecast, yield: yieldItem.forecast, levels: levels,
                seed: configuration.seed &+ UInt64(c.index))
            let forecast = product.scaled(
                by: try Publisher.productFactor(area: area.unit, yield: yieldItem.history.unit, to: s.unit))
            return PublishedSeries(
                entry: c.entry, history: s, fitted: s, forecast: forecast, datasetFile: c.file, unit: c.unit,
                decimals: c.decimals, selection: yieldItem.selection, areaSelection: areaSelection)
        }
    }
}

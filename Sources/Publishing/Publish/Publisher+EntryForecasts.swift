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
    /// model chosen by leave-one-year-out or, with `"selection": "rolling-origin"`, by rolling
    /// origin over its last 12 years (`CropYieldModel`), and a production the product of an area
    /// forecast and an earlier yield entry (`ProductionForecast`).
    struct EntryForecasts {
        /// The rolling origins a yield entry with `"selection": "rolling-origin"` is scored on.
        static let yieldOrigins = 12

        static func selection(of entry: PublishConfiguration.Entry) -> CropYieldModel.Selection {
            entry.selection == "rolling-origin" ? .rollingOrigin(origins: yieldOrigins) : .leaveOneYearOut
        }

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
            let calendar = try entry.calendar.map { try seasonCalendar($0, of: s, at) }
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
            item.calendar = calendar
            item.age = DataAge(
                of: item.history, issueDay: issueDay, freshness: configuration.freshnessMonths(of: entry))
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
            let age = DataAge(of: s, issueDay: issueDay, freshness: configuration.freshnessMonths(of: entry))
            if let age, age.isPastMaximumGap {
                return WithheldSeries(entry: entry, age: age, reason: DataAgeWording.withheld(entry.name, age))
            }
            return try quotedGaps(entry, series: s, age: age)
        }

        /// A price built from quotes whose gaps no candidate can take: withheld, saying so
        /// (`QuotedSeriesWording.refusal`); nil when it can be forecast.
        func quotedGaps(_ entry: PublishConfiguration.Entry, series s: TimeSeries, age: DataAge?) throws
            -> WithheldSeries?
        {
            guard entry.quotes != nil, entry.kind == .price, case .month = s.start else { return nil }
            let reported = try data.reportedOnly(s, dataset: entry.dataset)
            let (gaps, months) = QuotedSeriesWording.interiorGaps(reported.values)
            guard gaps > 0 else { return nil }
            let link = try data.exportLink(of: entry, price: s)
            let candidates = try PublishedPriceStudy.candidates(entry, exportRegressor: link.regressor)
            let refusing = OutlookStudy.refusingGaps(candidates, period: s.period)
            guard refusing.count == candidates.count else { return nil }
            return WithheldSeries(
                entry: entry, age: age,
                reason: QuotedSeriesWording.refusal(entry.name, gaps: gaps, months: months, models: refusing))
        }

        /// The calendar `key` of a season series, checked to have as many crops a year as the series.
        func seasonCalendar(_ key: String, of s: TimeSeries, _ at: String) throws -> CropCalendar {
            guard let calendar = calendars[key] else { throw fail("\(at): unknown calendar '\(key)'") }
            guard case .season(_, _, let k) = s.start else {
                throw fail(
                    "\(at): calendar '\(key)' names crop seasons, but series '\(s.id)' is not of seasons (YYYY-Sn)")
            }
            guard k == calendar.period else {
                throw fail(
                    "\(at): calendar '\(key)' has \(calendar.period) crop seasons a year, series '\(s.id)' has \(k); "
                        + "name a calendar of \(k) seasons")
            }
            return calendar
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
            var chosen: (study: OutlookStudy, candidates: [OutlookStudy.Candidate])?
            if monthly, PublishedPriceStudy.applies(reported.values) {
                let link = try data.exportLink(of: c.entry, price: s)
                let candidates = try PublishedPriceStudy.candidates(c.entry, exportRegressor: link.regressor)
                let (forecast, scored, study) = try PublishedPriceStudy.forecast(
                    reported, candidates: candidates, months: c.horizon, level: Publisher.headlineLevel(levels),
                    levels: levels, fillGaps: c.entry.quotes == nil)
                chosen = (study, candidates)
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
                if let chosen {
                    try Publisher.addSellOrStore(
                        &item, configuration: configuration, study: chosen.study, candidates: chosen.candidates)
                }
            }
            return item
        }

        /// A yearly yield: the crop-yield model on its indicators, chosen by leave-one-year-out. A
        /// season yield: the same, season by season (`seasonYieldSeries`).
        func yieldSeries(_ c: Entry) throws -> PublishedSeries {
            let s = c.series
            if case .season(let y, let n, let k) = s.start {
                return try seasonYieldSeries(c, firstYear: y, firstSeason: n, seasonsPerYear: k)
            }
            guard case .year(let firstYear) = s.start else {
                throw fail("\(c.at): a yield series must be yearly or of crop seasons (YYYY-Sn)")
            }
            let result = try cropYield(c, yearly: s, firstYear: firstYear, horizon: c.horizon, cropSeason: nil)
            let selection = ModelSelection(
                method: Self.selection(of: c.entry).method,
                span: "\(result.years.lowerBound)–\(result.years.upperBound)",
                candidates: result.candidates.map {
                    .init(
                        name: $0.name, rmse: $0.rmse, mape: $0.mape, coverage80: nil, chosen: $0.chosen,
                        note: $0.description)
                })
            return PublishedSeries(
                entry: c.entry, history: s, fitted: s, forecast: result.forecast, datasetFile: c.file,
                unit: c.unit, decimals: c.decimals, selection: selection)
        }

        /// A yield of k crop seasons a year (`YYYY-Sn`): each season's yearly sub-series (Đông Xuân
        /// 1995, 1996, ...) is forecast by the crop-yield model, its indicators averaged over that
        /// season's covariate window when they name a calendar (an indicator's own `season`, if
        /// given, is kept for every season); the forecasts are interleaved back into the season
        /// series' steps. Seasons are modelled apart because their yields differ in level and trend
        /// (Đồng Tháp: Đông Xuân ≈ 70 tạ/ha, Hè Thu + Thu Đông ≈ 57), as GSO reports them.
        func seasonYieldSeries(_ c: Entry, firstYear: Int, firstSeason: Int, seasonsPerYear k: Int) throws
            -> PublishedSeries
        {
            let s = c.series
            let n = s.count
            func season(_ i: Int) -> Int { (firstSeason - 1 + i) % k + 1 }
            func year(_ i: Int) -> Int { firstYear + (firstSeason - 1 + i) / k }
            var mean = [Double](repeating: .nan, count: c.horizon)
            var bounds = levels.map { _ in
                (lower: [Double](repeating: .nan, count: c.horizon), upper: [Double](repeating: .nan, count: c.horizon))
            }
            var scores: [ModelSelection.Score] = []
            var chosen: [String] = []
            var span: ClosedRange<Int>?
            for j in 1...k {
                let past = (0..<n).filter { season($0) == j }
                let steps = (0..<c.horizon).filter { season(n + $0) == j }
                guard let first = past.first else { throw fail("\(c.at): season \(j) has no observation") }
                let name = seasonName(c, j, k: k)
                guard !steps.isEmpty else { continue }
                let sub = TimeSeries(
                    id: "\(s.id) (\(name))", values: past.map { s.values[$0] }, frequency: .yearly,
                    start: .year(year(first)), unit: s.unit)
                let r = try cropYield(c, yearly: sub, firstYear: year(first), horizon: steps.count, cropSeason: j)
                for (h, step) in steps.enumerated() {
                    mean[step] = r.forecast.mean[h]
                    for (l, level) in levels.enumerated() {
                        guard let interval = r.forecast.interval(level: level) else { continue }
                        bounds[l].lower[step] = interval.lower[h]
                        bounds[l].upper[step] = interval.upper[h]
                    }
                }
                scores += r.candidates.map {
                    .init(
                        name: "\(name): \($0.name)", rmse: $0.rmse, mape: $0.mape, coverage80: nil,
                        chosen: $0.chosen, note: $0.description)
                }
                chosen.append("\(name): \(r.forecast.model.name)")
                span =
                    span.map { min($0.lowerBound, r.years.lowerBound)...max($0.upperBound, r.years.upperBound) }
                    ?? r.years
            }
            var forecast = Forecast(
                model: ModelSummary(
                    name: chosen.joined(separator: "; "), family: "crop-yield by season",
                    notes: ["each crop season forecast by the crop-yield model on its own years, then interleaved"]),
                mean: mean,
                intervals: zip(levels, bounds).map { .init(level: $0, lower: $1.lower, upper: $1.upper) })
            forecast.fitted = nil
            let selection = ModelSelection(
                method: Self.selection(of: c.entry).method, span: span.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "–", candidates: scores)
            return PublishedSeries(
                entry: c.entry, history: s, fitted: s, forecast: forecast, datasetFile: c.file,
                unit: c.unit, decimals: c.decimals, selection: selection)
        }

        /// Season `j` of k as the entry's calendar names it ("Đông Xuân"), else "Vụ j".
        private func seasonName(_ c: Entry, _ j: Int, k: Int) -> String {
            guard let key = c.entry.calendar, let cal = calendars[key], cal.period == k,
                let season = cal.season(j)
            else { return "Vụ \(j)" }
            return season.nameVi
        }

        /// The crop-yield model on the yearly series `yearly` (one crop, or the whole year), with the
        /// entry's indicators averaged over crop season `cropSeason`'s window (nil: the indicator's
        /// own season, or January–December).
        func cropYield(
            _ c: Entry, yearly s: TimeSeries, firstYear: Int, horizon: Int, cropSeason: Int?
        ) throws -> CropYieldModel.Result {
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
                } else if let cropSeason, let calendar {
                    // A season series: this season's window, numbered as the series numbers it.
                    guard case .season(_, _, let k) = c.series.start, calendar.period == k else {
                        throw fail(
                            "\(c.at).indicators[\(j)]: calendar '\(spec.calendar ?? "")' has \(calendar.period) "
                                + "crops a year, the series another number")
                    }
                    season = cropSeason
                }
                let aligned = try CovariateAligner.align(
                    driver: driver, to: s, horizon: horizon, name: spec.name ?? spec.series,
                    lagMonths: spec.lagMonths ?? 0, calendar: calendar, cropSeason: season)
                indicators.append(.init(name: aligned.name, past: aligned.values, future: aligned.future))
            }
            return try CropYieldModel.forecast(
                yields: s.values, firstYear: firstYear, indicators: indicators, horizon: horizon, levels: levels,
                options: .init(trendYears: c.entry.trendYears ?? 15, selection: Self.selection(of: c.entry)))
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

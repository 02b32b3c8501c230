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

    /// Builds the publication (no file is written); the configuration's store datasets are read
    /// from `store`.
    /// - Parameters:
    ///   - issued: when the publication is made (`SOURCE_DATE_EPOCH` fixes it): the generated-at time.
    ///   - issueDay: the issue date the bulletin is dated by and the data's age is counted to
    ///     (`--as-of`); the day of `issued` when nil.
    public static func build(
        _ configuration: PublishConfiguration, issued: Date, issueDay: PeriodDate? = nil,
        store: (any SeriesStore)? = nil
    ) throws -> [File] {
        try publication(configuration, issued: issued, issueDay: issueDay, store: store).files
    }

    /// Builds the publication (no file is written) with its forecasts of record (of `origin`).
    /// `trackRecord` holds the forecasts of record of earlier issues with their checks: the
    /// bulletin's change since the previous issue and its track record come from them.
    public static func publication(
        _ configuration: PublishConfiguration, issued: Date, issueDay: PeriodDate? = nil,
        store: (any SeriesStore)? = nil, origin: ForecastRecord.Origin = .issued,
        trackRecord: [CheckedRecord] = []
    ) throws -> Publication {
        let issueDay = issueDay ?? day(of: issued)
        // Only what was known on the issue day: earlier issues, and checks with data released by then.
        let trackRecord = known(trackRecord, on: issueDay)
        // 1. Inputs: datasets and calendars, each read once and fingerprinted.
        var data = try ConfiguredDatasets(configuration, store: store)
        data.issueDay = issueDay
        var inputs: [PublishIndex.Input] = data.datasets.keys.sorted().compactMap { key in
            data.datasets[key].map {
                .init(name: key, kind: "dataset", path: $0.file, data: $0.raw)
            }
        }
        let calendars = try readCalendars(configuration, inputs: &inputs)
        // The export price the monthly prices are linked to, checked before anything is forecast.
        _ = try data.exportSeries()

        // 2. Forecasts, in the configuration's order (a production entry uses an earlier yield entry).
        let levels = configuration.levels.sorted()
        let sources = EntryForecasts(
            configuration: configuration, data: data, calendars: calendars,
            levels: levels, issueDay: issueDay)
        var published: [PublishedSeries] = []
        var withheld: [WithheldSeries] = []
        for (index, entry) in configuration.forecasts.enumerated() {
            if let w = try sources.withheld(entry, index: index, earlier: withheld) {
                withheld.append(w)
            } else {
                published.append(try sources.publish(entry, index: index, earlier: published))
            }
        }
        guard !published.isEmpty else {
            throw PublishingError(
                .badConfiguration,
                "\(configuration.file): no series can be forecast: "
                    + withheld.map(\.reason.en).joined(separator: " "))
        }

        // The province's own official figures by season.
        let province = try ProvinceFigures.section(
            configuration, data: data, calendars: calendars, issueDay: issueDay)

        // 3. Documents, charts, bulletin, index; and the forecasts of record.
        let files = try Self.files(
            configuration, published: published, withheld: withheld, inputs: inputs, levels: levels,
            issued: issued, issueDay: issueDay, province: province, trackRecord: trackRecord)
        let records = try Self.records(published, data: data, store: store, issueDay: issueDay, origin: origin)
        return Publication(files: files, records: records)
    }

    /// The records issued before `issueDay`, each with its check only when the observation it
    /// used was released by the end of that day: a publication made `--as-of` a past day shows the
    /// track record as it stood then.
    static func known(_ records: [CheckedRecord], on issueDay: PeriodDate) -> [CheckedRecord] {
        let end = Date(timeIntervalSince1970: Double(issueDay.ordinal + 1) * 86_400)
        return records.filter { $0.record.issueDay < issueDay }.map { c in
            var c = c
            if let check = c.check, check.vintage >= end { c.check = nil }
            return c
        }
    }

    /// The crop calendars of the configuration, each read once and added to `inputs` with its
    /// fingerprint.
    static func readCalendars(
        _ configuration: PublishConfiguration,
        inputs: inout [PublishIndex.Input]
    ) throws -> [String: CropCalendar] {
        var calendars: [String: CropCalendar] = [:]
        for key in configuration.calendars.keys.sorted() {
            guard let relative = configuration.calendars[key] else { continue }
            let path = configuration.resolve(relative)
            guard let raw = FileManager.default.contents(atPath: path) else {
                throw DataError(.fileNotFound, file: relative, "cannot read calendar '\(key)'")
            }
            calendars[key] = try CropCalendar.decode(raw, file: relative)
            inputs.append(.init(name: key, kind: "calendar", path: relative, data: raw))
        }
        return calendars
    }

    /// The files of the publication: a forecast document per series, the bulletin's charts, the
    /// bulletin in HTML and Markdown, and last the index, which lists the files before it.
    static func files(
        _ configuration: PublishConfiguration, published: [PublishedSeries], withheld: [WithheldSeries] = [],
        inputs: [PublishIndex.Input], levels: [Int], issued: Date, issueDay: PeriodDate,
        province: Bulletin.ProvinceSection? = nil, trackRecord: [CheckedRecord] = []
    ) throws -> [File] {
        var files: [File] = []
        for p in published {
            let document = ForecastDocument(
                dataset: p.datasetFile, horizon: p.forecast.horizon, levels: levels,
                series: [p.fitted], outcomes: [.success(p.forecast)], issued: issued,
                issueDay: issueDay, freshness: [configuration.freshnessMonths(of: p.entry)])
            files.append(File(path: p.documentFile, data: try DocumentEncoder.encode(document)))
        }
        let bulletin = try BulletinAssembly.bulletin(
            configuration, published: published, withheld: withheld, issueDay: issueDay,
            level: headlineLevel(levels), province: province, trackRecord: trackRecord)
        for chart in bulletin.chartFiles() {
            files.append(File(path: chart.path, data: Data(chart.svg.utf8)))
        }
        if let csv = province?.reconciled.first?.csv {
            files.append(File(path: "province-seasons.csv", data: csv))
        }
        files.append(File(path: "bulletin.html", data: Data(bulletin.html().utf8)))
        files.append(File(path: "bulletin.md", data: Data(bulletin.markdown().utf8)))
        files += phonePages(published, issueDay: issueDay)
        let index = PublishIndex(
            configuration: configuration, issued: issued, inputs: inputs, published: published,
            withheld: withheld, levels: levels, files: files)
        files.append(File(path: "index.json", data: try DocumentEncoder.encode(index)))
        return files
    }

    /// Builds the publication and writes it to `directory` whole or not at all. The directory is
    /// checked before anything is computed (`OutputDirectory`: exit 64 when it is unsafe; the
    /// store is one of the inputs it must not hold); `waiting` is told when another run is writing
    /// there.
    @discardableResult
    public static func publish(
        _ configuration: PublishConfiguration, to directory: String, issued: Date, issueDay: PeriodDate? = nil,
        store: (any SeriesStore)? = nil, trackRecord: [CheckedRecord] = [], waiting: (String) -> Void = { _ in }
    ) throws -> Publication {
        let inputs = configuration.inputPaths + (store.map { [PhysicalPath.resolve($0.path)] } ?? [])
        let output = try OutputDirectory(directory, kind: .publish, inputs: inputs)
        let publication = try Self.publication(
            configuration, issued: issued, issueDay: issueDay, store: store, trackRecord: trackRecord)
        try output.write(publication.files, waiting: waiting)
        return publication
    }

    /// The outlook of each monthly price as a phone page, `phone/<entry id>.html`, linked back to
    /// the bulletin, and `phone/index.html` listing them (`OutlookPage`); none without a price
    /// outlook.
    static func phonePages(_ published: [PublishedSeries], issueDay: PeriodDate) -> [File] {
        var files: [File] = []
        var entries: [OutlookPage.Entry] = []
        for p in published {
            guard let outlook = p.outlook else { continue }
            let page = OutlookPage.html(
                outlook, history: p.history, forecast: p.forecast,
                waiting: p.sellOrStore.flatMap(OutlookMessage.Waiting.init), bulletin: "../bulletin.html")
            files.append(File(path: "phone/\(p.entry.id).html", data: Data(page.utf8)))
            entries.append(.init(outlook: outlook, file: "\(p.entry.id).html"))
        }
        guard !entries.isEmpty else { return [] }
        return files + [File(path: "phone/index.html", data: Data(OutlookPage.index(entries, issued: issueDay).utf8))]
    }

    static func headlineLevel(_ levels: [Int]) -> Int { levels.contains(80) ? 80 : levels[0] }

    static func defaultDecimals(_ unit: String?) -> Int {
        switch unit {
        case "t/ha": 2
        case "tạ/ha": 1
        case "USD/kg": 2
        default: 0
        }
    }

    /// The UTC day of `date` (the issue day of a bulletin, the default `--as-of` of an outlook).
    public static func day(of date: Date) -> PeriodDate { IssueTime.day(of: date) }

    /// The price outlook and alerts of a monthly price, worded as `muavu outlook` words them: the
    /// first month with its range, the later months, and how often such ranges held the price
    /// (when the range is calibrated). The alerts and the latest and year-ago prices use
    /// `item.history`, the months with a reported price only.
    static func addPriceOutlook(
        _ item: inout PublishedSeries, asOf: PeriodDate, level: Int, freshness: Int? = nil
    ) throws {
        let history = item.history
        let maximumAge = freshness ?? DataAge.defaultFreshness(.monthly)
        let alerts = PriceAlerts(history, asOf: asOf, maximumAge: maximumAge)
        let spike = try? alerts.spike.get()
        let anomaly = try? alerts.anomaly.get()
        let commodity = item.entry.commodity ?? item.entry.name
        let market = item.entry.market ?? Bilingual(vi: "", en: "")
        // The outlook speaks of the issue month; the months before it are estimates.
        let step = min(PublishedSeries.estimates(history, issueDay: asOf) + 1, item.forecast.horizon)
        var outlook = try PriceOutlook(
            series: history, forecast: item.forecast, step: step, level: level, anomaly: anomaly,
            spike: spike, commodity: commodity, market: market, unit: item.unit,
            decimals: item.decimals, maximumAlertAge: maximumAge, issued: asOf)
        if let r = item.selection.range {
            outlook = outlook.with(
                following: item.forecast, after: step,
                backtest: r.cases > 0 ? .init(held: r.held, cases: r.cases) : nil)
        }
        item.outlook = outlook
        if spike != nil || anomaly != nil {
            item.alert = Bulletin.PriceAlert(
                commodity: commodity, market: market, unit: item.unit.vi, anomaly: anomaly, spike: spike,
                anomalyMaximumAge: maximumAge, spikeMaximumAge: maximumAge)
        }
    }
}

import AgriData
import Agronomy
import ArgumentParser
import Documents
import Forecasting
import Foundation
import Publishing
import Store
import TimeSeriesCore

/// `muavu outlook --commodity rice --market "Đồng Tháp" [--lang vi|en|both] [--months N] [--json]`:
/// the price outlook in words, or as a `muavu.outlook/v1` document.
struct Outlook: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the price outlook of a monthly price series in Vietnamese and English (or as JSON).",
        discussion: """
            Finds the price series of --commodity at --market among the price entries of the model \
            configuration (--config, default models/dong-thap.json), or takes --data FILE --series ID. \
            The univariate models (the entry's, or --model) and the link to the export price (the \
            configuration's exportLink entry, or --export-link; regression on the export price of the month \
            before with ARIMA errors) are compared by rolling origin, each origin seeing only the months before it; the \
            model with the lowest RMSE forecasts from the latest price through the issue month (--as-of) plus \
            --months months, the months before the issue month as estimates; a latest price more than 24 months \
            before the issue month gets no outlook (exit 65). Its 80% range is calibrated on its own \
            past errors (split-conformal on the most recent --calibration-origins origins), and the share \
            of such ranges that held the price in the backtest is reported.
            The text words the expected price with its range, the change from the latest price and from \
            the same month a year earlier, and the price alerts: WFP ALPS (price against its seasonal \
            trend) and FAO GIEWS IPA (growth against the same month in other years), given only while \
            the latest price is at most two months older than --as-of (default: today, or SOURCE_DATE_EPOCH). \
            --as-of is the issue date, as for every command that reads data: a configuration's store \
            datasets are read as known at the end of that day or month, and the data's age is counted to it. \
            Alerts and scores use the reported months only; gaps are filled inside each training prefix.
            --json writes the muavu.outlook/v1 document (muavu schema outlook) instead of the text.
            """)

    @OptionGroup var dataOptions: TidyDataOptions

    @OptionGroup var store: StoreOptions

    @Option(
        name: .long, help: ArgumentHelp("The model configuration whose price entries are searched.", valueName: "file"))
    var config = "models/dong-thap.json"

    @Option(name: .long, help: "The tidy CSV file (instead of a configuration entry).")
    var data: String?

    @Option(
        name: .long,
        help: "The series id in --data (needed when it holds more than one), or alone: the series from the store.")
    var series: String?

    @Option(
        name: .long, help: "Only this forecasting model (default: the entry's models, or theta, ets, arima and naive).")
    var model: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The candidate models, compared by rolling origin ('arima-x': the export link).",
            valueName: "a,b,c"))
    var models: String?

    /// The candidates asked for on the command line, if any.
    var requestedModels: [String]? {
        if let model { return [model] }
        return models.map(commaSeparated)
    }

    @Option(name: [.customLong("months"), .customLong("horizon")], help: "Months to forecast.")
    var months = 3

    @Option(
        name: .long,
        help: "The month the headline is about: 1 = the issue month (the month after the latest when that is later).")
    var step = 1

    @Option(name: .long, help: "The range's level in percent (80 reads '8 chances in 10').")
    var level = 80

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The issue date: store data as known then, alerts and age judged against it.", valueName: "YYYY-MM[-DD]"))
    var asOf: String?

    @Option(
        name: .long,
        help: "The commodity: searched in the configuration's price entries (e.g. rice, gạo), or its name with --data.")
    var commodity: String?

    @Option(name: .long, help: "Commodity name in English with --data (default: the Vietnamese one).")
    var commodityEn: String?

    @Option(
        name: .long, help: "The market: searched in the configuration (e.g. \"Đồng Tháp\"), or its name with --data.")
    var market: String?

    @Option(name: .long, help: "Market name in English with --data (default: the Vietnamese one).")
    var marketEn: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The price entry of --config whose export price is linked to, or 'none' "
                + "(default: the configuration's exportLink).", valueName: "id"))
    var exportLink: String?

    @Option(name: .long, help: "Recent origins whose errors calibrate the range.")
    var calibrationOrigins = 24

    @Option(
        name: [.customLong("lang"), .customLong("language")],
        help: ArgumentHelp("Which text to write.", valueName: "vi|en|both"))
    var language = "both"

    @Flag(name: .long, help: "Write the muavu.outlook/v1 JSON document instead of the text.")
    var json = false

    @Option(
        name: [.customLong("output"), .customLong("out")],
        help: "Write here, whole or not at all ('-' or absent: stdout).")
    var output: String?

    func validate() throws {
        try checkOption(months, Limits.outlookMonths, "--months")
        guard (1...months).contains(step) else {
            throw ValidationError("--step must lie between 1 and --months (\(months))")
        }
        try checkOption(level, Limits.level, "--level")
        guard ["vi", "en", "both"].contains(language) else {
            throw ValidationError("--lang (--language) must be vi, en or both")
        }
        try checkOption(calibrationOrigins, Limits.calibrationOrigins, "--calibration-origins")
        try dataOptions.validate()
        if let asOf, PeriodDate(parsing: asOf).map(\.impliedFrequency).map({ $0 == .monthly || $0 == .daily }) != true {
            throw ValidationError("--as-of must be a month YYYY-MM or a day YYYY-MM-DD, not '\(asOf)'")
        }
        if model != nil, models != nil { throw ValidationError("give --model or --models, not both") }
        if let m = requestedModels, m.isEmpty { throw ValidationError("--models must name at least one model") }
        if data == nil, commodity == nil, series == nil {
            throw ValidationError(
                "name the price with --commodity (and --market), or give --data FILE --series ID, "
                    + "or --series ID alone to read it from the store")
        }
    }

    /// The months after the last month of `raw` and before the issue month of `issued`; a
    /// `DataError` (exit 65) when the latest price is more than `DataAge.maximumGap` months older.
    static func estimates(_ raw: TimeSeries, issued: PeriodDate) throws -> Int {
        guard let i = raw.values.lastIndex(where: \.isFinite), let latest = raw.date(at: i),
            let age = DataAge(lastObserved: latest, issueDay: issued, freshness: 0)
        else { return 0 }
        guard age.age >= 0 else {
            throw DataError(
                .badConfiguration, file: raw.id,
                "the prices run to \(latest), after the issue month \(age.issuePeriod) (--as-of): an outlook of that "
                    + "date can use only what was known then; give a later --as-of, or read the store, which keeps "
                    + "what was known when")
        }
        guard !age.isPastMaximumGap else {
            throw DataError(
                .badConfiguration, file: raw.id,
                "no outlook: the latest price is of \(latest), \(age.age) months before \(age.issuePeriod), "
                    + "more than \(DataAge.maximumGap) months (give --as-of a date nearer the data)")
        }
        return raw.estimatedPeriods(before: issued)
    }

    /// What the outlook is about, wherever it was found.
    struct Subject {
        var series: TimeSeries
        /// The prices with NaN in the months nothing was reported.
        var reported: TimeSeries
        var commodity: Bilingual
        var market: Bilingual
        var unit: Bilingual
        var decimals: Int
        var models: [String]
        var inputs: [OutlookDocument.Input]
        var exportRegressor: [Double]?
        var exportLinkNote: String?
    }

    func run() throws {
        try runReportingStoreFailures {
            try AtomicFile.checkTarget(output, option: "--output", inputs: [data, config, dataOptions.bounds])
            let subject =
                try data.map { try fromData($0) }
                ?? (commodity == nil ? series.map { try fromStore($0) } : nil) ?? fromConfiguration()
            let asOfDate = asOf.flatMap { PeriodDate(parsing: $0) } ?? today()
            let raw = subject.reported

            let linked = requestedModels?.contains("arima-x") ?? true
            let candidates = try OutlookStudy.candidates(
                models: subject.models,
                exportRegressor: linked ? subject.exportRegressor : nil)
            guard !candidates.isEmpty else {
                throw ValidationError("arima-x needs the export link (--export-link names a price entry of --config)")
            }
            // The months run from the latest price through the issue month plus --months: those
            // before the issue month are estimates; past 24 months there is no outlook.
            let estimates = try Self.estimates(raw, issued: asOfDate)
            let months = estimates + self.months
            let step = estimates + self.step
            let conformal = try ConformalRange(calibrationOrigins: calibrationOrigins)
            let study = try OutlookStudy.run(
                raw.values, period: raw.period, candidates: candidates,
                options: .init(months: months, level: level, conformal: conformal))

            let alerts = PriceAlerts(raw, asOf: asOfDate)
            let (spike, anomaly) = (alerts.spike, alerts.anomaly)
            if case .failure(let why) = spike { printError("note: no ALPS for '\(raw.id)': \(why.reason)") }
            if case .failure(let why) = anomaly { printError("note: no IPA for '\(raw.id)': \(why.reason)") }

            // The latest and year-ago prices are reported ones, never filled-in values.
            let forecast = study.calibratedForecast
            let coverage = study.coverage
            let outlook = try PriceOutlook(
                series: raw, forecast: forecast, step: step, level: level, anomaly: try? anomaly.get(),
                spike: try? spike.get(),
                commodity: subject.commodity, market: subject.market, unit: subject.unit, decimals: subject.decimals,
                issued: asOfDate)
            .with(
                following: forecast, after: step,
                backtest: coverage.cases > 0 ? .init(held: coverage.hits, cases: coverage.cases) : nil)
            let text = outlook.text
            let body: Data
            if json {
                let document = OutlookDocument(
                    issued: IssueTime.now(), asOf: asOfDate, commodity: subject.commodity, market: subject.market,
                    unit: subject.unit, inputs: subject.inputs, series: raw, study: study, anomaly: anomaly,
                    spike: spike,
                    exportLinkNote: subject.exportLinkNote, text: text)
                body = try document.encoded()
            } else {
                body =
                    switch language {
                    case "vi": Data((text.vi + "\n").utf8)
                    case "en": Data((text.en + "\n").utf8)
                    default: Data((text.vi + "\n\n" + text.en + "\n").utf8)
                    }
            }
            try AtomicFile.write(body, to: output ?? "-")
            let held = coverage.rate.map { String(format: "%.3f", $0) } ?? "n/a"
            printError(
                "outlook: \(raw.id), model \(study.forecast.model.name) (\(study.chosen?.name ?? "")), as of \(asOfDate); "
                    + "backtest coverage of the \(level)% range \(held) (\(coverage.hits)/\(coverage.cases))")
        }
    }

    // MARK: - Finding the series

    func fromData(_ path: String) throws -> Subject {
        var options = try dataOptions.readOptions()
        options.labelColumn = "market"
        let dataset = try TidyReader.read(path: path, options: options)
        return try subject(of: dataset, path: path, bytes: FileManager.default.contents(atPath: path) ?? Data())
    }

    /// `--series ID` without `--data` or `--commodity`: the series from the store, as last known
    /// or as known on `--as-of`.
    func fromStore(_ id: String) throws -> Subject {
        let known = StoreSeries(store: try store.open(create: false), asOf: asOf.flatMap(StoreOptions.asOfInstant))
        let csv = try known.knownCSV(of: [id], asOf: asOf)
        var options = try dataOptions.readOptions()
        options.labelColumn = "market"
        let name = "store:\(id)"
        return try subject(of: try TidyReader.read(data: csv, file: name, options: options), path: name, bytes: csv)
    }

    /// The outlook's subject: the series chosen from `dataset` (read from `path`, whose content
    /// is `bytes`).
    func subject(of dataset: TidyDataset, path: String, bytes: Data) throws -> Subject {
        let chosen: TimeSeries
        if let id = series {
            guard let s = dataset.series(named: id) else {
                // ArgumentParser prints this message itself: the file's ids are escaped here.
                let known = dataset.series.map { MessageText.escaped($0.id) }.joined(separator: ", ")
                throw ValidationError("no series '\(MessageText.escaped(id))' in \(path); the series are: \(known)")
            }
            chosen = s
        } else if dataset.series.count == 1, let only = dataset.series.first {
            chosen = only
        } else {
            throw ValidationError("\(path) holds \(dataset.series.count) series; choose one with --series")
        }
        try checkPeriodOption(dataOptions.period, of: [chosen])
        guard case .month = chosen.start else {
            throw ValidationError(
                "series '\(chosen.id)' is not monthly; the outlook and price alerts need monthly prices")
        }
        guard let reported = dataset.reported[chosen.id] else {
            throw ValidationError("no reported months for series '\(chosen.id)' in \(path)")
        }
        let commodityVi = commodity ?? chosen.id
        let marketVi = market ?? dataset.labels[chosen.id] ?? ""
        return Subject(
            series: chosen, reported: reported.masking(chosen),
            commodity: Bilingual(vi: commodityVi, en: commodityEn ?? commodityVi),
            market: Bilingual(vi: marketVi, en: marketEn ?? marketVi),
            unit: UnitText.bilingual(chosen.unit ?? ""), decimals: 0,
            models: requestedModels ?? ["theta", "ets", "arima", "naive"],
            inputs: [
                .init(
                    role: "price", file: URL(fileURLWithPath: path).lastPathComponent, series: chosen.id,
                    data: bytes)
            ],
            exportRegressor: nil, exportLinkNote: nil)
    }

    /// Whether the prices of `entry` are monthly; nil when they cannot be read here (the entry is then
    /// a candidate, and reading it later says what is wrong).
    func isMonthly(_ entry: PublishConfiguration.Entry, in c: PublishConfiguration) -> Bool? {
        let readsStore = c.datasets[entry.dataset]?.fromStore == true
        let instant = asOf.flatMap(StoreOptions.asOfInstant)
        var reader: StoreSeries?
        if readsStore {
            guard let opened = try? store.open(create: false) else { return nil }
            reader = StoreSeries(store: opened, asOf: instant)
        }
        guard var data = try? ConfiguredDatasets(c, keys: [entry.dataset], store: reader) else { return nil }
        data.issueDay = asOf.flatMap { PeriodDate(parsing: $0) } ?? today()
        guard let s = try? data.series(of: entry, at: "the price entry '\(entry.id)'") else { return nil }
        if case .month = s.start { return true }
        return false
    }

    func fromConfiguration() throws -> Subject {
        let c = try PublishConfiguration.load(path: config)
        let entry: PublishConfiguration.Entry
        do {
            entry = try PriceQuery(commodity: commodity, market: market, language: language)
                .entry(in: c, file: config, monthly: { isMonthly($0, in: c) })
        } catch let mismatch as PriceQuery.Mismatch {
            throw ValidationError(mismatch.message)
        } catch let yearly as PriceQuery.NotMonthly {
            throw DataError(.badConfiguration, file: config, yearly.message)
        }
        // --export-link in place of the configuration's exportLink.
        var linked = c
        if let name = exportLink {
            if name == "none" {
                linked.exportLink = nil
            } else {
                guard c.forecasts.contains(where: { $0.id == name && $0.kind == .price }) else {
                    throw ValidationError(
                        "--export-link: no price entry '\(name)' in \(config); "
                            + "its prices are: \(PriceQuery.listing(c))")
                }
                linked.exportLink = name
            }
        }
        let exportEntry = linked.exportLinkEntry
        let keys = [entry.dataset] + (exportEntry.map { [$0.dataset] } ?? [])
        let readsStore = keys.contains { linked.datasets[$0]?.fromStore == true }
        var data = try ConfiguredDatasets(
            linked, keys: keys, store: readsStore ? StoreSeries(store: try store.open(create: false), asOf: asOf.flatMap(StoreOptions.asOfInstant)) : nil)
        // Only what can have been known on the issue date.
        data.issueDay = asOf.flatMap { PeriodDate(parsing: $0) } ?? today()
        let s = try UnitText.converted(data.series(of: entry, at: "the price entry '\(entry.id)'"), to: entry.unit)
        guard case .month = s.start else {
            throw ValidationError(
                "entry '\(entry.id)' is not monthly; the outlook and price alerts need monthly prices")
        }
        let reported = try data.reportedOnly(s, dataset: entry.dataset)
        var inputs = [try data.input(of: entry, role: "price")]
        let link = try data.exportLink(of: entry, price: s)
        if link.regressor != nil, let exportEntry { inputs.append(try data.input(of: exportEntry, role: "export")) }
        let unit = UnitText.bilingual(s.unit ?? "")
        return Subject(
            series: s, reported: reported, commodity: entry.commodity ?? entry.name,
            market: entry.market ?? Bilingual(vi: "", en: ""), unit: unit,
            decimals: entry.decimals ?? (s.unit == "USD/kg" ? 2 : 0),
            models: requestedModels ?? entry.priceModels, inputs: inputs,
            exportRegressor: link.regressor, exportLinkNote: link.note?.en)
    }

    func today() -> PeriodDate { Publisher.day(of: IssueTime.now()) }
}

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
            Alerts and scores use the reported months only; gaps are filled inside each training prefix, \
            except in a price built from irregular quotes (the An Giang paddy board): its months without a quote \
            stay gaps, only models that take gaps forecast it, and otherwise the answer says which models cannot \
            (exit 65). --variety chooses the paddy variety ("IR 50404", "dai thom 8", "OM18", "IR 50404 khô"). \
            A price known only from a few press quotes (Đồng Tháp mango) is answered with those quotes and \
            the plain statement that they are too few to forecast from (exit 0), until the store holds enough \
            monthly prices of it (the configuration's minimumMonths).
            --json writes the muavu.outlook/v1 document (muavu schema outlook) instead of the text, or \
            muavu.quoted-price/v1 (muavu schema quoted-price) for a price known only from quotes.
            --format sms writes one text message (no diacritics, GSM-7, at most 160 septets), zalo a few \
            short lines with diacritics, html a page for a phone (inline chart, no script, nothing \
            fetched); these three are in Vietnamese, or English with --lang en. --format json is --json.
            --sell-or-store (on by default for the price entries listed in the configuration's sellOrStore \
            section, the An Giang fresh paddy price in models/dong-thap.json) adds, for 1 to 6 months, the \
            chance that drying the paddy and selling it then beats selling it fresh now, and the average gain \
            or loss per tonne of fresh paddy after the drying charge, the weight dried off, the storage loss \
            and the interest (docs/design/sell-or-store.md); --fresh-price gives today's fresh paddy price \
            when the outlook's price is another one.
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
        name: .long,
        help: ArgumentHelp(
            "The variety, with or without diacritics and spaces (\"IR 50404\", \"dai thom 8\", \"OM18\"; "
                + "add khô/dry for dry paddy).", valueName: "name"))
    var variety: String?

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

    @Flag(name: .long, help: "Write the muavu.outlook/v1 JSON document instead of the text (--format json).")
    var json = false

    @Flag(
        name: .long,
        help: "Add sell fresh now or dry and store, 1 to 6 months (default: the configuration's sellOrStore entries).")
    var sellOrStore = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Today's fresh paddy price, đồng/kg, for --sell-or-store (default: the latest price, when it is "
                + "the fresh paddy price).", valueName: "đồng"))
    var freshPrice: Double?

    @OptionGroup var storage: StorageCostOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "What to write: the text, the JSON document, one SMS, a Zalo message or a phone page.",
            valueName: "text|json|sms|zalo|html"))
    var format: String?

    /// What is written: `--format`, or `json` with `--json`, else `text`.
    var chosenFormat: OutlookFormat { format.flatMap(OutlookFormat.init(rawValue:)) ?? (json ? .json : .text) }

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
        if let format, OutlookFormat(rawValue: format) == nil {
            throw ValidationError(
                "--format must be text, json, sms, zalo or html, not '\(MessageText.escaped(format))'")
        }
        if json, let format, format != "json" {
            throw ValidationError("--json asks for the JSON document; give --format \(format) or --json, not both")
        }
        try dataOptions.validate()
        if let asOf, PeriodDate(parsing: asOf).map(\.impliedFrequency).map({ $0 == .monthly || $0 == .daily }) != true {
            throw ValidationError("--as-of must be a month YYYY-MM or a day YYYY-MM-DD, not '\(asOf)'")
        }
        if model != nil, models != nil { throw ValidationError("give --model or --models, not both") }
        if let m = requestedModels, m.isEmpty { throw ValidationError("--models must name at least one model") }
        if variety != nil, commodity == nil {
            throw ValidationError("--variety needs --commodity (the varieties of a configuration's price)")
        }
        if let freshPrice, !(freshPrice > 0 && freshPrice.isFinite) {
            throw ValidationError("--fresh-price must be a positive price in đồng/kg")
        }
        if data == nil, commodity == nil, series == nil {
            throw ValidationError(
                "name the price with --commodity (and --market), or give --data FILE --series ID, "
                    + "or --series ID alone to read it from the store")
        }
    }

    func run() throws {
        try runReportingStoreFailures {
            try AtomicFile.checkTarget(output, option: "--output", inputs: [data, config, dataOptions.bounds])
            do {
                let found: OutlookAssembly.Found =
                    try data.map { .subject(try fromData($0)) }
                    ?? (commodity == nil ? series.map { .subject(try fromStore($0)) } : nil) ?? fromConfiguration()
                guard case .subject(let subject) = found else {
                    if case .quotes(let quoted) = found { try write(quoted) }
                    return
                }
                var request = OutlookRequest(
                    months: months, step: step, level: level, calibrationOrigins: calibrationOrigins,
                    models: requestedModels, issued: issued)
                if sellOrStore || subject.sellOrStore != nil {
                    let base = subject.sellOrStore ?? SellOrStoreRequest()
                    request.sellOrStore = SellOrStoreRequest(
                        costs: try storage.costs(over: base.costs), freshPrice: freshPrice ?? base.freshPrice)
                }
                subject.notes.forEach(printError)
                var answer = try OutlookAssembly.answer(subject, request: request)
                if let id = subject.storeSeries {
                    // The change since the previous issue and the track record, from the store's records.
                    let records = try store.open(create: false).checkedRecords(series: id, release: .first)
                    answer.addTrackRecord(records, series: id)
                }
                answer.notes.forEach(printError)
                let body = try answer.body(chosenFormat, language: language, issued: IssueTime.now())
                try AtomicFile.write(body, to: output ?? "-")
                printError(answer.summary)
            } catch let refusal as OutlookAssembly.Refusal {
                throw ValidationError(refusal.message)
            } catch let gaps as OutlookAssembly.GapsRefused {
                printError(words(gaps.text))
                throw ExitCode(65)
            }
        }
    }

    /// `text` in the --lang language (both: Vietnamese, a blank line, English).
    func words(_ text: Bilingual) -> String {
        switch language {
        case "vi": text.vi
        case "en": text.en
        default: text.vi + "\n\n" + text.en
        }
    }

    /// The answer for a price known only from a few quotes: the text, or its document with --json.
    func write(_ quoted: QuotedAnswer) throws {
        let body =
            json ? try quoted.document(issued: IssueTime.now()).encoded() : Data((words(quoted.text) + "\n").utf8)
        try AtomicFile.write(body, to: output ?? "-")
        printError(
            "outlook: \(quoted.price.id): \(quoted.sheet.rows.count) quotes, \(quoted.storeMonths) monthly prices "
                + "in the "
                + "store (\(quoted.price.minimumMonths) needed for a forecast)")
    }

    /// The issue date: `--as-of`, or today (SOURCE_DATE_EPOCH's day when set).
    var issued: PeriodDate { asOf.flatMap { PeriodDate(parsing: $0) } ?? today() }

    // MARK: - Finding the series

    func fromData(_ path: String) throws -> OutlookSubject {
        var options = try dataOptions.readOptions()
        options.labelColumn = "market"
        let dataset = try TidyReader.read(path: path, options: options)
        return try subject(of: dataset, path: path, bytes: FileManager.default.contents(atPath: path) ?? Data())
    }

    /// `--series ID` without `--data` or `--commodity`: the series from the store, as last known
    /// or as known on `--as-of`.
    func fromStore(_ id: String) throws -> OutlookSubject {
        let known = StoreSeries(store: try store.open(create: false), asOf: asOf.flatMap(StoreOptions.asOfInstant))
        let csv = try known.knownCSV(of: [id], asOf: asOf)
        var options = try dataOptions.readOptions()
        options.labelColumn = "market"
        let name = "store:\(id)"
        var found = try subject(
            of: try TidyReader.read(data: csv, file: name, options: options), path: name, bytes: csv)
        found.storeSeries = id
        return found
    }

    /// The outlook's subject: the series chosen from `dataset` (read from `path`, whose content
    /// is `bytes`), named by --commodity and --market when given.
    func subject(of dataset: TidyDataset, path: String, bytes: Data) throws -> OutlookSubject {
        if let id = series, let s = dataset.series(named: id) {
            try checkPeriodOption(dataOptions.period, of: [s])
        } else if series == nil, dataset.series.count == 1, let only = dataset.series.first {
            try checkPeriodOption(dataOptions.period, of: [only])
        }
        let named: (String?, String?) -> Bilingual? = { vi, en in vi.map { Bilingual(vi: $0, en: en ?? $0) } }
        var found = try OutlookAssembly.subject(
            of: dataset, path: path, bytes: bytes, id: series, commodity: named(commodity, commodityEn),
            market: named(market, marketEn), models: requestedModels)
        if commodity == nil, let en = commodityEn { found.commodity.en = en }
        if market == nil, let en = marketEn { found.market.en = en }
        return found
    }

    func fromConfiguration() throws -> OutlookAssembly.Found {
        let c = try PublishConfiguration.load(path: config)
        let instant = asOf.flatMap(StoreOptions.asOfInstant)
        return try OutlookAssembly.lookup(
            configuration: c, file: config, commodity: commodity, market: market, variety: variety,
            language: language, exportLink: exportLink, models: requestedModels, issued: issued,
            store: { StoreSeries(store: try store.open(create: false), asOf: instant) })
    }

    func today() -> PeriodDate { Publisher.day(of: IssueTime.now()) }
}

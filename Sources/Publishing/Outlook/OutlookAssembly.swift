import AgriData
import Agronomy
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// What an outlook is about, wherever it was found: a data file, the store, or a price entry of
/// the publish configuration.
public struct OutlookSubject: Sendable {
    public var series: TimeSeries
    /// The prices with NaN in the months nothing was reported.
    public var reported: TimeSeries
    public var commodity: Bilingual
    public var market: Bilingual
    public var unit: Bilingual
    public var decimals: Int
    /// The univariate candidates of the model search.
    public var models: [String]
    public var inputs: [OutlookDocument.Input]
    /// The export price of the month before, aligned with `series`, when the entry is linked.
    public var exportRegressor: [Double]?
    public var exportLinkNote: String?
    /// For a price built from irregular quotes: the days behind each month. Such a series keeps
    /// its months without a quote as gaps for the models (`keepsGaps`).
    public var quotes: OutlookDocument.QuotedMonths? = nil
    /// For a paddy price: its link to the rice prices.
    public var riceLink: [OutlookDocument.RiceLink] = []
    /// Notes for stderr from finding the subject (the other varieties `--variety` chooses).
    public var notes: [String] = []

    /// Whether the months without a price reach the models as gaps (not filled in).
    public var keepsGaps: Bool { quotes != nil }
    /// What the configuration's `sellOrStore` section asks of this price (nil: nothing).
    public var sellOrStore: SellOrStoreRequest? = nil
    /// The store series the prices were read from (nil: a data file): its forecasts of record give
    /// the outlook's change since the previous issue and its track record.
    public var storeSeries: String? = nil

    public init(
        series: TimeSeries, reported: TimeSeries, commodity: Bilingual, market: Bilingual, unit: Bilingual,
        decimals: Int, models: [String], inputs: [OutlookDocument.Input], exportRegressor: [Double]? = nil,
        exportLinkNote: String? = nil
    ) {
        (self.series, self.reported, self.commodity, self.market, self.unit) = (
            series, reported, commodity, market, unit
        )
        (self.decimals, self.models, self.inputs) = (decimals, models, inputs)
        (self.exportRegressor, self.exportLinkNote) = (exportRegressor, exportLinkNote)
    }
}

/// How an outlook is made: the options of `muavu outlook` and of the server's `GET /v1/outlook`.
public struct OutlookRequest: Sendable {
    /// Months to forecast after the issue month.
    public var months: Int
    /// The month (1...months after the issue month) the text speaks of.
    public var step: Int
    /// The range's level in percent.
    public var level: Int
    /// Recent origins whose errors calibrate the range.
    public var calibrationOrigins: Int
    /// Only these candidates (nil: the subject's models and, when linked, `arima-x`).
    public var models: [String]?
    /// The issue month or day (`--as-of`).
    public var issued: PeriodDate
    /// Sell fresh now or dry and store (nil: not asked).
    public var sellOrStore: SellOrStoreRequest? = nil

    public init(
        months: Int = 6, step: Int = 1, level: Int = 80, calibrationOrigins: Int = 24, models: [String]? = nil,
        issued: PeriodDate
    ) {
        (self.months, self.step, self.level, self.calibrationOrigins) = (months, step, level, calibrationOrigins)
        (self.models, self.issued) = (models, issued)
    }
}

/// An outlook made: the words, the study behind them, the alerts, and the notes for stderr.
public struct OutlookAnswer: Sendable {
    public var subject: OutlookSubject
    public var request: OutlookRequest
    public var outlook: PriceOutlook
    public var study: OutlookStudy
    public var anomaly: Result<PriceAnomalyIndicator.Assessment, OutlookDocument.Unavailable>
    public var spike: Result<PriceSpikeAlert.Assessment, OutlookDocument.Unavailable>
    /// Why an alert could not be given, one line each (for stderr).
    public var notes: [String]
    /// The sell-or-store section, when asked for.
    public var sellOrStore: SellOrStoreSection? = nil
    /// The change since the previous issue and the track record (`addTrackRecord`; nil: not read).
    public var changeSincePrevious: IssueChange? = nil
    public var trackRecord: [TrackRecordLine]? = nil

    /// The `muavu.outlook/v1` document, issued at `issued` (the generated-at instant).
    public func document(issued: Date) -> OutlookDocument {
        var d = OutlookDocument(
            issued: issued, asOf: request.issued, commodity: subject.commodity, market: subject.market,
            unit: subject.unit, inputs: subject.inputs, series: subject.reported, study: study, anomaly: anomaly,
            spike: spike, exportLinkNote: subject.exportLinkNote, text: text)
        d.quotes = subject.quotes
        d.riceLink = subject.riceLink
        d.sellOrStore = sellOrStore
        d.changeSincePrevious = changeSincePrevious
        d.trackRecord = trackRecord
        return d
    }

    /// The outlook in words, then, for a price built from quotes, where they come from and the
    /// days behind its months, and its link to the rice prices.
    public var text: Bilingual {
        var t = outlook.text
        if let q = subject.quotes {
            let days = QuotedSeriesWording.days(q)
            t = Bilingual(vi: t.vi + "\n" + days.vi, en: t.en + "\n" + days.en)
        }
        if !subject.riceLink.isEmpty {
            let link = QuotedSeriesWording.riceLink(subject.riceLink)
            t = Bilingual(vi: t.vi + "\n" + link.vi, en: t.en + "\n" + link.en)
        }
        return t
    }

    /// One line for stderr: the series, the model, the issue date and the backtest coverage.
    public var summary: String {
        let coverage = study.coverage
        let held = coverage.rate.map { String(format: "%.3f", $0) } ?? "n/a"
        return "outlook: \(subject.reported.id), model \(study.forecast.model.name) (\(study.chosen?.name ?? "")), "
            + "as of \(request.issued); backtest coverage of the \(request.level)% range \(held) "
            + "(\(coverage.hits)/\(coverage.cases))"
    }
}

/// The price outlook's assembly, shared by `muavu outlook` and the server: finding the subject,
/// the months to forecast from the data's age, the model search, the alerts and the words.
public enum OutlookAssembly {
    /// A request that cannot be answered as asked (the CLI's exit 64; the server's 400).
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        public init(_ message: String) { self.message = message }
    }

    /// A price built from quotes whose gaps none of its candidate models can take (exit 65): the
    /// reason in both languages (`QuotedSeriesWording.refusal`).
    public struct GapsRefused: Error, Sendable, Equatable, CustomStringConvertible {
        public var text: Bilingual
        public var description: String { text.en }
    }

    /// The months after the last month of `raw` and before the issue month of `issued`; a
    /// `DataError` (exit 65) when the latest price is more than `DataAge.maximumGap` months older,
    /// or later than the issue month.
    public static func estimates(_ raw: TimeSeries, issued: PeriodDate) throws -> Int {
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

    /// The outlook of `subject` as `request` asks: the candidates compared by rolling origin, the
    /// chosen one forecasting from the latest price through the issue month plus `months` (the
    /// months before the issue month as estimates), its range calibrated, and the alerts.
    public static func answer(_ subject: OutlookSubject, request: OutlookRequest) throws -> OutlookAnswer {
        let raw = subject.reported
        let linked = request.models?.contains("arima-x") ?? true
        var candidates = try OutlookStudy.candidates(
            models: subject.models, exportRegressor: linked ? subject.exportRegressor : nil)
        guard !candidates.isEmpty else {
            throw Refusal("arima-x needs the export link (--export-link names a price entry of --config)")
        }
        // Too old for an outlook is said before anything about the models.
        let estimates = try Self.estimates(raw, issued: request.issued)
        // The subject's own notes are the caller's to print, before the answer or its refusal.
        var notes: [String] = []
        // A series built from quotes keeps its gaps: only models that take missing values forecast it.
        let (gaps, span) = QuotedSeriesWording.interiorGaps(raw.values)
        if subject.keepsGaps, gaps > 0 {
            let refusing = OutlookStudy.refusingGaps(candidates, period: raw.period)
            guard refusing.count < candidates.count else {
                var text = QuotedSeriesWording.refusal(subject.commodity, gaps: gaps, months: span, models: refusing)
                // What is known without a forecast: the days behind the months, the link to rice.
                var known: [Bilingual] = subject.quotes.map { [QuotedSeriesWording.days($0)] } ?? []
                if !subject.riceLink.isEmpty { known.append(QuotedSeriesWording.riceLink(subject.riceLink)) }
                for k in known { text = Bilingual(vi: text.vi + "\n" + k.vi, en: text.en + "\n" + k.en) }
                throw GapsRefused(text: text)
            }
            if !refusing.isEmpty {
                notes.append(
                    "note: left out, as they cannot take the \(gaps) months without a quote: "
                        + refusing.joined(separator: ", "))
                candidates.removeAll { refusing.contains($0.name) }
            }
        }
        let months = estimates + request.months
        let step = estimates + request.step
        let conformal = try ConformalRange(calibrationOrigins: request.calibrationOrigins)
        let study = try OutlookStudy.run(
            raw.values, period: raw.period, candidates: candidates,
            options: .init(months: months, level: request.level, conformal: conformal, fillGaps: !subject.keepsGaps))

        let alerts = PriceAlerts(raw, asOf: request.issued)
        let (spike, anomaly) = (alerts.spike, alerts.anomaly)
        if case .failure(let why) = spike { notes.append("note: no ALPS for '\(raw.id)': \(why.reason)") }
        if case .failure(let why) = anomaly { notes.append("note: no IPA for '\(raw.id)': \(why.reason)") }

        // The latest and year-ago prices are reported ones, never filled-in values.
        let forecast = study.calibratedForecast
        let coverage = study.coverage
        var outlook = try PriceOutlook(
            series: raw, forecast: forecast, step: step, level: request.level, anomaly: try? anomaly.get(),
            spike: try? spike.get(), commodity: subject.commodity, market: subject.market, unit: subject.unit,
            decimals: subject.decimals, issued: request.issued
        )
        .with(
            following: forecast, after: step,
            backtest: coverage.cases > 0 ? .init(held: coverage.hits, cases: coverage.cases) : nil)
        var section: SellOrStoreSection?
        if let asked = request.sellOrStore, let chosen = study.chosen,
            let forecaster = candidates.first(where: { $0.name == chosen.name })?.forecaster
        {
            section = try sellOrStore(
                subject, forecaster: forecaster, model: chosen.name, request: asked)
            outlook.sellOrStore = section?.text
        }
        var answer = OutlookAnswer(
            subject: subject, request: request, outlook: outlook, study: study, anomaly: anomaly, spike: spike,
            notes: notes)
        answer.sellOrStore = section
        return answer
    }

    // MARK: - Finding the subject

    /// The subject in `dataset` (read from `path`, whose content is `bytes`): the series `id`, or
    /// the only one; it must be monthly.
    public static func subject(
        of dataset: TidyDataset, path: String, bytes: Data, id: String?, commodity: Bilingual?, market: Bilingual?,
        models: [String]?
    ) throws -> OutlookSubject {
        let chosen: TimeSeries
        if let id {
            guard let s = dataset.series(named: id) else {
                let known = dataset.series.map { MessageText.escaped($0.id) }.joined(separator: ", ")
                throw Refusal("no series '\(MessageText.escaped(id))' in \(path); the series are: \(known)")
            }
            chosen = s
        } else if dataset.series.count == 1, let only = dataset.series.first {
            chosen = only
        } else {
            throw Refusal("\(path) holds \(dataset.series.count) series; choose one with --series")
        }
        guard case .month = chosen.start else {
            throw Refusal("series '\(chosen.id)' is not monthly; the outlook and price alerts need monthly prices")
        }
        guard let reported = dataset.reported[chosen.id] else {
            throw Refusal("no reported months for series '\(chosen.id)' in \(path)")
        }
        let marketName = dataset.labels[chosen.id] ?? ""
        return OutlookSubject(
            series: chosen, reported: reported.masking(chosen),
            commodity: commodity ?? Bilingual(vi: chosen.id, en: chosen.id),
            market: market ?? Bilingual(vi: marketName, en: marketName),
            unit: UnitText.bilingual(chosen.unit ?? ""), decimals: 0,
            models: models ?? ["theta", "ets", "arima", "naive"],
            inputs: [
                .init(
                    role: "price", file: URL(fileURLWithPath: path).lastPathComponent, series: chosen.id, data: bytes)
            ])
    }

    /// The price entry of configuration `c` (read from `file`) that `commodity` and `market`
    /// name, with its export link (`exportLink`: an entry id in place of the configuration's, or
    /// "none"), read as known on `issued` (store datasets from `store`).
    public static func subject(
        configuration c: PublishConfiguration, file: String, commodity: String?, market: String?, language: String,
        exportLink: String?, models: [String]?, issued: PeriodDate, store: () throws -> (any SeriesStore)?,
        variety: String? = nil
    ) throws -> OutlookSubject {
        let entry: PublishConfiguration.Entry
        let query = PriceQuery(commodity: commodity, market: market, variety: variety, language: language)
        do {
            entry = try query.entry(in: c, file: file, monthly: { isMonthly($0, in: c, issued: issued, store: store) })
        } catch let mismatch as PriceQuery.Mismatch {
            throw Refusal(mismatch.message)
        } catch let yearly as PriceQuery.NotMonthly {
            throw DataError(.badConfiguration, file: file, yearly.message)
        }
        var linked = c
        if let name = exportLink {
            if name == "none" {
                linked.exportLink = nil
            } else {
                guard c.forecasts.contains(where: { $0.id == name && $0.kind == .price }) else {
                    throw Refusal(
                        "--export-link: no price entry '\(name)' in \(file); its prices are: \(PriceQuery.listing(c))")
                }
                linked.exportLink = name
            }
        }
        let exportEntry = linked.exportLinkEntry
        let riceEntries = try (entry.quotes == nil ? [] : c.riceLink).map { id in
            guard let e = c.forecasts.first(where: { $0.id == id && $0.kind == .price }) else {
                throw DataError(
                    .badConfiguration, file: file,
                    "riceLink names '\(id)', which is not a price entry; the prices are: \(PriceQuery.listing(c))")
            }
            return e
        }
        let keys = [entry.dataset] + (exportEntry.map { [$0.dataset] } ?? []) + riceEntries.map(\.dataset)
        let readsStore = keys.contains { linked.datasets[$0]?.fromStore == true }
        var data = try ConfiguredDatasets(linked, keys: keys, store: readsStore ? try store() : nil)
        // Only what can have been known on the issue date.
        data.issueDay = issued
        let s = try UnitText.converted(data.series(of: entry, at: "the price entry '\(entry.id)'"), to: entry.unit)
        guard case .month = s.start else {
            throw Refusal("entry '\(entry.id)' is not monthly; the outlook and price alerts need monthly prices")
        }
        let reported = try data.reportedOnly(s, dataset: entry.dataset)
        var inputs = [try data.input(of: entry, role: "price")]
        let link = try data.exportLink(of: entry, price: s)
        if link.regressor != nil, let exportEntry { inputs.append(try data.input(of: exportEntry, role: "export")) }
        var subject = OutlookSubject(
            series: s, reported: reported, commodity: entry.commodity ?? entry.name,
            market: entry.market ?? Bilingual(vi: "", en: ""), unit: UnitText.bilingual(s.unit ?? ""),
            decimals: entry.decimals ?? (s.unit == "USD/kg" ? 2 : 0), models: models ?? entry.priceModels,
            inputs: inputs, exportRegressor: link.regressor, exportLinkNote: link.note?.en)
        if let q = entry.quotes {
            subject.quotes = try quotedMonths(q, configuration: c, reported: reported)
            subject.riceLink = try riceEntries.map { e in
                let other = try UnitText.converted(
                    data.reportedOnly(
                        data.series(of: e, at: "riceLink (\(e.id))"), dataset: e.dataset), to: e.unit)
                return OutlookDocument.RiceLink(
                    name: e.name, margin: try PaddyRiceMargin(paddy: reported, other: other),
                    note: other.unit == reported.unit ? nil : QuotedSeriesWording.unconverted(other.unit ?? ""))
            }
        }
        let others = query.otherVarieties(than: entry, in: c)
        if !others.isEmpty, let chosen = PriceQuery.varietyLabel(entry, language) {
            subject.notes.append(
                "note: \(chosen) shown; --variety chooses among \(([chosen] + others).joined(separator: "; "))")
        }
        if linked.datasets[entry.dataset]?.fromStore == true { subject.storeSeries = entry.series }
        if let settings = c.sellOrStore, settings.entries?.contains(entry.id) == true {
            subject.sellOrStore = SellOrStoreRequest(costs: settings.costs)
        }
        return subject
    }

    /// The days behind each month of `reported`, built from the quotes `q` names.
    static func quotedMonths(
        _ q: PublishConfiguration.Quotes, configuration c: PublishConfiguration, reported: TimeSeries
    )
        throws -> OutlookDocument.QuotedMonths
    {
        let quotes = try PriceQuotes(path: c.resolve(q.path))
        let monthly = quotes.monthly(market: q.market, variety: q.variety, state: q.state)
        let months = (0..<reported.count).compactMap { reported.date(at: $0) }
        return OutlookDocument.QuotedMonths(
            file: q.path, market: q.market, variety: q.variety, state: q.state.rawValue, note: q.note,
            days: monthly.days(in: months))
    }

    /// Whether the prices of `entry` are monthly; nil when they cannot be read here (the entry is
    /// then a candidate, and reading it later says what is wrong).
    static func isMonthly(
        _ entry: PublishConfiguration.Entry, in c: PublishConfiguration, issued: PeriodDate,
        store: () throws -> (any SeriesStore)?
    ) -> Bool? {
        var reader: (any SeriesStore)?
        if c.datasets[entry.dataset]?.fromStore == true {
            guard let opened = try? store() else { return nil }
            reader = opened
        }
        guard var data = try? ConfiguredDatasets(c, keys: [entry.dataset], store: reader) else { return nil }
        data.issueDay = issued
        guard let s = try? data.series(of: entry, at: "the price entry '\(entry.id)'") else { return nil }
        if case .month = s.start { return true }
        return false
    }
}

import AgriData
import Documents
import Foundation
import TimeSeriesCore

/// The answer for a price known only from a few quotes (`PublishConfiguration.QuotedPrice`).
public struct QuotedAnswer: Sendable {
    public var price: PublishConfiguration.QuotedPrice
    public var sheet: QuoteSheet
    public var data: Data
    public var storeMonths: Int
    public var issued: PeriodDate
    /// The answer in words: too few observations, then the quotes.
    public var text: Bilingual

    /// The `muavu.quoted-price/v1` document, issued at `instant`.
    public func document(issued instant: Date) -> QuotedPriceDocument {
        QuotedPriceDocument(
            commodity: price.commodity, market: price.market, issued: instant, asOf: issued, file: price.quotes,
            data: data, quotes: sheet.rows, store: (price.series, storeMonths), minimumMonths: price.minimumMonths,
            text: text)
    }
}

extension OutlookAssembly {
    /// What a configuration answers for a commodity: an outlook's subject, or, for a price known
    /// only from a few quotes, those quotes.
    public enum Found: Sendable {
        case subject(OutlookSubject)
        case quotes(QuotedAnswer)
    }

    /// `subject(configuration:...)`, or the quotes of a `quotedPrices` entry that the commodity
    /// and market name when no monthly price entry does: while the store holds fewer than its
    /// `minimumMonths` monthly prices of the entry's series, the quotes (`QuotedAnswer`); from
    /// then on the outlook of that store series.
    public static func lookup(
        configuration c: PublishConfiguration, file: String, commodity: String?, market: String?, variety: String?,
        language: String, exportLink: String?, models: [String]?, issued: PeriodDate,
        store: () throws -> (any SeriesStore)?
    ) throws -> Found {
        let query = PriceQuery(commodity: commodity, market: market, language: language)
        let quoted = c.quotedPrices.first { q in
            query.names(commodity: q.commodity, market: q.market)
        }
        let monthly = query.matches(in: c).contains { isMonthly($0, in: c, issued: issued, store: store) != false }
        guard let q = quoted, !monthly else {
            return .subject(
                try subject(
                    configuration: c, file: file, commodity: commodity, market: market, language: language,
                    exportLink: exportLink, models: models, issued: issued, store: store, variety: variety))
        }
        // The store's monthly prices of the series, as known on the issue date.
        var months = 0
        if let opened = try? store(), (try? opened.seriesIDs())?.contains(q.series) == true {
            let csv = try opened.tidyCSV(of: [q.series])
            var options = TidyReadOptions()
            options.onMissing = .interpolate
            options.numberFormat = try NumberFormat(decimalChar: ".")
            let name = "store:\(q.series)"
            let table = try TidyReader.read(data: csv, file: name, options: options)
            if let s = table.series(named: q.series), case .month = s.start, let r = table.reported[s.id] {
                let reported = r.masking(s.known(through: issued))
                months = reported.values.filter { $0.isFinite }.count
                if months >= q.minimumMonths {
                    return .subject(
                        OutlookSubject(
                            series: s, reported: reported, commodity: q.commodity, market: q.market,
                            unit: UnitText.bilingual(s.unit ?? ""), decimals: 0,
                            models: models ?? ["theta", "ets", "arima", "naive"],
                            inputs: [.init(role: "price", file: name, series: s.id, data: csv)]))
                }
            }
        }
        let path = c.resolve(q.quotes)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(.fileNotFound, file: q.quotes, "cannot read the quotes of '\(q.id)'")
        }
        let sheet = try QuoteSheet(data: data, file: q.quotes)
        let text = QuotedSeriesWording.tooFew(
            commodity: q.commodity, market: q.market, quotes: sheet.rows, asOf: issued, storeMonths: months,
            minimumMonths: q.minimumMonths)
        return .quotes(
            QuotedAnswer(price: q, sheet: sheet, data: data, storeMonths: months, issued: issued, text: text))
    }
}

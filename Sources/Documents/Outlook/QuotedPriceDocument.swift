import AgriData
import Foundation
import TimeSeriesCore

/// `muavu.quoted-price/v1`: what is known of a price too sparsely reported to forecast (Đồng Tháp
/// mango): each quote with its date as the page gives it, variety, range, source and age, how
/// many monthly prices the store holds against the threshold at which the outlook takes over, and
/// the answer in words. Its schema is `muavu schema quoted-price`.
public struct QuotedPriceDocument: Sendable {
    public static let schemaName = "muavu.quoted-price/v1"

    public var commodity: Bilingual
    public var market: Bilingual
    public var issued: Date
    public var asOf: PeriodDate
    /// The quotes file, as the configuration names it, and its bytes.
    public var file: String
    public var data: Data
    public var quotes: [QuoteSheet.Row]
    /// Monthly prices of the price's store series (0 when the store has none).
    public var storeMonths: Int
    public var storeSeries: String
    public var minimumMonths: Int
    public var text: Bilingual

    public init(
        commodity: Bilingual, market: Bilingual, issued: Date, asOf: PeriodDate, file: String, data: Data,
        quotes: [QuoteSheet.Row], store: (series: String, months: Int), minimumMonths: Int, text: Bilingual
    ) {
        (self.commodity, self.market, self.issued, self.asOf) = (commodity, market, issued, asOf)
        (self.file, self.data, self.quotes) = (file, data, quotes)
        (self.storeSeries, self.storeMonths, self.minimumMonths, self.text) =
            (store.series, store.months, minimumMonths, text)
    }

    /// Months from `month` to the issue month (nil when the quote's date names no month).
    public static func age(of month: PeriodDate?, asOf: PeriodDate) -> Int? {
        guard let month else { return nil }
        let issue: PeriodDate
        switch asOf {
        case .day(let y, let m, _): issue = .month(year: y, month: m)
        default: issue = asOf
        }
        return issue.ordinal - month.ordinal
    }

    public func encoded() throws -> Data { try DocumentEncoder.encode(tree) }

    var tree: JSONTree {
        let rows: [JSONTree] = quotes.map { q in
            .object([
                "date": .string(q.date), "month": .of(q.month?.description), "variety": .string(q.variety),
                "low": .of(q.low), "high": .of(q.high), "unit": .string(q.unit), "publisher": .string(q.publisher),
                "url": .string(q.url), "age_months": Self.age(of: q.month, asOf: asOf).map { .integer($0) } ?? .null,
            ])
        }
        return .object([
            "schema": .string(Self.schemaName),
            "engine": .object(["name": .string(Engine.current.name), "version": .string(Engine.current.version)]),
            "issued": .string(IssueTime.iso8601(issued)),
            "as_of": .string(asOf.description),
            "commodity": .of(commodity), "market": .of(market),
            "data": .object([
                "file": .string(file), "sha256": .string(SHA256.hex(data)), "bytes": .integer(data.count),
            ]),
            "quotes": .array(rows),
            "store": .object([
                "series": .string(storeSeries), "months": .integer(storeMonths),
                "minimum_months": .integer(minimumMonths),
            ]),
            "forecast": .bool(false),
            "text": .of(text),
        ])
    }
}

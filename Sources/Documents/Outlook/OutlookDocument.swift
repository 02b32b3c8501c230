import Agronomy
import Forecasting
import Foundation
import TimeSeriesCore

/// `muavu.outlook/v1`: the price outlook of one commodity and market as a document — the
/// expected price of each coming month with its calibrated range, the changes from now and from
/// the same month a year before, the FAO GIEWS IPA and WFP ALPS alert classes with their meaning,
/// the model and why it was chosen (univariate models against the link to the export price, by
/// rolling origin), and how often the ranges held the price in backtests. Its schema is
/// `muavu schema outlook` (`OutlookSchema`).
public struct OutlookDocument: Sendable {
    public static let schemaName = "muavu.outlook/v1"

    /// A data file read, fingerprinted.
    public struct Input: Sendable, Equatable {
        /// `price` or `export`.
        public var role: String
        /// The file as named in the configuration or on the command line.
        public var file: String
        public var series: String
        public var data: Data
        public var source: Bilingual?

        public init(role: String, file: String, series: String, data: Data, source: Bilingual? = nil) {
            (self.role, self.file, self.series, self.data, self.source) = (role, file, series, data, source)
        }
    }

    /// Why an alert could not be assessed.
    public struct Unavailable: Error, Sendable, Equatable {
        public var reason: String
        public init(_ reason: String) { self.reason = reason }
    }

    /// One alert as the document states it: its class and what the class means, or why there is
    /// none (`failure`: the assessment could not be made).
    public struct Alert: Sendable, Equatable {
        public var method: String
        public var status: AlertStatus?
        /// The latest reported month assessed, and the indicator's value there.
        public var latest: PeriodDate?
        public var value: Double?
        /// The class (`PriceAnomalyBand`, `PriceSpikeClass`) as its raw name, and in words.
        public var `class`: String?
        public var name: Bilingual?
        public var meaning: Bilingual?
        public var failure: String?

        public init(
            method: String, status: AlertStatus?, latest: PeriodDate?, value: Double?, class raw: String?,
            name: Bilingual?, meaning: Bilingual?
        ) {
            (self.method, self.status, self.latest, self.value) = (method, status, latest, value)
            (self.class, self.name, self.meaning) = (raw, name, meaning)
        }

        /// The entry of an alert that could not be assessed.
        public init(method: String, failure: Unavailable) {
            self.method = method
            self.failure = failure.reason
        }
    }

    /// What the outlook is of: the commodity, the market and the price's unit.
    public var commodity: Bilingual
    public var market: Bilingual
    public var unit: Bilingual
    public var issued: Date
    public var asOf: PeriodDate
    public var inputs: [Input]
    /// The prices, NaN where none was reported.
    public var series: TimeSeries
    public var study: OutlookStudy
    /// Why the chosen model was chosen, in words.
    public var why: Bilingual
    /// The FAO GIEWS IPA and the WFP ALPS.
    public var ipa: Alert
    public var alps: Alert
    /// Why the export link was not a candidate (nil when it was, or was not asked for).
    public var exportLinkNote: String?
    public var text: Bilingual
    /// Months the latest price may be old before it is stale (nil: `DataAge.defaultFreshness`).
    public var freshness: Int? = nil
    /// For a price built from irregular quotes: the days behind each month (`QuotedMonths`).
    public var quotes: QuotedMonths? = nil
    /// For a paddy price: its link to the rice prices (`RiceLink`).
    public var riceLink: [RiceLink] = []
    /// Sell fresh now or dry and store: present when asked for (`muavu outlook --sell-or-store`).
    public var sellOrStore: SellOrStoreSection? = nil
    /// The change of the outlook's month since the previous issue, split into the data's and the
    /// model's effects (nil: no earlier forecast of record of that month, or no store read).
    public var changeSincePrevious: IssueChange? = nil
    /// The series' track record by horizon and origin beside the backtest's claim (nil: the
    /// outlook read no store, or the store holds no earlier record of the series).
    public var trackRecord: [TrackRecordLine]? = nil

    /// The outlook of `study` on `series` (`inputs` its data files), issued at `issued` for the
    /// alerts as of `asOf`.
    public init(
        of subject: (commodity: Bilingual, market: Bilingual, unit: Bilingual), issued: Date, asOf: PeriodDate,
        inputs: [Input], series: TimeSeries, study: OutlookStudy, why: Bilingual, alerts: (ipa: Alert, alps: Alert),
        exportLinkNote: String?, text: Bilingual
    ) {
        (commodity, market, unit) = subject
        (self.issued, self.asOf, self.inputs, self.series, self.study) = (issued, asOf, inputs, series, study)
        (self.why, ipa, alps) = (why, alerts.ipa, alerts.alps)
        (self.exportLinkNote, self.text) = (exportLinkNote, text)
    }

    /// The encoded document (sorted keys, final newline).
    public func encoded() throws -> Data { try DocumentEncoder.encode(withRecordMembers(withOptionalMembers(tree))) }

    /// The document's members; `OutlookDocument+Tree.swift` builds the larger ones.
    var tree: JSONTree {
        let y = series.values
        let lastIndex = y.lastIndex(where: \.isFinite) ?? (y.count - 1)
        let latest = lastIndex >= 0 ? y[lastIndex] : .nan
        let reported = y.filter(\.isFinite).count
        let seriesEntry: JSONTree = .object([
            "id": .string(series.id), "frequency": .string(series.frequency.rawValue), "unit": .of(series.unit),
            "first": date(0), "last": date(y.count - 1), "months": .integer(y.count), "reported": .integer(reported),
        ])
        let data: [JSONTree] = inputs.map { i in
            .object([
                "role": .string(i.role), "file": .string(i.file), "series": .string(i.series),
                "sha256": .string(SHA256.hex(i.data)), "bytes": .integer(i.data.count), "source": .of(i.source),
            ])
        }
        var members: [String: JSONTree] = [
            "schema": .string(Self.schemaName),
            "engine": .object(["name": .string(Engine.current.name), "version": .string(Engine.current.version)]),
            "issued": .string(IssueTime.iso8601(issued)),
            "as_of": .string(asOf.description),
            "commodity": .of(commodity), "market": .of(market), "unit": .of(unit),
            "data": .array(data),
            "series": seriesEntry,
            "last_observation": .object(["date": date(lastIndex), "price": .of(latest)]),
            "data_age": DataAge(of: series, issueDay: asOf, freshness: freshness).map { DataAgeEntry($0).tree }
                ?? .null,
            "level": .integer(study.options.level),
            "months": .array(months(latest: latest)),
            "alerts": .object(["ipa": Self.entry(ipa), "alps": Self.entry(alps)]),
            "model": model,
            "range": range,
            "text": .of(text),
        ]
        if let sellOrStore { members["sell_or_store"] = sellOrStore.tree }
        return .object(members)
    }
}

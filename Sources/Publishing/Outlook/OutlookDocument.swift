import Agronomy
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// A JSON value built in code: objects encode with sorted keys (`DocumentEncoder`), non-finite
/// numbers as `null`, so a document's keys are the same whatever its values.
enum JSONTree: Encodable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONTree])
    case object([String: JSONTree])

    static func of(_ x: Double?) -> JSONTree { x.map { $0.isFinite ? .number($0) : .null } ?? .null }
    static func of(_ s: String?) -> JSONTree { s.map { .string($0) } ?? .null }
    static func of(_ b: Bilingual) -> JSONTree { .object(["vi": .string(b.vi), "en": .string(b.en)]) }
    static func of(_ b: Bilingual?) -> JSONTree { b.map { of($0) } ?? .null }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let x): if x.isFinite { try c.encode(x) } else { try c.encodeNil() }
        case .integer(let i): try c.encode(i)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

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
            self.role = role
            self.file = file
            self.series = series
            self.data = data
            self.source = source
        }
    }

    /// Why an alert could not be assessed.
    public struct Unavailable: Error, Sendable, Equatable {
        public var reason: String
        public init(_ reason: String) { self.reason = reason }
    }

    public var issued: Date
    public var asOf: PeriodDate
    public var commodity: Bilingual
    public var market: Bilingual
    public var unit: Bilingual
    public var inputs: [Input]
    /// The prices, NaN where none was reported.
    public var series: TimeSeries
    public var study: OutlookStudy
    /// The alert assessments, or why one could not be made.
    public var anomaly: Result<PriceAnomalyIndicator.Assessment, Unavailable>
    public var spike: Result<PriceSpikeAlert.Assessment, Unavailable>
    public var maximumAlertAge: Int
    /// Why the export link was not a candidate (nil when it was, or was not asked for).
    public var exportLinkNote: String?
    public var text: Bilingual

    public init(
        issued: Date, asOf: PeriodDate, commodity: Bilingual, market: Bilingual, unit: Bilingual, inputs: [Input],
        series: TimeSeries, study: OutlookStudy, anomaly: Result<PriceAnomalyIndicator.Assessment, Unavailable>,
        spike: Result<PriceSpikeAlert.Assessment, Unavailable>, maximumAlertAge: Int = 2, exportLinkNote: String? = nil,
        text: Bilingual
    ) {
        self.issued = issued
        self.asOf = asOf
        self.commodity = commodity
        self.market = market
        self.unit = unit
        self.inputs = inputs
        self.series = series
        self.study = study
        self.anomaly = anomaly
        self.spike = spike
        self.maximumAlertAge = maximumAlertAge
        self.exportLinkNote = exportLinkNote
        self.text = text
    }

    /// The encoded document (sorted keys, final newline).
    public func encoded() throws -> Data { try DocumentEncoder.encode(tree) }

    static func status(_ s: AlertStatus) -> String {
        switch s {
        case .current: "current"
        case .stale: "stale"
        case .future: "future"
        case .notComputable: "not-computable"
        }
    }

    var tree: JSONTree {
        let level = study.options.level
        let y = series.values
        let lastIndex = y.lastIndex(where: \.isFinite) ?? (y.count - 1)
        let latest = lastIndex >= 0 ? y[lastIndex] : .nan
        func date(_ i: Int) -> JSONTree { .of(series.date(at: i)?.description) }
        func change(_ from: Double?, _ to: Double) -> JSONTree {
            guard let from, from > 0, to.isFinite else { return .null }
            return .number(((to / from - 1) * 1e6).rounded() / 1e6)
        }

        // Months.
        var months: [JSONTree] = []
        let modelInterval = study.forecast.interval(level: level)
        for h in 1...study.forecast.horizon {
            let i = y.count + h - 1
            let mean = study.forecast.mean[h - 1]
            let range = h <= study.ranges.count ? study.ranges[h - 1] : nil
            let yearAgoIndex = i - 12
            let yearAgo: Double? =
                yearAgoIndex >= 0 && yearAgoIndex < y.count && y[yearAgoIndex].isFinite ? y[yearAgoIndex] : nil
            var lastYear: [String: JSONTree] = [
                "date": date(yearAgoIndex), "price": .of(yearAgo), "change": change(yearAgo, mean),
            ]
            if yearAgo == nil { lastYear["note"] = .string("no price reported for that month") }
            var m: [String: JSONTree] = [
                "date": date(i), "step": .integer(h), "expected": .of(mean),
                "lower": .of(range?.lower ?? modelInterval?.lower[h - 1]),
                "upper": .of(range?.upper ?? modelInterval?.upper[h - 1]),
                "range": .string(range == nil ? "model" : "calibrated"),
                "model_lower": .of(modelInterval?.lower[h - 1]), "model_upper": .of(modelInterval?.upper[h - 1]),
                "calibration_errors": .integer(range?.calibration ?? 0),
                "change_from_latest": change(latest, mean),
                "same_month_last_year": .object(lastYear),
            ]
            if range == nil {
                m["note"] = .string("too few past errors to calibrate the range; the model's own interval is shown")
            }
            months.append(.object(m))
        }

        // Alerts.
        /// One alert entry: the class and its meaning, or why there is none.
        func alert(
            _ method: String, status: AlertStatus?, latest: PeriodDate?, value: Double?, class raw: String?,
            name: Bilingual?, meaning: Bilingual?, failure: String?
        ) -> JSONTree {
            var o: [String: JSONTree] = [
                "method": .string(method), "status": .string(status.map(Self.status) ?? "not-computable"),
                "latest": .of(latest?.description), "value": .of(value), "class": .of(raw), "name": .of(name),
                "meaning": .of(meaning),
            ]
            if let failure {
                o["note"] = .string(failure)
            } else if raw == nil, let status {
                o["note"] = .string("no class is published: \(Self.status(status))")
            }
            return .object(o)
        }
        let ipa = "FAO GIEWS Indicator of Price Anomalies (IPA)"
        let alps = "WFP Alert for Price Spikes (ALPS)"
        let alerts: [String: JSONTree] = [
            "ipa": {
                switch anomaly {
                case .success(let a):
                    alert(
                        ipa, status: a.status, latest: a.latest, value: a.point?.value, class: a.band?.rawValue,
                        name: a.band.map(AlertWording.name),
                        meaning: AlertWording.explanation(a, maximumAge: maximumAlertAge, named: false), failure: nil)
                case .failure(let e):
                    alert(
                        ipa, status: nil, latest: nil, value: nil, class: nil, name: nil, meaning: nil,
                        failure: e.reason)
                }
            }(),
            "alps": {
                switch spike {
                case .success(let s):
                    alert(
                        alps, status: s.status, latest: s.latest, value: s.point.value, class: s.severity?.rawValue,
                        name: s.severity.map(AlertWording.name),
                        meaning: AlertWording.explanation(s, maximumAge: maximumAlertAge, named: false), failure: nil)
                case .failure(let e):
                    alert(
                        alps, status: nil, latest: nil, value: nil, class: nil, name: nil, meaning: nil,
                        failure: e.reason)
                }
            }(),
        ]

        // Model and selection.
        let candidates: [JSONTree] = study.scores.map { s in
            var o: [String: JSONTree] = [
                "name": .string(s.name), "kind": .string(s.kind), "rmse": .of(s.rmse),
                "mape": .of(s.mape), "cases": .integer(s.cases), "chosen": .bool(s.chosen),
            ]
            if let note = s.note { o["note"] = .string(note) }
            return .object(o)
        }
        let origins = study.selectionOrigins
        var selection: [String: JSONTree] = [
            "method": .string("rolling-origin"), "criterion": .string("rmse"),
            "origins": .integer(origins.count), "steps": .integer(study.options.months),
            "first_origin": origins.first.map { date($0) } ?? .null,
            "last_origin": origins.last.map { date($0) } ?? .null,
            "candidates": .array(candidates),
        ]
        if let exportLinkNote { selection["export_link_note"] = .string(exportLinkNote) }
        let model: JSONTree = .object([
            "name": .string(study.forecast.model.name), "family": .string(study.forecast.model.family),
            "candidate": .of(study.chosen?.name), "kind": .of(study.chosen?.kind),
            "why": .of(study.reason), "selection": .object(selection),
        ])

        // The range and its backtest.
        let c = study.coverage
        let byStep: [JSONTree] = c.byStep.enumerated().map { k, s in
            .object([
                "step": .integer(k + 1), "cases": .integer(s.cases), "held": .integer(s.hits),
                "coverage": s.cases > 0 ? .number(Double(s.hits) / Double(s.cases)) : .null,
            ])
        }
        var backtest: [String: JSONTree] = [
            "method": .string("rolling-origin"), "cases": .integer(c.cases), "held": .integer(c.hits),
            "coverage": .of(c.rate), "model_interval_coverage": .of(c.modelRate),
            "first_origin": c.firstOrigin.map { date($0) } ?? .null,
            "last_origin": c.lastOrigin.map { date($0) } ?? .null,
            "by_step": .array(byStep),
            "mean_relative_width": .of(c.meanRelativeWidth), "model_mean_relative_width": .of(c.modelMeanRelativeWidth),
        ]
        if c.cases == 0 { backtest["note"] = .string("no past origin had enough errors to calibrate a range") }
        let range: JSONTree = .object([
            "level": .integer(level), "method": .string("split-conformal"),
            "score": .string("abs-log-ratio"),
            "calibration_origins": .integer(study.options.conformal.calibrationOrigins),
            "minimum_train": .integer(study.options.conformal.minimumTrain), "backtest": .object(backtest),
        ])

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
        return .object([
            "schema": .string(Self.schemaName),
            "engine": .object(["name": .string(Engine.current.name), "version": .string(Engine.current.version)]),
            "issued": .string(IssueTime.iso8601(issued)),
            "as_of": .string(asOf.description),
            "commodity": .of(commodity), "market": .of(market), "unit": .of(unit),
            "data": .array(data),
            "series": seriesEntry,
            "last_observation": .object(["date": date(lastIndex), "price": .of(latest)]),
            "level": .integer(level),
            "months": .array(months),
            "alerts": .object(alerts),
            "model": model,
            "range": range,
            "text": .of(text),
        ])
    }
}

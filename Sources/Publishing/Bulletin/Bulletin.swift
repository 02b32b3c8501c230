import Agronomy
import Documents
import Forecasting
import Rendering
import TimeSeriesCore

/// A forecast bulletin for extension officers and cooperatives: who issued it and when, headline
/// sentences with odds, comparisons with the 5-year average, fan charts, price alerts with their
/// meaning, and a method-and-skill box. Vietnamese first, English beside it.
///
/// The shape follows the JRC MARS bulletins (yield in t/ha against the 5-year average) and the
/// WFP market monitors (price with alert class and what it means). `Bulletin+Blocks.swift` lays it
/// out once as blocks; `markdown()` and `html()` render them, deterministically.
public struct Bulletin: Sendable, Equatable {
    /// Who issues the bulletin, its title and dates. The title and the issue date are given
    /// when it is made; the rest is set when known.
    public struct Header: Sendable, Equatable {
        public var issuer: Bilingual = .departmentOfAgricultureDongThap
        public var title: Bilingual
        /// What the bulletin covers: `Vụ Hè Thu 2026` / `Summer–autumn crop 2026`.
        public var coverage: Bilingual?
        public var issued: PeriodDate
        /// Valid until (inclusive), and when the next issue comes.
        public var validUntil, nextIssue: PeriodDate?
        /// Issue number, e.g. `12/2026`.
        public var number: String?

        public init(title: Bilingual, issued: PeriodDate) {
            self.title = title
            self.issued = issued
        }
    }

    /// A row of the comparison table: the forecast against the 5-year average (and last year).
    /// The item, unit and forecast are given when it is made; the rest is set when known.
    public struct Comparison: Sendable, Equatable {
        public var item, unit: Bilingual
        public var forecast: Double
        public var fiveYearAverage, lastYear: Double?
        /// Decimals of the forecast and the averages.
        public var decimals = 1

        /// Forecast, 5-year average, change against it, last year: as the tables print them (vi).
        var cells: (forecast: String, average: String, change: String, lastYear: String) {
            func n(_ v: Double?) -> String { v.map { NumberText.format($0, decimals: decimals, language: .vi) } ?? "–" }
            let change = fiveYearAverage.map { NumberText.percent(forecast / $0 - 1, language: .vi) } ?? "–"
            return (n(forecast), n(fiveYearAverage), change, n(lastYear))
        }

        public init(item: Bilingual, unit: Bilingual, forecast: Double) {
            self.item = item
            self.unit = unit
            self.forecast = forecast
        }
    }

    /// A chart, drawn once per language; the Markdown rendering links to `file`.
    public struct Chart: Sendable, Equatable {
        /// File name for linked renderings, e.g. `charts/gia-lua-dong-thap.svg`.
        public var file: String
        public var caption: Bilingual
        public var vi, en: FanChart

        public init(file: String, caption: Bilingual, chart: FanChart) {
            self.file = file
            self.caption = caption
            vi = chart.in(.vi)
            en = chart.in(.en)
        }
    }

    /// One commodity and market: the latest price with both alert indicators and their meaning.
    public struct PriceAlert: Sendable, Equatable {
        public var commodity: Bilingual
        public var market: Bilingual
        public var unit: String
        public var latest: PeriodDate
        public var price: Double
        /// GIEWS IPA value and band, when published (current and computable).
        public var ipa: (value: Double, band: PriceAnomalyBand)?
        /// WFP ALPS value and class, when published.
        public var alps: (value: Double, severity: PriceSpikeClass)?
        /// What the alerts mean, or why none is given.
        public var meaning: [Bilingual]

        public init(
            commodity: Bilingual, market: Bilingual, unit: String,
            anomaly: PriceAnomalyIndicator.Assessment?, spike: PriceSpikeAlert.Assessment?,
            anomalyMaximumAge: Int = 2, spikeMaximumAge: Int = 2
        ) {
            self.commodity = commodity
            self.market = market
            self.unit = unit
            self.latest = spike?.latest ?? anomaly?.latest ?? .month(year: 0, month: 1)
            self.price = spike?.point.price ?? anomaly?.point?.price ?? .nan
            var meaning: [Bilingual] = []
            if let a = anomaly {
                if let band = a.band, let p = a.point { ipa = (p.value, band) }
                if let text = AlertWording.explanation(a, maximumAge: anomalyMaximumAge, named: false) {
                    meaning.append(AlertWording.labelled(Bilingual(vi: "IPA", en: "IPA"), text))
                }
            }
            if let s = spike {
                if let severity = s.severity { alps = (s.point.value, severity) }
                if let text = AlertWording.explanation(s, maximumAge: spikeMaximumAge, named: false) {
                    meaning.append(AlertWording.labelled(Bilingual(vi: "ALPS", en: "ALPS"), text))
                }
            }
            self.meaning = meaning
        }

        public static func == (a: PriceAlert, b: PriceAlert) -> Bool {
            a.commodity == b.commodity && a.market == b.market && a.unit == b.unit && a.latest == b.latest
                && a.price.bitPattern == b.price.bitPattern && a.ipa?.value == b.ipa?.value
                && a.ipa?.band == b.ipa?.band
                && a.alps?.value == b.alps?.value && a.alps?.severity == b.alps?.severity && a.meaning == b.meaning
        }
    }

    /// How the numbers were made and how good they have been.
    public struct Method: Sendable, Equatable {
        public var model: Bilingual
        /// Backtest error, interval coverage...: one sentence each in plain words; the data
        /// sources; caveats.
        public var skill, sources, caveats: [Bilingual]
        /// The technical appendix ("Phụ lục kỹ thuật"): the methods and every candidate's scores
        /// by their technical names (RMSE, MAPE, LOYO, rolling origin, model names).
        public var appendix: [Bilingual] = []

        public init(model: Bilingual, skill: [Bilingual] = [], sources: [Bilingual] = [], caveats: [Bilingual] = []) {
            (self.model, self.skill, self.sources, self.caveats) = (model, skill, sources, caveats)
        }
    }

    public var header: Header
    public var headlines: [Bilingual]
    public var comparisons: [Comparison]
    public var charts: [Chart]
    /// Price outlook paragraphs (see `PriceOutlook`).
    public var outlooks: [Bilingual]
    public var priceAlerts: [PriceAlert]
    public var method: Method
    /// Per series, the latest period of its data and its age at the issue date ("Số liệu cũ"
    /// when stale), and why a series has no forecast (`DataAgeWording`).
    public var dataAges: [Bilingual] = []
    /// The province's own official figures by season (nil: none configured).
    public var province: ProvinceSection?
    /// Each headline number's change since the previous issue (`Bulletin+TrackRecord.swift`).
    public var changes: [ChangeRow] = []
    /// The track record of earlier issues (nil: the store holds no forecast of record of these series).
    public var trackRecord: TrackRecordSection?
    /// Sell fresh now or dry and store, per price the configuration lists (`Bulletin+SellOrStore.swift`).
    public var sellOrStore: [SellOrStore] = []

    public init(
        header: Header, headlines: [Bilingual], comparisons: [Comparison] = [], charts: [Chart] = [],
        outlooks: [Bilingual] = [], priceAlerts: [PriceAlert] = [], method: Method
    ) {
        (self.header, self.headlines, self.comparisons, self.charts) = (header, headlines, comparisons, charts)
        (self.outlooks, self.priceAlerts, self.method) = (outlooks, priceAlerts, method)
    }
}

extension Bilingual {
    /// Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp.
    public static let departmentOfAgricultureDongThap = Bilingual(
        vi: "Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp",
        en: "Department of Agriculture and Environment, Đồng Tháp Province")
}

/// Headline sentences in plain words with odds, as the JRC MARS and Met Office long-range
/// outlooks phrase them: the likely value, the chances in ten (or twenty) of the range, and the
/// comparison with the 5-year average.
public enum Headline {
    /// "8 trên 10" / "8 chances in 10" for 80%; "19 trên 20" for 95%; "k trên 100" otherwise.
    public static func odds(level: Int) -> Bilingual {
        let (k, n) = level % 10 == 0 ? (level / 10, 10) : level % 5 == 0 ? (level / 5, 20) : (level, 100)
        return Bilingual(vi: "\(k) trên \(n)", en: "\(k) chances in \(n)")
    }

    /// "cao hơn 3% so với trung bình 5 năm" / "3% above the 5-year average"; "tương đương" when
    /// the difference rounds to 0%.
    public static func comparison(_ value: Double, with reference: Double, reference name: Bilingual) -> Bilingual {
        let change = value / reference - 1
        let rounded = (abs(change) * 100).rounded()
        let pct = NumberText.format(abs(change) * 100, decimals: 0, language: .vi) + "%"
        let pctEn = NumberText.format(abs(change) * 100, decimals: 0, language: .en) + "%"
        if rounded == 0 {
            return Bilingual(vi: "tương đương \(name.vi)", en: "about the same as \(name.en)")
        }
        return change > 0
            ? Bilingual(vi: "cao hơn \(pct) so với \(name.vi)", en: "\(pctEn) above \(name.en)")
            : Bilingual(vi: "thấp hơn \(pct) so với \(name.vi)", en: "\(pctEn) below \(name.en)")
    }

    public static let fiveYearAverage = Bilingual(vi: "trung bình 5 năm", en: "the 5-year average")

    /// "Năng suất lúa Hè Thu nhiều khả năng đạt 5,9 tấn/ha, 8 trên 10 khả năng nằm trong khoảng
    /// 5,6–6,2; cao hơn 3% so với trung bình 5 năm."
    ///
    /// - Parameters:
    ///   - subject: what is forecast, as the sentence's subject (`Năng suất lúa Hè Thu` /
    ///     `Summer–autumn rice yield`).
    ///   - median, lower, upper: the point forecast and the central interval at `level` percent.
    ///   - average: the 5-year average, when known.
    public static func forecast(
        subject: Bilingual, median: Double, lower: Double, upper: Double, level: Int,
        unit: Bilingual, decimals: Int, average: Double? = nil
    ) -> Bilingual {
        func n(_ v: Double, _ l: Language) -> String { NumberText.format(v, decimals: decimals, language: l) }
        let odds = odds(level: level)
        var vi =
            "\(subject.vi) nhiều khả năng đạt \(n(median, .vi)) \(unit.vi), \(odds.vi) khả năng nằm trong khoảng "
            + "\(n(lower, .vi))–\(n(upper, .vi))"
        var en =
            "\(subject.en) is likely to be \(n(median, .en)) \(unit.en), with \(odds.en) of lying between "
            + "\(n(lower, .en)) and \(n(upper, .en))"
        if let average, average != 0, average.isFinite {
            let c = comparison(median, with: average, reference: fiveYearAverage)
            vi += "; \(c.vi)"
            en += "; \(c.en)"
        }
        return Bilingual(vi: vi + ".", en: en + ".")
    }

    /// The headline for step `step` (0-based) of `forecast` at `level`.
    public static func forecast(
        subject: Bilingual, forecast: Forecast, step: Int = 0, level: Int = 80,
        unit: Bilingual, decimals: Int, average: Double? = nil
    ) throws -> Bilingual {
        guard step >= 0, step < forecast.horizon else {
            throw PublishingError(
                .badConfiguration, "step \(step + 1) is beyond the forecast horizon \(forecast.horizon)")
        }
        guard let interval = forecast.interval(level: level), step < interval.lower.count, step < interval.upper.count
        else {
            throw PublishingError(.badConfiguration, "the forecast has no \(level)% interval")
        }
        return Self.forecast(
            subject: subject, median: forecast.mean[step], lower: interval.lower[step],
            upper: interval.upper[step], level: level, unit: unit, decimals: decimals, average: average)
    }

    /// The mean of the last `years` finite values (the 5-year average of a yearly or per-season
    /// series), or nil when there are fewer.
    public static func average(ofLast years: Int = 5, _ values: [Double]) -> Double? {
        let finite = values.filter(\.isFinite)
        guard years >= 1, finite.count >= years else { return nil }
        return finite.suffix(years).reduce(0, +) / Double(years)
    }
}

import Agronomy
import Documents
import Forecasting
import Rendering
import TimeSeriesCore

/// The price outlook for one commodity and market, as WFP market monitors state it: the price
/// expected for a coming month with its range, the change from the latest price and from the same
/// month a year earlier, and the alert classes with their meaning.
///
/// `init(series:forecast:...)` is a pure function of its arguments; `text` words it in
/// Vietnamese and English.
public struct PriceOutlook: Sendable, Equatable {
    public var commodity: Bilingual
    public var market: Bilingual
    public var unit: Bilingual
    /// The month the outlook is for, and the forecast for it.
    public var target: PeriodDate
    public var expected: Double
    public var level: Int
    public var lower, upper: Double
    /// The latest observed price and its month.
    public var latestDate: PeriodDate
    public var latest: Double
    /// The price in the same month a year before `target` (or the same season/quarter), if observed.
    public var yearAgoDate: PeriodDate
    public var yearAgo: Double?
    /// The alert lines (IPA, ALPS), each with its meaning or why it is withheld.
    public var alerts: [Bilingual]
    /// Decimals for prices.
    public var decimals: Int
    /// How often ranges like this one held the price in a rolling-origin backtest.
    public var backtest: Backtest?
    /// The months after `target` with their expected price and range.
    public var following: [Month] = []
    /// The issue month (or day); the latest price is called "now" only when it is of that month
    /// or later (nil: the latest price's month is taken as the issue month).
    public var issued: PeriodDate?
    /// The sell-or-store sentence, said last (nil: not asked).
    public var sellOrStore: Bilingual? = nil

    /// Ranges that held the actual price, of those checked.
    public struct Backtest: Sendable, Equatable {
        public var held, cases: Int
        public init(held: Int, cases: Int) {
            self.held = held
            self.cases = cases
        }
    }

    /// A later month of the outlook.
    public struct Month: Sendable, Equatable {
        public var date: PeriodDate
        public var expected, lower, upper: Double
    }

    /// - Parameters:
    ///   - step: which forecast step the outlook is for (1 = the period after the last one).
    ///   - level: the interval shown (80 = "8 chances in 10").
    public init(
        series: TimeSeries, forecast: Forecast, step: Int = 1, level: Int = 80,
        anomaly: PriceAnomalyIndicator.Assessment? = nil, spike: PriceSpikeAlert.Assessment? = nil,
        commodity: Bilingual, market: Bilingual, unit: Bilingual? = nil, decimals: Int = 0,
        maximumAlertAge: Int = 2, issued: PeriodDate? = nil
    ) throws {
        guard series.start != nil, let lastIndex = series.values.lastIndex(where: \.isFinite),
            let latestDate = series.date(at: lastIndex)
        else {
            throw PublishingError(
                .badConfiguration, "series '\(series.id)' needs dates and at least one observed price")
        }
        guard step >= 1, step <= forecast.horizon, let target = series.date(at: series.count + step - 1) else {
            throw PublishingError(
                .badConfiguration, "step \(step) is outside the forecast horizon 1...\(forecast.horizon)")
        }
        guard let interval = forecast.interval(level: level), step <= interval.lower.count, step <= interval.upper.count
        else {
            throw PublishingError(.badConfiguration, "the forecast has no \(level)% interval")
        }
        self.commodity = commodity
        self.market = market
        self.unit = unit ?? Bilingual(vi: series.unit ?? "", en: series.unit ?? "")
        self.target = target
        self.expected = forecast.mean[step - 1]
        self.level = level
        self.lower = interval.lower[step - 1]
        self.upper = interval.upper[step - 1]
        self.latestDate = latestDate
        self.latest = series.values[lastIndex]
        let periodsPerYear = PriceOutlook.periodsPerYear(series)
        let yearAgoIndex = series.count + step - 1 - periodsPerYear
        self.yearAgoDate = target.advanced(by: -periodsPerYear, frequency: series.frequency)
        self.yearAgo =
            yearAgoIndex >= 0 && yearAgoIndex < series.count && series.values[yearAgoIndex].isFinite
            ? series.values[yearAgoIndex] : nil
        var alerts: [Bilingual] = []
        if let s = spike, let text = AlertWording.explanation(s, maximumAge: maximumAlertAge, named: true) {
            alerts.append(
                AlertWording.labelled(Bilingual(vi: "Cảnh báo giá ALPS (WFP)", en: "Price alert, ALPS (WFP)"), text))
        }
        if let a = anomaly, let text = AlertWording.explanation(a, maximumAge: maximumAlertAge, named: true) {
            alerts.append(
                AlertWording.labelled(
                    Bilingual(vi: "Chỉ số bất thường giá IPA (FAO)", en: "Indicator of Price Anomalies, IPA (FAO)"),
                    text))
        }
        self.alerts = alerts
        self.decimals = decimals
        self.issued = issued
    }

    /// True when the latest price is older than the issue month: it is then named by its month
    /// ("giá mới nhất", "the latest price"), never "hiện nay" / "now".
    public var latestIsPast: Bool { isPast(latestDate) }

    /// True when `month` is before the issue month (false without an issue date).
    func isPast(_ month: PeriodDate) -> Bool {
        guard let issued, let age = DataAge(lastObserved: month, issueDay: issued, freshness: 0) else { return false }
        return age.age > 0
    }

    /// The same outlook with the later months of `forecast` (steps after `step`) listed and the
    /// backtest's hit rate stated.
    public func with(following forecast: Forecast, after step: Int = 1, backtest: Backtest?) -> PriceOutlook {
        var o = self
        o.backtest = backtest
        o.following = []
        if let interval = forecast.interval(level: level) {
            for h in (step + 1)..<max(step + 1, forecast.horizon + 1)
            where h <= interval.lower.count && h <= interval.upper.count {
                o.following.append(
                    Month(
                        date: target.advanced(by: h - step, frequency: .monthly),
                        expected: forecast.mean[h - 1], lower: interval.lower[h - 1],
                        upper: interval.upper[h - 1]))
            }
        }
        return o
    }

    static func periodsPerYear(_ series: TimeSeries) -> Int {
        switch series.start {
        case .month: 12
        case .quarter: 4
        case .season(_, _, let k): k
        case .day: series.frequency == .weekly ? 52 : 365
        default: 1
        }
    }

    /// "tăng 2%" / "up 2%", "giảm 1%" / "down 1%", "không đổi" / "unchanged" (rounds to 0%).
    public static func change(from old: Double, to new: Double) -> Bilingual {
        let c = new / old - 1
        let pct = (abs(c) * 100).rounded()
        guard pct > 0, c.isFinite else { return Bilingual(vi: "không đổi", en: "unchanged") }
        let vi = NumberText.format(pct, language: .vi) + "%"
        let en = NumberText.format(pct, language: .en) + "%"
        return c > 0 ? Bilingual(vi: "tăng \(vi)", en: "up \(en)") : Bilingual(vi: "giảm \(vi)", en: "down \(en)")
    }

    /// The outlook in words.
    public var text: Bilingual {
        func n(_ v: Double, _ l: Language) -> String { NumberText.format(v, decimals: decimals, language: l) }
        func when(_ d: PeriodDate, _ l: Language) -> String { NumberText.monthInWords(d, language: l) }
        let odds = Headline.odds(level: level)
        let now = PriceOutlook.change(from: latest, to: expected)
        let lastYear =
            yearAgo.map { PriceOutlook.change(from: $0, to: expected) }
            ?? Bilingual(vi: "chưa có số liệu", en: "no price recorded")
        // Without a market name the sentence names the commodity alone.
        let whereVi = market.vi.isEmpty ? "" : " tại \(market.vi)"
        let whereEn = market.en.isEmpty ? "" : " at \(market.en)"
        // A month before the issue month is already past: its price is estimated, not forecast.
        let past = isPast(target)
        let expectedVi = past ? "ước tính" : "dự kiến"
        var vi = "\(commodity.vi)\(whereVi): giá \(when(target, .vi)) \(expectedVi) khoảng \(n(expected, .vi)) \(unit.vi), "
        vi += "\(odds.vi) khả năng trong khoảng \(n(lower, .vi))–\(n(upper, .vi)) \(unit.vi). "
        let latestVi = latestIsPast ? "giá mới nhất" : "hiện nay"
        vi += "So với \(latestVi) (\(when(latestDate, .vi)): \(n(latest, .vi)) \(unit.vi)): \(now.vi); "
        vi += "so với cùng kỳ năm trước (\(when(yearAgoDate, .vi))"
        vi += yearAgo.map { ": \(n($0, .vi)) \(unit.vi)" } ?? ""
        vi += "): \(lastYear.vi)."
        let expectedEn = past ? "is estimated at" : "is expected to be"
        var en = "\(commodity.en)\(whereEn): the price for \(when(target, .en)) \(expectedEn) about "
        en +=
            "\(n(expected, .en)) \(unit.en), with \(odds.en) of lying between \(n(lower, .en)) and \(n(upper, .en)) \(unit.en). "
        en += "Against the latest price (\(when(latestDate, .en)): \(n(latest, .en)) \(unit.en)): \(now.en); "
        en += "against the same month last year (\(when(yearAgoDate, .en))"
        en += yearAgo.map { ": \(n($0, .en)) \(unit.en)" } ?? ""
        en += "): \(lastYear.en)."
        if !following.isEmpty {
            vi +=
                " Các tháng sau: "
                + following.map {
                    "\(when($0.date, .vi)) khoảng \(n($0.expected, .vi)) (\(n($0.lower, .vi))–\(n($0.upper, .vi))) \(unit.vi)"
                }.joined(separator: "; ") + "."
            en +=
                " Later months: "
                + following.map {
                    "\(when($0.date, .en)) about \(n($0.expected, .en)) (\(n($0.lower, .en))–\(n($0.upper, .en))) \(unit.en)"
                }.joined(separator: "; ") + "."
        }
        if let b = backtest, b.cases > 0 {
            let share = Double(b.held) / Double(b.cases)
            vi +=
                " Kiểm tra trên giá các năm trước: \(NumberText.format(share * 100, language: .vi))% khoảng dự báo như vậy chứa "
                + "đúng giá thực tế (\(b.held)/\(b.cases) lần)."
            en +=
                " In backtests on past prices, \(NumberText.format(share * 100, language: .en))% of such ranges held the actual "
                + "price (\(b.held) of \(b.cases))."
        }
        for a in alerts {
            vi += " " + a.vi
            en += " " + a.en
        }
        if let s = sellOrStore {
            vi += " " + s.vi
            en += " " + s.en
        }
        return Bilingual(vi: Markup.nfc(vi), en: Markup.nfc(en))
    }
}

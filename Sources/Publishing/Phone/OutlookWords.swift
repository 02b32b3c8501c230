import Documents
import Rendering
import TimeSeriesCore

/// The sentences the phone forms of an outlook share (SMS, Zalo, the phone page), written once:
/// the latest price with its month and age, the likely range of the month after the issue
/// month, the odds, and the sell-or-store answer when there is one. Vietnamese without jargon:
/// "có thể" (may be) and "8 trên 10 khả năng", never "khoảng tin cậy" or "dự báo trung vị".
struct OutlookWords {
    var outlook: PriceOutlook
    var language: Language

    func n(_ v: Double) -> String { NumberText.format(v, decimals: outlook.decimals, language: language) }
    func month(_ d: PeriodDate) -> String { NumberText.monthInWords(d, language: language) }
    var unit: String { outlook.unit[language] }
    var vi: Bool { language == .vi }

    /// "Gạo (bán buôn), Đồng Tháp"; the commodity alone without a market name.
    var name: String {
        let m = outlook.market[language]
        return m.isEmpty ? outlook.commodity[language] : "\(outlook.commodity[language]), \(m)"
    }

    /// The issue month: `issued`, or the latest price's month when the outlook has none.
    var issueMonth: PeriodDate {
        switch outlook.issued {
        case .day(let y, let m, _), .month(let y, let m): .month(year: y, month: m)
        default: outlook.latestDate
        }
    }

    /// The age of the latest price on the issue date (months), nil without an issue date.
    var age: DataAge? {
        outlook.issued.flatMap { DataAge(lastObserved: outlook.latestDate, issueDay: $0, freshness: 2) }
    }

    /// The month whose range the messages give: the first month of the outlook after the issue
    /// month (a cooperative deciding today asks about next month); the headline month when the
    /// outlook stops before it.
    var next: (date: PeriodDate, lower: Double, upper: Double) {
        let months =
            [(outlook.target, outlook.lower, outlook.upper)] + outlook.following.map { ($0.date, $0.lower, $0.upper) }
        let after = months.first { $0.0.ordinal > issueMonth.ordinal }
        let m = after ?? months[0]
        return (m.0, m.1, m.2)
    }

    /// "Giá mới nhất" (older than the issue month) or "Giá hiện nay".
    var priceLabel: String {
        outlook.latestIsPast ? (vi ? "Giá mới nhất" : "Latest price") : (vi ? "Giá hiện nay" : "Price now")
    }

    /// "9.063 đồng/kg".
    var price: String { "\(n(outlook.latest)) \(unit)" }

    /// "tháng 6/2022".
    var priceMonth: String { month(outlook.latestDate) }

    /// "cách đây 53 tháng" / "53 months ago"; nil when the price is of the issue month.
    var ageWords: String? {
        guard let a = age, a.age > 0 else { return nil }
        return vi ? "cách đây \(DataAgeWording.span(a, .vi))" : "\(DataAgeWording.span(a, .en)) ago"
    }

    /// "Tháng 1/2027" / "January 2027", capitalised to start a sentence.
    var nextMonth: String {
        let m = month(next.date)
        return m.prefix(1).uppercased() + m.dropFirst()
    }

    /// "8.100" and "10.200".
    var range: (lower: String, upper: String) { (n(next.lower), n(next.upper)) }

    /// "8 trên 10 khả năng" / "8 chances in 10".
    var odds: String {
        let odds = Headline.odds(level: outlook.level)
        return vi ? odds.vi + " khả năng" : odds.en
    }

    /// The sell-or-store answer in one sentence.
    func waiting(_ w: OutlookMessage.Waiting) -> String {
        switch w {
        case .sellNow(let chance):
            vi
                ? "Nên bán ngay: trữ lúa để bán sau, khả năng lời hơn không quá \(chance)/10."
                : "Sell now: keeping the paddy to sell later does better at most \(chance) times in 10."
        case .store(let until, let chance):
            vi
                ? "Nên chờ: trữ lúa đến \(month(until)), khả năng lời hơn bán ngay \(chance)/10."
                : "Waiting may pay: keeping the paddy until \(month(until)) does better \(chance) times in 10."
        }
    }

    /// The answer without its reason, for a short SMS: "Nên bán ngay." / "Nên chờ đến tháng 2/2027 (6/10)."
    func shortWaiting(_ w: OutlookMessage.Waiting) -> String {
        switch w {
        case .sellNow: vi ? "Nên bán ngay." : "Sell now."
        case .store(let until, let chance):
            vi ? "Nên chờ đến \(month(until)) (\(chance)/10)." : "Wait until \(month(until)) (\(chance)/10)."
        }
    }

    /// "muavu, 07/12/2026" / "muavu, tháng 12/2026": who sent it and when.
    var stamp: String? {
        guard let issued = outlook.issued else { return nil }
        if case .month = issued { return "muavu, \(month(issued))" }
        return "muavu, \(NumberText.date(issued, language: language))"
    }
}

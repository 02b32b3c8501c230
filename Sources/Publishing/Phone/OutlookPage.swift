import Documents
import Forecasting
import Rendering
import TimeSeriesCore

/// The outlook as a page for a phone (`html`), and the index of the pages of several
/// commodities (`index`): Vietnamese first, one column readable on a 360-pixel screen, no
/// JavaScript, the styles and the chart (a compact `FanChart`) inline, nothing fetched from
/// anywhere, so that a page saved on the phone works offline. A page of the bundled data weighs
/// about 10 KB, far under the budget of 50 KB (docs/design/phone-and-sms.md).
public enum OutlookPage {
    /// The page budget in bytes (a test checks the bundled commodities' pages against it).
    public static let byteBudget = 50_000

    /// The history the chart shows, in months before the latest price.
    public static let chartMonths = 24

    /// The page of one commodity and market: the latest price with its month and age, the
    /// sell-or-store answer in one sentence when there is one (and the outlook's sentence of its
    /// chances month by month), the range of each coming month,
    /// how often such ranges held, the alerts, and a small chart of `history` (the reported
    /// prices) and `forecast` (the calibrated forecast from the month after the latest price;
    /// without it the chart shows the outlook's own months). `bulletin` is the one link the page
    /// may carry: a relative link back to the bulletin it was published with.
    public static func html(
        _ outlook: PriceOutlook, history: TimeSeries? = nil, forecast: Forecast? = nil,
        waiting: OutlookMessage.Waiting? = nil, bulletin: String? = nil, language: Language = .vi
    ) -> String {
        let w = OutlookWords(outlook: outlook, language: language)
        let vi = language == .vi
        let e = { (s: String) in Markup.escape(s) }
        var body = "<h1>\(e(outlook.commodity[language]))</h1>\n"
        if !outlook.market[language].isEmpty { body += "<p class=\"m\">\(e(outlook.market[language]))</p>\n" }

        body += "<section class=\"now\">\n<p class=\"m\">\(e(w.priceLabel))</p>\n"
        body += "<p class=\"big\">\(e(w.n(outlook.latest))) <small>\(e(w.unit))</small></p>\n"
        body += "<p>\(e(w.priceMonth))\(w.ageWords.map { " · " + e($0) } ?? "")</p>\n"
        if let age = w.age, age.isStale {
            body +=
                "<p class=\"old\">"
                + e(vi ? "Số liệu đã cũ: giá ngày nay có thể khác nhiều." : "Old data: today's price may differ a lot.")
                + "</p>\n"
        }
        body += "</section>\n"
        if let waiting { body += "<p class=\"ans\">\(e(w.waiting(waiting)))</p>\n" }

        body += "<h2>\(e(vi ? "Giá các tháng tới" : "The coming months"))</h2>\n"
        body += "<table>\n<tr><th>\(e(vi ? "Tháng" : "Month"))</th><th>"
        body += e(vi ? "Có thể từ … đến" : "Likely between") + "</th><th>" + e(vi ? "Dự kiến" : "Expected")
        body += "</th></tr>\n"
        let months =
            [(outlook.target, outlook.expected, outlook.lower, outlook.upper)]
            + outlook.following.map { ($0.date, $0.expected, $0.lower, $0.upper) }
        for (date, expected, lower, upper) in months where date.ordinal >= w.issueMonth.ordinal {
            body += "<tr><td>\(e(w.month(date)))</td><td>\(e(w.n(lower)))–\(e(w.n(upper)))</td>"
            body += "<td>\(e(w.n(expected)))</td></tr>\n"
        }
        body += "</table>\n"
        let odds = w.odds.prefix(1).uppercased() + w.odds.dropFirst()
        var note =
            vi
            ? "Đơn vị: \(w.unit). \(odds) giá nằm trong khoảng này."
            : "Unit: \(w.unit). \(odds) that the price falls in this range."
        if let b = outlook.backtest, b.cases > 0 {
            let pct = NumberText.format(Double(b.held) / Double(b.cases) * 100, language: language)
            note +=
                vi
                ? " Trên giá các năm trước, \(pct)% khoảng như vậy đã chứa đúng giá thực tế (\(b.held)/\(b.cases) lần)."
                : " On past prices, \(pct)% of such ranges held the actual price (\(b.held) of \(b.cases))."
        }
        body += "<p class=\"note\">\(e(note))</p>\n"
        // The outlook's own sell-or-store sentence, month by month, below the one-sentence answer.
        if let details = outlook.sellOrStore { body += "<p class=\"note\">\(e(details[language]))</p>\n" }
        if !outlook.alerts.isEmpty {
            body += "<ul>\n" + outlook.alerts.map { "<li>\(e($0[language]))</li>\n" }.joined() + "</ul>\n"
        }
        if let svg = chart(outlook, history: history, forecast: forecast, language: language) {
            body += "<figure>\n\(svg)<figcaption>"
            body += e(
                vi
                    ? "Đường đen: giá thực tế. Đường xanh đậm: giá dự kiến. Vùng xanh: khoảng giá có thể "
                        + "(\(w.odds))."
                    : "Black line: actual price. Dark blue line: expected price. Blue band: the likely range "
                        + "(\(w.odds)).")
            body += "</figcaption>\n</figure>\n"
        }
        var footer = w.stamp.map(e) ?? "muavu"
        if let bulletin {
            footer += " · <a href=\"\(e(bulletin))\">\(e(vi ? "Bản tin đầy đủ" : "The full bulletin"))</a>"
        }
        body += "<footer>\(footer)</footer>\n"
        let title = "\(w.name) — " + (vi ? "giá và triển vọng" : "price outlook")
        return document(title: title, body: body, language: language)
    }

    /// One line of the index: an outlook and the file name of its page.
    public struct Entry: Sendable {
        public var outlook: PriceOutlook
        public var file: String
        public init(outlook: PriceOutlook, file: String) { (self.outlook, self.file) = (outlook, file) }
    }

    /// The index page: for each commodity and market, the latest price with its month and the
    /// next month's range, linked to its page (relative links, so the folder works offline).
    public static func index(_ entries: [Entry], issued: PeriodDate? = nil, language: Language = .vi) -> String {
        let vi = language == .vi
        let e = { (s: String) in Markup.escape(s) }
        var body = "<h1>\(e(vi ? "Giá nông sản và triển vọng" : "Farm prices and their outlook"))</h1>\n"
        if let issued {
            body += "<p class=\"m\">muavu, \(e(NumberText.date(issued, language: language)))</p>\n"
        }
        body += "<ul class=\"list\">\n"
        for entry in entries {
            let w = OutlookWords(outlook: entry.outlook, language: language)
            let (lo, hi) = w.range
            body += "<li><a href=\"\(e(entry.file))\">\(e(w.name))</a><br>"
            body += "\(e(w.priceLabel)): \(e(w.price)) (\(e(w.priceMonth)))<br>"
            body += e(
                vi ? "\(w.nextMonth): có thể \(lo)–\(hi) \(w.unit)" : "\(w.nextMonth): likely \(lo)–\(hi) \(w.unit)")
            body += "</li>\n"
        }
        body += "</ul>\n"
        return document(title: vi ? "Giá nông sản — muavu" : "Farm prices — muavu", body: body, language: language)
    }

    /// The compact chart: the last `chartMonths` reported prices of `history` (to its latest
    /// price) and the months ahead with their range: `forecast`'s, from the month after the end of
    /// `history` (as `PriceOutlook` reads it), or else the outlook's own months. Nil without a
    /// dated history.
    static func chart(
        _ outlook: PriceOutlook, history: TimeSeries?, forecast: Forecast?, language: Language
    ) -> String? {
        guard let history, history.start != nil, let last = history.values.lastIndex(where: \.isFinite) else {
            return nil
        }
        var points: [(date: PeriodDate, value: Double)] = []
        for i in max(0, last + 1 - chartMonths)...last {
            if let d = history.date(at: i) { points.append((d, history.values[i])) }
        }
        var steps: [FanChart.Step] = []
        if let forecast, let interval = forecast.interval(level: outlook.level) {
            for h in 0..<min(forecast.horizon, interval.lower.count, interval.upper.count) {
                guard let d = history.date(at: history.count + h) else { continue }
                steps.append(
                    .init(date: d, median: forecast.mean[h], lower80: interval.lower[h], upper80: interval.upper[h]))
            }
        } else {
            steps =
                [.init(date: outlook.target, median: outlook.expected, lower80: outlook.lower, upper80: outlook.upper)]
                + outlook.following.map {
                    .init(date: $0.date, median: $0.expected, lower80: $0.lower, upper80: $0.upper)
                }
        }
        let title = "\(outlook.commodity[language]), \(outlook.unit[language])"
        return FanChart(title: title, unit: outlook.unit[language], history: points, steps: steps, language: language)
            .compact().svg()
    }

    /// The page around `body`: HTML5, `lang`, UTF-8, the phone viewport, the styles inline.
    static func document(title: String, body: String, language: Language) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(Markup.escape(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        out += body
        out += "</body>\n</html>\n"
        return Markup.nfc(out)
    }

    /// One column, large type, no web fonts (the phone's own sans-serif has the Vietnamese marks).
    static let css = """
        body{margin:0 auto;max-width:40em;padding:12px;font:17px/1.45 'Noto Sans',Roboto,Arial,sans-serif;\
        color:#1a1a1a;background:#fff;overflow-wrap:anywhere}
        h1{font-size:1.35em;margin:0 0 2px}
        h2{font-size:1.1em;margin:18px 0 6px}
        p{margin:4px 0}
        .m,.note,footer,figcaption{color:#555;font-size:.9em}
        .now{background:#f2f6fb;border-radius:6px;padding:8px 10px;margin:10px 0}
        .big{font-size:2em;font-weight:700;line-height:1.2}
        .big small{font-size:.5em;font-weight:400}
        .old{color:#8a3b00;font-weight:700}
        .ans{background:#fff4d6;border-left:4px solid #e0a800;padding:8px 10px;font-weight:700}
        table{border-collapse:collapse;width:100%}
        th,td{padding:5px 4px;border-bottom:1px solid #ddd;text-align:right}
        th:first-child,td:first-child{text-align:left}
        th{font-size:.85em;color:#555;font-weight:400}
        figure{margin:14px 0}
        svg{display:block;max-width:100%;height:auto}
        ul{padding-left:20px}
        .list{list-style:none;padding:0}
        .list li{padding:8px 0;border-bottom:1px solid #ddd}
        footer{margin-top:16px}

        """
}

import AgriData
import Documents
import Foundation
import Rendering
import TimeSeriesCore

/// The words for a monthly price built from irregular quotes, shared by `muavu outlook` and the
/// bulletin: why it has no forecast while no model takes its gaps.
public enum QuotedSeriesWording {
    /// "Lúa IR 50404 (tươi): chưa có dự báo. …": the months without a quote are kept as gaps, and
    /// `models` cannot forecast a series with gaps.
    public static func refusal(_ name: Bilingual, gaps: Int, months: Int, models: [String]) -> Bilingual {
        let list = models.joined(separator: ", ")
        return Bilingual(
            vi: "\(name.vi): chưa có dự báo. Trong \(months) tháng có \(gaps) tháng không có báo giá; các tháng "
                + "đó để trống, không tự điền số. Các mô hình \(list) chưa dự báo được khi chuỗi giá có tháng trống.",
            en: "\(name.en): no forecast yet. \(gaps) of its \(months) months have no quote; they are kept as "
                + "gaps, not filled in. The models \(list) cannot forecast a series with gaps yet.")
    }

    /// The gaps of `values` between its first and last reported month.
    public static func interiorGaps(_ values: [Double]) -> (gaps: Int, months: Int) {
        guard let a = values.firstIndex(where: \.isFinite), let b = values.lastIndex(where: \.isFinite) else {
            return (0, 0)
        }
        return (values[a...b].filter { !$0.isFinite }.count, b - a + 1)
    }
}

extension QuotedSeriesWording {
    /// The answer for a price known only from a few quotes (`QuoteSheet`): that there are too few
    /// for a forecast, then each quote with its date, variety, range in đồng/kg, source and age.
    /// `storeMonths` monthly prices are in the store; `minimumMonths` start the outlook.
    public static func tooFew(
        commodity: Bilingual, market: Bilingual, quotes: [QuoteSheet.Row], asOf: PeriodDate,
        storeMonths: Int, minimumMonths: Int
    ) -> Bilingual {
        let months = Set(quotes.compactMap(\.month)).sorted()
        let span: (String) -> String = { language in
            guard let a = months.first, let b = months.last else { return "" }
            let l: Language = language == "vi" ? .vi : .en
            return language == "vi"
                ? ", từ \(NumberText.monthInWords(a, language: l)) đến \(NumberText.monthInWords(b, language: l))"
                : ", from \(NumberText.monthInWords(a, language: l)) to \(NumberText.monthInWords(b, language: l))"
        }
        var vi = [
            "\(commodity.vi) tại \(market.vi): chưa đủ số liệu để dự báo giá. Chỉ có \(quotes.count) báo giá rải rác "
                + "trên báo chí (\(months.count) tháng có báo giá\(span("vi"))); cần ít nhất \(minimumMonths) tháng có "
                + "giá mới dự báo được. Kho số liệu hiện có \(storeMonths) tháng giá; giá mới nhập bằng lệnh "
                + "muavu import "
                + "sẽ được cộng dần.",
            "Các báo giá đã biết:",
        ]
        var en = [
            "\(commodity.en) at \(market.en): too few observations for a price forecast. There are only "
                + "\(quotes.count) scattered quotes in the press (\(months.count) months quoted\(span("en"))); a "
                + "forecast needs at least \(minimumMonths) months of prices. The store holds \(storeMonths) monthly "
                + "prices; new prices added with muavu import count towards them.",
            "The quotes known:",
        ]
        // Oldest first; quotes whose date names no month last, in the file's order.
        let ordered = quotes.enumerated().sorted { a, b in
            switch (a.element.month, b.element.month) {
            case (let x?, let y?): x == y ? a.offset < b.offset : x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.offset < b.offset
            }
        }.map(\.element)
        for q in ordered {
            let age = QuotedPriceDocument.age(of: q.month, asOf: asOf)
            func when(_ l: Language) -> String {
                guard let m = q.month else { return l == .vi ? "không rõ ngày" : "date not known" }
                let day = PeriodDate(parsing: String(q.date.prefix(10))).flatMap { d -> String? in
                    if case .day = d { return NumberText.date(d, language: l) } else { return nil }
                }
                return day ?? NumberText.monthInWords(m, language: l)
            }
            func range(_ l: Language) -> String {
                let lo = NumberText.format(q.low, language: l)
                return q.high > q.low ? "\(lo)–\(NumberText.format(q.high, language: l))" : lo
            }
            let unitVi = q.unit == "VND/kg" ? "đồng/kg" : q.unit
            let unitEn = q.unit == "VND/kg" ? "đồng/kg" : q.unit
            vi.append(
                "- \(when(.vi)): \(q.variety), \(range(.vi)) \(unitVi); nguồn: \(q.publisher)"
                    + (age.map { "; cách đây \($0) tháng." } ?? "."))
            en.append(
                "- \(when(.en)): \(q.variety), \(range(.en)) \(unitEn); source: \(q.publisher)"
                    + (age.map { "; \($0) months old." } ?? "."))
        }
        return Bilingual(vi: vi.joined(separator: "\n"), en: en.joined(separator: "\n"))
    }

    /// The days behind the months of a price built from quotes, in words: "Giá theo tháng là trung
    /// bình các ngày có báo giá: 36 trong 71 tháng có báo giá, 26 tháng chỉ dựa trên một ngày."
    public static func days(_ q: OutlookDocument.QuotedMonths) -> Bilingual {
        let quoted = q.days.filter { $0 > 0 }.count
        let single = q.days.filter { $0 == 1 }.count
        let note = q.note
        return Bilingual(
            vi: (note.map { $0.vi + " " } ?? "")
                + "\(quoted) trong \(q.days.count) tháng có báo giá; \(single) tháng chỉ dựa trên một ngày.",
            en: (note.map { $0.en + " " } ?? "")
                + "\(quoted) of \(q.days.count) months have a quote; \(single) months rest on a single day.")
    }

    /// The paddy–rice link in words: the margin to milled rice in đồng/kg, the export price's
    /// co-movement in its own unit.
    public static func riceLink(_ links: [OutlookDocument.RiceLink]) -> Bilingual {
        var vi: [String] = []
        var en: [String] = []
        for l in links {
            let m = l.margin
            guard m.count > 0, let a = m.months.first?.month, let b = m.months.last?.month else {
                vi.append("\(l.name.vi): không có tháng nào cả hai giá cùng có.")
                en.append("\(l.name.en): no month with both prices.")
                continue
            }
            let spanVi =
                "\(m.count) tháng cùng có giá, \(NumberText.date(a, language: .vi))–"
                + "\(NumberText.date(b, language: .vi))"
            let spanEn =
                "\(m.count) common months, \(NumberText.date(a, language: .en))–"
                + "\(NumberText.date(b, language: .en))"
            if let mean = m.meanMargin, let r = m.marginRange {
                func n(_ x: Double, _ lang: Language) -> String { NumberText.format(x, language: lang) }
                vi.append(
                    "\(l.name.vi) cao hơn giá lúa trung bình \(n(mean, .vi)) đồng/kg (từ \(n(r.lowerBound, .vi)) đến "
                        + "\(n(r.upperBound, .vi)) đồng/kg; \(spanVi)).")
                en.append(
                    "\(l.name.en) is above the paddy price by \(n(mean, .en)) đồng/kg on average "
                        + "(\(n(r.lowerBound, .en)) "
                        + "to \(n(r.upperBound, .en)) đồng/kg; \(spanEn)).")
            } else {
                let r = m.correlation.map { NumberText.format($0, decimals: 2, language: .vi) } ?? "–"
                let rEn = m.correlation.map { NumberText.format($0, decimals: 2, language: .en) } ?? "–"
                vi.append(
                    "\(l.name.vi) (\(UnitText.bilingual(m.otherUnit).vi)) và giá lúa (đồng/kg) cùng lên xuống "
                        + "với hệ số tương quan \(r) (\(spanVi))." + (l.note.map { " " + $0.vi } ?? ""))
                en.append(
                    "\(l.name.en) (\(UnitText.bilingual(m.otherUnit).en)) and the paddy price (đồng/kg) move "
                        + "together with a correlation of \(rEn) (\(spanEn))." + (l.note.map { " " + $0.en } ?? ""))
            }
        }
        return Bilingual(vi: vi.joined(separator: " "), en: en.joined(separator: " "))
    }
}

extension QuotedSeriesWording {
    /// Why a price in `unit` (the export price, USD/t) is set against paddy in its own unit: no
    /// exchange-rate series with its source is bundled, and a unit is converted, never relabelled.
    public static func unconverted(_ unit: String) -> Bilingual {
        Bilingual(
            vi:
                "Giá xuất khẩu tính bằng \(UnitText.bilingual(unit).vi); muavu không có chuỗi tỷ giá có nguồn "
                + "rõ ràng để đổi sang đồng/kg, nên chỉ so mức cùng lên xuống, không đổi đơn vị.",
            en:
                "The export price is in \(UnitText.bilingual(unit).en); muavu has no exchange-rate series with a "
                + "stated source to convert it to đồng/kg, so only how the two move together is given, in their own "
                + "units.")
    }
}

import Documents
import Rendering
import TimeSeriesCore

/// How the bulletin states the age of a series' data, in plain words, Vietnamese first: the
/// latest period and how long before the issue date it is, "Số liệu cũ" when it is older than
/// its freshness, and why a series past `DataAge.maximumGap` periods has no forecast.
enum DataAgeWording {
    /// "tháng 6/2022" / "June 2022"; "năm 2023" / "2023".
    static func period(_ p: PeriodDate, _ l: Language) -> String {
        switch p {
        case .month: NumberText.monthInWords(p, language: l)
        case .year(let y): l == .vi ? "năm \(y)" : String(y)
        default: NumberText.date(p, language: l)
        }
    }

    /// "53 tháng" / "53 months".
    static func span(_ a: DataAge, _ l: Language) -> String {
        let (vi, en): (String, String) =
            switch a.unit {
            case .days: ("ngày", a.age == 1 ? "day" : "days")
            case .months: ("tháng", a.age == 1 ? "month" : "months")
            case .quarters: ("quý", a.age == 1 ? "quarter" : "quarters")
            case .years: ("năm", a.age == 1 ? "year" : "years")
            }
        return "\(a.age) \(l == .vi ? vi : en)"
    }

    /// "Giá bán buôn gạo tại Đồng Tháp — Số liệu cũ: mới nhất là tháng 6/2022, cách đây 53 tháng."
    /// `label` names a crop season (its calendar's crop-year label); other periods as `period`.
    static func line(
        _ name: Bilingual, _ a: DataAge, label: ((PeriodDate, Language) -> String)? = nil
    ) -> Bilingual {
        func words(_ l: Language) -> String {
            if case .season = a.lastObserved, let label { return label(a.lastObserved, l) }
            return period(a.lastObserved, l)
        }
        let (pv, pe, sv, se) = (words(.vi), words(.en), span(a, .vi), span(a, .en))
        if a.isStale {
            return Bilingual(
                vi: "\(name.vi) — Số liệu cũ: mới nhất là \(pv), cách đây \(sv).",
                en: "\(name.en) — Old data: the latest is \(pe), \(se) before the issue date.")
        }
        guard a.age > 0 else {
            return Bilingual(
                vi: "\(name.vi): số liệu mới nhất là \(pv).", en: "\(name.en): the latest data is \(pe).")
        }
        return Bilingual(
            vi: "\(name.vi): số liệu mới nhất là \(pv), cách đây \(sv).",
            en: "\(name.en): the latest data is \(pe), \(se) before the issue date.")
    }

    /// Why a series has no forecast: its last observation is more than `DataAge.maximumGap`
    /// periods before the issue date.
    static func withheld(_ name: Bilingual, _ a: DataAge) -> Bilingual {
        let (pv, pe, sv, se) = (period(a.lastObserved, .vi), period(a.lastObserved, .en), span(a, .vi), span(a, .en))
        let gapVi = span(DataAge.withAge(a, DataAge.maximumGap), .vi)
        let gapEn = span(DataAge.withAge(a, DataAge.maximumGap), .en)
        return Bilingual(
            vi: "\(name.vi): không dự báo, vì số liệu mới nhất là \(pv), cách đây \(sv), quá \(gapVi).",
            en: "\(name.en): no forecast, as the latest data is \(pe), \(se) before the issue date, more than \(gapEn)."
        )
    }

    /// "ước tính" / "estimate" for a period before the issue period, else nil.
    static let estimate = Bilingual(vi: "ước tính", en: "estimate")
}

extension DataAge {
    /// `a` with another age, for wording a number of the same periods.
    static func withAge(_ a: DataAge, _ age: Int) -> DataAge {
        var b = a
        b.age = age
        return b
    }
}

import Agronomy
import Documents
import Forecasting
import Rendering
import TimeSeriesCore

/// What the price-alert classes are called and what they mean, in plain words for extension
/// officers and cooperatives. The meanings follow the method notes: GIEWS FPMA for the IPA
/// bands, the WFP ALPS technical note for the ALPS classes.
public enum AlertWording {
    public static func name(_ band: PriceAnomalyBand) -> Bilingual {
        switch band {
        case .abnormallyHigh: Bilingual(vi: "Cao bất thường", en: "Abnormally high")
        case .moderatelyHigh: Bilingual(vi: "Cao vừa phải", en: "Moderately high")
        case .normal: Bilingual(vi: "Bình thường", en: "Normal")
        case .moderatelyLow: Bilingual(vi: "Thấp vừa phải", en: "Moderately low")
        case .abnormallyLow: Bilingual(vi: "Thấp bất thường", en: "Abnormally low")
        }
    }

    public static func meaning(_ band: PriceAnomalyBand) -> Bilingual {
        switch band {
        case .abnormallyHigh:
            Bilingual(
                vi: "Giá tăng mạnh hơn hẳn mức thường thấy vào thời điểm này trong năm.",
                en: "Prices have risen far more than is usual for this time of year.")
        case .moderatelyHigh:
            Bilingual(
                vi: "Giá tăng nhiều hơn mức thường thấy vào thời điểm này trong năm.",
                en: "Prices have risen more than is usual for this time of year.")
        case .normal:
            Bilingual(
                vi: "Diễn biến giá nằm trong phạm vi thường thấy vào thời điểm này trong năm.",
                en: "Price movements are within the usual range for this time of year.")
        case .moderatelyLow:
            Bilingual(
                vi: "Giá tăng ít hơn (hoặc giảm nhiều hơn) mức thường thấy vào thời điểm này trong năm.",
                en: "Prices have risen less (or fallen more) than is usual for this time of year.")
        case .abnormallyLow:
            Bilingual(
                vi: "Giá giảm mạnh hơn hẳn mức thường thấy vào thời điểm này trong năm.",
                en: "Prices have fallen far more than is usual for this time of year.")
        }
    }

    public static func name(_ severity: PriceSpikeClass) -> Bilingual {
        switch severity {
        case .normal: Bilingual(vi: "Bình thường", en: "Normal")
        case .stress: Bilingual(vi: "Căng thẳng", en: "Stress")
        case .alert: Bilingual(vi: "Cảnh báo", en: "Alert")
        case .crisis: Bilingual(vi: "Khủng hoảng", en: "Crisis")
        }
    }

    public static func meaning(_ severity: PriceSpikeClass) -> Bilingual {
        switch severity {
        case .normal:
            Bilingual(
                vi: "Giá không cao hơn đáng kể so với xu hướng mùa vụ dài hạn.",
                en: "The price is not notably above its long-run seasonal trend.")
        case .stress:
            Bilingual(
                vi: "Giá cao hơn xu hướng mùa vụ dài hạn từ 0,25 đến 1 độ lệch chuẩn; cần theo dõi.",
                en: "The price is 0.25 to 1 standard deviation above its long-run seasonal trend; watch it.")
        case .alert:
            Bilingual(
                vi: "Giá cao hơn xu hướng mùa vụ dài hạn từ 1 đến 2 độ lệch chuẩn; giá đang cao bất thường.",
                en: "The price is 1 to 2 standard deviations above its long-run seasonal trend; it is unusually high.")
        case .crisis:
            Bilingual(
                vi: "Giá cao hơn xu hướng mùa vụ dài hạn từ 2 độ lệch chuẩn trở lên; mức giá khủng hoảng.",
                en: "The price is 2 or more standard deviations above its long-run seasonal trend: crisis level.")
        }
    }

    /// Why no class is published for an assessment that is not current.
    public static func withheld(_ status: AlertStatus, latest: PeriodDate, maximumAge: Int) -> Bilingual? {
        let vi = NumberText.monthInWords(latest, language: .vi)
        let en = NumberText.monthInWords(latest, language: .en)
        switch status {
        case .current:
            return nil
        case .stale:
            return Bilingual(
                vi: "Không đưa ra cảnh báo vì giá mới nhất (\(vi)) đã cũ hơn \(maximumAge) tháng.",
                en: "No warning, as the latest price (\(en)) is more than \(maximumAge) months old.")
        case .future:
            return Bilingual(
                vi: "Không đưa ra cảnh báo vì giá mới nhất (\(vi)) muộn hơn ngày phát hành.",
                en: "No warning, as the latest price (\(en)) is after the issue date.")
        case .notComputable:
            return Bilingual(
                vi: "Chưa tính được vì chưa đủ số liệu các năm trước cho \(vi).",
                en: "Not computable, as there are too few past years of prices for \(en).")
        }
    }

    /// The published class of an IPA assessment explained ("Name — meaning", or the meaning
    /// alone without `named`), or why none is published; nil when there is nothing to say.
    public static func explanation(_ a: PriceAnomalyIndicator.Assessment, maximumAge: Int, named: Bool) -> Bilingual? {
        guard let band = a.band else { return withheld(a.status, latest: a.latest, maximumAge: maximumAge) }
        return named ? joined(name(band), meaning(band)) : meaning(band)
    }

    /// The same for an ALPS assessment.
    public static func explanation(_ s: PriceSpikeAlert.Assessment, maximumAge: Int, named: Bool) -> Bilingual? {
        guard let severity = s.severity else { return withheld(s.status, latest: s.latest, maximumAge: maximumAge) }
        return named ? joined(name(severity), meaning(severity)) : meaning(severity)
    }

    /// "head: text" in both languages.
    public static func labelled(_ head: Bilingual, _ text: Bilingual) -> Bilingual {
        Bilingual(vi: "\(head.vi): \(text.vi)", en: "\(head.en): \(text.en)")
    }

    /// "Name — meaning", the meaning continuing the sentence (first letter in lower case).
    private static func joined(_ name: Bilingual, _ meaning: Bilingual) -> Bilingual {
        func lower(_ t: String) -> String { t.prefix(1).lowercased() + t.dropFirst() }
        return Bilingual(vi: "\(name.vi) — \(lower(meaning.vi))", en: "\(name.en) — \(lower(meaning.en))")
    }
}

import Agronomy
import Documents
import Rendering
import TimeSeriesCore

/// The sell-or-store answer in plain words: one Vietnamese sentence, without jargon, and its
/// English. The probability is said as "x/10" (no more precise than the backtest supports) and
/// the gain rounded to the thousand đồng per tonne of fresh paddy ("hòa vốn", breaking even, within
/// 500 đồng).
enum SellOrStoreWording {
    /// The sentence for `study`'s statements, "now" being `now` with fresh price `fresh` (đồng/kg).
    static func text(_ study: SellOrStoreStudy, now: PeriodDate, fresh: Double) -> Bilingual? {
        let made = study.statements.compactMap { $0 }
        guard !made.isEmpty else { return nil }
        func money(_ g: Double, _ l: Language) -> String {
            NumberText.format(abs((g / 1000).rounded() * 1000), decimals: 0, language: l)
        }
        func tenths(_ s: SellOrStoreStudy.Statement) -> Int { Int((s.probability * 10).rounded()) }
        let freshVi = NumberText.format(fresh, decimals: 0, language: .vi)
        let freshEn = NumberText.format(fresh, decimals: 0, language: .en)
        var vi =
            "Phơi khô và giữ lúa để bán sau, so với bán lúa tươi ngay (giá lúa tươi "
            + "\(NumberText.monthInWords(now, language: .vi)): \(freshVi) đồng/kg; tính trên 1 tấn lúa tươi, đã trừ "
            + "tiền sấy, hao hụt và tiền lãi): "
        vi += made.map { s in
            let average =
                abs(s.expectedGain) < 500
                ? "bình quân hòa vốn"
                : "bình quân \(s.expectedGain > 0 ? "lời" : "lỗ") \(money(s.expectedGain, .vi)) đồng/tấn"
            return "giữ \(s.months) tháng, khả năng lời hơn bán tươi ngay là \(tenths(s))/10, \(average)"
        }.joined(separator: "; ") + "."
        var en =
            "Drying and keeping the paddy to sell later, against selling it fresh now (fresh paddy "
            + "\(NumberText.monthInWords(now, language: .en)): \(freshEn) đồng/kg; per tonne of fresh paddy, after "
            + "the drying charge, losses and interest): "
        en += made.map { s in
            let average =
                abs(s.expectedGain) < 500
                ? "on average breaking even"
                : "on average \(s.expectedGain > 0 ? "a gain" : "a loss") of \(money(s.expectedGain, .en)) đồng/tấn"
            let months = s.months == 1 ? "1 month" : "\(s.months) months"
            return "keeping it \(months), the chance of doing better than selling fresh now is \(tenths(s)) in 10, "
                + average
        }.joined(separator: "; ") + "."
        return Bilingual(vi: Markup.nfc(vi), en: Markup.nfc(en))
    }
}

import Documents
import Rendering
import TimeSeriesCore

/// The outlook as a message to a cooperative's phone: one SMS (`sms`) or a few short lines for
/// Zalo (`zalo`). Both say the latest price with its month and age, the range the price may
/// take in the month after the issue month with its odds, and, only when the outlook carries a
/// sell-or-store answer, whether to wait; nothing about waiting otherwise.
///
/// The SMS form is GSM-7 (`GSM7.transliterated`: no diacritics) and at most `smsSeptets` = 160
/// septets, one message (3GPP TS 23.038; a diacritic would make it UCS-2, 70 characters). When
/// the whole message is longer it is shortened by dropping, in this order, until it fits
/// (docs/design/phone-and-sms.md):
/// 1. the sender and issue date (`muavu, 07/12/2026`);
/// 2. the odds (`8 tren 10 kha nang`);
/// 3. the age of the latest price (`cach day 53 thang`; its month stays);
/// 4. the reason in the sell-or-store sentence (`Nen ban ngay.`, `Nen cho den thang 2/2027 (6/10).` stay);
/// 5. the end of the commodity and market name, cut after a whole word with `...`;
/// 6. the end of the unit, the same way.
/// Numbers and months are never cut: the price, its month, the range's month and both bounds
/// are always whole.
public enum OutlookMessage {
    /// The septets of one SMS in the GSM default alphabet.
    public static let smsSeptets = 160

    /// The sell-or-store answer of an outlook, when it has one: whether waiting is more likely
    /// than not to beat selling now, with its chance in tenths (as the outlook's sentence says it).
    public enum Waiting: Sendable, Equatable {
        /// No month asked gives waiting a chance of 6 in 10 or more with a gain on average:
        /// `chance` is the highest chance of any month, in tenths.
        case sellNow(chance: Int)
        /// Keeping the paddy until `until` beats selling now `chance` times in 10 (6 or more), with
        /// a gain on average.
        case store(until: PeriodDate, chance: Int)
    }

    /// The SMS: GSM-7, at most 160 septets, shortened in the documented order when needed.
    public static func sms(_ outlook: PriceOutlook, waiting: Waiting? = nil, language: Language = .vi) -> String {
        let w = OutlookWords(outlook: outlook, language: language)
        var parts = SMSParts(words: w, waiting: waiting)
        for part in SMSParts.Drop.allCases {
            if fits(parts.text) { return parts.text }
            parts.drop(part)
        }
        if fits(parts.text) { return parts.text }
        parts.name = shortened(\.name, of: parts)
        if fits(parts.text) { return parts.text }
        parts.unit = shortened(\.unit, of: parts)
        return parts.text
    }

    static func fits(_ text: String) -> Bool { (GSM7.septets(text) ?? .max) <= smsSeptets }

    /// The Zalo message: a few short lines with diacritics (NFC).
    public static func zalo(_ outlook: PriceOutlook, waiting: Waiting? = nil, language: Language = .vi) -> String {
        let w = OutlookWords(outlook: outlook, language: language)
        var lines = [w.name]
        lines.append("\(w.priceLabel): \(w.price) (\(w.priceMonth)\(w.ageWords.map { ", \($0)" } ?? "")).")
        let (lo, hi) = w.range
        lines.append(
            w.vi
                ? "\(w.nextMonth): có thể từ \(lo) đến \(hi) \(w.unit), \(w.odds)."
                : "\(w.nextMonth): likely \(lo) to \(hi) \(w.unit), \(w.odds).")
        if let waiting { lines.append(w.waiting(waiting)) }
        if let stamp = w.stamp { lines.append(stamp) }
        return Markup.nfc(lines.joined(separator: "\n"))
    }

    /// The part `field` of `parts` (the name or the unit) cut after a whole word, with `...`, so
    /// that the message fits one SMS; a word that is a number is dropped whole, never cut.
    static func shortened(_ field: WritableKeyPath<SMSParts, String>, of parts: SMSParts) -> String {
        let text = parts[keyPath: field]
        // Past 80 words or 160 characters nothing more could fit: the search starts there.
        let words = text.split(separator: " ", omittingEmptySubsequences: true).prefix(smsSeptets / 2).map(String.init)
        for k in stride(from: words.count - 1, through: 1, by: -1) {
            let candidate = words.prefix(k).joined(separator: " ") + "..."
            var p = parts
            p[keyPath: field] = candidate
            if fits(p.text) { return candidate }
        }
        // One long word: cut it by characters, backing off over digits so no number is halved.
        var chars = Array((words.first ?? "").prefix(smsSeptets))
        while !chars.isEmpty {
            chars.removeLast()
            while let last = chars.last, last.isNumber { chars.removeLast() }
            var p = parts
            let candidate = String(chars) + "..."
            p[keyPath: field] = candidate
            if fits(p.text) { return candidate }
        }
        return "..."
    }
}

/// The SMS as parts that `OutlookMessage.sms` drops or shortens one by one.
struct SMSParts {
    var name: String
    var unit: String
    var label: String
    var price, priceMonth: String
    var age: String?
    var nextMonth: String
    var lower, upper: String
    var odds: String?
    var waiting: String?
    var shortWaiting: String?
    var stamp: String?
    var vi: Bool

    init(words w: OutlookWords, waiting: OutlookMessage.Waiting?) {
        let t = GSM7.transliterated
        name = t(w.name)
        unit = t(w.unit)
        label = t(w.priceLabel)
        price = t(w.n(w.outlook.latest))
        priceMonth = t(w.priceMonth)
        age = w.ageWords.map(t)
        nextMonth = t(w.nextMonth)
        (lower, upper) = (t(w.range.lower), t(w.range.upper))
        odds = t(w.odds)
        self.waiting = waiting.map { t(w.waiting($0)) }
        shortWaiting = waiting.map { t(w.shortWaiting($0)) }
        stamp = w.stamp.map(t)
        vi = w.vi
    }

    /// The parts dropped, first to last (`OutlookMessage` documents the order).
    enum Drop: CaseIterable {
        case stamp, odds, age, reason
    }

    mutating func drop(_ part: Drop) {
        switch part {
        case .stamp: stamp = nil
        case .odds: odds = nil
        case .age: age = nil
        case .reason: waiting = shortWaiting
        }
    }

    /// "Gao (ban buon), Dong Thap: gia moi nhat 9.063 dong/kg (thang 6/2022, cach day 53 thang).
    /// Thang 1/2027 co the 8.100-10.200 dong/kg (8 tren 10 kha nang). muavu, 07/12/2026"
    var text: String {
        let lowerLabel = label.prefix(1).lowercased() + label.dropFirst()
        var s = "\(name): \(lowerLabel) \(price) \(unit) (\(priceMonth)\(age.map { ", \($0)" } ?? "")). "
        s += vi ? "\(nextMonth) co the \(lower)-\(upper) \(unit)" : "\(nextMonth) likely \(lower)-\(upper) \(unit)"
        s += (odds.map { " (\($0))" } ?? "") + "."
        if let waiting { s += " " + waiting }
        if let stamp { s += " " + stamp }
        return s
    }
}

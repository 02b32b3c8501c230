import Foundation
import TimeSeriesCore

/// The languages muavu publishes in: Vietnamese first, English beside it.
public enum Language: String, Sendable, Equatable, CaseIterable {
    case vi, en
}

/// Numbers and dates as readers expect them, formatted without locale databases so that the
/// output is the same byte for byte on every machine.
///
/// Vietnamese (TCVN, and the practice of the General Statistics Office) groups thousands with a
/// dot and marks decimals with a comma: 9.500 đồng/kg, 5,9 tấn/ha. English uses 9,500 and 5.9.
public enum NumberText {
    /// `value` rounded half away from zero to `decimals` places, grouped in thousands.
    /// Negative numbers take the typographic minus sign (U+2212). Non-finite values print "–".
    public static func format(
        _ value: Double, decimals: Int = 0, language: Language,
        grouping: Bool = true
    ) -> String {
        guard value.isFinite else { return "–" }
        let d = max(0, min(decimals, 9))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let units = UInt64(scaled)
        let p = UInt64(scale)
        let whole = units / p
        let fraction = units % p
        var digits = String(whole)
        if grouping && digits.count > 3 {
            let separator: Character = language == .vi ? "." : ","
            var grouped: [Character] = []
            for (i, c) in digits.reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped.append(separator) }
                grouped.append(c)
            }
            digits = String(grouped.reversed())
        }
        if d > 0 {
            let f = String(fraction)
            digits += (language == .vi ? "," : ".") + String(repeating: "0", count: d - f.count) + f
        }
        return (value < 0 && units > 0 ? "\u{2212}" : "") + digits
    }

    /// A signed percentage, `+3%` / `−2,5%`; zero prints without a sign.
    public static func percent(_ fraction: Double, decimals: Int = 0, language: Language) -> String {
        let text = format(fraction * 100, decimals: decimals, language: language)
        let isZero = text.allSatisfy { $0 == "0" || $0 == "," || $0 == "." }
        return (fraction > 0 && !isZero ? "+" : "") + text + "%"
    }

    /// A short date for axes and prose: months `01/2024`, quarters `Q1/2024`, years `2024`,
    /// crop seasons `Vụ 1/2024` / `Season 1/2024`, days `15/01/2024`.
    public static func date(_ date: PeriodDate, language: Language) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        switch date {
        case .year(let y): return String(y)
        case .quarter(let y, let q): return "Q\(q)/\(y)"
        case .month(let y, let m): return "\(two(m))/\(y)"
        case .day(let y, let m, let d): return language == .vi ? "\(two(d))/\(two(m))/\(y)" : "\(y)-\(two(m))-\(two(d))"
        case .season(let y, let s, _): return (language == .vi ? "Vụ \(s)/" : "Season \(s)/") + String(y)
        case .index(let i): return String(i)
        }
    }

    /// A month in words: `tháng 6/2021`, `June 2021`.
    public static func monthInWords(_ date: PeriodDate, language: Language) -> String {
        guard case .month(let y, let m) = date else { return Self.date(date, language: language) }
        if language == .vi { return "tháng \(m)/\(y)" }
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ]
        return "\(names[m - 1]) \(y)"
    }
}

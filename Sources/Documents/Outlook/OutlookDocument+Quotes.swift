import Agronomy
import Foundation
import TimeSeriesCore

extension OutlookDocument {
    /// For a price built from irregular daily quotes (`PriceQuotes.monthly`): where the quotes come
    /// from, the rule that made the months, and the days behind each month of the series (0 in a
    /// gap), so that a month resting on one day is never read as a full monthly average.
    public struct QuotedMonths: Sendable, Equatable {
        /// The quotes file, as the configuration names it.
        public var file: String
        public var market: String
        public var variety: String
        /// `fresh` or `dry`.
        public var state: String
        /// Where the prices come from, in words (the board is An Giang's).
        public var note: Bilingual?
        /// The days quoted in each month of the series.
        public var days: [Int]

        public init(file: String, market: String, variety: String, state: String, note: Bilingual?, days: [Int]) {
            (self.file, self.market, self.variety, self.state, self.note, self.days) =
                (file, market, variety, state, note, days)
        }

        /// How a month's value is made from its days.
        public static let rule =
            "the mean of the days quoted in the month, a day's price the midpoint of its range ((low + high) / 2); "
            + "a month without a quote is a gap"
    }

    /// The paddy price against a rice price over their common months (`PaddyRiceMargin`), with the
    /// rice price's name.
    public struct RiceLink: Sendable, Equatable {
        public var name: Bilingual
        public var margin: PaddyRiceMargin
        /// Why the export price is given in its own unit (nil for a price in đồng/kg).
        public var note: Bilingual?

        public init(name: Bilingual, margin: PaddyRiceMargin, note: Bilingual? = nil) {
            (self.name, self.margin, self.note) = (name, margin, note)
        }
    }

    /// `tree` with the members only some outlooks have: `quotes` and `rice_link`.
    func withOptionalMembers(_ tree: JSONTree) -> JSONTree {
        guard case .object(var members) = tree else { return tree }
        if let quotes { members["quotes"] = quotesTree(quotes) }
        if !riceLink.isEmpty { members["rice_link"] = Self.riceLinkTree(riceLink) }
        return .object(members)
    }

    /// The `quotes` member.
    func quotesTree(_ q: QuotedMonths) -> JSONTree {
        let months: [JSONTree] = q.days.enumerated().map { i, d in
            .object(["date": date(i), "days": .integer(d)])
        }
        return .object([
            "file": .string(q.file), "market": .string(q.market), "variety": .string(q.variety),
            "state": .string(q.state), "rule": .string(QuotedMonths.rule), "note": .of(q.note),
            "quoted_months": .integer(q.days.filter { $0 > 0 }.count),
            "single_day_months": .integer(q.days.filter { $0 == 1 }.count),
            "months": .array(months),
        ])
    }

    /// The `rice_link` member.
    static func riceLinkTree(_ links: [RiceLink]) -> JSONTree {
        .array(
            links.map { l in
                let m = l.margin
                let margin: JSONTree =
                    m.meanMargin.map { mean in
                        .object([
                            "mean": .of(mean), "min": .of(m.marginRange?.lowerBound),
                            "max": .of(m.marginRange?.upperBound), "unit": .string(m.paddyUnit),
                        ])
                    } ?? .null
                return .object([
                    "paddy": .string(m.paddyID), "other": .string(m.otherID), "name": .of(l.name),
                    "paddy_unit": .string(m.paddyUnit), "other_unit": .string(m.otherUnit),
                    "months": .integer(m.count), "first": .of(m.months.first?.month.description),
                    "last": .of(m.months.last?.month.description), "margin": margin,
                    "ratio_mean": .of(m.meanRatio), "correlation": .of(m.correlation), "note": .of(l.note),
                ])
            })
    }
}

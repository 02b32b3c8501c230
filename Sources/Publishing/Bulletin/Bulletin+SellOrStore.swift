import Agronomy
import Documents
import Rendering
import TimeSeriesCore

extension Bulletin {
    /// Sell the paddy fresh now, or dry it and sell it in one of the next months: the answer of
    /// `muavu outlook` for a price the configuration's `sellOrStore` section lists
    /// (`SellOrStoreSection`, docs/design/sell-or-store.md), as the bulletin's table shows it.
    public struct SellOrStore: Sendable, Equatable {
        /// One month of waiting.
        public struct Month: Sendable, Equatable {
            /// Months kept (k) and the month sold in.
            public var months: Int
            public var date: PeriodDate
            /// The dry paddy price (đồng/kg) at which keeping k months breaks even.
            public var breakEvenDry: Double
            /// The chance that keeping does better than selling fresh now, and the average gain
            /// (đồng per tonne of fresh paddy); nil when too few past errors of this step are known.
            public var probability: Double?
            public var expectedGain: Double?
        }

        public var commodity, market: Bilingual
        /// The month of the latest price, and the fresh paddy price then (đồng/kg).
        public var now: PeriodDate
        public var fresh: Double
        public var months: [Month]

        /// The table of `section` (the outlook document's numbers, unrounded).
        public init(_ section: SellOrStoreSection, commodity: Bilingual, market: Bilingual) {
            (self.commodity, self.market, now, fresh) = (commodity, market, section.now, section.fresh)
            let study = section.study
            months = (1...study.options.months).map { k in
                let s = k <= study.statements.count ? study.statements[k - 1] : nil
                return Month(
                    months: k, date: section.now.advanced(by: k, frequency: .monthly),
                    breakEvenDry: StoreDecision.breakEven(fresh: section.fresh, months: k, costs: study.costs),
                    probability: s?.probability, expectedGain: s?.expectedGain)
            }
        }
    }

    static let sellOrStoreHeading = Bilingual(
        vi: "Bán lúa tươi ngay hay phơi khô để bán sau", en: "Sell the paddy fresh now, or dry it and sell later")

    static let sellOrStoreHeadings = [
        Bilingual(vi: "Bán vào", en: "Sold in"),
        Bilingual(vi: "Giá lúa khô hòa vốn (đồng/kg)", en: "Break-even dry price (đồng/kg)"),
        Bilingual(vi: "Khả năng lời hơn bán tươi", en: "Chance of doing better"),
        Bilingual(vi: "Lời/lỗ bình quân (đồng/tấn lúa tươi)", en: "Average gain (đồng/tonne of fresh paddy)"),
    ]

    /// Per price, the fresh price now and a table of the months of waiting: the dry price that
    /// breaks even, the chance of doing better than selling fresh now (x/10, as the outlook's
    /// sentence says it) and the average gain (to the thousand đồng), or "–" where too few past
    /// errors are known.
    func sellOrStoreBlocks() -> [Block] {
        var blocks: [Block] = [.heading(2, Self.heading(Self.sellOrStoreHeading))]
        for s in sellOrStore {
            let fresh = (
                vi: NumberText.format(s.fresh, decimals: 0, language: .vi),
                en: NumberText.format(s.fresh, decimals: 0, language: .en)
            )
            blocks.append(
                .pair(
                    vi: Inlines(
                        "\(s.commodity.vi), \(s.market.vi): giá lúa tươi \(NumberText.monthInWords(s.now, language: .vi)): "
                            + "\(fresh.vi) đồng/kg. Phơi khô và giữ lại có lời khi giá lúa khô lúc bán cao hơn giá hòa vốn "
                            + "(đã trừ tiền sấy, hao hụt và tiền lãi)."),
                    en: Inlines(
                        "\(s.commodity.en), \(s.market.en): fresh paddy in \(NumberText.monthInWords(s.now, language: .en)): "
                            + "\(fresh.en) đồng/kg. Drying and keeping it pays when the dry price at sale is above the "
                            + "break-even price (after the drying charge, losses and interest)."),
                    kind: "sell-or-store"))
            let rows = s.months.map { m -> [Inlines] in
                [
                    Inlines([
                        .text(NumberText.monthInWords(m.date, language: .vi)),
                        .htmlOnly([.lineBreak, .english([.text(NumberText.monthInWords(m.date, language: .en))])]),
                    ]),
                    Inlines(NumberText.format(m.breakEvenDry, decimals: 0, language: .vi)),
                    Inlines(m.probability.map { "\(Int(($0 * 10).rounded()))/10" } ?? "–"),
                    Inlines(
                        m.expectedGain.map { NumberText.format(($0 / 1000).rounded() * 1000, decimals: 0, language: .vi) }
                            ?? "–"),
                ]
            }
            blocks.append(
                .table(
                    Table(
                        header: Self.sellOrStoreHeadings.map(Self.columnHeading), rows: rows, numeric: [1, 2, 3],
                        htmlClass: "sell-or-store")))
        }
        return blocks
    }
}

import Agronomy
import Documents
import Forecasting
import TimeSeriesCore

/// What `muavu outlook --sell-or-store` (or a configuration's `sellOrStore` section) asks of the
/// outlook: the costs, and the fresh paddy price now when the outlook's price is not it.
public struct SellOrStoreRequest: Sendable, Equatable {
    public var costs: StorageCosts
    /// F₀, đồng/kg (nil: the latest price, when the outlook's price is the fresh paddy price).
    public var freshPrice: Double?
    /// The months of waiting, 1…months.
    public var months: Int

    public init(costs: StorageCosts = .standard, freshPrice: Double? = nil, months: Int = 6) {
        (self.costs, self.freshPrice, self.months) = (costs, freshPrice, months)
    }
}

extension OutlookAssembly {
    /// Whether `subject`'s price is the fresh paddy price in đồng/kg (its commodity names paddy —
    /// "lúa" or "paddy" — and not milled rice): then the latest price is F₀.
    static func isFreshPaddy(_ subject: OutlookSubject) -> Bool {
        isFreshPaddy(subject.reported, commodity: subject.commodity)
    }

    /// Whether `reported` is in đồng/kg and `commodity` names paddy ("lúa" or "paddy").
    static func isFreshPaddy(_ reported: TimeSeries, commodity: Bilingual) -> Bool {
        let unit = (reported.unit ?? "").lowercased()
        guard unit == "đồng/kg" || unit == "vnd/kg" else { return false }
        let names = [commodity.vi, commodity.en].map { $0.lowercased() }
        return names.contains { $0.contains("lúa") || $0.contains("paddy") }
    }

    /// The sell-or-store section of the outlook: `SellOrStoreStudy` with the chosen model of
    /// `study` (`forecaster`), "now" being the latest reported price.
    static func sellOrStore(
        _ subject: OutlookSubject, forecaster: any Forecaster, model: String, request: SellOrStoreRequest
    ) throws -> SellOrStoreSection {
        try sellOrStore(
            subject.reported, commodity: subject.commodity, forecaster: forecaster, model: model, request: request)
    }

    /// The sell-or-store section of the price `reported` (NaN where none was reported) of
    /// `commodity`: the outlook's, and `muavu publish`'s for the prices the configuration's
    /// sellOrStore section lists (`Publisher.addSellOrStore`), one computation for both.
    static func sellOrStore(
        _ raw: TimeSeries, commodity: Bilingual, forecaster: any Forecaster, model: String,
        request: SellOrStoreRequest
    ) throws -> SellOrStoreSection {
        guard let last = raw.values.lastIndex(where: \.isFinite), let now = raw.date(at: last) else {
            throw Refusal("no reported price to sell at")
        }
        let seriesNow = raw.values[last]
        let fresh: Double
        let from: String
        if let given = request.freshPrice {
            (fresh, from) = (given, "given")
        } else if isFreshPaddy(raw, commodity: commodity) {
            (fresh, from) = (seriesNow, "series")
        } else {
            throw Refusal(
                "--sell-or-store: '\(raw.id)' is not the fresh paddy price in đồng/kg; give today's fresh paddy "
                    + "price with --fresh-price (đồng/kg), or ask the outlook of paddy (--commodity lúa)")
        }
        guard seriesNow > 0 else { throw Refusal("--sell-or-store needs a positive latest price") }
        let options = SellOrStoreStudy.Options(months: request.months)
        let study = try SellOrStoreStudy.run(
            raw.values, period: raw.period, forecaster: forecaster, freshPerSeriesUnit: fresh / seriesNow,
            costs: request.costs, options: options)
        let text =
            SellOrStoreWording.text(study, now: now, fresh: fresh)
            ?? Bilingual(
                vi: "Phơi khô và giữ lúa để bán sau: chưa đủ số liệu các năm trước để ước tính khả năng lời.",
                en: "Drying and keeping the paddy to sell later: too few past prices to estimate the chance of a gain.")
        return SellOrStoreSection(
            study: study, model: model, now: now, seriesNow: seriesNow, fresh: fresh, freshFrom: from, text: text)
    }
}

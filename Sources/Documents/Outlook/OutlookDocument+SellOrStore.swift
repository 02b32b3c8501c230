import Agronomy
import TimeSeriesCore

/// The outlook's optional `sell_or_store` section: for k = 1…6 months, the probability that drying
/// the paddy and selling it in month k beats selling it fresh now, the expected gain per tonne of
/// fresh paddy (đồng/tấn), the costs used, and how such statements fared on the series' own past
/// (`SellOrStoreStudy`; docs/design/sell-or-store.md).
public struct SellOrStoreSection: Sendable {
    public var study: SellOrStoreStudy
    /// The model whose forecasts and past errors make the distribution.
    public var model: String
    /// The month of the price "now" (the latest reported) and the series' price then.
    public var now: PeriodDate
    public var seriesNow: Double
    /// F₀, the fresh paddy price now (đồng/kg), and where it comes from: `series` (the series is
    /// the fresh paddy price) or `given` (`--fresh-price` or the configuration).
    public var fresh: Double
    public var freshFrom: String
    /// The section in words (also part of the outlook's text).
    public var text: Bilingual

    public init(
        study: SellOrStoreStudy, model: String, now: PeriodDate, seriesNow: Double, fresh: Double, freshFrom: String,
        text: Bilingual
    ) {
        (self.study, self.model, self.now, self.seriesNow) = (study, model, now, seriesNow)
        (self.fresh, self.freshFrom, self.text) = (fresh, freshFrom, text)
    }

    static let relation =
        "G_k = 1000·((1 − d)(1 − s)^k·D_k/(1 + r)^k − c − F0) đồng/tấn of fresh paddy, d = 1 − (1 − m_field)/(1 − "
        + "m_store); D_k = ρ·F0·P_k/P0 (the dry price moves with the series P; ρ the dry/fresh price ratio); "
        + "P_k = forecast × exp(one of the model's past k-step log errors); probability = share of those draws "
        + "with G_k > 0"

    var tree: JSONTree {
        let c = study.costs
        let reliability = study.reliability
        let months: [JSONTree] = (1...study.options.months).map { k in
            let s = k <= study.statements.count ? study.statements[k - 1] : nil
            let r = reliability[k - 1]
            var rel: [String: JSONTree] = [
                "statements": .integer(r.cases), "happened": .integer(r.happened), "brier": .of(r.brier),
                "uncertainty": .of(r.uncertainty), "bin": .null,
            ]
            if let s {
                let b = r.bins[s.bin]
                rel["bin"] = .object([
                    "from": .number(Double(b.index) / 10), "to": .number(Double(b.index + 1) / 10),
                    "statements": .integer(b.cases), "happened": .integer(b.happened),
                ])
            }
            var m: [String: JSONTree] = [
                "months": .integer(k), "date": .string(now.advanced(by: k, frequency: .monthly).description),
                "probability": .of(s?.probability), "draws": .integer(s?.draws ?? 0),
                "expected_gain_per_tonne": .of(s.map { ($0.expectedGain).rounded() }),
                "break_even_dry_price": .of(
                    (StoreDecision.breakEven(fresh: fresh, months: k, costs: c) * 100).rounded() / 100),
                "reliability": .object(rel),
            ]
            if s == nil { m["note"] = .string("too few past errors of this step to state a probability") }
            return .object(m)
        }
        return .object([
            "now": .string(now.description), "series_price_now": .of(seriesNow), "fresh_price": .of(fresh),
            "fresh_price_from": .string(freshFrom), "model": .string(model),
            "calibration_errors": .integer(study.options.calibrationOrigins),
            "relation": .string(Self.relation),
            "costs": .object([
                "drying_cost": .of(c.dryingCost), "field_moisture": .of(c.fieldMoisture),
                "store_moisture": .of(c.storeMoisture), "drying_loss": .of((c.dryingLoss * 1e6).rounded() / 1e6),
                "storage_loss_per_month": .of(c.storageLossPerMonth), "interest_per_month": .of(c.interestPerMonth),
                "dry_to_fresh": .of(c.dryToFresh),
            ]),
            "months": .array(months),
            "text": .of(text),
        ])
    }
}

import Foundation

/// The arithmetic of "sell fresh now, or dry and sell in month k", per tonne of fresh paddy, in
/// today's đồng.
///
/// Selling now brings 1000·F₀ (F₀ the fresh price today, đồng/kg). Drying one tonne costs
/// 1000·c now and leaves 1000·(1 − d) kg (d = `StorageCosts.dryingLoss`); k months in store keep
/// (1 − s)^k of it; sold at the dry price D_k, the money comes k months later and is worth
/// 1/(1 + r)^k of it today (r the monthly interest, compounding). The gain of waiting is
///
///     G_k = 1000 · [ (1 − d)(1 − s)^k · D_k / (1 + r)^k − c − F₀ ]   đồng/tấn of fresh paddy,
///
/// and waiting beats selling now when G_k > 0, that is when D_k exceeds the break-even price
///
///     D*_k = (F₀ + c)(1 + r)^k / ((1 − d)(1 − s)^k).
///
/// The dry price at k is taken from a forecast of a price series P: D_k = ρ·F₀·P_k / P₀, with ρ
/// the dry/fresh price ratio (`StorageCosts.dryToFresh`) and P₀ the series today — the paddy's
/// price moves in proportion to the series. When P is the fresh paddy price itself (F₀ = P₀) this
/// is D_k = ρ·P_k.
public enum StoreDecision {
    /// G_k in đồng/tấn of fresh paddy: `fresh` today's fresh price and `dry` the dry price in
    /// month `months`, both đồng/kg.
    public static func gainPerTonne(fresh: Double, dry: Double, months k: Int, costs: StorageCosts) -> Double {
        let kept = (1 - costs.dryingLoss) * pow(1 - costs.storageLossPerMonth, Double(k))
        let discount = pow(1 + costs.interestPerMonth, Double(k))
        return 1000 * (kept * dry / discount - costs.dryingCost - fresh)
    }

    /// D*_k, the dry price (đồng/kg) at which waiting `months` months neither gains nor loses.
    public static func breakEven(fresh: Double, months k: Int, costs: StorageCosts) -> Double {
        let kept = (1 - costs.dryingLoss) * pow(1 - costs.storageLossPerMonth, Double(k))
        return (fresh + costs.dryingCost) * pow(1 + costs.interestPerMonth, Double(k)) / kept
    }

    /// D_k = ρ·F₀·P_k / P₀: the dry price when the series moves from `seriesNow` to `seriesLater`.
    public static func dryPrice(fresh: Double, seriesNow: Double, seriesLater: Double, costs: StorageCosts) -> Double {
        costs.dryToFresh * fresh * seriesLater / seriesNow
    }
}

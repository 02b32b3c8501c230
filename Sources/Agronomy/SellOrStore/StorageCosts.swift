import TimeSeriesCore

/// What drying and keeping paddy costs a cooperative that would otherwise sell it fresh at the
/// field: the drying charge, the water dried off, the grain lost in store and the interest on the
/// money not yet received. `standard` holds the documented defaults; each has its source in
/// docs/design/sell-or-store.md.
public struct StorageCosts: Sendable, Equatable {
    /// The drying service's charge, đồng per kg of fresh paddy. Default 180: the large flat-bed
    /// dryers of An Giang charged 180,000 đồng/tấn (Viet Nam News, 15 September 2012; small dryers
    /// 120,000–140,000).
    public var dryingCost: Double
    /// Moisture of the paddy at harvest, wet basis (fraction). Default 0.25: "when rice is
    /// harvested, it will contain up to 25% moisture" (IRRI Rice Knowledge Bank, Drying); the
    /// rainy-season harvest runs 24–28% (FAO, Post-harvest requirements of HYV, X5427E).
    public var fieldMoisture: Double
    /// Moisture it is dried to for storage, wet basis (fraction). Default 0.14: the IRRI Rice
    /// Knowledge Bank's safe level for storage of weeks to a few months ("14% or less").
    public var storeMoisture: Double
    /// Grain lost in store each month (fraction of the dry weight). Default 0.005 (3% in six
    /// months): on-farm storage losses of 1.5–3.5% in Thailand and 3.7% in Indonesia over the
    /// storage season (FAO X5427E Table 1; IRRI/FAO post-harvest compendium, Lantin 1999,
    /// Table 4.0.3).
    public var storageLossPerMonth: Double
    /// Interest on the money not yet received, per month, compounding. Default 0.00367: the State
    /// Bank of Viet Nam's ceiling of 4.5% a year on short-term đồng loans to agriculture and rural
    /// development (2021), as the monthly rate 1.045^(1/12) − 1.
    public var interestPerMonth: Double
    /// The price of dry paddy over the price of fresh paddy on the same day. Default: the median
    /// of the twelve same-day IR 50404 pairs (dry "khô", fresh "tươi") of the An Giang price
    /// board in datasets/paddy-price-quotes.csv, 2020-05-21 to 2022-07-21 (`FreshDryRatio`).
    public var dryToFresh: Double

    public init(
        dryingCost: Double = 180, fieldMoisture: Double = 0.25, storeMoisture: Double = 0.14,
        storageLossPerMonth: Double = 0.005, interestPerMonth: Double = 0.00367,
        dryToFresh: Double = StorageCosts.boardDryToFresh
    ) {
        (self.dryingCost, self.fieldMoisture, self.storeMoisture) = (dryingCost, fieldMoisture, storeMoisture)
        (self.storageLossPerMonth, self.interestPerMonth, self.dryToFresh) =
            (storageLossPerMonth, interestPerMonth, dryToFresh)
    }

    /// The defaults above.
    public static let standard = StorageCosts()

    /// The median dry/fresh price ratio of the An Giang board's same-day IR 50404 quotes
    /// (12 pairs; a test recomputes it from datasets/paddy-price-quotes.csv).
    public static let boardDryToFresh = 1.1291007989121198

    /// The share of the fresh weight dried off: 1 − (1 − m_field)/(1 − m_store) (the dry matter
    /// is kept; IRRI Rice Knowledge Bank, Drying basics). 0.25 → 0.14 loses 12.8%.
    public var dryingLoss: Double { 1 - (1 - fieldMoisture) / (1 - storeMoisture) }

    /// Refuses costs that mean nothing: negative charges or rates, moisture outside [0, 1), a
    /// store moisture above the field's, a loss of 100% or more, a non-positive price ratio.
    public func check() throws {
        func bad(_ what: String) -> ForecastingError { ForecastingError(.invalidArgument, what) }
        let all = [dryingCost, fieldMoisture, storeMoisture, storageLossPerMonth, interestPerMonth, dryToFresh]
        guard all.allSatisfy(\.isFinite) else { throw bad("the storage costs must be finite numbers") }
        guard dryingCost >= 0 else { throw bad("the drying cost must be at least 0 đồng/kg") }
        guard (0..<1).contains(fieldMoisture), (0..<1).contains(storeMoisture) else {
            throw bad("moisture is a fraction from 0 to below 1 (0.25 = 25%)")
        }
        guard storeMoisture <= fieldMoisture else {
            throw bad("the storage moisture (\(storeMoisture)) must not exceed the field moisture (\(fieldMoisture))")
        }
        guard (0..<1).contains(storageLossPerMonth) else {
            throw bad("the storage loss per month is a fraction from 0 to below 1 (0.005 = 0.5%)")
        }
        guard interestPerMonth >= 0, interestPerMonth < 1 else {
            throw bad("the interest per month is a fraction from 0 to below 1 (0.00367 = 0.367%)")
        }
        guard dryToFresh > 0 else { throw bad("the dry/fresh price ratio must be positive") }
    }
}

/// The price of dry paddy relative to fresh paddy, from same-day quotes of one board.
public enum FreshDryRatio {
    /// The median of dry/fresh over the days quoting both (the mean of the middle two for an even
    /// count); nil without a pair. The median keeps one odd day (2021-07-23: 1.30) from moving it.
    public static func median(_ pairs: [(fresh: Double, dry: Double)]) -> Double? {
        let r = pairs.filter { $0.fresh > 0 && $0.dry > 0 }.map { $0.dry / $0.fresh }.sorted()
        guard !r.isEmpty else { return nil }
        let m = r.count / 2
        return r.count % 2 == 1 ? r[m] : (r[m - 1] + r[m]) / 2
    }
}

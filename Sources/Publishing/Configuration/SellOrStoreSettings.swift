import Agronomy

/// The publish configuration's `sellOrStore` section: the price entries whose outlook answers
/// "sell fresh now, or dry and store?" by default, and the costs in place of
/// `StorageCosts.standard` (percentages as the department writes them: 25 = 25%).
///
///     "sellOrStore": {"entries": ["paddy-ir50404-an-giang"], "dryingCost": 180, "fieldMoisture": 25,
///                     "storeMoisture": 14, "storageLoss": 0.5, "interest": 0.367, "dryToFresh": 1.1291}
public struct SellOrStoreSettings: Sendable, Equatable, Decodable {
    /// Price entry ids whose outlook carries the section without `--sell-or-store`.
    public var entries: [String]?
    /// đồng per kg of fresh paddy.
    public var dryingCost: Double?
    /// Percent.
    public var fieldMoisture: Double?
    public var storeMoisture: Double?
    /// Percent per month.
    public var storageLoss: Double?
    public var interest: Double?
    public var dryToFresh: Double?

    static let keys: Set<String> = [
        "entries", "dryingCost", "fieldMoisture", "storeMoisture", "storageLoss", "interest", "dryToFresh",
    ]

    public init(
        entries: [String]? = nil, dryingCost: Double? = nil, fieldMoisture: Double? = nil,
        storeMoisture: Double? = nil, storageLoss: Double? = nil, interest: Double? = nil, dryToFresh: Double? = nil
    ) {
        (self.entries, self.dryingCost, self.fieldMoisture, self.storeMoisture) =
            (entries, dryingCost, fieldMoisture, storeMoisture)
        (self.storageLoss, self.interest, self.dryToFresh) = (storageLoss, interest, dryToFresh)
    }

    /// The standard costs with the section's values in their place.
    public var costs: StorageCosts { costs(over: .standard) }

    /// `base` with the values given here in its place (the outlook's options use it too).
    public func costs(over base: StorageCosts) -> StorageCosts {
        var c = base
        if let dryingCost { c.dryingCost = dryingCost }
        if let fieldMoisture { c.fieldMoisture = fieldMoisture / 100 }
        if let storeMoisture { c.storeMoisture = storeMoisture / 100 }
        if let storageLoss { c.storageLossPerMonth = storageLoss / 100 }
        if let interest { c.interestPerMonth = interest / 100 }
        if let dryToFresh { c.dryToFresh = dryToFresh }
        return c
    }
}

import Foundation
import TimeSeriesCore

/// A series' `DataAge` as every document that states it writes it (`data_age`: the forecast
/// documents, `index.json`, the outlook): its last observed period, its age at the issue date in
/// the series' own periods and which ones, and whether it is older than its freshness. Its schema
/// is `JSONSchema.dataAge`.
public struct DataAgeEntry: Sendable, Equatable, Encodable {
    /// The last observed period, in the contract's date forms (`2022-06`, `2023`).
    public var lastObserved: String
    /// The issue date's period of the same kind (`2026-12`, `2026`).
    public var issuePeriod: String
    public var age: Int
    /// `days`, `months`, `quarters` or `years`.
    public var unit: String
    public var monthsOld: Int
    public var freshnessMonths: Int
    public var stale: Bool

    enum CodingKeys: String, CodingKey {
        case age, unit, stale
        case lastObserved = "last_observed"
        case issuePeriod = "issue_period"
        case monthsOld = "months_old"
        case freshnessMonths = "freshness_months"
    }

    public init(_ a: DataAge) {
        (lastObserved, issuePeriod) = (a.lastObserved.description, a.issuePeriod.description)
        (age, unit, monthsOld) = (a.age, a.unit.rawValue, a.monthsOld)
        (freshnessMonths, stale) = (a.freshness, a.isStale)
    }

    /// The entry as a tree, for the documents built as `JSONTree` (the outlook).
    var tree: JSONTree {
        .object([
            "last_observed": .string(lastObserved), "issue_period": .string(issuePeriod), "age": .integer(age),
            "unit": .string(unit), "months_old": .integer(monthsOld), "freshness_months": .integer(freshnessMonths),
            "stale": .bool(stale),
        ])
    }
}

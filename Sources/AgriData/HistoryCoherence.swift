import TimeSeriesCore

/// How far the data itself is from the hierarchy it is said to follow: for each aggregate of a
/// `HierarchyFile` and each period at which it and all its declared members have a value, the
/// published aggregate minus the sum of its members. Statistical offices revise parts and totals
/// separately, so published totals do not always add up (GSO's whole-country paddy production of
/// 1996–98 falls 0.8% short of the sum of its three seasons); `muavu reconcile` reports the gaps, the
/// reconciled forecasts cannot repair the history.
public struct HistoryCoherence: Sendable, Equatable {
    /// One period of one aggregate.
    public struct Difference: Sendable, Equatable {
        public var date: PeriodDate
        public var published: Double
        public var sumOfMembers: Double
        /// published − sumOfMembers.
        public var difference: Double { published - sumOfMembers }
        /// difference / |published|, nil when the published value is 0.
        public var relative: Double? { published == 0 ? nil : difference / abs(published) }
    }

    /// The check of one aggregate against its declared (direct) members.
    public struct Check: Sendable, Equatable {
        public var name: String
        public var members: [String]
        /// Every period compared, in time order.
        public var differences: [Difference]
        /// Periods at which the aggregate has a value but a member has none: not compared.
        public var notCompared: [PeriodDate]
        /// The differences beyond the tolerance.
        public var incoherent: [Difference]
    }

    /// The relative tolerance (0.005: 0.5%).
    public let tolerance: Double
    public let checks: [Check]

    /// Compares each aggregate of `hierarchy` with its members in `series` (found by NFC id; a
    /// series without calendar is compared by position). A difference is beyond the tolerance when
    /// |published − sum| > tolerance·|published| (any difference when published is 0).
    public init(hierarchy: HierarchyFile, series: [TimeSeries], tolerance: Double) {
        var byID: [String: [PeriodDate: Double]] = [:]
        for s in series {
            var values: [PeriodDate: Double] = [:]
            for (i, v) in s.values.enumerated() where v.isFinite {
                values[s.date(at: i) ?? .index(i + 1)] = v
            }
            byID[TextKey.nfc(s.id)] = values
        }
        self.tolerance = tolerance
        checks = hierarchy.aggregates.map { aggregate in
            let own = byID[TextKey.nfc(aggregate.name)] ?? [:]
            let members = aggregate.members.map { byID[TextKey.nfc($0)] ?? [:] }
            var differences: [Difference] = []
            var notCompared: [PeriodDate] = []
            for date in own.keys.sorted() {
                let parts = members.compactMap { $0[date] }
                guard parts.count == members.count, let published = own[date] else {
                    notCompared.append(date)
                    continue
                }
                differences.append(Difference(date: date, published: published, sumOfMembers: parts.reduce(0, +)))
            }
            let incoherent = differences.filter { abs($0.difference) > tolerance * abs($0.published) }
            return Check(
                name: aggregate.name, members: aggregate.members, differences: differences, notCompared: notCompared,
                incoherent: incoherent)
        }
    }
}

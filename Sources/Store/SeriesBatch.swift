import AgriData
import TimeSeriesCore

/// The observations of one series of an `ImportBatch`, checked before they meet the store: finite
/// values, one unit, periods of one frequency, and no period given twice with different values.
struct SeriesBatch {
    struct Observation {
        var period: Int
        var value: Double
        var status: String?
        var origin: String
    }

    var id: String
    var unit: String
    var frequency: Frequency
    var seasonsPerYear: Int?
    var label: String?
    var observations: [Observation] = []

    /// The batch's series in order of first appearance. A (series, period) given twice with the same
    /// value and status counts once.
    static func make(_ batch: ImportBatch, store: String) throws -> [SeriesBatch] {
        var groups: [SeriesBatch] = []
        var index: [String: Int] = [:]
        var seen: [String: [Int: Int]] = [:]
        for o in batch.observations {
            guard o.value.isFinite else {
                throw StoreError(
                    .nonFinite, store: store,
                    "\(o.origin): series '\(o.seriesID)' period \(o.period) has the value \(o.value)")
            }
            let g: Int
            if let i = index[o.seriesID] {
                g = i
            } else {
                g = groups.count
                index[o.seriesID] = g
                groups.append(
                    SeriesBatch(
                        id: o.seriesID, unit: o.unit,
                        frequency: batch.seriesFrequencies[o.seriesID] ?? o.period.impliedFrequency,
                        seasonsPerYear: StoredPeriod.seasonsPerYear(o.period), label: batch.seriesLabels[o.seriesID]))
            }
            try groups[g].check(o, store: store)
            let entry = Observation(
                period: o.period.ordinal, value: o.value, status: o.status, origin: o.origin)
            if let earlier = seen[o.seriesID]?[entry.period] {
                let first = groups[g].observations[earlier]
                guard first.value == entry.value, first.status == entry.status else {
                    throw StoreError(
                        .conflictingValue, store: store,
                        "\(o.origin): series '\(o.seriesID)' period \(o.period) is given \(o.value) here and "
                            + "\(first.value) at \(first.origin)")
                }
                continue
            }
            seen[o.seriesID, default: [:]][entry.period] = groups[g].observations.count
            groups[g].observations.append(entry)
        }
        return groups
    }

    /// Refuses an observation whose unit or kind of period differs from the series' first one.
    private func check(_ o: ImportedObservation, store: String) throws {
        guard o.unit == unit else {
            throw StoreError(
                .seriesMismatch, store: store,
                "\(o.origin): series '\(id)' period \(o.period) is in '\(o.unit)' here and in '\(unit)' above; "
                    + "one series has one unit")
        }
        guard StoredPeriod.fits(o.period, frequency), StoredPeriod.seasonsPerYear(o.period) == seasonsPerYear else {
            throw StoreError(
                .seriesMismatch, store: store,
                "\(o.origin): series '\(id)' has the period \(o.period), not a \(frequency.rawValue) period like those above"
            )
        }
    }
}

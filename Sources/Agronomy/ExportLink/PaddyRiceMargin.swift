import Foundation
import TimeSeriesCore

/// The link from the farm-gate paddy price to the rice price: over the months both are reported,
/// the milling margin in đồng/kg against the wholesale price of milled rice (rice − paddy, both
/// đồng/kg), and the co-movement with the export price in its own unit (USD/t), which is never
/// converted without an exchange-rate series: the Pearson correlation of the two monthly prices
/// and the ratio paddy (đồng/kg) ÷ export (USD/t), written in "đồng/kg per USD/t".
///
/// Only months with a reported value in both series count (a gap is never filled); each pair is
/// the month's paddy price (the mean of its quoted days) and the month's other price.
public struct PaddyRiceMargin: Sendable, Equatable {
    /// One common month.
    public struct Month: Sendable, Equatable {
        public var month: PeriodDate
        public var paddy: Double
        public var other: Double
        /// other − paddy, in the unit both share (đồng/kg); nil when the units differ.
        public var margin: Double?
        /// other ÷ paddy (in units other ÷ paddy).
        public var ratio: Double
    }

    public var paddyID: String
    public var otherID: String
    public var paddyUnit: String
    public var otherUnit: String
    public var months: [Month]

    /// Pairs `paddy` and `other`, two monthly series, over the months both report (NaN is a gap);
    /// the margin only when both are in the same unit.
    public init(paddy: TimeSeries, other: TimeSeries) throws {
        guard case .month = paddy.start, case .month = other.start, let a = paddy.start, let b = other.start else {
            throw ForecastingError(.invalidArgument, "the paddy–rice link needs two monthly series with dates")
        }
        let sameUnit = paddy.unit == other.unit
        var months: [Month] = []
        for (i, p) in paddy.values.enumerated() where p.isFinite {
            let j = a.ordinal + i - b.ordinal
            guard other.values.indices.contains(j), other.values[j].isFinite else { continue }
            let o = other.values[j]
            months.append(
                Month(month: a.advanced(by: i), paddy: p, other: o, margin: sameUnit ? o - p : nil, ratio: o / p))
        }
        (paddyID, otherID, paddyUnit, otherUnit) = (paddy.id, other.id, paddy.unit ?? "", other.unit ?? "")
        self.months = months
    }

    /// The common months.
    public var count: Int { months.count }

    /// The mean margin (đồng/kg), nil without common months or with different units.
    public var meanMargin: Double? {
        let m = months.compactMap(\.margin)
        return m.isEmpty || m.count != months.count ? nil : m.reduce(0, +) / Double(m.count)
    }

    /// The smallest and largest margin.
    public var marginRange: ClosedRange<Double>? {
        let m = months.compactMap(\.margin)
        guard let lo = m.min(), let hi = m.max(), m.count == months.count else { return nil }
        return lo...hi
    }

    /// The mean of other ÷ paddy over the common months.
    public var meanRatio: Double? {
        months.isEmpty ? nil : months.map(\.ratio).reduce(0, +) / Double(months.count)
    }

    /// Pearson's correlation of the paddy and the other price over the common months
    /// (r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²)); nil with fewer than 3 months or a constant series.
    public var correlation: Double? {
        guard months.count >= 3 else { return nil }
        let x = months.map(\.paddy)
        let y = months.map(\.other)
        let (mx, my) = (x.reduce(0, +) / Double(x.count), y.reduce(0, +) / Double(y.count))
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0)
        for (u, v) in zip(x, y) {
            sxy += (u - mx) * (v - my)
            sxx += (u - mx) * (u - mx)
            syy += (v - my) * (v - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}

import TimeSeriesCore

/// The plausibility bounds (`ValueBounds`) applied to what a publisher's file holds, as the tidy
/// reader applies them to a tidy file: every import is checked, whatever its format.
///
/// A publisher's own file cannot say that a value out of range is real, so the person importing
/// does: `confirmed` lists the observations (series id and period, `ID@PERIOD`) accepted as they
/// are; an impossible value (a negative area, a yield no field reaches) is refused even then.
public enum ImportBounds {
    /// One observation confirmed by the person importing: `ID@PERIOD`.
    public struct Confirmation: Sendable, Hashable {
        public var seriesID: String
        public var period: PeriodDate

        /// Reads `ID@PERIOD` (the period in the contract's date forms); nil when it is not one.
        public init?(_ text: String) {
            guard let at = text.lastIndex(of: "@"), at > text.startIndex,
                let period = PeriodDate(parsing: String(text[text.index(after: at)...]))
            else { return nil }
            (seriesID, self.period) = (String(text[..<at]), period)
        }
    }

    /// Throws a `DataError` naming the first value out of range (where in the file, the value,
    /// the bound and its source) and how many more there are.
    public static func check(
        _ batch: ImportBatch, file: String, bounds: ValueBounds = .standard, confirmed: Set<Confirmation> = []
    ) throws {
        var problems: [(ImportedObservation, SeriesBounds.Violation)] = []
        for o in batch.observations {
            let isConfirmed =
                o.status == "confirmed"
                || confirmed.contains { $0.seriesID == o.seriesID && $0.period == o.period }
            if let v = bounds.violation(o.value, id: o.seriesID, unit: o.unit, confirmed: isConfirmed) {
                problems.append((o, v))
            }
        }
        guard let (o, v) = problems.first else { return }
        var message = "\(o.origin): " + v.message(value: NumberFormat.number(o.value), series: o.seriesID, unit: o.unit)
        if !v.limit.impossible {
            message += "; if it is real, confirm it with --confirmed '\(o.seriesID)@\(o.period)'"
        }
        if problems.count > 1 { message += " (and \(problems.count - 1) more values out of range)" }
        throw DataError(v.code, file: file, message)
    }
}

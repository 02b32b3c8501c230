import Foundation

/// One number muavu told people: the forecast of one series for one target period, as issued on
/// one day from one vintage of the data. `muavu publish --record` and `muavu serve` write these to
/// the store once and never edit them; `muavu replay` writes the ones that would have been issued
/// over history, marked `replayed` (docs/design/track-record.md).
public struct ForecastRecord: Sendable, Equatable, Hashable {
    /// Issued to people, or rebuilt over history by `muavu replay`; the two are never mixed.
    public enum Origin: String, Sendable, CaseIterable, Hashable {
        case issued, replayed
    }

    /// One central interval of the forecast.
    public struct Interval: Sendable, Equatable, Hashable {
        /// Coverage in percent (80, 95).
        public var level: Int
        public var lower: Double
        public var upper: Double

        public init(level: Int, lower: Double, upper: Double) {
            (self.level, self.lower, self.upper) = (level, lower, upper)
        }
    }

    /// The store series forecast (`vnm-rice-yield`, `wb-rice-vnm-5`).
    public var series: String
    /// The issue date (a day): the bulletin's date, or the replayed date.
    public var issueDay: PeriodDate
    /// Which data it was made from: the latest vintage of the series known at the issue, as an
    /// ISO 8601 instant (`2025-12-02T00:00:00Z`), or `sha256:…` of a dataset file read directly.
    public var dataVintage: String
    /// The period forecast, on the series' calendar.
    public var target: PeriodDate
    /// Steps from the last observed period to the target (1 = the next period).
    public var horizon: Int
    /// The point forecast, in `unit`.
    public var point: Double
    /// The unit of the point and the intervals, as the store writes units (`tạ/ha`, `VND/kg`).
    public var unit: String
    /// Every interval level published, lowest first.
    public var intervals: [Interval]
    /// The model as documents name it (`ETS(A,N,N)`), and its registry family (`ets`).
    public var model: String
    public var family: String
    /// How the model was chosen, in a line (`rolling-origin 12 × 6: theta`).
    public var selection: String
    public var origin: Origin

    public init(
        series: String, issueDay: PeriodDate, dataVintage: String, target: PeriodDate, horizon: Int,
        point: Double, unit: String, intervals: [Interval], model: String, family: String,
        selection: String, origin: Origin
    ) {
        (self.series, self.issueDay, self.dataVintage, self.target, self.horizon) =
            (series, issueDay, dataVintage, target, horizon)
        (self.point, self.unit, self.intervals) = (point, unit, intervals.sorted { $0.level < $1.level })
        (self.model, self.family, self.selection, self.origin) = (model, family, selection, origin)
    }

    /// The interval at `level`, if it was published.
    public func interval(level: Int) -> Interval? { intervals.first { $0.level == level } }
}

/// What a forecast of record was checked against: the observation of its target period in one
/// vintage. Checks are written once; a later revision of the observation is a new check of kind
/// `latest`, never a change to an old one.
public struct RecordCheck: Sendable, Equatable {
    /// Which release of the observation a check uses.
    public enum Release: String, Sendable, CaseIterable {
        /// The first value published for the period (the default: it never changes, and it is what
        /// people saw when the forecast's season ended).
        case first
        /// The newest value the store holds (revisions included).
        case latest
    }

    public var release: Release
    /// The observed value, converted to the record's unit.
    public var actual: Double
    /// The vintage of that value.
    public var vintage: Date

    public init(release: Release, actual: Double, vintage: Date) {
        (self.release, self.actual, self.vintage) = (release, actual, vintage)
    }
}

/// A forecast of record with the check it was scored by (nil: its target is not observed yet).
public struct CheckedRecord: Sendable, Equatable {
    public var record: ForecastRecord
    public var check: RecordCheck?

    public init(record: ForecastRecord, check: RecordCheck?) {
        (self.record, self.check) = (record, check)
    }
}

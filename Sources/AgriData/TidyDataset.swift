import TimeSeriesCore

/// The series of one tidy file, checked and on a regular calendar.
public struct TidyDataset: Sendable {
    public var file: String
    /// In order of first appearance; values in date order, one per period.
    public var series: [TimeSeries]
    /// Series id → covariate column → values aligned with `series.values`.
    public var covariates: [String: [String: [Double]]]
    /// Series id → crop season number, for a series of one crop a year written `YYYY-Sn`
    /// (a Hè Thu-only series): such a series is yearly, and this says which crop it is.
    public var cropSeason: [String: Int] = [:]
    /// Number of data rows read.
    public var rows: Int = 0
    /// Series id → the periods of the series with a value in the file (not filled in by
    /// `MissingPolicy.interpolate`); the reader gives one for every series.
    public var reported: [String: ReportedPeriods] = [:]
    /// Series id → the series' label (`TidyReadOptions.labelColumn`), when it has one.
    public var labels: [String: String] = [:]
    /// Per series, the periods whose rows the flag column marked `confirmed` to let a value
    /// outside its plausible range through (`muavu import` keeps the mark).
    public var confirmed: [String: Set<PeriodDate>] = [:]
    /// Series id → how its dates were read (`TimeSeries.dateReading` of each series says the same).
    public var readings: [String: String] {
        Dictionary(series.compactMap { s in s.dateReading.map { (s.id, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    public init(
        file: String, series: [TimeSeries], covariates: [String: [String: [Double]]],
        cropSeason: [String: Int] = [:], rows: Int = 0, reported: [String: ReportedPeriods] = [:],
        labels: [String: String] = [:]
    ) {
        (self.file, self.series, self.covariates, self.cropSeason) = (file, series, covariates, cropSeason)
        (self.rows, self.reported, self.labels) = (rows, reported, labels)
    }

    /// The series whose id equals `id` once both are NFC-normalised.
    public func series(named id: String) -> TimeSeries? {
        let key = TextKey.nfc(id)
        return series.first { TextKey.nfc($0.id) == key }
    }
}

/// What one series looks like, for the `validate` summary.
public struct SeriesSummary: Sendable, Equatable, Codable {
    public var id: String
    public var unit: String?
    public var frequency: String?
    public var period: Int?
    /// Data rows of the series.
    public var rows: Int
    /// Missing observations: empty/`NA` cells and absent periods between the first and last date.
    public var missing: Int
    public var start: String?
    public var end: String?
}

/// Every problem found in a file, and a summary of its series.
public struct ValidationReport: Sendable {
    public var file: String
    public var rows: Int
    /// The problems kept, in file order (at most `TidyReadOptions.maxProblems`).
    public var problems: [DataError]
    /// All problems found, including any beyond those kept.
    public var problemCount: Int
    public var series: [SeriesSummary]
    /// The data, when there is no problem.
    public var dataset: TidyDataset?

    public var isValid: Bool { problemCount == 0 }
}

import TimeSeriesCore

/// What to do with a missing observation: an empty or `NA` cell, or a period absent between two
/// observed ones.
public enum MissingPolicy: String, Sendable, CaseIterable, Codable {
    /// Refuse the data: every missing value is an error naming its line and column.
    case fail
    /// Keep the longest run of consecutive complete periods of each series (R's `na.contiguous`,
    /// except that a tie goes to the latest run, the one a forecast starts from).
    case skip
    /// Fill interior gaps by linear interpolation between the neighbouring observations;
    /// leading and trailing missing periods are dropped.
    case interpolate
}

/// How a tidy long CSV is read: `series_id,date,value` then optional covariate columns.
public struct TidyReadOptions: Sendable {
    public var idColumn = "series_id", dateColumn = "date", valueColumn = "value"
    /// Force the seasonal period (for crop seasons `YYYY-Sn`: the number of crops a year).
    public var period: Int? = nil
    /// Force how the dates are read (`--frequency`): `.index` reads every whole number as an index
    /// (also four-digit ones), `.monthly` accepts month starts `YYYY-MM-01`, `.quarterly` quarter
    /// starts (`YYYY-01-01`, `-04-01`, ...) and `YYYY-MM` of a quarter's first month, `.yearly`
    /// `YYYY-01-01` and `YYYY-01`, `.weekly` and `.daily` days without guessing between the two.
    /// `nil` infers it per series (`TidyReader`).
    public var frequency: Frequency? = nil
    public var onMissing: MissingPolicy = .fail
    /// Covariate columns to keep (numeric, aligned with the values).
    public var covariates: [String] = []
    /// A column giving each series' unit; used when present in the header.
    public var unitColumn = "unit"
    /// A text column naming each series (e.g. its market), read when set and present in the
    /// header: the first non-empty cell of a row with a value (`TidyDataset.labels`).
    public var labelColumn: String? = nil
    /// Impossible-value and plausible-range rules.
    public var bounds = ValueBounds.standard
    /// A column whose cell `confirmed` (any case) says that the row's value is real though
    /// outside the plausible range of its series; read when present in the header. It does not
    /// lift an impossible value (a negative price).
    public var flagColumn = "flag"
    /// How the file writes its numbers, when it says so (`--decimal-char`, `--group-char`); nil:
    /// not declared, so numbers are read with a decimal point and a value that reads two ways in
    /// a column where both are plausible ("9.250" đồng/kg) is refused
    /// (`NumberFormat.ambiguousReadings`).
    public var numberFormat: NumberFormat? = nil
    /// Formats of single columns by name (a data package's `decimalChar`/`groupChar` of a field);
    /// a column named here is read with its format instead of `numberFormat`.
    public var columnFormats: [String: NumberFormat] = [:]
    /// The separator, or `nil` to detect it from the header line.
    public var separator: UInt8? = nil
    /// At most this many problems are kept (all are counted).
    public var maxProblems = 100_000
    public init() {}
}

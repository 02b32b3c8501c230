/// The argument checks the models and evaluations share, each message written once.
///
/// The checks throw `ForecastingError`: a count below 1 is an `invalid-argument`, an empty series
/// `too-short`, a NaN or infinity `non-finite`. Upper bounds are `Limits`' job.
public enum ArgumentCheck {
    /// Refuses a series of `count` observations when a method needs `minimum`, a `too-short`:
    /// "SUBJECT needs at least MINIMUM observations[DETAIL], got COUNT" (the detail says why,
    /// e.g. " to estimate its error variance").
    public static func observations(_ count: Int, atLeast minimum: Int, _ subject: String, _ detail: String = "")
        throws
    {
        guard count >= minimum else {
            throw ForecastingError(
                .tooShort, "\(subject) needs at least \(minimum) observations\(detail), got \(count)")
        }
    }

    /// Refuses `value < 1`: "NAME must be at least 1, got VALUE".
    public static func atLeastOne(_ value: Int, _ name: String) throws {
        guard value >= 1 else {
            throw ForecastingError(.invalidArgument, "\(name) must be at least 1, got \(value)")
        }
    }

    /// Refuses a NaN or an infinity among `values`: "SUBJECT missing or non-finite values", where
    /// the subject carries its verb ("the series has", "regressors have").
    public static func finite(_ values: [Double], _ subject: String = "the series has") throws {
        guard values.allSatisfy(\.isFinite) else {
            throw ForecastingError(.nonFinite, "\(subject) missing or non-finite values")
        }
    }

    /// Refuses a prediction-interval level outside 1…99 (%).
    public static func levels(_ levels: [Int]) throws {
        for level in levels where !(1...99).contains(level) {
            throw ForecastingError(.invalidArgument, "level must be between 1 and 99 (%), got \(level)")
        }
    }

    /// Refuses an empty series ("the series is empty") or one with a NaN or an infinity. With a
    /// `model` name, a NaN (a gap) is refused in that model's name (`noGaps`).
    public static func series(_ y: [Double], model: String? = nil) throws {
        guard !y.isEmpty else { throw ForecastingError(.tooShort, "the series is empty") }
        if let model { try noGaps(y, model: model) }
        try finite(y)
    }

    /// Refuses a NaN (a missing observation) for a model that needs every period observed:
    /// "MODEL cannot take missing values (K of N observations are missing, the first at
    /// observation I); arima (automatic orders) and arima-fixed (SARIMA, with --order) skip them,
    /// or fill the gaps first".
    public static func noGaps(_ y: [Double], model: String) throws {
        guard let first = y.firstIndex(where: \.isNaN) else { return }
        let missing = y.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        throw ForecastingError(
            .nonFinite,
            "\(model) cannot take missing values (\(missing) of \(y.count) observations are missing, the first at "
                + "observation \(first + 1)); arima (automatic orders) and arima-fixed (SARIMA, with --order) "
                + "skip them, or fill the gaps first")
    }

    /// Accepts gaps (NaN) but refuses an empty series, an infinity, or fewer than `minimum`
    /// observed values: for the models whose likelihood skips missing observations (SARIMA).
    public static func seriesWithGaps(_ y: [Double], atLeast minimum: Int = 1) throws {
        guard !y.isEmpty else { throw ForecastingError(.tooShort, "the series is empty") }
        guard !y.contains(where: \.isInfinite) else {
            throw ForecastingError(.nonFinite, "the series has infinite values")
        }
        let observed = y.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
        guard observed >= minimum else {
            throw ForecastingError(
                .tooShort, "the series has \(observed) observed values of \(y.count); at least \(minimum) are needed")
        }
    }
}

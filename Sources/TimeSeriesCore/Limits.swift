import Foundation

/// An inclusive range an integer given by a user must lie in, and the one wording of the refusal.
///
/// The command line says `--horizon must be ...` (exit 64), a file says `field 'horizon' must be ...`
/// (exit 65, or 64 for a publish configuration), a library caller gets `ForecastingError(.invalidArgument)`:
/// each from `refusal(_:)`, so the message is written once.
public struct Bound: Sendable, Equatable {
    public var range: ClosedRange<Int>
    /// Why the range is what it is, appended to the refusal (may be empty).
    public var reason: String

    public init(_ range: ClosedRange<Int>, reason: String = "") {
        self.range = range
        self.reason = reason
    }

    /// Whether `value` is allowed.
    public func contains(_ value: Int) -> Bool { range.contains(value) }

    /// `must be at least 1 and at most 10000 (a whole number), got 99999` (with the reason, when
    /// there is one).
    public func refusal(_ value: String) -> String {
        "must be at least \(range.lowerBound) and at most \(range.upperBound) (a whole number), got \(value)"
            + (reason.isEmpty ? "" : " (\(reason))")
    }

    /// Throws `.invalidArgument` naming `name` when `value` is out of range.
    public func check(_ value: Int, _ name: String) throws {
        guard contains(value) else { throw ForecastingError(.invalidArgument, "\(name) \(refusal(String(value)))") }
    }

    /// `value` read from JSON (`JSONSerialization`: an `NSNumber`, possibly a double such as 1e6 or
    /// 4.6e18) as an allowed whole number; nil when it is not a number, not whole, or out of range.
    public func wholeNumber(fromJSON value: Any) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let d = number.doubleValue
        guard d.isFinite, d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            return nil
        }
        // Within ±10000-ish ranges the double is exact; an integer NSNumber keeps its own value.
        let i = number.int64Value
        return Double(i) == d && contains(Int(i)) ? Int(i) : nil
    }

    /// The text of a JSON value as a refusal shows it.
    public static func describe(jsonValue value: Any) -> String {
        if let n = value as? NSNumber { return n.stringValue }
        if let s = value as? String { return "\"\(s)\"" }
        if value is NSNull { return "null" }
        return "\(value)"
    }
}

/// The bounds on every integer that comes from a user: command-line options, publish
/// configurations, saved model files and benchmark files (docs/contract.md, "Limits"). Each is
/// checked before any data is read or memory is allocated, so that a typo or a hostile value is
/// refused with a message naming it instead of crashing the process or asking for gigabytes.
public enum Limits {
    /// Steps ahead: forecasts, backtests, saved models, configurations.
    public static let horizon = Bound(1...10_000)
    /// A seasonal period given by a user (`--period`, a benchmark file's `period`, a saved model's
    /// `training.period`); it must also be at most the series' length (`checkPeriod`).
    public static let period = Bound(1...10_000)
    /// Each ARIMA order p, d, q, P, D, Q.
    public static let arimaOrder = Bound(0...20)
    /// The seasonal lags an ARIMA model may reach, period × (P + Q).
    public static let seasonalLags = 10_000
    /// The degree of the AR and of the MA polynomial, p + period × P and q + period × Q: R's
    /// `stats::arima` ("maximum supported lag is 350"). The exact likelihood's state has that
    /// many components, and its covariance their square: 350 keeps a fit to seconds and
    /// megabytes, where a period of 10000 with P = 1 would take 800 MB and hours.
    public static let arimaLag = 350
    /// Rolling-origin windows, and the periods between their origins.
    public static let windows = Bound(1...1_000)
    public static let step = Bound(1...10_000)
    /// `muavu outlook --months` (and its headline `--step`).
    public static let outlookMonths = Bound(1...24)
    /// Interval levels, whole percentages.
    public static let level = Bound(1...99)
    /// Random seeds: the 32-bit range every generator and language can reproduce.
    public static let seed = Bound(0...Int(UInt32.max))
    /// Worker threads.
    public static let jobs = Bound(1...1024)
    /// The number of shards of a benchmark run (`--shard i/n`).
    public static let shards = Bound(1...10_000)
    /// Recent origins that calibrate the outlook's range (`--calibration-origins`).
    public static let calibrationOrigins = Bound(1...1_000)
    /// Simulated sample paths of a saved ETS model's intervals (`simulation_paths`; default 5000).
    public static let simulationPaths = Bound(0...100_000)
    /// The lag K of a covariate `ID@lagK` (`--covariates`).
    public static let covariateLag = Bound(0...10_000)
    /// Each count a benchmark document's totals hold (series, steps, covered steps, ...): up to
    /// 10¹², so that adding the shards of any run cannot overflow.
    public static let documentCount = Bound(0...1_000_000_000_000)
    /// Rolling-origin windows of a configuration entry (`backtestWindows`).
    public static let backtestWindows = Bound(1...1_000)

    /// A period given by a user for a series of `count` observations: 1 to min(10000, count).
    public static func checkPeriod(_ period: Int, count: Int, _ name: String) throws {
        try Limits.period.check(period, name)
        guard period <= count else {
            throw ForecastingError(
                .invalidArgument,
                "\(name) \(Bound(1...max(1, count), reason: "the series has \(count) observations").refusal(String(period)))"
            )
        }
    }

    /// The orders of a seasonal ARIMA model at `period`: each at most 20, and period × (P + Q)
    /// at most 10000 (the lag polynomial's degree; the state-space filter is that size squared).
    public static func checkOrders(
        p: Int, d: Int, q: Int, seasonalP: Int, seasonalD: Int, seasonalQ: Int,
        period: Int, _ name: String
    ) throws {
        for (label, v) in [("p", p), ("d", d), ("q", q), ("P", seasonalP), ("D", seasonalD), ("Q", seasonalQ)] {
            try arimaOrder.check(v, "\(name) \(label)")
        }
        try Limits.period.check(period, "\(name) period")
        guard period == 1 || period * (seasonalP + seasonalQ) <= seasonalLags else {
            throw ForecastingError(
                .invalidArgument,
                "\(name): period × (P + Q) must be at most \(seasonalLags), got \(period) × \(seasonalP + seasonalQ)")
        }
        let m = period > 1 ? period : 0
        let (ar, ma) = (p + m * seasonalP, q + m * seasonalQ)
        guard ar <= arimaLag, ma <= arimaLag else {
            throw ForecastingError(
                .invalidArgument,
                "\(name): the largest lag, p + period × P = \(ar) and q + period × Q = \(ma), must be at most \(arimaLag) "
                    + "(as in R's arima)")
        }
    }
}

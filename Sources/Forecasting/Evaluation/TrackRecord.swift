import TimeSeriesCore

/// The score of one forecast of record against what happened, and the track record of many:
/// how far muavu's forecasts actually told were from the truth, by series and horizon.
///
/// Per record (Hyndman & Athanasopoulos, *FPP3* §5.8–5.9): the error e = y − ŷ, the percentage
/// error 100·e/y, whether each interval held y, the pinball loss of each interval bound taken as a
/// quantile (`Metrics.pinball`), and each interval's Winkler score (`Metrics.winkler`).
/// The shares of intervals that held carry a 95% Wilson score interval (Wilson 1927; Agresti &
/// Coull 1998, *The American Statistician* 52(2)), so that a track record of a few issues is not
/// read as more certain than it is.
public enum TrackRecord {
    /// One checked forecast of record, scored.
    public struct Score: Sendable, Equatable {
        public var record: ForecastRecord
        public var actual: Double
        /// y − ŷ.
        public var error: Double
        /// 100·(y − ŷ)/y; nil when y = 0.
        public var percentageError: Double?
        /// Per interval level, lowest first: whether it held y, and its Winkler score.
        public var intervals: [IntervalScore]

        public struct IntervalScore: Sendable, Equatable {
            public var level: Int
            public var held: Bool
            public var winkler: Double
            /// The pinball losses of the lower and upper bounds, as the (1 − L/100)/2 and
            /// (1 + L/100)/2 quantiles.
            public var lowerPinball: Double
            public var upperPinball: Double
        }

        public init(_ record: ForecastRecord, actual y: Double) {
            self.record = record
            actual = y
            error = y - record.point
            percentageError = y != 0 ? 100 * (y - record.point) / y : nil
            intervals = record.intervals.map { i in
                let interval = PredictionInterval(level: i.level, lower: [i.lower], upper: [i.upper])
                let p = Metrics.boundProbabilities(level: i.level)
                return IntervalScore(
                    level: i.level, held: y >= i.lower && y <= i.upper,
                    winkler: Metrics.winkler([y], interval: interval) ?? .nan,
                    lowerPinball: Metrics.pinball([y], quantile: [i.lower], probability: p.lower) ?? .nan,
                    upperPinball: Metrics.pinball([y], quantile: [i.upper], probability: p.upper) ?? .nan)
            }
        }
    }

    /// A share of cases with its 95% Wilson score interval.
    public struct Share: Sendable, Equatable {
        public var hits: Int
        public var cases: Int
        public var lower: Double
        public var upper: Double

        public var value: Double { cases > 0 ? Double(hits) / Double(cases) : .nan }

        /// Whether the two 95% intervals share a point: where they do not, the two shares disagree
        /// beyond chance (a track record against the backtest it claimed).
        public func overlaps(_ other: Share) -> Bool { lower <= other.upper && other.lower <= upper }

        /// k hits of n: p̂ = k/n, z = Φ⁻¹(1 − α/2), centre (p̂ + z²/2n)/(1 + z²/n), half-width
        /// z·√(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n). For n = 0 the interval is [0, 1].
        public init(hits k: Int, cases n: Int, confidence: Double = 0.95) {
            (hits, cases) = (k, n)
            guard n > 0 else {
                (lower, upper) = (0, 1)
                return
            }
            let z = NormalDistribution.quantile(1 - (1 - confidence) / 2)
            let nn = Double(n)
            let p = Double(k) / nn
            let denominator = 1 + z * z / nn
            let centre = (p + z * z / (2 * nn)) / denominator
            let half = z * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot() / denominator
            lower = max(0, centre - half)
            upper = min(1, centre + half)
        }
    }

    /// The track record of one series at one horizon, of one origin.
    public struct Summary: Sendable, Equatable {
        public var series: String
        public var horizon: Int
        public var origin: ForecastRecord.Origin
        /// Forecasts of record, and those whose target has been observed (scored).
        public var records: Int
        public var checked: Int
        /// Distinct issue days among the scored records, and the first and last.
        public var issues: Int
        public var firstIssue: PeriodDate?
        public var lastIssue: PeriodDate?
        /// Mean absolute percentage error and mean error (y − ŷ) of the scored records.
        public var mape: Double?
        public var meanError: Double?
        /// Per interval level: the share of scored records it held, mean Winkler score, mean
        /// pinball loss of its two bounds.
        public var levels: [Level]

        public struct Level: Sendable, Equatable {
            public var level: Int
            public var held: Share
            public var winkler: Double
            public var pinball: Double
        }
    }

    /// The summaries of `checked` by series, horizon and origin (in that order); issued and
    /// replayed records are never pooled.
    public static func summaries(_ checked: [CheckedRecord]) -> [Summary] {
        struct Key: Hashable, Comparable {
            var series: String
            var horizon: Int
            var origin: ForecastRecord.Origin
            static func < (a: Key, b: Key) -> Bool {
                (a.series, a.horizon, a.origin.rawValue) < (b.series, b.horizon, b.origin.rawValue)
            }
        }
        let groups = Dictionary(grouping: checked) {
            Key(series: $0.record.series, horizon: $0.record.horizon, origin: $0.record.origin)
        }
        return groups.keys.sorted().map { key in
            let group = groups[key] ?? []
            let scores = group.compactMap { c in c.check.map { Score(c.record, actual: $0.actual) } }
            let issues = Set(scores.map(\.record.issueDay)).sorted()
            let percentages = scores.compactMap(\.percentageError)
            let levels = Set(scores.flatMap { $0.intervals.map(\.level) }).sorted().map { level in
                let at = scores.compactMap { s in s.intervals.first { $0.level == level } }
                return Summary.Level(
                    level: level, held: Share(hits: at.filter(\.held).count, cases: at.count),
                    winkler: Metrics.mean(at.map(\.winkler)) ?? .nan,
                    pinball: Metrics.mean(at.map { ($0.lowerPinball + $0.upperPinball) / 2 }) ?? .nan)
            }
            return Summary(
                series: key.series, horizon: key.horizon, origin: key.origin, records: group.count,
                checked: scores.count, issues: issues.count, firstIssue: issues.first, lastIssue: issues.last,
                mape: Metrics.mean(percentages.map(abs)), meanError: Metrics.mean(scores.map(\.error)), levels: levels)
        }
    }
}

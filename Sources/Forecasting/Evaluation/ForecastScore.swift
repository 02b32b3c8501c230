import TimeSeriesCore

/// Every accuracy measure of one forecast against the values that followed it.
///
/// `insample` is the series the model was fitted on (it gives the MASE and RMSSE scales);
/// `period` the seasonal period of those scales. Interval measures are by level (%).
public struct ForecastScore: Sendable, Equatable {
    public var mae: Double?
    public var rmse: Double?
    public var mape: Double?
    public var smape: Double?
    public var mase: Double?
    public var rmsse: Double?
    /// Share of actual values inside the interval, by level.
    public var coverage: [Int: Double]
    /// Mean Winkler score, by level.
    public var winkler: [Int: Double]
    /// Mean pinball loss over the bounds of every interval (each bound a quantile).
    public var pinball: Double?

    public init(actual y: [Double], forecast: Forecast, insample: [Double], period: Int) {
        let f = Array(forecast.mean.prefix(y.count))
        let y = Array(y.prefix(f.count))
        mae = Metrics.mae(y, f)
        rmse = Metrics.rmse(y, f)
        mape = Metrics.mape(y, f)
        smape = Metrics.smape(y, f)
        mase = Metrics.mase(y, f, insample: insample, period: period)
        rmsse = Metrics.rmsse(y, f, insample: insample, period: period)
        var coverage: [Int: Double] = [:]
        var winkler: [Int: Double] = [:]
        var pinballs: [Double] = []
        for interval in forecast.intervals {
            let cut = PredictionInterval(
                level: interval.level, lower: Array(interval.lower.prefix(y.count)),
                upper: Array(interval.upper.prefix(y.count)))
            coverage[interval.level] = Metrics.coverage(y, interval: cut)
            winkler[interval.level] = Metrics.winkler(y, interval: cut)
            if let p = Metrics.intervalPinball(y, interval: cut) { pinballs.append(p) }
        }
        self.coverage = coverage
        self.winkler = winkler
        pinball = pinballs.count == forecast.intervals.count ? Metrics.mean(pinballs) : nil
    }

    /// The mean of each measure over `scores`, over the scores where it is defined (nil where
    /// none is); coverage and Winkler score by level likewise.
    public init(averaging scores: [ForecastScore]) {
        func avg(_ pick: (ForecastScore) -> Double?) -> Double? { Metrics.mean(scores.compactMap(pick)) }
        mae = avg(\.mae)
        rmse = avg(\.rmse)
        mape = avg(\.mape)
        smape = avg(\.smape)
        mase = avg(\.mase)
        rmsse = avg(\.rmsse)
        pinball = avg(\.pinball)
        let levels = Set(scores.flatMap { $0.coverage.keys })
        var coverage: [Int: Double] = [:]
        var winkler: [Int: Double] = [:]
        for level in levels {
            coverage[level] = avg { $0.coverage[level] }
            winkler[level] = avg { $0.winkler[level] }
        }
        self.coverage = coverage
        self.winkler = winkler
    }
}

/// Running totals from which a benchmark row's means are taken, kept as sums and counts so that
/// the totals of disjoint sets of series (shards of one run) add up to the totals of their union.
///
/// sMAPE is averaged over every series and step (M3/M4); MASE over the series where it exists;
/// coverage over every step of the series that have the interval.
public struct MetricTotals: Sendable, Equatable, Codable {
    /// Series scored.
    public var series: Int = 0
    /// Series whose fit or forecast failed (not scored).
    public var failures: Int = 0
    /// Forecast steps scored (for sMAPE).
    public var steps: Int = 0
    public var smapeSum: Double = 0
    /// Series with a defined MASE, and the sum of their MASE.
    public var maseSeries: Int = 0
    public var maseSum: Double = 0
    /// Steps inside the interval and steps with an interval, by level (as a string key, "95").
    public var covered: [String: Int] = [:]
    public var intervalSteps: [String: Int] = [:]
    /// Wall time of fitting and forecasting, seconds.
    public var seconds: Double = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case series, failures, steps, seconds
        case smapeSum = "smape_sum"
        case maseSeries = "mase_series"
        case maseSum = "mase_sum"
        case covered
        case intervalSteps = "interval_steps"
    }

    /// Adds one series' forecast against its test values.
    public mutating func add(
        actual y: [Double], forecast: Forecast, insample: [Double], period: Int,
        levels: [Int]
    ) {
        series += 1
        let h = min(y.count, forecast.mean.count)
        for t in 0..<h { smapeSum += Metrics.smapeTerm(y[t], forecast.mean[t]) }
        steps += h
        let f = Array(forecast.mean.prefix(h))
        let actual = Array(y.prefix(h))
        if let m = Metrics.mase(actual, f, insample: insample, period: period) {
            maseSeries += 1
            maseSum += m
        }
        for level in levels {
            guard let interval = forecast.interval(level: level),
                let hits = Metrics.coveredCount(
                    actual,
                    interval: PredictionInterval(
                        level: level, lower: Array(interval.lower.prefix(h)), upper: Array(interval.upper.prefix(h))))
            else { continue }
            covered["\(level)", default: 0] += hits
            intervalSteps["\(level)", default: 0] += h
        }
    }

    /// The totals of both sets of series.
    public mutating func merge(_ other: MetricTotals) {
        series += other.series
        failures += other.failures
        steps += other.steps
        smapeSum += other.smapeSum
        maseSeries += other.maseSeries
        maseSum += other.maseSum
        for (k, v) in other.covered { covered[k, default: 0] += v }
        for (k, v) in other.intervalSteps { intervalSteps[k, default: 0] += v }
        seconds += other.seconds
    }

    /// sMAPE over every series and step, in percent.
    public var smape: Double? { steps > 0 ? smapeSum / Double(steps) : nil }
    /// MASE, mean over the series where it is defined.
    public var mase: Double? { maseSeries > 0 ? maseSum / Double(maseSeries) : nil }
    /// Coverage at `level`, over every step of the series that have that interval.
    public func coverage(level: Int) -> Double? {
        guard let n = intervalSteps["\(level)"], n > 0 else { return nil }
        return Double(covered["\(level)", default: 0]) / Double(n)
    }
}

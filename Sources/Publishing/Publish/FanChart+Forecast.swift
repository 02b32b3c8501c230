import Documents
import Rendering
import TimeSeriesCore

extension FanChart {
    /// The chart of `forecast` after `series`, showing at most the last `historyLength` values.
    /// The series needs dates; the bands come from the 80% and 95% intervals when present.
    public init(
        series: TimeSeries, forecast: Forecast, title: String, unit: String? = nil,
        note: String? = nil, historyLength: Int? = nil, language: Language = .vi
    ) throws {
        guard series.start != nil else {
            throw PublishingError(.badConfiguration, "series '\(series.id)' has no dates; a chart needs them")
        }
        let first = max(0, series.count - (historyLength ?? series.count))
        var history: [(date: PeriodDate, value: Double)] = []
        for i in first..<series.count {
            if let d = series.date(at: i) { history.append((d, series.values[i])) }
        }
        let i80 = forecast.interval(level: 80)
        let i95 = forecast.interval(level: 95)
        var steps: [Step] = []
        for h in 0..<forecast.horizon {
            guard let d = series.date(at: series.count + h) else { continue }
            func at(_ a: [Double]?) -> Double? { a.flatMap { h < $0.count ? $0[h] : nil } }
            steps.append(
                Step(
                    date: d, median: forecast.mean[h], lower80: at(i80?.lower), upper80: at(i80?.upper),
                    lower95: at(i95?.lower), upper95: at(i95?.upper)))
        }
        self.init(
            title: title, unit: unit ?? series.unit ?? "", note: note, history: history, steps: steps,
            language: language)
    }
}

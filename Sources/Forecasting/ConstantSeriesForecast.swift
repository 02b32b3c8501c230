import TimeSeriesCore

extension Forecast {
    /// The forecast of a constant series `y` by a model whose fit needs a series that varies
    /// (CES, Theta): its value at every step, intervals of zero width (the series shows no error
    /// to widen them by), the series itself as the fitted values, and a note saying so.
    static func constantSeries(
        _ y: [Double], horizon: Int, levels: [Int], name: String, family: String
    ) -> Forecast {
        let mean = [Double](repeating: y[0], count: horizon)
        return Forecast(
            model: ModelSummary(name: name, family: family, notes: ["constant series: the forecast is its value"]),
            mean: mean,
            intervals: levels.map { PredictionInterval(level: $0, lower: mean, upper: mean) },
            fitted: y)
    }
}

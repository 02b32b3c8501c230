import TimeSeriesCore

extension ETS: ChosenModelRefitting {
    /// The forecast, and the single form the fit chose with this method's fixed parameters,
    /// criterion, seed and simulation paths.
    public func forecastAndRefitter(
        _ y: [Double], period: Int, horizon: Int,
        levels: [Int]
    ) throws -> (forecast: Forecast, refitter: any Forecaster) {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        let model = try fit(y, period: period)
        let forecast = model.forecast(
            horizon: horizon, levels: levels, simulationPaths: specification.simulationPaths,
            seed: specification.seed)
        return (forecast, refitter(for: model.form))
    }

    /// This method restricted to `form`.
    func refitter(for form: Form) -> ETS {
        var spec = specification
        spec.errors = [form.error]
        spec.trends = [form.trend]
        spec.seasons = [form.season]
        return ETS(spec, name: name)
    }
}

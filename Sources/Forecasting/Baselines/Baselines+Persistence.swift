import TimeSeriesCore

extension FittedModel {
    /// The baseline of registry name `name`. Baselines estimate nothing beyond closed-form
    /// statistics of the observations (the last value, the last season, the slope between the
    /// end points, the mean, the classical seasonal indices: FPP3 §5.2), so a saved baseline is
    /// its training series and is forecast by the same closed form.
    static func baseline(named name: String) throws -> any Forecaster {
        switch name {
        case "naive": return Naive()
        case "snaive": return SeasonalNaive()
        case "drift": return Drift()
        case "mean": return HistoricalMean()
        case "naive2": return Naive2()
        default:
            throw ForecastingError(.invalidArgument, "'\(name)' is not a baseline (naive, snaive, drift, mean, naive2)")
        }
    }

    /// A baseline's fitted model: its checks, then the observations.
    static func baseline(_ forecaster: some Forecaster, _ y: [Double], period: Int) throws -> FittedModel {
        try forecaster.validateArguments(y, period: period, horizon: 1, levels: [])
        return FittedModel(name: forecaster.name, values: y, period: period, state: .baseline)
    }
}

extension Naive: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel { try FittedModel.baseline(self, y, period: period) }
}

extension SeasonalNaive: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel { try FittedModel.baseline(self, y, period: period) }
}

extension Drift: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel { try FittedModel.baseline(self, y, period: period) }
}

extension HistoricalMean: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel { try FittedModel.baseline(self, y, period: period) }
}

extension Naive2: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel { try FittedModel.baseline(self, y, period: period) }
}

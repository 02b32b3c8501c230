import TimeSeriesCore

extension ETS: ChosenModelRefitting {
    /// The single form named in `forecast` (`ETS(M,Ad,N)` → `MAdN`), with this method's fixed
    /// parameters, criterion, seed and simulation paths; `self` when the name is not an ETS form.
    public func refitter(for forecast: Forecast) -> any Forecaster {
        let chosen = forecast.model.name
        guard chosen.hasPrefix("ETS("), chosen.hasSuffix(")") else { return self }
        let code = chosen.dropFirst(4).dropLast().split(separator: ",").joined()
        guard let form = Form(code: code) else { return self }
        var spec = specification
        spec.errors = [form.error]
        spec.trends = [form.trend]
        spec.seasons = [form.season]
        return ETS(spec, name: name)
    }
}

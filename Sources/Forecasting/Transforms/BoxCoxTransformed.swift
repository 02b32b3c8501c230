/// A method fitted on the Box–Cox scale of the series, with λ chosen per series by Guerrero's
/// method in `lower...upper`, and its forecast transformed back (`BoxCox`).
///
/// Point forecasts come back as medians, interval bounds as the same quantiles, fitted values
/// through the same inverse. A series the transformation does not apply to (a value ≤ 0, fewer
/// than two whole subseries for Guerrero's criterion, no variation in them) is forecast on its
/// own scale, with a note saying why. λ is kept in the parameters (`lambda`).
///
/// λ is confined to [0, 1], between the logarithm and no transformation, as in the bootstrap of
/// Bergmeir, Hyndman & Benítez (2016, *IJF* 32(2), §3.1): powers above 1 or below 0 make
/// extreme back-transformed forecasts from small errors on the transformed scale.
///
/// With `minimumPeriod` > 1 only seasonal series are transformed; the others are forecast by
/// the base method as it is, without a note (`auto` does this: for a non-seasonal series
/// Guerrero's subseries are pairs of values, and λ is poorly determined).
public struct BoxCoxTransformed: Forecaster, ChosenModelRefitting {
    public var base: any Forecaster
    public var lower: Double
    public var upper: Double
    /// Series with a shorter seasonal period are not transformed.
    public var minimumPeriod: Int
    public var name: String { base.name }

    public init(_ base: any Forecaster, lower: Double = 0, upper: Double = 1, minimumPeriod: Int = 1) {
        self.base = base
        self.lower = lower
        self.upper = upper
        self.minimumPeriod = minimumPeriod
    }

    /// Whether series of seasonal period `period` are transformed at all.
    public func transforms(period: Int) -> Bool { period >= minimumPeriod }

    /// The transformation for `y`, or why there is none.
    public func transformation(for y: [Double], period: Int) -> Result<BoxCox, Untransformed> {
        Self.transformation(for: y, period: period, lower: lower, upper: upper)
    }

    /// The Guerrero transformation with λ in `lower...upper` for `y`, or why there is none.
    public static func transformation(for y: [Double], period: Int, lower: Double = 0,
                                      upper: Double = 1) -> Result<BoxCox, Untransformed> {
        guard y.allSatisfy({ $0 > 0 }) else { return .failure(Untransformed("the series has values ≤ 0")) }
        guard let lambda = BoxCox.guerreroLambda(y, period: period, lower: lower, upper: upper) else {
            return .failure(Untransformed(
                "Guerrero's λ needs at least two whole subseries of \(max(period, 2)) values that vary"))
        }
        return .success(BoxCox(lambda: lambda))
    }

    /// Why a series is forecast on its own scale.
    public struct Untransformed: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        guard transforms(period: period) else {
            return try base.forecast(y, period: period, horizon: horizon, levels: levels)
        }
        switch transformation(for: y, period: period) {
        case .success(let boxCox):
            guard let w = boxCox.forward(y) else {
                throw ForecastingError(.invalidArgument, "the Box-Cox transformation needs positive values")
            }
            return boxCox.backTransformed(try base.forecast(w, period: period, horizon: horizon, levels: levels))
        case .failure(let reason):
            return Self.untransformed(try base.forecast(y, period: period, horizon: horizon, levels: levels),
                                      because: reason)
        }
    }

    /// A forecast made on the series' own scale, with the note saying why.
    static func untransformed(_ f: Forecast, because reason: Untransformed) -> Forecast {
        var f = f
        f.model.notes.append("fitted on the series' own scale (no Box-Cox transformation): \(reason)")
        return f
    }

    /// The base method's refitter of the model behind `forecast`, on the Box–Cox scale again.
    public func refitter(for forecast: Forecast) -> any Forecaster {
        guard let chosen = (base as? any ChosenModelRefitting)?.refitter(for: forecast) else { return self }
        return BoxCoxTransformed(chosen, lower: lower, upper: upper, minimumPeriod: minimumPeriod)
    }
}

extension BoxCox {
    /// A forecast made on the Box–Cox scale, transformed back: points and fitted values through
    /// the inverse, each interval bound likewise (a quantile stays the same quantile). λ goes in
    /// the parameters (`lambda`), and a note says what the numbers are.
    public func backTransformed(_ f: Forecast) -> Forecast {
        var out = f
        out.mean = inverse(f.mean)
        out.intervals = f.intervals.map {
            PredictionInterval(level: $0.level, lower: inverse($0.lower), upper: inverse($0.upper))
        }
        out.fitted = f.fitted.map(inverse)
        out.model.parameters["lambda"] = lambda
        out.model.notes.append("fitted on the Box-Cox scale, λ = \(Self.format(lambda)) (Guerrero); "
                               + "point forecasts transformed back are medians")
        return out
    }

    static func format(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return String(r)
    }
}

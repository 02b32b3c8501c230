import Foundation
import TimeSeriesCore

/// A method fitted on the Box–Cox scale of the series (`BoxCox`), with λ chosen per series by
/// Guerrero's method in `lower...upper` and the geometric mean as the reference level, and its
/// forecast transformed back.
///
/// Point forecasts come back as medians, interval bounds as the same quantiles, fitted values
/// through the same inverse. A series the transformation does not apply to (a value ≤ 0, no more
/// than two seasons of data, as R's `BoxCox.lambda` requires, or subseries that do not vary) is
/// forecast on its own scale, with a note saying why. λ and the reference level are kept in the
/// parameters (`lambda`, `boxcox_scale`) for display.
///
/// λ is confined to [0, 1], between the logarithm and no transformation, as in the bootstrap of
/// Bergmeir, Hyndman & Benítez (2016, *IJF* 32(2), §3.1): powers above 1 or below 0 make
/// extreme back-transformed forecasts from small errors on the transformed scale. On the
/// transformed scale the series is centred near 0, so the base methods use their additive forms
/// (multiplicative ETS and multiplicative decomposition need positive data), as R's `ets` does
/// whenever a λ is given. The base method should not depend on the origin of its data: ARIMA
/// with a mean or differencing does not; CES, whose recursion has no level to absorb it, turns
/// explosive on a series centred near 0 (`auto` transforms ARIMA only).
///
/// With `minimumPeriod` > 1 only seasonal series are transformed; the others are forecast by
/// the base method as it is, without a note (for a non-seasonal series Guerrero's subseries
/// are pairs of values, and λ is less well determined).
public struct BoxCoxTransformed: Forecaster, ChosenModelRefitting {
    public var base: any Forecaster
    public var lower: Double
    public var upper: Double
    /// Series with a shorter seasonal period are not transformed.
    public var minimumPeriod: Int
    /// A scale kept from an earlier fit instead of choosing one for the series (a holdout refit
    /// of the chosen model uses the whole series' λ and reference level).
    public var fixedScale: Scale?
    public var name: String { base.name }

    public init(
        _ base: any Forecaster, lower: Double = 0, upper: Double = 1, minimumPeriod: Int = 1,
        fixedScale: Scale? = nil
    ) {
        (self.base, self.lower, self.upper, self.minimumPeriod) = (base, lower, upper, minimumPeriod)
        self.fixedScale = fixedScale
    }

    /// The scale a series is fitted on.
    public enum Scale: Sendable, Equatable {
        /// The period is below `minimumPeriod`: the base method as it is, without a note.
        case original
        /// The Box–Cox scale.
        case boxCox(BoxCox)
        /// The series' own scale, because the transformation does not apply (the reason).
        case untransformed(String)
    }

    /// The scale this method fits `y` on: `fixedScale` when set, otherwise the choice of
    /// `scale(for:period:lower:upper:minimumPeriod:)` with this method's bounds.
    public func scale(for y: [Double], period: Int) -> Scale {
        fixedScale ?? Self.scale(for: y, period: period, lower: lower, upper: upper, minimumPeriod: minimumPeriod)
    }

    /// The scale chosen for `y`: the series itself below `minimumPeriod`; its own scale, with
    /// the reason, when a value is ≤ 0, there are no more than two seasons, or Guerrero's λ is
    /// undefined; otherwise the Box–Cox scale with Guerrero's λ in `lower...upper` and the
    /// geometric mean as the reference level.
    public static func scale(
        for y: [Double], period: Int, lower: Double = 0, upper: Double = 1,
        minimumPeriod: Int = 1
    ) -> Scale {
        guard period >= minimumPeriod else { return .original }
        guard y.allSatisfy({ $0 > 0 }) else { return .untransformed("the series has values ≤ 0") }
        guard y.count > 2 * period else {
            return .untransformed("Guerrero's λ needs more than two seasons of data (\(2 * period) values)")
        }
        guard let lambda = Guerrero.lambda(y, period: period, lower: lower, upper: upper) else {
            return .untransformed("Guerrero's λ needs subseries of \(max(period, 2)) values that vary")
        }
        return .boxCox(BoxCox(lambda: lambda, scale: BoxCox.geometricMean(y)))
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        let scale = scale(for: y, period: period)
        let f = try base.forecast(try Self.values(y, on: scale), period: period, horizon: horizon, levels: levels)
        return Self.transformedBack(f, from: scale)
    }

    /// `y` on `scale`.
    static func values(_ y: [Double], on scale: Scale) throws -> [Double] {
        guard case .boxCox(let boxCox) = scale else { return y }
        guard let w = boxCox.forward(y) else {
            throw ForecastingError(.invalidArgument, "the Box-Cox transformation needs positive values")
        }
        return w
    }

    /// A forecast made on `scale`, on the series' own scale again, with the note saying how.
    static func transformedBack(_ f: Forecast, from scale: Scale) -> Forecast {
        switch scale {
        case .original:
            return f
        case .boxCox(let boxCox):
            return boxCox.backTransformed(f)
        case .untransformed(let reason):
            var f = f
            f.model.notes.append("fitted on the series' own scale (no Box-Cox transformation): \(reason)")
            return f
        }
    }

    /// The forecast, and the model behind it to refit on other data (a holdout) without
    /// choosing again: the base method's chosen model when it has one, on the same scale (the
    /// λ and reference level chosen here, or the series' own scale).
    public func forecastAndRefitter(
        _ y: [Double], period: Int, horizon: Int,
        levels: [Int]
    ) throws -> (forecast: Forecast, refitter: any Forecaster) {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        let scale = scale(for: y, period: period)
        let values = try Self.values(y, on: scale)
        let forecast: Forecast
        let chosen: any Forecaster
        if let choosing = base as? any ChosenModelRefitting {
            (forecast, chosen) = try choosing.forecastAndRefitter(
                values, period: period, horizon: horizon, levels: levels)
        } else {
            (forecast, chosen) = (try base.forecast(values, period: period, horizon: horizon, levels: levels), base)
        }
        let kept: Scale
        if case .boxCox = scale { kept = scale } else { kept = .original }
        return (
            Self.transformedBack(forecast, from: scale),
            BoxCoxTransformed(chosen, lower: lower, upper: upper, minimumPeriod: minimumPeriod, fixedScale: kept)
        )
    }
}

/// A method fitted on a Box–Cox scale that it can tell for a series: `auto` names the λ of
/// each member fitted on one.
protocol BoxCoxScaled: Forecaster {
    /// The scale the method fits `y` on.
    func scale(for y: [Double], period: Int) -> BoxCoxTransformed.Scale
}

extension BoxCoxTransformed: BoxCoxScaled {}

extension HoldoutCalibrated: BoxCoxScaled {
    /// The base method's scale (calibration does not transform the series).
    func scale(for y: [Double], period: Int) -> BoxCoxTransformed.Scale {
        (base as? any BoxCoxScaled)?.scale(for: y, period: period) ?? .original
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Reference values from scripts/fixtures/box_cox.py (coreforecast, scipy, statsforecast 2.1.1).
struct BoxCoxReference: Decodable {
    struct Guerrero: Decodable {
        var id: String
        var period: Int
        var values: [Double]
        var coreforecast: Double
        var tight: Double
        var cv: Double
    }
    struct Transform: Decodable {
        var lambda: Double
        var x: [Double]
        var w: [Double]
        var inverse_of: [Double]
        /// nil where λw + 1 < 0 (scipy: NaN; muavu: 0, the edge of the domain).
        var inverse: [Double?]
    }
    struct ThetaCase: Decodable {
        var id: String
        var period: Int
        var lambda: Double
        var scale: Double
        var horizon: Int
        var mean: [Double]
    }
    var guerrero: [Guerrero]
    var transform: [Transform]
    var theta: ThetaCase

    static func load() throws -> BoxCoxReference {
        let url = try #require(
            Bundle.module.url(
                forResource: "box_cox", withExtension: "json",
                subdirectory: "Fixtures/boxcox"))
        return try JSONDecoder().decode(BoxCoxReference.self, from: Data(contentsOf: url))
    }
}

struct BoxCoxTests {
    @Test func transformAndInverseMatchScipy() throws {
        for t in try BoxCoxReference.load().transform {
            let bc = BoxCox(lambda: t.lambda)
            let w = try #require(bc.forward(t.x))
            #expect(isClose(w, t.w, relative: 1e-13), "λ = \(t.lambda)")
            #expect(isClose(bc.inverse(t.inverse_of), t.inverse.map { $0 ?? 0 }, relative: 1e-13), "λ = \(t.lambda)")
            #expect(t.inverse.contains(nil) == (t.lambda == 1), "the fixture's case outside the domain")
            #expect(isClose(bc.inverse(w), t.x, relative: 1e-12), "round trip at λ = \(t.lambda)")
            // On the scale of a reference level c: w(y) = w₁(y/c), the same whatever the unit of y.
            let scaled = BoxCox(lambda: t.lambda, scale: 250)
            let units = try #require(scaled.forward(t.x.map { $0 * 250 }))
            #expect(isClose(units, t.w, relative: 1e-12), "λ = \(t.lambda), c = 250")
            #expect(isClose(scaled.inverse(t.w), t.x.map { $0 * 250 }, relative: 1e-12))
        }
    }

    /// As λ → 0 the transformation tends to the logarithm; expm1/log1p keep it exact to
    /// rounding there (the naive (y^λ − 1)/λ loses about 8 digits at λ = 1e-9).
    @Test func aTinyLambdaIsTheLogarithmToRounding() throws {
        let x = [0.37, 1.0, 2.5, 14.2, 880.0, 12345.6]
        let tiny = BoxCox(lambda: 1e-9)
        let w = try #require(tiny.forward(x))
        #expect(isClose(w, x.map { log($0) }, relative: 1e-8))
        #expect(isClose(tiny.inverse(w), x, relative: 1e-14))
    }

    @Test func valuesOutsideTheDomainAreRefusedOrMappedToItsEdge() {
        let bc = BoxCox(lambda: 0.5)
        #expect(bc.forward([3, 0, 2]) == nil)
        #expect(bc.forward([3, -1]) == nil)
        #expect(bc.forward(.nan) == nil)
        // λw + 1 ≤ 0 has no preimage among the positive numbers: 0, the edge of the domain.
        #expect(bc.inverse(-2) == 0)
        #expect(bc.inverse(-3) == 0)
        #expect(bc.inverse(Double.nan).isNaN)
    }

    /// λ on [0, 1] matches coreforecast's Guerrero λ to its tolerance, and the numpy/scipy
    /// criterion minimised tightly to 1e-6, with a criterion no larger than 1e-8 relative (at a
    /// bound, both stop within their tolerances of it).
    @Test func guerreroLambdaMatchesCoreforecastAndTheTightMinimum() throws {
        for g in try BoxCoxReference.load().guerrero {
            let lambda = try #require(Guerrero.lambda(g.values, period: g.period), "\(g.id)")
            #expect(abs(lambda - g.tight) <= 1e-6, "\(g.id): \(lambda) vs \(g.tight)")
            #expect(abs(lambda - g.coreforecast) <= 1e-4, "\(g.id): \(lambda) vs coreforecast \(g.coreforecast)")
            let p = max(g.period, 2)
            let k = g.values.count / p
            let start = g.values.count - k * p
            let parts = (0..<k).map { Array(g.values[(start + $0 * p)..<(start + ($0 + 1) * p)]) }
            let cv = Guerrero.criterion(
                lambda, means: parts.map { Guerrero.mean($0)! },
                deviations: parts.map { Guerrero.standardDeviation($0)! })
            #expect(cv <= g.cv * (1 + 1e-8), "\(g.id): criterion \(cv) vs \(g.cv)")
        }
    }

    @Test func guerreroLambdaNeedsPositiveVaryingSubseries() {
        #expect(Guerrero.lambda([1, 2, 3, -1, 5, 6], period: 1) == nil)
        #expect(Guerrero.lambda([4, 5, 6], period: 2) == nil, "one whole subseries")
        #expect(Guerrero.lambda([5, 5, 5, 5, 5, 5], period: 2) == nil, "no variation")
        let transformed = BoxCoxTransformed(Naive())
        #expect(
            transformed.scale(for: [4, 5, 6, 7, 5, 6, 8, 9], period: 4)
                == .untransformed("Guerrero's λ needs more than two seasons of data (8 values)"), "R's n > 2m")
        if case .boxCox = transformed.scale(for: [4, 5, 6, 7, 5, 6, 8, 9, 7], period: 4) {
        } else {
            Issue.record("nine quarters are enough")
        }
    }

    /// λ does not change with the unit of the series, down to the ends of the doubles (to the
    /// minimiser's tolerance: the rounding of y / c moves its path by about 1e-8).
    @Test func guerreroLambdaIgnoresTheUnit() throws {
        for g in try BoxCoxReference.load().guerrero {
            let lambda = try #require(Guerrero.lambda(g.values, period: g.period))
            for unit in [1e-200, 1e-3, 1e3, 1e200] {
                let scaled = try #require(
                    Guerrero.lambda(g.values.map { $0 * unit }, period: g.period), "\(g.id) × \(unit)")
                #expect(abs(scaled - lambda) <= 1e-7, "\(g.id) × \(unit): \(scaled) vs \(lambda)")
            }
        }
    }

    /// A holdout refit keeps the whole series' scale (λ and reference level) instead of choosing
    /// again on the shorter series, even where the shorter series would stay on its own scale.
    @Test func theRefitterKeepsTheScaleOfTheFit() throws {
        let y = try #require(try BoxCoxReference.load().guerrero.first { $0.id == "N1405" }).values
        let method = BoxCoxTransformed(SARIMA(SARIMA.Specification(order: .init(p: 0, d: 1, q: 1, period: 12))))
        let (f, refitter) = try method.forecastAndRefitter(y, period: 12, horizon: 6, levels: [95])
        let direct = try method.forecast(y, period: 12, horizon: 6, levels: [95])
        #expect(f.mean == direct.mean && f.intervals == direct.intervals && f.model == direct.model)
        guard case .boxCox(let t) = method.scale(for: y, period: 12) else {
            Issue.record("N1405 is transformed")
            return
        }
        let refit = try #require(refitter as? BoxCoxTransformed)
        #expect(refit.fixedScale == .boxCox(t))
        let head = Array(y.prefix(24))
        #expect(method.scale(for: head, period: 12) != .boxCox(t), "24 values alone would stay on their own scale")
        #expect(refit.scale(for: head, period: 12) == .boxCox(t))
        let held = try refit.forecast(head, period: 12, horizon: 6, levels: [95])
        #expect(held.model.parameters["lambda"] == t.lambda && held.model.parameters["boxcox_scale"] == t.scale)
    }

    /// Brent's method on functions with known minima, including one at a bound.
    @Test func brentFindsKnownMinima() throws {
        let parabola = try Brent.minimize({ ($0 - 0.3) * ($0 - 0.3) + 2 }, lower: 0, upper: 1)
        #expect(abs(parabola.x - 0.3) <= 1e-7)
        #expect(abs(parabola.value - 2) <= 1e-12)
        let cosine = try Brent.minimize({ cos($0) }, lower: 2, upper: 5, tolerance: 1e-10)
        #expect(abs(cosine.x - Double.pi) <= 1e-7)
        let edge = try Brent.minimize({ $0 }, lower: 0, upper: 1)
        #expect(edge.x <= 1e-7)
        #expect(throws: ForecastingError.self) { try Brent.minimize({ $0 }, lower: 1, upper: 1) }
    }

    /// The standard Theta method on the Box–Cox scale of N1405, transformed back, against
    /// statsforecast's Theta on scipy's transformation of the series divided by its geometric
    /// mean; the bounds and fitted values are the base forecast's on the transformed scale,
    /// transformed back.
    @Test func thetaOnTheBoxCoxScaleMatchesStatsforecast() throws {
        let ref = try BoxCoxReference.load()
        let c = ref.theta
        let y = try #require(ref.guerrero.first { $0.id == c.id }).values
        let f = try BoxCoxTransformed(Theta(variant: .stm)).forecast(
            y, period: c.period, horizon: c.horizon,
            levels: [80, 95])
        let lambda = try #require(f.model.parameters["lambda"])
        #expect(abs(lambda - c.lambda) <= 1e-6)
        #expect(isClose(f.mean, c.mean, relative: 5e-4))
        let bc = BoxCox(lambda: lambda, scale: try #require(f.model.parameters["boxcox_scale"]))
        let geometricMean = exp(y.map { log($0) }.reduce(0, +) / Double(y.count))
        #expect(abs(bc.scale - geometricMean) <= 1e-12 * geometricMean)
        #expect(abs(bc.scale - c.scale) <= 1e-12 * c.scale)
        let onScale = try Theta(variant: .stm).forecast(
            try #require(bc.forward(y)), period: c.period,
            horizon: c.horizon, levels: [80, 95])
        for (band, base) in zip(f.intervals, onScale.intervals) {
            #expect(band.lower == bc.inverse(base.lower) && band.upper == bc.inverse(base.upper))
            #expect(zip(band.lower, f.mean).allSatisfy { $0 < $1 } && zip(band.upper, f.mean).allSatisfy { $0 > $1 })
        }
        // Fitted values come back through the same inverse.
        let fitted = try #require(f.fitted)
        let fittedOnScale = try #require(onScale.fitted)
        #expect(fitted.count == y.count)
        for (a, b) in zip(fitted, fittedOnScale) where b.isFinite { #expect(a == bc.inverse(b)) }
        #expect(f.model.notes.contains { $0.hasPrefix("fitted on the Box-Cox scale, λ = ") })
    }

    /// A series with a value ≤ 0 stays on its own scale and says why; below `minimumPeriod`
    /// the base method's forecast is returned unchanged.
    @Test func seriesTheTransformationDoesNotApplyToAreForecastAsTheyAre() throws {
        let y = try #require(try BoxCoxReference.load().guerrero.first { $0.id == "N1405" }).values
        var shifted = y
        shifted[3] = -1
        let base = Theta(variant: .stm)
        let plain = try base.forecast(shifted, period: 12, horizon: 6, levels: [95])
        let f = try BoxCoxTransformed(base).forecast(shifted, period: 12, horizon: 6, levels: [95])
        #expect(f.mean == plain.mean)
        #expect(f.model.parameters["lambda"] == nil)
        #expect(
            f.model.notes.last
                == "fitted on the series' own scale (no Box-Cox transformation): the series has values ≤ 0")
        let yearly = try base.forecast(y, period: 1, horizon: 6, levels: [95])
        #expect(
            try BoxCoxTransformed(base, minimumPeriod: 2).forecast(y, period: 1, horizon: 6, levels: [95]) == yearly)
        #expect(
            try BoxCoxTransformed(base, minimumPeriod: 2).forecast(y, period: 12, horizon: 6, levels: [95]).mean
                != base.forecast(y, period: 12, horizon: 6, levels: [95]).mean)
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// MSTL against statsforecast 2.1.1 (`MSTL`, statsmodels 0.15 `STL`): the decomposition to
/// 1e-6, absolute below 1 and relative above (`mstlAbsoluteRelative`); points and 80/95% bounds
/// to 1e-4 relative (`mstlRelative`).
@Suite("MSTL against statsforecast")
struct MSTLTests {
    @Test(arguments: MSTLReference.names)
    func components(_ name: String) throws {
        let ref = MSTLReference.series(name)
        let d = try MSTLDecomposition(ref.y, periods: ref.periods)
        #expect(d.periods == ref.periods)
        let trend = mstlAbsoluteRelative(d.trend, ref.trend)
        let seasonal = zip(d.seasonal, ref.seasonal).map { mstlAbsoluteRelative($0, $1) }
        let remainder = mstlAbsoluteRelative(d.remainder, ref.remainder)
        print("MSTL \(name) components: trend \(trend), seasonal \(seasonal), remainder \(remainder)")
        #expect(trend <= 1e-6)
        #expect(seasonal.allSatisfy { $0 <= 1e-6 })
        #expect(remainder <= 1e-6)
    }

    /// STL alone, with statsmodels' default linear seasonal LOESS and its default windows, with
    /// every window, degree and the inner passes given, and robust (statsmodels `robust=True`).
    @Test(arguments: MSTLReference.stlNames)
    func stl(_ name: String) throws {
        let ref = MSTLReference.shared.stl.first { $0.name == name }!
        let given = STL.Settings(
            seasonalWindow: ref.seasonalWindow, seasonalDegree: ref.seasonalDegree,
            trendWindow: ref.trendWindow, lowPassWindow: ref.lowPassWindow,
            trendDegree: ref.trendDegree, lowPassDegree: ref.lowPassDegree,
            innerIterations: ref.innerIterations, robustIterations: ref.robustIterations)
        #expect(given.trendWindow(period: ref.period) == ref.trendWindow)
        #expect(given.lowPassWindow(period: ref.period) == ref.lowPassWindow)
        if name == "N2000 defaults" {
            let defaults = STL.Settings(seasonalWindow: ref.seasonalWindow, seasonalDegree: 1)
            #expect(defaults.trendWindow(period: ref.period) == ref.trendWindow)
            #expect(defaults.lowPassWindow(period: ref.period) == ref.lowPassWindow)
        }
        let fit = try STL(ref.y, period: ref.period, settings: given)
        let diffs = [
            mstlAbsoluteRelative(fit.seasonal, ref.seasonal), mstlAbsoluteRelative(fit.trend, ref.trend),
            mstlAbsoluteRelative(fit.remainder, ref.remainder),
        ]
        print("STL \(name): seasonal, trend, remainder \(diffs)")
        #expect(diffs.allSatisfy { $0 <= 1e-6 })
    }

    /// With statsforecast's trend model (its ETS form, parameters and initial states) run over
    /// muavu's adjusted series, MSTL's forecast is statsforecast's: this checks the
    /// decomposition, the ETS recursion, the seasonal-naive continuation and the shift of the
    /// bounds, apart from the ETS estimation. The residuals are the same; σ² differs only by its
    /// divisor (`statsforecastSigma2`), so the bounds are compared at statsforecast's σ².
    @Test(arguments: MSTLReference.names)
    func forecastFromReferenceTrendModel(_ name: String) throws {
        let ref = MSTLReference.series(name)
        let d = try MSTLDecomposition(ref.y, periods: ref.periods)
        var model = try ETS.Model(
            evaluating: d.adjusted, form: ref.ets.form, period: 1, alpha: ref.ets.alpha,
            beta: ref.ets.beta ?? 0, phi: ref.ets.phi ?? 1, initialStates: ref.ets.initialStates)
        let sigma2 = statsforecastSigma2(model)
        #expect(abs(sigma2 - ref.ets.sigma2) <= 1e-8 * ref.ets.sigma2, "σ² \(sigma2) vs \(ref.ets.sigma2)")
        model.sigma2 = sigma2
        let fit = MSTL.Fit(decomposition: d, trendModel: model, notes: [])
        let forecast = MSTL(periods: ref.periods).forecast(fit, horizon: ref.horizon, levels: [80, 95])
        let diff = ref.forecastDifferences(forecast)
        print(
            "MSTL \(name) with statsforecast's \(ref.ets.form): points \(diff.mean), bounds \(diff.relative) "
                + "(of the half-width \(diff.halfWidth))")
        #expect(diff.mean <= 1e-4)
        #expect(diff.relative <= 1e-4)
        #expect(diff.halfWidth <= 1e-4)
    }

    /// The default MSTL, with muavu's own AutoETS on the adjusted series, chooses
    /// statsforecast's ETS form and forecasts its points to 1e-4. Its bounds use muavu's ETS σ²
    /// (divisor n − k, as `ets` does), whose intervals are wider than statsforecast's by
    /// √((n − k)/(n − k − 2)) − 1 (0.1 % to 0.8 % of the half-width on these series); at
    /// statsforecast's divisor they agree to 1e-4 relative. Measured against the half-width
    /// instead, daily-7-30 differs by 4e-4: its α sits at the lower bound 1e-4 in muavu's
    /// optimum and at 1.004e-4 in statsforecast's (muavu's AICc is the lower by 1.6e-4).
    @Test(arguments: MSTLReference.names)
    func defaultForecast(_ name: String) throws {
        let ref = MSTLReference.series(name)
        let mstl = MSTL(periods: ref.periods)
        var fit = try mstl.fit(ref.y, period: ref.periods[0])
        let own = ref.forecastDifferences(mstl.forecast(fit, horizon: ref.horizon, levels: [80, 95]))
        let m = fit.trendModel
        fit.trendModel.sigma2 = statsforecastSigma2(m)
        let diff = ref.forecastDifferences(mstl.forecast(fit, horizon: ref.horizon, levels: [80, 95]))
        print(
            "MSTL \(name) default: muavu \(m.form) alpha \(m.alpha) beta \(m.beta) l0/b0 \(m.initialStates) "
                + "sigma2 \(m.sigma2) aicc \(m.aicc); statsforecast \(ref.ets.form) alpha \(ref.ets.alpha) "
                + "beta \(ref.ets.beta ?? .nan) l0/b0 \(ref.ets.initialStates) sigma2 \(ref.ets.sigma2) "
                + "aicc \(ref.ets.aicc); points \(own.mean); bounds with muavu's sigma2 \(own.relative) "
                + "(of the half-width \(own.halfWidth)), with statsforecast's divisor \(diff.relative) "
                + "(of the half-width \(diff.halfWidth))")
        #expect(m.form == ref.ets.form)
        #expect(own.mean <= 1e-4)
        #expect(diff.relative <= 1e-4)
    }
}

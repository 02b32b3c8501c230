import Foundation
import Testing

@testable import Forecasting

/// Automatic order selection against statsforecast `AutoARIMA(season_length=m)` on M3 series.
@Suite struct ARIMAAutoSelectionTests {
    static let reference = try? ARIMAReference.load()

    /// statsforecast rejects a few more candidates than muavu (it also drops fits whose BFGS
    /// Hessian gives a negative variance), so an occasional different choice is expected; most
    /// must agree.
    @Test func choosesTheSameModelsAsStatsforecastOnMostSeries() throws {
        let ref = try #require(Self.reference)
        var agree = 0
        var differences: [String] = []
        for a in ref.auto {
            let s = try #require(ref.series[a.id])
            let fit = try AutoARIMA().fit(s.values, period: s.period)
            if fit.name == a.model { agree += 1 } else { differences.append("\(a.id): \(fit.name) vs \(a.model)") }
        }
        #expect(agree * 10 >= ref.auto.count * 8, "\(agree)/\(ref.auto.count); \(differences)")
    }

    @Test func exhaustiveSearchFindsNoWorseCriterion() throws {
        let ref = try #require(Self.reference)
        let s = try #require(ref.series["N0700"])
        var options = AutoARIMA.Options()
        options.search = .exhaustive
        let exhaustive = try AutoARIMA(options: options).fit(s.values, period: s.period)
        let stepwise = try AutoARIMA().fit(s.values, period: s.period)
        #expect(exhaustive.aicc <= stepwise.aicc + 1e-9)
    }

    @Test func registryKnowsBothNames() throws {
        #expect(try ForecasterRegistry.forecaster(named: "arima").name == "arima")
        #expect(try ForecasterRegistry.forecaster(named: "arima-fixed").name == "arima-fixed")
    }
}

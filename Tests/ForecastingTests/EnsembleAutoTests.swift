import Foundation
import Testing
@testable import Forecasting

/// `auto` is the mean of ETS, ARIMA and Theta with the members' envelope, and says so.
struct EnsembleAutoTests {
    @Test func autoIsTheMeanOfItsMembersWithTheirEnvelope() throws {
        let ref = try EnsembleReference.load("N1500")
        let y = ref.y, h = ref.horizon, m = ref.period
        let f = try AutomaticForecaster().forecast(y, period: m, horizon: h, levels: [95])
        let forecasters: [any Forecaster] = [ETS(.automatic, name: "ets"), AutoARIMA(),
                                             Theta(variant: .dotm, name: "theta")]
        var members: [Forecast] = []
        for forecaster in forecasters {
            members.append(try forecaster.forecast(y, period: m, horizon: h, levels: [95]))
        }
        var mean: [Double] = [], lower: [Double] = [], upper: [Double] = []
        for t in 0..<h {
            var sum = 0.0, lo = Double.infinity, hi = -Double.infinity
            for member in members {
                let band = try #require(member.interval(level: 95))
                sum += member.mean[t]
                lo = min(lo, band.lower[t])
                hi = max(hi, band.upper[t])
            }
            mean.append(sum / 3)
            lower.append(lo)
            upper.append(hi)
        }
        #expect(isClose(f.mean, mean, relative: 1e-12))
        let i = try #require(f.interval(level: 95))
        #expect(isClose(i.lower, lower, relative: 1e-12))
        #expect(isClose(i.upper, upper, relative: 1e-12))
        #expect(f.model.family == "auto")
        #expect(f.model.notes.first == AutomaticForecaster.rationale)
        #expect(f.model.notes.dropFirst().first?.hasPrefix("members: ETS(") == true)
        // The members' own parameters are kept under their names.
        #expect(f.model.parameters.keys.contains { $0.hasPrefix("ets.") })
        #expect(f.model.parameters.keys.contains { $0.hasPrefix("theta.") })
    }

    @Test func registryNamesResolve() throws {
        #expect(try ForecasterRegistry.forecaster(named: "auto").name == "auto")
        let e = try #require(try ForecasterRegistry.forecaster(named: "ensemble") as? Ensemble)
        #expect(e.members.map(\.name) == ["ets", "arima", "theta"])
        #expect(e.combiner == .median && e.intervals == .envelope)
    }
}

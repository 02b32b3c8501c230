import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// `auto` is the mean of ETS, ARIMA (on the Box-Cox scale), DOTM, STM and CES with the members'
/// envelope, and says so.
struct EnsembleAutoTests {
    /// The members as `auto` has them: ARIMA on the Box-Cox scale.
    static let members: [any Forecaster] = [
        ETSAkaikeWeighted(), BoxCoxTransformed(AutoARIMA()),
        Theta(variant: .dotm, name: "theta"), Theta(variant: .stm), CES(),
    ]

    @Test(arguments: ["N1500", "N0001"])
    func autoIsTheMeanOfItsMembersWithTheirEnvelope(id: String) throws {
        let ref = try EnsembleReference.load(id)
        let y = ref.y
        let h = ref.horizon
        let m = ref.period
        let f = try AutomaticForecaster().forecast(y, period: m, horizon: h, levels: [95])
        let forecasters = Self.members
        var members: [Forecast] = []
        for forecaster in forecasters {
            members.append(try forecaster.forecast(y, period: m, horizon: h, levels: [95]))
        }
        var mean: [Double] = []
        var lower: [Double] = []
        var upper: [Double] = []
        for t in 0..<h {
            var sum = 0.0
            var lo = Double.infinity
            var hi = -Double.infinity
            for member in members {
                let band = try #require(member.interval(level: 95))
                sum += member.mean[t]
                lo = min(lo, band.lower[t])
                hi = max(hi, band.upper[t])
            }
            mean.append(sum / Double(members.count))
            lower.append(lo)
            upper.append(hi)
        }
        #expect(isClose(f.mean, mean, relative: 1e-12))
        let i = try #require(f.interval(level: 95))
        #expect(isClose(i.lower, lower, relative: 1e-12))
        #expect(isClose(i.upper, upper, relative: 1e-12))
        #expect(f.model.family == "auto")
        #expect(f.model.notes.first?.hasPrefix(AutomaticForecaster().rationale) == true)
        #expect(f.model.notes.first?.contains("geometric mean (Guerrero): arima λ = ") == true)
        #expect(f.model.notes.dropFirst().first?.hasPrefix("members: ETS Akaike-weighted (") == true)
        // The members' own parameters are kept under their names.
        #expect(f.model.parameters.keys.contains { $0.hasPrefix("ets-aw.") })
        #expect(f.model.parameters.keys.contains { $0.hasPrefix("theta.") })
        // ARIMA's λ is Guerrero's; the other members are fitted on the series itself.
        #expect(f.model.parameters["arima.lambda"] == Guerrero.lambda(y, period: m))
        #expect(f.model.parameters["ets-aw.lambda"] == nil && f.model.parameters["ces.lambda"] == nil)
    }

    @Test func calibratedAutoAveragesItsMembersCalibratedIntervals() throws {
        let ref = try EnsembleReference.load("N1500")
        let y = ref.y
        let h = ref.horizon
        let m = ref.period
        let auto = IntervalMethod.calibrated.applied(to: try ForecasterRegistry.forecaster(named: "auto"))
        let f = try auto.forecast(y, period: m, horizon: h, levels: [80, 95])
        let members = try Self.members
            .map { try HoldoutCalibrated($0).forecast(y, period: m, horizon: h, levels: [80, 95]) }
        for level in [80, 95] {
            let i = try #require(f.interval(level: level))
            let bands = try members.map { try #require($0.interval(level: level)) }
            for t in 0..<h {
                #expect(abs(f.mean[t] - members.map { $0.mean[t] }.reduce(0, +) / 5) <= 1e-9 * abs(f.mean[t]))
                #expect(abs(i.lower[t] - bands.map { $0.lower[t] }.reduce(0, +) / 5) <= 1e-9 * abs(i.lower[t]))
                #expect(abs(i.upper[t] - bands.map { $0.upper[t] }.reduce(0, +) / 5) <= 1e-9 * abs(i.upper[t]))
            }
        }
        #expect(f.model.notes.first?.contains("holdout-calibrated") == true)
        #expect(f.model.notes.contains { $0.hasPrefix("ets-aw: intervals calibrated on a holdout") })
        // Each member's holdout score is reported, as a backtest of the members on this series.
        #expect(f.model.notes.contains { $0.hasPrefix("members' sMAPE on the holdout") && $0.contains("ces ") })
        for name in ["ets-aw", "arima", "theta", "stm", "ces"] {
            #expect(f.model.criteria["\(name).holdout_smape"] != nil, "\(name)")
        }
    }

    @Test func registryNamesResolve() throws {
        #expect(try ForecasterRegistry.forecaster(named: "auto").name == "auto")
        let e = try #require(try ForecasterRegistry.forecaster(named: "ensemble") as? Ensemble)
        #expect(e.members.map(\.name) == ["ets", "arima", "theta"])
        #expect(e.combiner == .median && e.intervals == .envelope)
    }
}

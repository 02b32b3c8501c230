import Foundation
import Testing
@testable import Forecasting

/// A fitted model kept as a value, passed through JSON and forecast from its stored parameters
/// gives the forecast of the forecaster itself, bit for bit (M3 series of the Theta fixtures,
/// scripts/fixtures/theta_m3.py: yearly, quarterly, monthly and "other" periods).
@Suite struct PersistenceTests {
    static let series = ["N0001", "N0700", "N1500", "N3000"]
    static let names = FittedModel.savableNames.keys.sorted()

    /// The state through JSON and back, as a model file carries it.
    static func roundTrip(_ model: FittedModel) throws -> FittedModel {
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        var copy = model
        switch model.state {
        case .ets(let s): copy.state = .ets(try decoder.decode(FittedModel.ETSState.self, from: encoder.encode(s)))
        case .theta(let s): copy.state = .theta(try decoder.decode(FittedModel.ThetaState.self, from: encoder.encode(s)))
        case .arima(let s): copy.state = .arima(try decoder.decode(FittedModel.ARIMAState.self, from: encoder.encode(s)))
        case .baseline: break
        }
        copy.values = try decoder.decode([Double].self, from: encoder.encode(model.values))
        return copy
    }

    static func expectSame(_ a: Forecast, _ b: Forecast, _ label: String) {
        #expect(a.model == b.model, "\(label): \(a.model) vs \(b.model)")
        #expect(a.mean.map(\.bitPattern) == b.mean.map(\.bitPattern), "\(label) mean")
        #expect(a.intervals.map(\.level) == b.intervals.map(\.level), "\(label) levels")
        for (x, y) in zip(a.intervals, b.intervals) {
            #expect(x.lower.map(\.bitPattern) == y.lower.map(\.bitPattern), "\(label) lower \(x.level)")
            #expect(x.upper.map(\.bitPattern) == y.upper.map(\.bitPattern), "\(label) upper \(x.level)")
        }
    }

    @Test(arguments: series)
    func everySavableModelForecastsFromItsParametersAsWhenFitted(id: String) throws {
        let ref = try M3Reference.load("theta", id)
        for name in Self.names {
            let direct = try ForecasterRegistry.forecaster(named: name)
                .forecast(ref.y, period: ref.period, horizon: 9, levels: [80, 95])
            let fitted = try FittedModel.fit(named: name, ref.y, period: ref.period)
            #expect(fitted.name == name)
            #expect(fitted.kind == FittedModel.savableNames[name])
            let loaded = try Self.roundTrip(fitted)
            #expect(loaded == fitted, "\(id) \(name): JSON changed the model")
            try loaded.verify()
            Self.expectSame(try loaded.forecast(horizon: 9, levels: [80, 95]), direct, "\(id) \(name)")
        }
    }

    /// A multiplicative season has no closed-form variance: the intervals are simulated with the
    /// stored seed, and must come out the same.
    @Test func simulatedIntervalsOfAMultiplicativeSeasonAreReproduced() throws {
        let ref = try M3Reference.load("theta", "N1500")
        let ets = ETS(try ETS.Specification(code: "MAM"))
        let direct = try ets.forecast(ref.y, period: 12, horizon: 18, levels: [50, 90])
        #expect(direct.model.notes.contains { $0.contains("simulated sample paths") })
        let loaded = try Self.roundTrip(try ets.fitModel(ref.y, period: 12))
        guard case .ets(let state) = loaded.state else { Issue.record("not an ETS state"); return }
        #expect(state.form == "MAM" && state.initialStates.count == 2 + 12)
        Self.expectSame(try loaded.forecast(horizon: 18, levels: [50, 90]), direct, "MAM")
    }

    @Test func constantSeriesAreSavedToo() throws {
        let y = [Double](repeating: 7.5, count: 12)
        for name in ["ets", "theta", "arima", "naive2"] {
            let direct = try ForecasterRegistry.forecaster(named: name).forecast(y, period: 4, horizon: 3, levels: [80])
            let loaded = try Self.roundTrip(try FittedModel.fit(named: name, y, period: 4))
            try loaded.verify()
            Self.expectSame(try loaded.forecast(horizon: 3, levels: [80]), direct, "constant \(name)")
        }
    }

    @Test(arguments: ["auto", "ensemble"])
    func combinationsCannotBeSaved(name: String) {
        #expect {
            _ = try FittedModel.fit(named: name, [1, 2, 3, 4, 5, 6], period: 1)
        } throws: { error in
            "\(error)".contains("\(name) cannot be saved; save its members") && "\(error)".contains("ets, arima and theta")
        }
    }

    /// Parameters that do not lead to the stored final states are refused by `verify`.
    @Test func editedParametersAreRefused() throws {
        let ref = try M3Reference.load("theta", "N0700")
        for name in ["ets", "theta"] {
            var model = try FittedModel.fit(named: name, ref.y, period: ref.period)
            switch model.state {
            case .ets(var s): s.alpha *= 0.9; model.state = .ets(s)
            case .theta(var s): s.alpha = (s.alpha ?? 0.5) * 0.9; model.state = .theta(s)
            default: Issue.record("unexpected kind")
            }
            #expect(throws: ForecastingError.self) { try model.verify() }
        }
        var arima = try FittedModel.fit(named: "arima", ref.y, period: ref.period)
        if case .arima(var s) = arima.state {
            s.ar.append(0.1)
            arima.state = .arima(s)
        }
        #expect {
            try arima.verify()
        } throws: { error in
            "\(error)".contains("ar coefficient(s), the model stores")
        }
    }

    /// Every savable name is in the registry and its forecaster can be saved.
    @Test func savableNamesAreRegisteredForecasters() throws {
        for name in Self.names {
            #expect(try ForecasterRegistry.forecaster(named: name) is any PersistableForecaster, "\(name)")
        }
        for name in ForecasterRegistry.names where FittedModel.savableNames[name] == nil {
            #expect(!(try ForecasterRegistry.forecaster(named: name) is any PersistableForecaster), "\(name)")
        }
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// A fitted CES model kept as a value, passed through JSON and forecast from its stored starting
/// rows by one forward pass gives the forecaster's own forecast bit for bit; at statsforecast's
/// parameters the stored rows reproduce statsforecast 2.1.1's σ² and forecasts
/// (Fixtures/ces_m3.json, scripts/fixtures/ces_statsforecast.py); edited files are refused.
@Suite struct CESPersistenceTests {
    static let series = ["N0001", "N0500", "N0700", "N1500", "N2000", "N3000"]

    static func state(_ model: FittedModel) throws -> FittedModel.CESState {
        guard let s = model.state as? FittedModel.CESState else {
            throw ForecastingError(.invalidArgument, "not a CES state")
        }
        return s
    }

    /// The automatic choice and every admissible form alone, fitted, saved, read back, verified
    /// and forecast: the same forecast, summary and intervals as the forecaster.
    @Test(arguments: series)
    func everyFormForecastsFromItsSavedStateAsWhenFitted(id: String) throws {
        let ref = try CESReference.series(id)
        let forms: [CES.Seasonality?] = [nil] + CES.candidates(count: ref.y.count, period: ref.period)
        for form in forms {
            let ces = CES(seasonality: form)
            let label = "\(id) \(form?.rawValue ?? "auto")"
            let direct = try ces.forecast(ref.y, period: ref.period, horizon: 2 * ref.horizon, levels: [80, 95])
            let fitted = try FittedModel.fit(ces, ref.y, period: ref.period)
            #expect(fitted.kind == "ces" && fitted.name == "ces")
            let loaded = try PersistenceTests.roundTrip(fitted)
            #expect(loaded == fitted, "\(label): JSON changed the model")
            try loaded.verify()
            PersistenceTests.expectSame(try loaded.forecast(horizon: 2 * ref.horizon, levels: [80, 95]), direct, label)
            #expect(try loaded.forecast(horizon: 3, levels: []).fitted == direct.fitted, "\(label) fitted")
            let s = try Self.state(loaded)
            let chosen = try #require(s.seasonality)
            #expect(direct.model.name == "CES(\(chosen.rawValue))")
            #expect(s.lag == (chosen == .none ? 1 : ref.period))
            #expect(s.initialStates.count == s.lag * chosen.components && s.finalStates.count == s.initialStates.count)
            #expect(s.notes == direct.model.notes)
        }
    }

    /// The stored starting rows are those the fit's final pass ran from: at statsforecast's
    /// parameters, one forward pass from them gives statsforecast's σ² and forecasts.
    @Test(arguments: series)
    func savedRowsAtStatsforecastParametersGiveItsForecasts(id: String) throws {
        let ref = try CESReference.series(id)
        for (code, fit) in ref.candidates {
            let model = try CESModel(ref.y, period: ref.period, seasonality: fit.form, parameters: fit.cesParameters)
            let saved = FittedModel(
                name: "ces", values: ref.y, period: ref.period,
                state: FittedModel.CESState(model, notes: []))
            let loaded = try PersistenceTests.roundTrip(saved)
            try loaded.verify()
            let f = try loaded.forecast(horizon: ref.horizon, levels: [])
            #expect(isClose(f.mean, fit.mean, relative: 1e-8), "\(id) \(code) forecast")
            let sigma2 = try #require(f.model.criteria["sigma2"] ?? nil)
            #expect(abs(sigma2 - fit.sigma2) <= 1e-8 * fit.sigma2, "\(id) \(code) sigma2")
        }
    }

    /// A combination with a CES member keeps the member's state and forecasts as when fitted.
    @Test func combinationsWithACESMemberAreSaved() throws {
        let ref = try CESReference.series("N1500")
        let ensemble = try Ensemble(memberNames: ["ets", "ces"])
        var auto = AutomaticForecaster()
        auto.ensemble = try Ensemble(memberNames: ["ets", "ces", "theta"], name: "auto")
        for forecaster in [ensemble as any PersistableForecaster, auto] {
            let direct = try forecaster.forecast(ref.y, period: ref.period, horizon: 18, levels: [80, 95])
            let fitted = try FittedModel.fit(forecaster, ref.y, period: ref.period)
            let loaded = try PersistenceTests.roundTrip(fitted)
            #expect(loaded == fitted)
            guard let s = loaded.state as? FittedModel.EnsembleState else {
                Issue.record("not an ensemble")
                continue
            }
            #expect(s.members.first { $0.name == "ces" }?.state.map { type(of: $0).kind } == "ces")
            try loaded.verify()
            PersistenceTests.expectSame(try loaded.forecast(horizon: 18, levels: [80, 95]), direct, forecaster.name)
        }
    }

    @Test func aConstantSeriesIsSavedWithoutParameters() throws {
        let y = [Double](repeating: -4.25, count: 30)
        let direct = try CES().forecast(y, period: 12, horizon: 5, levels: [90])
        let loaded = try PersistenceTests.roundTrip(try FittedModel.fit(named: "ces", y, period: 12))
        #expect(try Self.state(loaded) == .constant)
        try loaded.verify()
        PersistenceTests.expectSame(try loaded.forecast(horizon: 5, levels: [90]), direct, "constant")
        var edited = loaded
        var s = try Self.state(edited)
        s.alpha0 = 1
        edited.state = s
        #expect(throws: ForecastingError.self) { try edited.verify() }
    }

    /// Each edit of a saved seasonal model, and what the refusal must say.
    static let edits: [(label: String, expected: String)] = [
        ("alpha0", "final states do not follow"),
        ("initial state", "final states do not follow"),
        ("sigma2", "sigma2 does not follow"),
        ("lag", "has lag 12, the model stores 4"),
        ("missing beta1", "has beta0 and beta1"),
        ("extra beta0", "has no beta"),
        ("short states", "the model stores 47 initial"),
        ("non-finite", "not finite"),
    ]

    @Test(arguments: edits.map(\.label))
    func editedSavedModelsAreRefused(label: String) throws {
        let ref = try CESReference.series("N1500")
        let fitted = try FittedModel.fit(CES(seasonality: .full), ref.y, period: ref.period)
        var s = try Self.state(fitted)
        switch label {
        case "alpha0": s.alpha0 = (s.alpha0 ?? 1) * 0.99
        case "initial state": s.initialStates[2] += 1  // s of the oldest row (its ℓ and c are never read)
        case "sigma2": s.sigma2 = (s.sigma2 ?? 1) * 1.01
        case "lag": s.lag = 4
        case "missing beta1": s.beta1 = nil
        case "extra beta0":
            s.seasonality = CES.Seasonality.none
            s.lag = 1
            s.beta1 = nil
        case "short states": s.initialStates.removeLast()
        case "non-finite": s.alpha1 = .infinity
        default: Issue.record("no edit \(label)")
        }
        var edited = fitted
        edited.state = s
        let expected = try #require(Self.edits.first { $0.label == label }?.expected)
        #expect { try edited.verify() } throws: { "\($0)".contains(expected) }
    }
}

import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// A fitted model kept as a value, passed through JSON and forecast from its stored parameters
/// gives the forecast of the forecaster itself, bit for bit (M3 series of the Theta fixtures,
/// scripts/fixtures/theta_m3.py: yearly, quarterly, monthly and "other" periods).
@Suite struct PersistenceTests {
    static let series = ["N0001", "N0700", "N1500", "N3000"]
    static let names = ForecasterRegistry.savableNames.sorted()

    /// A model's kind, state and values as a model file carries them.
    struct Carrier: Codable {
        var state: any FittedState
        var values: [Double]
        enum CodingKeys: String, CodingKey { case kind, parameters, values }
        init(_ model: FittedModel) {
            state = model.state
            values = model.values
        }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let kind = try c.decode(String.self, forKey: .kind)
            state = try c.decodeState(try #require(ForecasterRegistry.stateType(kind: kind)), forKey: .parameters)
            values = try c.decode([Double].self, forKey: .values)
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(type(of: state).kind, forKey: .kind)
            try c.encode(state, forKey: .parameters)
            try c.encode(values, forKey: .values)
        }
    }

    /// The model through JSON and back.
    static func roundTrip(_ model: FittedModel) throws -> FittedModel {
        let carried = try JSONDecoder().decode(Carrier.self, from: JSONEncoder().encode(Carrier(model)))
        return FittedModel(name: model.name, values: carried.values, period: model.period, state: carried.state)
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
            #expect(fitted.kind == ForecasterRegistry.stateType(named: name)?.kind)
            let loaded = try Self.roundTrip(fitted)
            #expect(loaded == fitted, "\(id) \(name): JSON changed the model")
            let checked = try loaded.verified()
            #expect(checked == loaded)
            Self.expectSame(try loaded.forecast(horizon: 9, levels: [80, 95]), direct, "\(id) \(name)")
            // The checked model forecasts from the run it kept: the same numbers.
            Self.expectSame(try checked.forecast(horizon: 9, levels: [80, 95]), direct, "\(id) \(name) checked")
            #expect(try checked.summary() == direct.model, "\(id) \(name) summary")
        }
    }

    /// A checked model keeps its run only while it is the same model: a changed state, series or
    /// name forecasts from a run of its own.
    @Test func aCheckedModelForgetsItsRunWhenChanged() throws {
        let ref = try M3Reference.load("theta", "N0700")
        let checked = try FittedModel.fit(named: "theta", ref.y, period: ref.period).verified()
        let before = try checked.forecast(horizon: 6, levels: [80])
        var edited = checked
        guard var s = edited.state as? FittedModel.ThetaState else {
            Issue.record("not a Theta state")
            return
        }
        s.alpha = (s.alpha ?? 0.5) * 0.9
        edited.state = s
        let fresh = FittedModel(name: edited.name, values: edited.values, period: edited.period, state: edited.state)
        Self.expectSame(
            try edited.forecast(horizon: 6, levels: [80]), try fresh.forecast(horizon: 6, levels: [80]), "state")
        #expect(try edited.forecast(horizon: 6, levels: [80]).mean != before.mean)
        #expect(throws: ForecastingError.self) { try edited.verify() }

        // A baseline's run is the forecaster its name gives: renamed, it must run the new one.
        let naive = try FittedModel.fit(named: "naive", ref.y, period: ref.period).verified()
        var renamed = naive
        renamed.name = "drift"
        let drift = try ForecasterRegistry.forecaster(named: "drift").forecast(
            ref.y, period: ref.period, horizon: 6, levels: [80])
        Self.expectSame(try renamed.forecast(horizon: 6, levels: [80]), drift, "renamed")
        #expect(drift.mean != (try naive.forecast(horizon: 6, levels: [80])).mean)
        var shorter = checked
        shorter.values.removeLast()
        #expect(try shorter.forecast(horizon: 6, levels: [80]).fitted?.count == ref.y.count - 1)
    }

    /// A combination is checked member by member: an edited member is refused, naming what does
    /// not follow.
    @Test func anEditedMemberOfACombinationIsRefused() throws {
        let ref = try M3Reference.load("theta", "N1500")
        var model = try FittedModel.fit(named: "auto", ref.y, period: ref.period)
        try model.verify()
        guard var s = model.state as? FittedModel.EnsembleState,
            let k = s.members.firstIndex(where: { $0.name == "theta" }),
            var member = s.members[k].state as? FittedModel.ThetaState
        else {
            Issue.record("no Theta member")
            return
        }
        member.alpha = (member.alpha ?? 0.5) * 0.9
        s.members[k].state = member
        model.state = s
        #expect { try model.verify() } throws: { "\($0)".contains("final state does not follow") }
    }

    /// `auto` fits its ARIMA member on the Box-Cox scale: the saved member keeps λ and the
    /// reference level, the model forecasts as `auto` does, and an edited λ or reference level,
    /// or the member stripped of them, is refused.
    @Test func autoKeepsItsMembersBoxCoxScale() throws {
        let ref = try M3Reference.load("theta", "N1500")
        let lambda = try #require(Guerrero.lambda(ref.y, period: ref.period))
        let direct = try ForecasterRegistry.forecaster(named: "auto").forecast(
            ref.y, period: ref.period, horizon: 18,
            levels: [80, 95])
        let loaded = try Self.roundTrip(try FittedModel.fit(named: "auto", ref.y, period: ref.period))
        guard let state = loaded.state as? FittedModel.EnsembleState else {
            Issue.record("not an ensemble")
            return
        }
        #expect(state.members.map { $0.boxCox?.lambda } == [nil, lambda, nil, nil, nil])
        #expect(state.members[1].boxCox?.untransformed == nil)
        try loaded.verify()
        Self.expectSame(try loaded.forecast(horizon: 18, levels: [80, 95]), direct, "auto on the Box-Cox scale")

        for edit in ["lambda", "scale", "stripped"] {
            var edited = state
            switch edit {
            case "lambda": edited.members[1].boxCox?.lambda = lambda + 0.01
            case "scale": edited.members[1].boxCox?.scale? *= 1.001
            default: edited.members[1].boxCox = nil
            }
            var model = loaded
            model.state = edited
            #expect(throws: (any Error).self, "\(edit)") { try model.verify() }
        }
    }

    /// A series that stays on its own scale (a value ≤ 0) keeps the reason in its saved ARIMA
    /// member, and forecasts as `auto` does.
    @Test func autoKeepsWhyASeasonalSeriesStayedOnItsScale() throws {
        var y = try M3Reference.load("theta", "N1500").y
        y[5] = 0
        let direct = try ForecasterRegistry.forecaster(named: "auto").forecast(y, period: 12, horizon: 6, levels: [80])
        let loaded = try Self.roundTrip(try FittedModel.fit(named: "auto", y, period: 12))
        guard let state = loaded.state as? FittedModel.EnsembleState else {
            Issue.record("not an ensemble")
            return
        }
        #expect(state.members.map { $0.boxCox?.untransformed } == [nil, "the series has values ≤ 0", nil, nil, nil])
        #expect(state.members[1].boxCox?.lambda == nil && state.members[1].boxCox?.scale == nil)
        Self.expectSame(try loaded.forecast(horizon: 6, levels: [80]), direct, "untransformed auto")
    }

    /// A multiplicative season has no closed-form variance: the intervals are simulated with the
    /// stored seed, and must come out the same.
    @Test func simulatedIntervalsOfAMultiplicativeSeasonAreReproduced() throws {
        let ref = try M3Reference.load("theta", "N1500")
        let ets = ETS(try ETS.Specification(code: "MAM"))
        let direct = try ets.forecast(ref.y, period: 12, horizon: 18, levels: [50, 90])
        #expect(direct.model.notes.contains { $0.contains("simulated sample paths") })
        let loaded = try Self.roundTrip(try ets.fitModel(ref.y, period: 12))
        guard let state = loaded.state as? FittedModel.ETSState else {
            Issue.record("not an ETS state")
            return
        }
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

    /// A member that cannot be fitted (Theta needs four observations) is saved with the reason,
    /// and dropped again when forecasting from the file, with the same note.
    @Test(arguments: ["auto", "ensemble"])
    func combinationsKeepEachMemberAndItsFailure(name: String) throws {
        let y = [3.0, 5.0, 4.0]
        let direct = try ForecasterRegistry.forecaster(named: name).forecast(y, period: 1, horizon: 4, levels: [80])
        let loaded = try Self.roundTrip(try FittedModel.fit(named: name, y, period: 1))
        guard let state = loaded.state as? FittedModel.EnsembleState else {
            Issue.record("not an ensemble")
            return
        }
        #expect(
            state.members.map(\.name)
                == (name == "auto" ? ["ets-aw", "arima", "theta", "stm", "ces"] : ["ets", "arima", "theta"]))
        #expect(state.members[2].state == nil && state.members[2].failure?.contains("at least 4 observations") == true)
        if name == "auto" {
            #expect(state.members[1].boxCox?.untransformed == "Guerrero's λ needs subseries of 2 values that vary")
            #expect(state.members.enumerated().allSatisfy { $0.offset == 1 || $0.element.boxCox == nil })
        } else {
            #expect(state.members.allSatisfy { $0.boxCox == nil })
        }
        #expect(direct.model.notes.contains { $0.hasPrefix("theta dropped: too-short") })
        try loaded.verify()
        Self.expectSame(try loaded.forecast(horizon: 4, levels: [80]), direct, name)
    }

    @Test func inverseMSECombinationsAndUnsavableModelsAreRefused() {
        let weighted = Ensemble(members: Ensemble.defaultMembers, combiner: .inverseMSE)
        #expect { _ = try weighted.fitModel([1, 2, 3, 4, 5, 6], period: 1) } throws: { "\($0)".contains("inverse-MSE") }
        #expect { _ = try FittedModel.fit(Unsavable(), [1, 2, 3, 4, 5, 6], period: 1) } throws: {
            "\($0)".contains("unsavable cannot be saved. Models that can be saved:")
        }
    }

    /// A forecaster whose fit cannot be kept.
    struct Unsavable: Forecaster {
        let name = "unsavable"
        func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
            try Naive().forecast(y, period: period, horizon: horizon, levels: levels)
        }
    }

    /// Parameters that do not lead to the stored final states are refused by `verify`.
    @Test func editedParametersAreRefused() throws {
        let ref = try M3Reference.load("theta", "N0700")
        for name in ["ets", "theta"] {
            var model = try FittedModel.fit(named: name, ref.y, period: ref.period)
            if var s = model.state as? FittedModel.ETSState {
                s.alpha *= 0.9
                model.state = s
            } else if var s = model.state as? FittedModel.ThetaState {
                s.alpha = (s.alpha ?? 0.5) * 0.9
                model.state = s
            } else {
                Issue.record("unexpected kind")
            }
            #expect(throws: ForecastingError.self) { try model.verify() }
        }
        var arima = try FittedModel.fit(named: "arima", ref.y, period: ref.period)
        if var s = arima.state as? FittedModel.ARIMAState {
            s.ar.append(0.1)
            arima.state = s
        }
        #expect {
            try arima.verify()
        } throws: { error in
            "\(error)".contains("ar coefficient(s), the model stores")
        }
        // An edited coefficient no longer gives the stored likelihood.
        var edited = try FittedModel.fit(
            SARIMA(.init(order: .init(p: 1, d: 1, q: 0, period: ref.period))), ref.y,
            period: ref.period)
        try edited.verify()
        if var s = edited.state as? FittedModel.ARIMAState {
            s.ar[0] *= 0.9
            edited.state = s
        }
        #expect {
            try edited.verify()
        } throws: { error in
            "\(error)".contains("log-likelihood")
        }
    }

    /// Akaike-weighted ETS: an edited weight, or an edited member, is refused.
    @Test func editedAkaikeWeightsAreRefused() throws {
        let ref = try M3Reference.load("theta", "N0700")
        let fitted = try FittedModel.fit(named: "ets-aw", ref.y, period: ref.period)
        try fitted.verify()
        guard let state = fitted.state as? FittedModel.ETSWeightedState else {
            Issue.record("not an ets-aw state")
            return
        }
        #expect(state.models.count > 1 && state.models.count == state.weights.count)
        var weights = state
        weights.weights.swapAt(0, weights.weights.count - 1)
        var model = fitted
        model.state = weights
        #expect { try model.verify() } throws: { "\($0)".contains("not the Akaike weights") }
        var member = state
        member.models[0].alpha *= 0.9
        model.state = member
        #expect { try model.verify() } throws: { "\($0)".contains("final states do not follow") }
        // The smallest weight, edited by a part in a thousand, is refused however small it is.
        var small = state
        let k = try #require(small.weights.indices.min { small.weights[$0] < small.weights[$1] })
        #expect(small.weights[k] < 1e-3)
        small.weights[k] *= 1.001
        model.state = small
        #expect { try model.verify() } throws: { "\($0)".contains("not the Akaike weights") }
        var seeds = state
        seeds.models[seeds.models.count - 1].seed += 1
        model.state = seeds
        #expect { try model.verify() } throws: { "\($0)".contains("share one seed") }
    }

    /// Every savable name is in the registry and its forecaster can be saved.
    @Test func savableNamesAreRegisteredForecasters() throws {
        for name in Self.names {
            #expect(try ForecasterRegistry.forecaster(named: name) is any PersistableForecaster, "\(name)")
        }
        for name in ForecasterRegistry.names where ForecasterRegistry.stateType(named: name) == nil {
            #expect(!(try ForecasterRegistry.forecaster(named: name) is any PersistableForecaster), "\(name)")
        }
    }
}

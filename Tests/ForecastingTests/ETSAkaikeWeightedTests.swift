import Foundation
import Testing

@testable import Forecasting

/// Akaike-weighted ETS against statsforecast's fits of every candidate form, weighted by NumPy
/// (scripts/fixtures/ets_akaike_weights.py, Fixtures/ets/ets_akaike_weights.json).
struct ETSAkaikeWeightedTests {
    struct Reference: Decodable {
        struct Form: Decodable {
            var form: String
            var aicc: Double
            var mean: [Double]
        }
        struct Series: Decodable {
            var id: String
            var period: Int
            var horizon: Int
            var y: [Double]
            var forms: [Form]
            var weights: [Double]
            var weightedMean: [Double]
        }
        var source: String
        var series: [Series]

        static let shared: Reference = {
            do {
                let url = try #require(
                    Bundle.module.url(
                        forResource: "ets_akaike_weights", withExtension: "json",
                        subdirectory: "Fixtures/ets"))
                let decoder = JSONDecoder()
                decoder.keyDecodingStrategy = .convertFromSnakeCase
                return try decoder.decode(Reference.self, from: Data(contentsOf: url))
            } catch {
                Issue.record("fixture: \(error)")
                return Reference(source: "", series: [])
            }
        }()
    }

    /// The weights and the weighted forecast of statsforecast's AICc and forecasts are NumPy's.
    @Test func weightsAndWeightedMeanMatchNumPy() {
        #expect(Reference.shared.series.count == 7)
        for s in Reference.shared.series {
            let w = ETSAkaikeWeighted.akaikeWeights(s.forms.map(\.aicc))
            #expect(isClose(w, s.weights, relative: 1e-12), "\(s.id)")
            let mean = ETSAkaikeWeighted.weightedMean(s.forms.map(\.mean), weights: w)
            #expect(isClose(mean, s.weightedMean, relative: 1e-12), "\(s.id)")
        }
    }

    /// muavu considers the same forms as the reference and fits each at least as well (AICc no
    /// worse by more than 0.5 %, at least 2 units; both are local Nelder–Mead searches, see
    /// `ETSTests.optimisedFitIsAsGood`). On the series where every form reaches statsforecast's
    /// AICc within 0.5, the weights agree to 0.05 and the first-step forecast to 2 % (multi-step
    /// damped forecasts differ by the damping sum, see `ETSTests.automaticSelection`).
    @Test func forecastsAgreeWithStatsforecastWeighted() throws {
        var compared = 0
        for s in Reference.shared.series {
            let method = ETSAkaikeWeighted()
            let fit = try method.fit(s.y, period: s.period)
            #expect(fit.models.map(\.form.code).sorted() == s.forms.map(\.form).sorted(), "\(s.id)")
            #expect(abs(fit.weights.reduce(0, +) - 1) < 1e-12)
            var agree = true
            for f in s.forms {
                let model = try #require(fit.models.first { $0.form.code == f.form })
                #expect(
                    model.aicc <= f.aicc + max(2, 0.005 * abs(f.aicc)), "\(s.id) \(f.form): \(model.aicc) vs \(f.aicc)")
                if abs(model.aicc - f.aicc) > 0.5 { agree = false }
            }
            guard agree else { continue }
            compared += 1
            for (i, f) in s.forms.enumerated() {
                let k = try #require(fit.models.firstIndex { $0.form.code == f.form })
                #expect(abs(fit.weights[k] - s.weights[i]) <= 0.05, "\(s.id) \(f.form)")
            }
            let forecast = try method.forecast(s.y, period: s.period, horizon: s.horizon, levels: [95])
            #expect(
                abs(forecast.mean[0] - s.weightedMean[0]) <= 0.02 * abs(s.weightedMean[0]),
                "\(s.id): \(forecast.mean[0]) vs \(s.weightedMean[0])")
        }
        #expect(compared >= 3, "only \(compared) series reached statsforecast's optima")
    }

    /// The intervals are the highest-weighted model's, moved by the difference of the means;
    /// the selected model is that model.
    @Test func intervalsAreTheSelectedModelsCentredOnTheWeightedMean() throws {
        let s = try #require(Reference.shared.series.first { $0.id == "N1500" })
        let weighted = try ETSAkaikeWeighted().forecast(s.y, period: s.period, horizon: s.horizon, levels: [80, 95])
        let selected = try ETS().forecast(s.y, period: s.period, horizon: s.horizon, levels: [80, 95])
        #expect(weighted.model.name.hasSuffix("highest weight \(selected.model.name))"))
        for level in [80, 95] {
            let a = try #require(weighted.interval(level: level))
            let b = try #require(selected.interval(level: level))
            for t in 0..<s.horizon {
                let shift = weighted.mean[t] - selected.mean[t]
                #expect(abs(a.lower[t] - (b.lower[t] + shift)) <= 1e-9 * abs(b.lower[t]))
                #expect(abs(a.upper[t] - (b.upper[t] + shift)) <= 1e-9 * abs(b.upper[t]))
            }
        }
        #expect(weighted.model.parameters.keys.filter { $0.hasPrefix("weight.") }.count > 1)
    }

    /// Candidates left out are said, as `ETS` says it, and a saved model keeps the note.
    @Test func leftOutCandidatesAreNoted() throws {
        let s = try #require(Reference.shared.series.first { $0.id == "N2900" })
        var y = s.y
        y[3] = -abs(y[3])
        let f = try ETSAkaikeWeighted().forecast(y, period: s.period, horizon: 3, levels: [80])
        let note = "multiplicative error and season left out: the series has zero or negative values"
        #expect(f.model.notes.contains(note))
        #expect(f.model.parameters.keys.allSatisfy { !$0.hasPrefix("weight.M") })
        let saved = try FittedModel.fit(named: "ets-aw", y, period: s.period).verified()
        #expect(try saved.forecast(horizon: 3, levels: [80]).model == f.model)
    }

    /// A constant series and a two-value series are `ETS`'s own fallbacks.
    @Test func degenerateSeriesFallBackToETS() throws {
        for y in [[5.0, 5, 5, 5, 5, 5], [3.0, 4]] {
            let a = try ETSAkaikeWeighted().forecast(y, period: 1, horizon: 3, levels: [95])
            let b = try ETS().forecast(y, period: 1, horizon: 3, levels: [95])
            #expect(a.mean == b.mean && a.model.name == b.model.name)
        }
    }
}

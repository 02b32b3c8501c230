import Foundation
import Testing

@testable import Forecasting

/// The non-stepwise search (`arima-exhaustive`) against statsforecast
/// `AutoARIMA(stepwise=False)` on yearly and quarterly M3 series
/// (scripts/fixtures/arima_exhaustive.py, Fixtures/arima/exhaustive.json).
struct ARIMAExhaustiveSearchTests {
    struct Reference: Decodable {
        struct Choice: Decodable {
            var model: String
            var aicc: Double
        }
        struct Series: Decodable {
            var id: String
            var period: Int
            var values: [Double]
            var stepwise: Choice
            var exhaustive: Choice
        }
        var source: String
        var series: [Series]

        static func load() throws -> Reference {
            let url = try #require(
                Bundle.module.url(
                    forResource: "exhaustive", withExtension: "json",
                    subdirectory: "Fixtures/arima"))
            return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        }
    }

    /// muavu's non-stepwise search chooses statsforecast's model on every series but four known
    /// ones, including the three where both engines' stepwise searches stop short of it (N0750,
    /// N0800, N0850); where the choice agrees, so does the AICc (to 0.2 %: both optimisers stop
    /// near, not at, the same optimum of seasonal MA terms); and it never ends with a worse
    /// criterion than muavu's stepwise search. The four differ where the optimisers end apart:
    /// on N0900 and N1250 muavu reaches a lower AICc than statsforecast's choice; on N1200 and
    /// N0950 muavu's maximum likelihood for statsforecast's choice reaches an MA root on the
    /// unit circle (N1200: θ₁ → −1, where statsforecast stops at −0.87), which the 1.01 rule
    /// refuses.
    @Test func choosesStatsforecastsModels() throws {
        let ref = try Reference.load()
        let exhaustive = try #require(try ForecasterRegistry.forecaster(named: "arima-exhaustive") as? AutoARIMA)
        #expect(exhaustive.name == "arima-exhaustive" && exhaustive.options.search == .exhaustive)
        let known: Set = ["N0900", "N1250", "N1200", "N0950"]
        var differences: [String] = []
        for s in ref.series {
            let fit = try exhaustive.fit(s.values, period: s.period)
            let expected = s.exhaustive.model.trimmingCharacters(in: .whitespaces)
            if fit.name == expected {
                #expect(
                    abs(fit.aicc - s.exhaustive.aicc) <= 2e-3 * abs(s.exhaustive.aicc),
                    "\(s.id): \(fit.aicc) vs \(s.exhaustive.aicc)")
            } else {
                differences.append(s.id)
                #expect(known.contains(s.id), "\(s.id): \(fit.name) \(fit.aicc) vs \(expected) \(s.exhaustive.aicc)")
                if ["N0900", "N1250"].contains(s.id) { #expect(fit.aicc < s.exhaustive.aicc, "\(s.id)") }
            }
            let stepwise = try AutoARIMA().fit(s.values, period: s.period)
            #expect(fit.aicc <= stepwise.aicc + 1e-9, "\(s.id)")
            if ["N0750", "N0800", "N0850"].contains(s.id) {
                #expect(
                    s.stepwise.model != s.exhaustive.model && fit.name == expected && stepwise.name != expected,
                    "\(s.id)")
            }
        }
        #expect(differences.count <= known.count, "\(differences)")
    }
}

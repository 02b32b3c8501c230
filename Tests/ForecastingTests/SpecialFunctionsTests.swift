import Foundation
import Testing

@testable import Forecasting

/// Incomplete beta, log-gamma, Student t and F against SciPy
/// (Fixtures/regression/special_functions.json, scripts/fixtures/regression_special_functions.py).
@Suite struct SpecialFunctionsTests {
    struct Reference: Decodable {
        struct Beta: Decodable { var a, b, x, value: Double }
        struct Gamma: Decodable { var x, value: Double }
        struct TP: Decodable { var t, df, value: Double }
        struct TQ: Decodable { var p, df, value: Double }
        struct FS: Decodable { var f, d1, d2, value: Double }
        var incomplete_beta: [Beta]
        var log_gamma: [Gamma]
        var t_two_sided_p: [TP]
        var t_quantile: [TQ]
        var f_survival: [FS]
    }

    static func reference() throws -> Reference {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
            .appendingPathComponent("regression/special_functions.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    static func relative(_ a: Double, _ b: Double) -> Double {
        a == b ? 0 : abs(a - b) / max(abs(b), 1e-300)
    }

    @Test func incompleteBeta() throws {
        for c in try Self.reference().incomplete_beta {
            let v = SpecialFunctions.regularizedIncompleteBeta(a: c.a, b: c.b, x: c.x)
            #expect(Self.relative(v, c.value) < 1e-12, "I_\(c.x)(\(c.a), \(c.b)) = \(v), SciPy \(c.value)")
        }
    }

    @Test func logGamma() throws {
        for c in try Self.reference().log_gamma {
            #expect(Self.relative(SpecialFunctions.logGamma(c.x), c.value) < 1e-14)
        }
    }

    @Test func studentTTwoSidedPValues() throws {
        for c in try Self.reference().t_two_sided_p {
            let v = StudentT.twoSidedPValue(c.t, degreesOfFreedom: c.df)
            #expect(Self.relative(v, c.value) < 1e-11, "t=\(c.t) df=\(c.df): \(v) vs \(c.value)")
        }
    }

    @Test func studentTQuantiles() throws {
        for c in try Self.reference().t_quantile {
            let v = StudentT.quantile(c.p, degreesOfFreedom: c.df)
            #expect(Self.relative(v, c.value) < 1e-11, "p=\(c.p) df=\(c.df): \(v) vs \(c.value)")
        }
    }

    @Test func fSurvival() throws {
        for c in try Self.reference().f_survival {
            let v = FDistribution.survival(c.f, d1: c.d1, d2: c.d2)
            #expect(Self.relative(v, c.value) < 1e-11, "F=\(c.f) (\(c.d1), \(c.d2)): \(v) vs \(c.value)")
        }
    }

    @Test func edges() {
        #expect(StudentT.twoSidedPValue(0, degreesOfFreedom: 5) == 1)
        #expect(StudentT.twoSidedPValue(.infinity, degreesOfFreedom: 5) == 0)
        #expect(FDistribution.survival(0, d1: 2, d2: 3) == 1)
        #expect(SpecialFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: 0) == 0)
        #expect(SpecialFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: 1) == 1)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 7) == 0)
    }
}

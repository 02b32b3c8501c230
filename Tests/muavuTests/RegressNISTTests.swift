import Foundation
import Testing

/// `muavu regress` end to end on NIST's StRD linear least-squares problems: every estimate and
/// standard error agrees with the certified value to LRE ≥ 7 digits (Wampler5 ≥ 5.5), and so do
/// the residual SD and R² (Fixtures/nist, scripts/fixtures/regression_nist.py).
@Suite struct RegressNISTTests {
    struct Problem: Decodable {
        var formula: String
        var n: Int
        var estimates: [Double]
        var standard_deviations: [Double]
        var residual_sd: Double
        var r_squared: Double
        var f_statistic: Double?
    }
    struct Certified: Decodable { var problems: [String: Problem] }

    struct Document: Decodable {
        struct Coefficient: Decodable {
            var term: String
            var estimate: Double?
            var std_error: Double?
        }
        struct F: Decodable { var value: Double? }
        var schema: String
        var n: Int
        var coefficients: [Coefficient]
        var sigma: Double?
        var r_squared: Double?
        var f_statistic: F?
    }

    /// NIST's log relative error: −log₁₀(|q − c|/|c|), −log₁₀|q| when c = 0, capped at 15.
    static func lre(_ q: Double?, _ c: Double) -> Double {
        guard let q else { return 0 }
        if q == c { return 15 }
        return min(15, -log10(c == 0 ? abs(q) : abs(q - c) / abs(c)))
    }

    static let names = [
        "Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
        "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5",
    ]

    @Test(arguments: names)
    func certifiedValues(_ name: String) throws {
        let certifiedURL = URL(fileURLWithPath: CLIRunner.fixture("nist/certified.json"))
        let problem = try #require(
            try JSONDecoder().decode(Certified.self, from: Data(contentsOf: certifiedURL))
                .problems[name])
        let r = try CLIRunner.run([
            "regress", "--data", CLIRunner.fixture("nist/\(name).csv"),
            "--formula", problem.formula,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONDecoder().decode(Document.self, from: Data(r.stdout.utf8))
        #expect(doc.schema == "muavu.regression/v1")
        #expect(doc.n == problem.n)
        #expect(doc.coefficients.count == problem.estimates.count)
        let minimum = name == "Wampler5" ? 5.5 : 7
        for (j, c) in doc.coefficients.enumerated() {
            let b = Self.lre(c.estimate, problem.estimates[j])
            let s = Self.lre(c.std_error, problem.standard_deviations[j])
            #expect(b >= minimum, "\(name) \(c.term) estimate \(String(describing: c.estimate)): LRE \(b)")
            #expect(s >= minimum, "\(name) \(c.term) std_error \(String(describing: c.std_error)): LRE \(s)")
        }
        #expect(
            Self.lre(doc.sigma, problem.residual_sd) >= minimum, "\(name) residual SD \(String(describing: doc.sigma))")
        #expect(
            Self.lre(doc.r_squared, problem.r_squared) >= minimum, "\(name) R² \(String(describing: doc.r_squared))")
        if let f = problem.f_statistic {
            #expect(Self.lre(doc.f_statistic?.value, f) >= 6, "\(name) F")
        }
    }

    @Test func filipTermsAreNamedAndThePolynomialIsRaw() throws {
        let r = try CLIRunner.run([
            "regress", "--data", CLIRunner.fixture("nist/Filip.csv"),
            "--formula", "y ~ poly(x, 10)",
        ])
        let doc = try JSONDecoder().decode(Document.self, from: Data(r.stdout.utf8))
        #expect(doc.coefficients.map(\.term) == ["(Intercept)"] + (1...10).map { "poly(x, 10)\($0)" })
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let args = [
            "regress", "--data", CLIRunner.fixture("nist/Longley.csv"),
            "--formula", "y ~ x1 + x2 + x3 + x4 + x5 + x6",
        ]
        let a = try CLIRunner.run(args)
        let b = try CLIRunner.run(args)
        #expect(a.status == 0 && a.stdout == b.stdout)
    }

    @Test func schemaIsPrinted() throws {
        let r = try CLIRunner.run(["schema", "regression"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["title"] as? String == "muavu.regression/v1")
    }
}

import Foundation
import Testing

/// `muavu regress` with categorical terms end to end, on GSO paddy yields of seven Mekong provinces
/// (Fixtures/regress-categorical, written by scripts/fixtures/regression_categorical_statsmodels.py).
@Suite struct RegressCategoricalTests {
    struct Document: Decodable {
        struct Coefficient: Decodable {
            var term: String
            var estimate: Double?
        }
        var n: Int
        var coefficients: [Coefficient]
    }

    static let data = CLIRunner.fixture("regress-categorical/mekong_yield.csv")

    /// Writes `text` to a fresh file and returns its path.
    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-cat-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func provinceFixedEffectsWithASharedTrend() throws {
        let r = try CLIRunner.run(["regress", "--data", Self.data, "--formula", "yield ~ C(province) * year"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONDecoder().decode(Document.self, from: Data(r.stdout.utf8))
        #expect(doc.n == 91)
        let terms = doc.coefficients.map(\.term)
        #expect(terms.count == 14)
        #expect(terms.prefix(3) == ["(Intercept)", "C(province)[T.Bac Lieu]", "C(province)[T.Ben Tre]"])
        #expect(terms.contains("C(province)[T.Long An]:year") && terms[7] == "year")
    }

    @Test func predictsAtAProvince() throws {
        let new = try Self.file("province,year\nLong An,2017\n")
        defer { try? FileManager.default.removeItem(atPath: new) }
        let r = try CLIRunner.run([
            "regress", "--data", Self.data, "--formula", "yield ~ C(province) + year", "--predict", new,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"predictions\""))
        let unknown = try Self.file("province,year\nCa Mau,2017\n")
        defer { try? FileManager.default.removeItem(atPath: unknown) }
        let bad = try CLIRunner.run([
            "regress", "--data", Self.data, "--formula", "yield ~ C(province) + year", "--predict", unknown,
        ])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains(":2:1") && bad.stderr.contains("'Ca Mau'"), "\(bad.stderr)")
    }

    /// A text cell in a column used as a number is still refused at its line and column.
    @Test func textInANumericColumnIsRefused() throws {
        let path = try Self.file("province,year,yield\nAn Giang,2004,57.5\nLong An,2005,n/a\nAn Giang,2006,58.1\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLIRunner.run(["regress", "--data", path, "--formula", "yield ~ C(province) + year"])
        #expect(r.status == 65)
        #expect(r.stderr.contains(":3:3") && r.stderr.contains("yield"), "\(r.stderr)")
        let asNumber = try CLIRunner.run(["regress", "--data", path, "--formula", "year ~ province"])
        #expect(asNumber.status == 65)
        #expect(asNumber.stderr.contains(":2:1"), "\(asNumber.stderr)")
    }

    @Test func unknownReferenceLevelNamesTheFileAndColumn() throws {
        let r = try CLIRunner.run([
            "regress", "--data", Self.data, "--formula", "yield ~ C(province, Treatment(reference=\"nope\")) + year",
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("mekong_yield.csv:1:1") && r.stderr.contains("'nope'"), "\(r.stderr)")
        #expect(r.stderr.contains("An Giang, Bac Lieu"), "\(r.stderr)")
    }

    /// A level whose only row lacks the response is a zero column: rank-deficient, exit 65.
    @Test func levelWithoutFittedRowsIsRankDeficient() throws {
        let path = try Self.file("g,x,y\na,1,1\nb,2,2\na,3,2\nb,4,5\nc,5,NA\na,6,4\nb,7,8\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CLIRunner.run(["regress", "--data", path, "--formula", "y ~ C(g) + x"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("rank-deficient") && r.stderr.contains("C(g)[T.c]"), "\(r.stderr)")
    }

    @Test(arguments: ["yield ~ C(", "yield ~ C()", "yield ~ province::year"])
    func malformedFormulasAreUsageErrors(_ formula: String) throws {
        let r = try CLIRunner.run(["regress", "--data", Self.data, "--formula", formula])
        #expect(r.status == 64)
        #expect(r.stderr.contains("bad-formula") && r.stderr.contains("at position"), "\(r.stderr)")
    }
}

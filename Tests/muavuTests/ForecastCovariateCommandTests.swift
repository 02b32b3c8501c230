import Foundation
import Testing

/// `muavu forecast --covariates` end to end: regression with ARIMA errors of the Đồng Tháp rice
/// price on the export price one month earlier, against statsmodels SARIMAX
/// (Fixtures/covariates, from scripts/fixtures/dynamic_regression_dong_thap.py), and the errors
/// for covariates that are unknown, missing over the horizon or not overlapping the target.
@Suite struct ForecastCovariateCommandTests {
    static let target = CLIRunner.fixture("covariates/dong-thap.csv")
    static let export = CLIRunner.fixture("covariates/export.csv")
    static let future = CLIRunner.fixture("covariates/future.csv")
    static let epoch = ["SOURCE_DATE_EPOCH": "1764374400"]

    struct Reference: Decodable {
        struct Case: Decodable {
            var params: [String: Double]
            var sigma2: Double
            var loglik: Double
            var aicc: Double
            var mean: [Double]
            var lower95: [Double]
            var upper95: [Double]
        }
        var first: String
        var horizon_dates: [String]
        var y: [Double]
        var cases: [String: Case]
    }

    static func reference() throws -> Reference {
        try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("covariates/reference.json")))
        )
    }

    static func close(_ a: Any?, _ b: Double, _ tolerance: Double) -> Bool {
        guard let a = a as? Double else { return false }
        return abs(a - b) <= tolerance * abs(b)
    }

    /// The regression of the fixture: `order` for arima-fixed, lag 1, the future export prices.
    static func arguments(
        order: String, horizon: Int = 6, future: String? = Self.future,
        covariates: String = "wb-rice-vnm-5@lag1"
    ) -> [String] {
        var a = [
            "forecast", "--data", target, "--covariate-data", export, "--covariates", covariates,
            "--model", "arima-fixed", "--order", order, "--on-missing", "skip", "--horizon", "\(horizon)",
            "--level", "95", "--intervals", "model",
        ]
        if let future { a += ["--future", future] }
        return a
    }

    /// The same regression for a model without orders (`regression`, `arima`, `arima-exhaustive`).
    static func arguments(model: String) throws -> [String] {
        var args = arguments(order: "0,0,0")
        args[try #require(args.firstIndex(of: "arima-fixed"))] = model
        let order = try #require(args.firstIndex(of: "--order"))
        args.removeSubrange(order...(order + 1))
        return args
    }

    /// (order, fixture case, muavu's name of the constant and statsmodels' names of constant and slope).
    static let cases: [(String, String, String, String, String)] = [
        ("1,0,0", "ar1_mean", "intercept", "const", "x1"),
        ("0,1,1", "ma1_drift", "drift", "x1", "x2"),
    ]

    @Test(arguments: [0, 1])
    func realDataMatchesStatsmodels(_ index: Int) throws {
        let (order, name, constant, smConstant, smSlope) = Self.cases[index]
        let ref = try Self.reference()
        let c = try #require(ref.cases[name])
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("f.json").path
        let r = try CLIRunner.run(Self.arguments(order: order) + ["--output", out], environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try DocumentCheck.json(out)
        let series = try #require((doc["series"] as? [[String: Any]])?.first)
        #expect(series["id"] as? String == "wfp-rice-wholesale-dong-thap")
        #expect(series["observations"] as? Int == ref.y.count)
        let model = try #require(series["model"] as? [String: Any])
        let parameters = try #require(model["parameters"] as? [String: Any])
        let criteria = try #require(model["criteria"] as? [String: Any])
        #expect(Self.close(criteria["loglik"], c.loglik, 1e-6), "\(criteria["loglik"] ?? "nil") vs \(c.loglik)")
        #expect(Self.close(criteria["aicc"], c.aicc, 1e-6))
        #expect(Self.close(criteria["sigma2"], c.sigma2, 1e-3))
        #expect(Self.close(parameters[constant], try #require(c.params[smConstant]), 1e-3))
        let slope = try #require(c.params[smSlope])
        let covariates = try #require(series["covariates"] as? [[String: Any]])
        #expect(covariates.count == 1)
        #expect(covariates.first?["series"] as? String == "wb-rice-vnm-5")
        #expect(covariates.first?["lag"] as? Int == 1)
        #expect(covariates.first?["term"] as? String == "wb-rice-vnm-5@lag1")
        #expect(
            Self.close(covariates.first?["coefficient"], slope, 1e-3),
            "\(covariates.first?["coefficient"] ?? "nil") vs \(slope)")
        #expect((model["notes"] as? [String])?.contains { $0.contains("fitted from \(ref.first)") } == true)
        let points = try #require(series["points"] as? [[String: Any]])
        #expect(points.map { $0["date"] as? String } == ref.horizon_dates)
        for (h, p) in points.enumerated() {
            #expect(Self.close(p["mean"], c.mean[h], 1e-4), "h=\(h + 1): \(p["mean"] ?? "nil") vs \(c.mean[h])")
            #expect(Self.close((p["lower"] as? [String: Any])?["95"], c.lower95[h], 1e-4))
            #expect(Self.close((p["upper"] as? [String: Any])?["95"], c.upper95[h], 1e-4))
        }
        #expect(try DocumentCheck.schemaViolation(kind: "forecast", document: out) == nil)
    }

    /// `--model regression`: least squares on a mean and the covariates, with its prediction intervals
    /// (statsmodels OLS, Fixtures/covariates/ols.json).
    @Test func regressionOnCovariatesIsLeastSquares() throws {
        struct OLS: Decodable {
            var intercept, slope, sigma2: Double
            var mean, lower95, upper95: [Double]
        }
        let ols = try JSONDecoder().decode(
            OLS.self, from: Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("covariates/ols.json"))))
        let r = try CLIRunner.run(try Self.arguments(model: "regression"), environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let series = try #require((doc?["series"] as? [[String: Any]])?.first)
        let model = try #require(series["model"] as? [String: Any])
        #expect(model["family"] as? String == "regression")
        let parameters = try #require(model["parameters"] as? [String: Any])
        #expect(Self.close(parameters["intercept"], ols.intercept, 1e-6), "\(parameters)")
        let covariates = try #require(series["covariates"] as? [[String: Any]])
        #expect(Self.close(covariates.first?["coefficient"], ols.slope, 1e-6))
        let points = try #require(series["points"] as? [[String: Any]])
        let criteria = try #require(model["criteria"] as? [String: Any])
        #expect(Self.close(criteria["sigma2"], ols.sigma2, 1e-6))
        for (h, p) in points.enumerated() {
            #expect(Self.close(p["mean"], ols.mean[h], 1e-6), "h=\(h + 1)")
            #expect(Self.close((p["lower"] as? [String: Any])?["95"], ols.lower95[h], 1e-6), "h=\(h + 1)")
            #expect(Self.close((p["upper"] as? [String: Any])?["95"], ols.upper95[h], 1e-6), "h=\(h + 1)")
        }
        let usage = try CLIRunner.run([
            "forecast", "--data", Self.target, "--covariates", "wb-rice-vnm-5", "--model", "ets",
            "--horizon", "2",
        ])
        #expect(
            usage.status == 64 && usage.stderr.contains("--model regression, arima, arima-exhaustive or arima-fixed"),
            "\(usage.stderr)")
    }

    /// `arima-exhaustive` with covariates: the search of every order combination over the same
    /// regression ends with a criterion no worse than the stepwise `arima`'s, and says what it
    /// regressed on.
    @Test func exhaustiveSearchWithCovariates() throws {
        var criteria: [String: Double] = [:]
        for name in ["arima", "arima-exhaustive"] {
            let r = try CLIRunner.run(try Self.arguments(model: name), environment: Self.epoch)
            #expect(r.status == 0, "\(r.stderr)")
            let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            let series = try #require((doc?["series"] as? [[String: Any]])?.first)
            let model = try #require(series["model"] as? [String: Any])
            #expect(model["family"] as? String == name)
            let notes = try #require(model["notes"] as? [String])
            #expect(notes.contains { $0.contains("xreg1 = wb-rice-vnm-5@lag1") }, "\(notes)")
            #expect(
                notes.contains { $0.contains(name == "arima" ? "stepwise search" : "exhaustive search") }, "\(notes)")
            criteria[name] = try #require((model["criteria"] as? [String: Any])?["aicc"] as? Double)
        }
        let exhaustive = try #require(criteria["arima-exhaustive"])
        let stepwise = try #require(criteria["arima"])
        #expect(exhaustive <= stepwise + 1e-9)
    }

    /// Covariates in the data file itself: they are inputs, not forecast, and give the same fit.
    @Test func covariatesFromTheDataFile() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let both = dir.appendingPathComponent("both.csv").path
        let a = try String(contentsOfFile: Self.target, encoding: .utf8)
        let b = try String(contentsOfFile: Self.export, encoding: .utf8)
        try (a + b.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n").write(
            toFile: both, atomically: true, encoding: .utf8)
        let separate = try CLIRunner.run(Self.arguments(order: "1,0,0"), environment: Self.epoch)
        var args = Self.arguments(order: "1,0,0")
        args[2] = both
        args.removeSubrange(3...4)  // --covariate-data FILE
        let together = try CLIRunner.run(args, environment: Self.epoch)
        #expect(together.status == 0, "\(together.stderr)")
        func means(_ stdout: String) throws -> [[Double?]] {
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
            let series = try #require(doc["series"] as? [[String: Any]])
            return series.map { (($0["points"] as? [[String: Any]]) ?? []).map { $0["mean"] as? Double } }
        }
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(together.stdout.utf8)) as? [String: Any])
        #expect((doc["series"] as? [[String: Any]])?.map { $0["id"] as? String } == ["wfp-rice-wholesale-dong-thap"])
        #expect(try means(together.stdout) == means(separate.stdout))
        #expect(try means(together.stdout).first?.count == 6)
    }

    /// A lag of K covers forecast steps 1...K from the covariate's own history.
    @Test func lagCoversTheFirstSteps() throws {
        let one = try CLIRunner.run(Self.arguments(order: "1,0,0", horizon: 1, future: nil), environment: Self.epoch)
        #expect(one.status == 0, "\(one.stderr)")
        let two = try CLIRunner.run(Self.arguments(order: "1,0,0", horizon: 2, future: nil), environment: Self.epoch)
        #expect(two.status == 65)
        #expect(
            two.stderr.contains("wb-rice-vnm-5") && two.stderr.contains("2018-04") && two.stderr.contains("--future"),
            "\(two.stderr)")
        #expect(two.stdout.isEmpty)
    }

    @Test func futureValuesMissingForTheHorizon() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let short = dir.appendingPathComponent("future.csv").path
        let lines = try String(contentsOfFile: Self.future, encoding: .utf8).split(separator: "\n")
        try (lines.dropLast(2).joined(separator: "\n") + "\n").write(toFile: short, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("f.json").path
        let r = try CLIRunner.run(
            Self.arguments(order: "1,0,0", future: short) + ["--output", out], environment: Self.epoch)
        #expect(r.status == 65)
        // The export price of 2018-07 and 2018-08 is missing: steps 5 and 6 (2018-08, 2018-09) need it.
        #expect(r.stderr.contains("'wb-rice-vnm-5' has no value for 2018-07 – 2018-08"), "\(r.stderr)")
        #expect(r.stderr.contains("step(s) 5, 6"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func unknownCovariate() throws {
        let r = try CLIRunner.run(
            Self.arguments(order: "1,0,0", covariates: "wb-rice-vnm-9@lag1"), environment: Self.epoch)
        #expect(r.status == 65)
        #expect(
            r.stderr.contains("no covariate series 'wb-rice-vnm-9'") && r.stderr.contains("wb-rice-vnm-5"),
            "\(r.stderr)")
    }

    @Test func targetAndCovariateDoNotOverlap() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data.csv").path
        var rows = ["series_id,date,value"]
        for m in 1...24 {
            rows.append("price,\(2020 + (m - 1) / 12)-\(String(format: "%02d", (m - 1) % 12 + 1)),\(100 + m % 5)")
        }
        for m in 1...24 {
            rows.append("driver,\(2010 + (m - 1) / 12)-\(String(format: "%02d", (m - 1) % 12 + 1)),\(m)")
        }
        try (rows.joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run([
            "forecast", "--data", data, "--covariates", "driver@lag2", "--model", "arima-fixed",
            "--horizon", "2",
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("'price' (2020-01 – 2021-12) and its covariates do not overlap"), "\(r.stderr)")
        #expect(r.stderr.contains("'driver@lag2' has values for none of them"), "\(r.stderr)")
    }

    @Test(arguments: [
        ["--covariates", "wb-rice-vnm-5@lagx"],
        ["--covariates", "wb-rice-vnm-5@lag-1"],
        ["--covariates", "wb-rice-vnm-5", "--model", "ets"],
        ["--future", "future.csv"],
        ["--covariate-data", "export.csv"],
        ["--order", "1,0", "--model", "arima-fixed"],
        ["--order", "1,0,0", "--model", "arima"],
    ])
    func usageErrors(_ extra: [String]) throws {
        let r = try CLIRunner.run(["forecast", "--data", Self.target, "--horizon", "2"] + extra)
        #expect(r.status == 64, "\(extra): \(r.stderr)")
    }
}

import Foundation
import Testing

/// Issue 12 §3: inputs that used to give a wrong answer with exit 0. Each case now gives its
/// documented outcome; the fixtures are constructed (Fixtures/hostile-README.md), so every
/// expected line, date and number is known by construction.
@Suite struct SilentResultTests {
    static func fixture(_ name: String) -> String { CLIRunner.fixture(name) }

    /// The forecast document on stdout, as JSON.
    static func document(_ r: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    static func errors(_ doc: [String: Any]) -> [[String: Any]] { doc["errors"] as? [[String: Any]] ?? [] }
    static func series(_ doc: [String: Any]) -> [[String: Any]] { doc["series"] as? [[String: Any]] ?? [] }

    // MARK: Off-grid dates

    /// One date of a weekly series moved by a day: one error naming that row (line 42, the date
    /// column) and the grid, whatever the missing-value policy (it used to become a daily series
    /// of 1 or 554 values, or 78 "no row" errors).
    @Test(arguments: ["fail", "skip", "interpolate"])
    func offGridWeeklyDateIsOneErrorNamingTheRowAndTheGrid(_ policy: String) throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-offgrid-weekly.csv"), "--horizon", "3",
            "--on-missing", policy,
        ])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("hostile-offgrid-weekly.csv:42:2:"), "\(r.stderr)")
        #expect(r.stderr.contains("2020-10-13"))
        #expect(r.stderr.contains("weekly from 2020-01-06, every 7 days"))
        #expect(!r.stderr.contains("no row for"))
        #expect(!r.stderr.contains("more problem"), "one error only: \(r.stderr)")
    }

    // MARK: One observation

    /// Every model refuses a single observation as too short (a per-series error; the bounds
    /// used to equal the mean).
    @Test(arguments: ["naive", "snaive", "drift", "mean", "naive2", "theta", "arima", "ces", "ensemble", "auto", "ets"])
    func oneObservationIsRefusedAsTooShort(_ model: String) throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-one-observation.csv"), "--horizon", "2",
            "--model", model,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.document(r)
        #expect(Self.series(doc).isEmpty)
        let message = Self.errors(doc).first?["message"] as? String ?? ""
        #expect(message.hasPrefix("too-short:"), "\(message)")
        #expect(message.contains("got 1"), "\(message)")
    }

    /// Theta and CES check their minimum length (4 and 5) before looking for a constant series,
    /// so 3 constant observations are refused like 3 others; drift needs 3, naive 2.
    @Test(arguments: [
        ("theta", "at least 4 observations, got 3"), ("ces", "CES(N) needs at least 5 observations, got 3"),
    ])
    func thetaAndCESRefuseAShortConstantSeries(_ model: String, _ expected: String) throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-constant-3.csv"), "--horizon", "2",
            "--model", model,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let message = Self.errors(try Self.document(r)).first?["message"] as? String ?? ""
        #expect(message.hasPrefix("too-short:") && message.contains(expected), "\(message)")
    }

    /// Seasonal naïve on less than one season has no residual either (its intervals used to have
    /// zero width, with a note): refused as too short.
    @Test func seasonalNaiveOnLessThanOneSeasonIsTooShort() throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-short-season.csv"), "--horizon", "2",
            "--model", "snaive",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let message = Self.errors(try Self.document(r)).first?["message"] as? String ?? ""
        #expect(
            message.hasPrefix("too-short:") && message.contains("more than one season (12)")
                && message.contains("got 6"),
            "\(message)")
    }

    /// A benchmark series with one training value is a failure with the reason, not a 0%
    /// coverage in the row: the row counts the other series only.
    @Test func benchmarkWithOneTrainingValueReportsTooShort() throws {
        let r = try CLIRunner.run([
            "benchmark", "--data", Self.fixture("hostile-bench-one-train.csv"), "--models", "naive",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.document(r)
        let failure = Self.errors(doc).first { ($0["id"] as? String) == "a" && ($0["model"] as? String) == "naive" }
        #expect((failure?["message"] as? String)?.hasPrefix("too-short:") == true, "\(Self.errors(doc))")
        let results = doc["results"] as? [[String: Any]] ?? []
        let all = try #require(
            results.first { ($0["model"] as? String) == "naive" && ($0["subset"] as? String) == "all" })
        #expect(all["series"] as? Int == 1)
        #expect(all["failures"] as? Int == 1)
    }

    // MARK: Regression

    /// y = 1e307 + 5e306·x: the standard errors overflow, so t and p are null as well (they
    /// used to be 0 and 1), a note says why, and the document still conforms to its schema.
    @Test func regressionStatisticsThatCannotBeComputedAreNull() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("fit.json").path
        let r = try CLIRunner.run([
            "regress", "--data", Self.fixture("hostile-regress-overflow.csv"), "--formula", "y ~ x",
            "--output", out,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try DocumentCheck.json(out)
        let coefficients = try #require(doc["coefficients"] as? [[String: Any]])
        #expect(coefficients.count == 2)
        for c in coefficients {
            #expect(c["std_error"] is NSNull)
            #expect(c["t"] is NSNull, "\(c)")
            #expect(c["p"] is NSNull, "\(c)")
        }
        let notes = doc["notes"] as? [String] ?? []
        #expect(notes.contains { $0.hasPrefix("std_error, t and p are null for (Intercept), x") }, "\(notes)")
        #expect(try DocumentCheck.schemaViolation(kind: "regression", document: out) == nil)
    }

    // MARK: Covariates

    /// A --future value for a period the covariate already has (x at 2004-12: 53 observed, 999
    /// given) is refused, naming the series, the period and both values (it used to be dropped).
    @Test func futureValueForAnObservedPeriodIsRefused() throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-covariate-data.csv"), "--series", "y",
            "--covariates", "x", "--future", Self.fixture("hostile-future-conflict.csv"),
            "--horizon", "2", "--model", "regression",
        ])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("hostile-future-conflict.csv"), "\(r.stderr)")
        #expect(r.stderr.contains("'x' at 2004-12 (999)") && r.stderr.contains("observed value 53"), "\(r.stderr)")
    }

    /// A --future value dated before the covariate's last observation, where the data has no
    /// value (2001-12, before x starts), is refused rather than used as a past value.
    @Test func futureValueBeforeTheObservationsIsRefused() throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-covariate-data.csv"), "--series", "y",
            "--covariates", "x", "--future", Self.fixture("hostile-future-past.csv"),
            "--horizon", "2", "--model", "regression",
        ])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("'x' at 2001-12 is not after its last observation (2004-12"), "\(r.stderr)")
    }

    // MARK: Overflow in benchmark totals

    /// Values near 1.8e308 make one series unscorable: it is a failure with the reason, the run
    /// succeeds, and the other series is scored: sMAPE (200·1/31 + 200·2/32)/2 for naive.
    @Test func benchmarkSeriesWhoseScoresOverflowIsAFailureNotACrash() throws {
        let r = try CLIRunner.run([
            "benchmark", "--data", Self.fixture("hostile-bench-overflow.csv"), "--models", "naive",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.document(r)
        let failure = Self.errors(doc).first { ($0["id"] as? String) == "big" && ($0["model"] as? String) == "naive" }
        #expect((failure?["message"] as? String)?.contains("overflows") == true, "\(Self.errors(doc))")
        let results = doc["results"] as? [[String: Any]] ?? []
        let row = try #require(
            results.first { ($0["model"] as? String) == "naive" && ($0["subset"] as? String) == "all" })
        #expect(row["series"] as? Int == 1)
        let expected = (200.0 * 1 / 31 + 200.0 * 2 / 32) / 2
        let smape = try #require(row["smape"] as? Double)
        #expect(abs(smape - expected) <= 1e-12 * expected)
    }
}

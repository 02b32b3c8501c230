import Foundation
import Testing

/// `muavu backtest --covariates` end to end: at each origin the regression with ARIMA(1,0,0)
/// errors on the export price a month earlier is refitted and given the actual export prices of
/// the window; its window errors against statsmodels SARIMAX refitted the same way
/// (Fixtures/covariates/reference.json, "backtest", from scripts/fixtures/dynamic_regression_dong_thap.py).
@Suite struct BacktestCovariateCommandTests {
    struct Reference: Decodable {
        struct Window: Decodable {
            var origin: Int
            var start: String
            var mae: Double
            var rmse: Double
        }
        struct Backtest: Decodable { var windows: [Window] }
        var y: [Double]
        var backtest: Backtest
    }

    @Test func windowErrorsMatchStatsmodels() throws {
        let ref = try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("covariates/reference.json")))
        )
        let r = try CLIRunner.run(
            [
                "backtest", "--data", CLIRunner.fixture("covariates/dong-thap.csv"),
                "--covariate-data", CLIRunner.fixture("covariates/export.csv"),
                "--covariates", "wb-rice-vnm-5@lag1", "--models", "naive,arima-fixed", "--order", "1,0,0",
                "--on-missing", "skip", "--horizon", "3", "--windows", "2", "--step", "3",
            ],
            environment: ["SOURCE_DATE_EPOCH": "1764374400"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let series = try #require((doc["series"] as? [[String: Any]])?.first)
        // Every model is scored on the months with a lagged export price (from 2009-05).
        #expect(series["observations"] as? Int == ref.y.count)
        let results = try #require(series["results"] as? [[String: Any]])
        let arima = try #require(results.first { $0["model"] as? String == "arima-fixed" })
        let windows = try #require(arima["windows"] as? [[String: Any]])
        #expect(windows.count == ref.backtest.windows.count)
        for (w, e) in zip(windows, ref.backtest.windows) {
            #expect(w["origin"] as? Int == e.origin)
            #expect(w["start"] as? String == e.start)
            let m = try #require(w["measures"] as? [String: Any])
            // Forecasts of about 8,000 VND/kg that agree to 1e-4 give errors that agree to about 1 VND/kg.
            #expect(abs((m["mae"] as? Double ?? .nan) - e.mae) < 1, "\(m["mae"] ?? "nil") vs \(e.mae)")
            #expect(abs((m["rmse"] as? Double ?? .nan) - e.rmse) < 1, "\(m["rmse"] ?? "nil") vs \(e.rmse)")
        }
    }

    @Test(arguments: [
        ["--covariates", "wb-rice-vnm-5", "--models", "naive,ets"],
        ["--covariate-data", "export.csv", "--models", "arima"],
        ["--order", "1,0,0", "--models", "arima"],
    ])
    func usageErrors(_ extra: [String]) throws {
        let r = try CLIRunner.run(
            [
                "backtest", "--data", CLIRunner.fixture("covariates/dong-thap.csv"), "--horizon", "3",
                "--windows", "2",
            ] + extra)
        #expect(r.status == 64, "\(extra): \(r.stderr)")
    }
}

import Foundation
import Testing

/// `muavu forecast --on-missing skip|interpolate|fail` and the column renames, end to end.
/// The series 1, –, 3, 4, 5 (one month missing) under `mean`: filled linearly it is 1…5 (mean 3,
/// as pandas `Series.interpolate()` gives); its longest complete run is 3, 4, 5 (mean 4).
@Suite struct ForecastOnMissingTests {
    static let csv = """
        market,month,price
        tam-nong,2020-01,1
        tam-nong,2020-03,3
        tam-nong,2020-04,4
        tam-nong,2020-05,5
        """

    static func withData<T>(_ body: (String) throws -> T) throws -> T {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("gaps.csv").path
        try Data((csv + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    static func forecast(_ data: String, _ extra: [String]) throws -> CLIResult {
        try CLIRunner.run(
            [
                "forecast", "--data", data, "--horizon", "2", "--model", "mean", "--level", "80",
                "--id-column", "market", "--date-column", "month", "--value-column", "price",
            ] + extra,
            environment: ["SOURCE_DATE_EPOCH": "1764374400"])
    }

    static func means(_ result: CLIResult) throws -> [Double] {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let series = try #require((doc["series"] as? [[String: Any]])?.first)
        #expect(series["id"] as? String == "tam-nong")
        let points = try #require(series["points"] as? [[String: Any]])
        #expect(points.first?["date"] as? String == "2020-06")
        return points.compactMap { $0["mean"] as? Double }
    }

    @Test(arguments: [("interpolate", 3.0), ("skip", 4.0)])
    func missingMonthsAreFilledOrSkipped(policy: String, mean: Double) throws {
        let r = try Self.withData { try Self.forecast($0, ["--on-missing", policy]) }
        #expect(r.status == 0, "\(r.stderr)")
        let means = try Self.means(r)
        #expect(means.count == 2)
        for m in means { #expect(abs(m - mean) < 1e-12) }
    }

    @Test func failIsTheDefaultAndNamesTheGap() throws {
        for extra in [[], ["--on-missing", "fail"]] {
            let r = try Self.withData { try Self.forecast($0, extra) }
            #expect(r.status == 65, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("gaps.csv"))
        }
    }

    @Test func unknownPolicyIsAUsageError() throws {
        let r = try Self.withData { try Self.forecast($0, ["--on-missing", "guess"]) }
        #expect(r.status == 64)
        #expect(r.stderr.contains("--on-missing must be fail, skip or interpolate"))
    }

    @Test func defaultColumnNamesDoNotFitARenamedFile() throws {
        let r = try Self.withData { data in
            try CLIRunner.run([
                "forecast", "--data", data, "--horizon", "1", "--model", "mean", "--on-missing", "interpolate",
            ])
        }
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("series_id"))
    }
}

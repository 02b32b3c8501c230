import Foundation
import Testing

/// `muavu regress --predict FILE`: means from the coefficients, standard errors from the
/// covariance in the same document, and Student t intervals with SciPy's quantiles
/// (scipy.stats.t.ppf(0.975, 34) = 2.0322445093177186, t.ppf(0.9, 34) = 1.30695158712643).
@Suite struct RegressPredictTests {
    @Test func predictionsOnNorris() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-predict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let newFile = dir.appendingPathComponent("new.csv")
        try "x,note\n0,a\n500,b\n1000,c\n".write(to: newFile, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run([
            "regress", "--data", CLIRunner.fixture("nist/Norris.csv"), "--formula", "y ~ x",
            "--predict", newFile.path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let b = try #require((doc["coefficients"] as? [[String: Any]])?.compactMap { $0["estimate"] as? Double })
        let cov = try #require((doc["covariance"] as? [String: Any])?["matrix"] as? [[Double]])
        let sigma = try #require(doc["sigma"] as? Double)
        let predictions = try #require(doc["predictions"] as? [[String: Any]])
        #expect(doc["levels"] as? [Int] == [80, 95])
        #expect(predictions.map { $0["line"] as? Int } == [2, 3, 4])
        for (p, x) in zip(predictions, [0.0, 500, 1000]) {
            let mean = try #require(p["mean"] as? Double)
            let se = try #require(p["std_error"] as? Double)
            #expect(abs(mean - (b[0] + b[1] * x)) < 1e-12 * max(1, abs(mean)))
            let v = cov[0][0] + 2 * x * cov[0][1] + x * x * cov[1][1]
            #expect(abs(se - v.squareRoot()) < 1e-10 * se)
            for (level, t) in [("95", 2.0322445093177186), ("80", 1.30695158712643)] {
                let cl = try #require((p["confidence_lower"] as? [String: Double])?[level])
                let cu = try #require((p["confidence_upper"] as? [String: Double])?[level])
                let pl = try #require((p["prediction_lower"] as? [String: Double])?[level])
                let pu = try #require((p["prediction_upper"] as? [String: Double])?[level])
                #expect(abs((cu - cl) / 2 - t * se) < 1e-9 * t * se)
                #expect(abs((pu - pl) / 2 - t * (se * se + sigma * sigma).squareRoot()) < 1e-9 * t * sigma)
                #expect(abs((cu + cl) / 2 - mean) < 1e-9 * max(1, abs(mean)))
            }
        }
    }

    @Test func predictFileWithoutTheColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-predict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let newFile = dir.appendingPathComponent("new.csv")
        try "z\n1\n".write(to: newFile, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.json").path
        let r = try CLIRunner.run([
            "regress", "--data", CLIRunner.fixture("nist/Norris.csv"), "--formula", "y ~ x",
            "--predict", newFile.path, "--output", out,
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("new.csv:1") && r.stderr.contains("'x'"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

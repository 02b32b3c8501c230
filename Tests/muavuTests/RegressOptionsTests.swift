import Foundation
import Testing

/// `--weights` and `--ridge` end to end on NIST's Norris data, against closed forms for a
/// straight line: weighted slope Σw(x−x̄_w)(y−ȳ_w)/Σw(x−x̄_w)², and, with the intercept not
/// penalised, ridge slope Sxy/(Sxx + λ) (Hastie, Tibshirani & Friedman §3.4.1).
@Suite struct RegressOptionsTests {
    static func norris() throws -> (x: [Double], y: [Double]) {
        let text = try String(contentsOfFile: CLIRunner.fixture("nist/Norris.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double(String($0))! } }
        return (rows.map { $0[1] }, rows.map { $0[0] })
    }

    static func estimates(_ r: CLIResult) throws -> [Double] {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let coefficients = try #require(doc["coefficients"] as? [[String: Any]])
        return coefficients.compactMap { $0["estimate"] as? Double }
    }

    @Test func weightedLeastSquares() throws {
        let (x, y) = try Self.norris()
        let r = try CLIRunner.run([
            "regress", "--data", CLIRunner.fixture("nist/Norris.csv"),
            "--formula", "y ~ x", "--weights", "x",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let b = try Self.estimates(r)
        let w = x
        let sw = w.reduce(0, +)
        let mx = zip(w, x).reduce(0) { $0 + $1.0 * $1.1 } / sw
        let my = zip(w, y).reduce(0) { $0 + $1.0 * $1.1 } / sw
        var sxy = 0.0
        var sxx = 0.0
        for i in x.indices {
            sxy += w[i] * (x[i] - mx) * (y[i] - my)
            sxx += w[i] * (x[i] - mx) * (x[i] - mx)
        }
        let slope = sxy / sxx
        #expect(abs(b[1] - slope) <= 1e-11 * abs(slope))
        #expect(abs(b[0] - (my - slope * mx)) <= 1e-9 * abs(my - slope * mx))
        #expect(r.stdout.contains("\"method\" : \"weighted least squares\""))
    }

    @Test func ridgeLeavesTheInterceptUnpenalised() throws {
        let (x, y) = try Self.norris()
        let lambda = 5_000_000.0
        let r = try CLIRunner.run([
            "regress", "--data", CLIRunner.fixture("nist/Norris.csv"),
            "--formula", "y ~ x", "--ridge", "\(lambda)",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let b = try Self.estimates(r)
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let slope = sxy / (sxx + lambda)
        #expect(abs(b[1] - slope) <= 1e-11 * abs(slope))
        #expect(abs(b[0] - (my - slope * mx)) <= 1e-10 * abs(my - slope * mx))
        #expect(r.stdout.contains("\"method\" : \"ridge\""))
    }
}

import Foundation
import Testing

/// `muavu reconcile --backtest N` end to end on the bundled GSO table (the country's three seasons =
/// its year, 1995–2016, thousand tonnes), with theta as the base model so that the base forecasts
/// are incoherent and reconciliation moves them: the scores recomputed here from the CSV and the
/// document's forecasts, a window equal to a direct run on the data cut at its origin, the schema,
/// and the refusals of a bad N.
@Suite struct ReconcileBacktestTests {
    static let data = ReconcileCommandTests.data
    static let ids = [ReconcileCommandTests.country] + ReconcileCommandTests.countrySeasons
    static let methods = ["base", "bottom-up", "ols", "wls-structural", "wls-variance", "mint-shrink"]

    /// The CSV's values of `ids`, by series and year.
    static func observed() throws -> [String: [String: Double]] {
        var values: [String: [String: Double]] = [:]
        for line in try String(contentsOfFile: data, encoding: .utf8).split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if ids.contains(cells[0]), let v = Double(cells[2]) { values[cells[0], default: [:]][cells[1]] = v }
        }
        return values
    }

    static func run(_ arguments: [String], data: String = data, dir: URL) throws -> [String: Any] {
        let out = dir.appendingPathComponent("out-\(UUID().uuidString).json").path
        let r = try CLIRunner.run(
            [
                "reconcile", "--data", data, "--on-missing", "skip", "--hierarchy",
                try ReconcileCommandTests.write(ReconcileCommandTests.seasons, in: dir), "--model", "theta",
                "--intervals", "model", "--horizon", "2", "--output", out,
            ] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return try DocumentCheck.json(out)
    }

    static func windows(_ doc: [String: Any]) throws -> [[String: Any]] {
        let backtest = try #require(doc["backtest"] as? [String: Any])
        return try #require(backtest["windows"] as? [[String: Any]])
    }

    /// (series id, date, horizon) → method → forecast, for one window.
    static func forecasts(_ window: [String: Any]) -> [String: [String: Double]] {
        var out: [String: [String: Double]] = [:]
        for s in window["series"] as? [[String: Any]] ?? [] {
            for p in s["points"] as? [[String: Any]] ?? [] {
                let key = "\(s["id"] as? String ?? "")|\(p["date"] as? String ?? "")|\(p["horizon"] as? Int ?? 0)"
                out[key] = (p["forecasts"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Double }
            }
        }
        return out
    }

    // MAPE and RMSE of every level, method and step, recomputed from the CSV's values and the
    // document's per-origin forecasts: 100·mean|y − f|/|y| and √mean(y − f)², pooled over the
    // windows (and the three seasons for the bottom level).
    @Test func theScoresAreTheErrorsOfTheReportedForecasts() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = try Self.run(["--backtest", "4"], dir: dir)
        let backtest = try #require(doc["backtest"] as? [String: Any])
        #expect(backtest["origins"] as? Int == 4 && backtest["horizon"] as? Int == 2 && backtest["step"] as? Int == 1)
        #expect(backtest["methods"] as? [String] == Self.methods)
        let windows = try Self.windows(doc)
        // The last origin's step 2 is the span's last year: fitted through 2011, 2012, 2013, 2014.
        #expect(windows.map { $0["fitted_through"] as? String } == ["2011", "2012", "2013", "2014"])
        #expect(windows.map { $0["observations"] as? Int } == [17, 18, 19, 20])
        let observed = try Self.observed()
        var errors: [String: [(y: Double, f: Double)]] = [:]  // "level|method|horizon"
        var moved = 0.0
        for window in windows {
            for (key, byMethod) in Self.forecasts(window) {
                let parts = key.split(separator: "|").map(String.init)
                let (id, date, h) = (parts[0], parts[1], parts[2])
                let y = try #require(observed[id]?[date])
                let level = id == ReconcileCommandTests.country ? id : "bottom"
                for method in Self.methods {
                    let f = try #require(byMethod[method], "\(key) \(method)")
                    errors["\(level)|\(method)|\(h)", default: []].append((y, f))
                    errors["\(level)|\(method)|all", default: []].append((y, f))
                }
                moved = max(moved, abs(byMethod["ols"]! - byMethod["base"]!))
            }
            // The reported actuals are the CSV's.
            for s in window["series"] as? [[String: Any]] ?? [] {
                for p in s["points"] as? [[String: Any]] ?? [] {
                    let y = observed[s["id"] as? String ?? ""]?[p["date"] as? String ?? ""]
                    #expect(p["actual"] as? Double == y)
                }
            }
        }
        #expect(moved > 1, "reconciliation moved the base forecasts, so the comparison says something")
        let scores = try #require(backtest["scores"] as? [[String: Any]])
        #expect(scores.count == 2 * 6 * 3)
        for score in scores {
            let level = score["level"] as? String == "bottom" ? "bottom" : score["id"] as? String ?? "?"
            let h = (score["horizon"] as? Int).map(String.init) ?? "all"
            let pairs = try #require(errors["\(level)|\(score["method"] as? String ?? "")|\(h)"])
            #expect(score["count"] as? Int == pairs.count)
            let mape = 100 * pairs.map { abs($0.y - $0.f) / abs($0.y) }.reduce(0, +) / Double(pairs.count)
            let rmse = (pairs.map { ($0.y - $0.f) * ($0.y - $0.f) }.reduce(0, +) / Double(pairs.count)).squareRoot()
            let gotMAPE = try #require(score["mape"] as? Double)
            let gotRMSE = try #require(score["rmse"] as? Double)
            #expect(abs(gotMAPE - mape) <= 1e-12 * mape && abs(gotRMSE - rmse) <= 1e-12 * rmse, "\(score)")
        }
        #expect(try DocumentCheck.schemaViolation(kind: "reconciliation", document: Self.write(doc, in: dir)) == nil)
    }

    static func write(_ doc: [String: Any], in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("doc-\(UUID().uuidString).json").path
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: path))
        return path
    }

    // A window is a direct `muavu reconcile` on the data cut at its origin: the same base and
    // reconciled means, by each method (the first and the last origin).
    @Test(arguments: ["ols", "mint-shrink", "wls-variance"])
    func aWindowEqualsADirectRunOnTheDataCutAtItsOrigin(method: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let windows = try Self.windows(try Self.run(["--backtest", "3"], dir: dir))
        let lines = try String(contentsOfFile: Self.data, encoding: .utf8).split(separator: "\n").map(String.init)
        for window in [windows[0], windows[2]] {
            let through = try #require(Int(window["fitted_through"] as? String ?? ""))
            let kept = lines.dropFirst().filter { line in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                return Self.ids.contains(String(cells[0])) && Int(cells[1]) ?? .max <= through
            }
            let cut = dir.appendingPathComponent("cut-\(through).csv").path
            try ([lines[0]] + kept).joined(separator: "\n").appending("\n").write(
                toFile: cut, atomically: true, encoding: .utf8)
            let direct = ReconcileCommandTests.series(try Self.run(["--method", method], data: cut, dir: dir))
            let backtest = Self.forecasts(window)
            for id in Self.ids {
                for h in 0..<2 {
                    let byMethod = try #require(backtest["\(id)|\(through + h + 1)|\(h + 1)"])
                    for (kind, name) in [("base", "base"), ("reconciled", method)] {
                        let expected = ReconcileCommandTests.mean(direct[id], h, kind)
                        let got = try #require(byMethod[name])
                        #expect(abs(got - expected) <= 1e-9 * abs(expected), "\(id) \(through) h=\(h + 1) \(name)")
                    }
                }
            }
        }
    }

    @Test func withoutBacktestTheMemberIsNull() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = try Self.run([], dir: dir)
        #expect(doc.keys.contains("backtest") && doc["backtest"] is NSNull)
    }

    // N = 0 is bad usage (64); more origins than the common span allows (22 years, horizon 2, at
    // least 3 years fitted: at most 18) is bad data (65), saying how many it allows.
    @Test(arguments: [("0", 64, "--backtest"), ("19", 65, "at most --backtest 18"), ("1001", 64, "--backtest")])
    func aBadNumberOfOriginsIsRefused(n: String, status: Int32, message: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(
            [
                "reconcile", "--data", Self.data, "--on-missing", "skip", "--hierarchy",
                try ReconcileCommandTests.write(ReconcileCommandTests.seasons, in: dir), "--model", "naive",
                "--intervals", "model", "--horizon", "2", "--backtest", n,
            ])
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}

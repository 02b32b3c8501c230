import Foundation
import Testing

/// `muavu reconcile` end to end on the bundled GSO paddy table (datasets/gso-paddy-province-season.csv,
/// production in thousand tonnes): coherence of the reconciled forecasts, their means against the
/// closed form of a one-constraint hierarchy, the report of the history's own incoherence, the
/// schema (python's jsonschema), and the refusals.
@Suite struct ReconcileCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let data = root.appendingPathComponent("datasets/gso-paddy-province-season.csv").path

    static func production(_ season: String, _ place: String) -> String { "gso-paddy-production-\(season)-\(place)" }

    /// The 13 Mekong provinces (Hậu Giang from 2004, when it was split from Cần Thơ).
    static let provinces = [
        "an-giang", "bac-lieu", "ben-tre", "ca-mau", "can-tho", "dong-thap", "hau-giang", "kien-giang", "long-an",
        "soc-trang", "tien-giang", "tra-vinh", "vinh-long",
    ].map { production("ca-nam", $0) }
    static let delta = production("ca-nam", "mekong-river-delta")
    static let countrySeasons = ["dong-xuan", "he-thu-thu-dong", "mua"].map { production($0, "whole-country") }
    static let country = production("ca-nam", "whole-country")

    /// The provinces' year = the Delta's; the country's three seasons = its year: 18 series, 16 bottom.
    static var gso: [String: Any] {
        [
            "bottom": provinces + countrySeasons,
            "aggregates": [["name": delta, "members": provinces], ["name": country, "members": countrySeasons]],
        ]
    }
    /// The country's seasons = its year alone: 4 series.
    static var seasons: [String: Any] {
        ["bottom": countrySeasons, "aggregates": [["name": country, "members": countrySeasons]]]
    }

    static func write(_ text: String, in dir: URL, _ name: String = "hierarchy.json") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func write(_ object: [String: Any], in dir: URL) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try write(String(decoding: data, as: UTF8.self), in: dir)
    }

    /// Runs reconcile on `hierarchy`, expecting success; the document and its path.
    static func reconcile(_ hierarchy: [String: Any], _ more: [String], dir: URL) throws -> (
        doc: [String: Any], path: String
    ) {
        let out = dir.appendingPathComponent("reconciliation-\(UUID().uuidString).json").path
        let r = try CLIRunner.run(
            [
                "reconcile", "--data", data, "--on-missing", "skip", "--hierarchy", try write(hierarchy, in: dir),
                "--horizon", "3", "--output", out,
            ] + more)
        #expect(r.status == 0, "\(r.stderr)")
        return (try DocumentCheck.json(out), out)
    }

    static func series(_ doc: [String: Any]) -> [String: [[String: Any]]] {
        var byID: [String: [[String: Any]]] = [:]
        for s in doc["series"] as? [[String: Any]] ?? [] {
            byID[s["id"] as? String ?? ""] = s["points"] as? [[String: Any]]
        }
        return byID
    }

    static func mean(_ points: [[String: Any]]?, _ h: Int, _ kind: String) -> Double {
        ((points?[h][kind] as? [String: Any])?["mean"] as? Double) ?? .nan
    }

    // (1) Every aggregate is the sum of its bottom series after reconciliation, by every method.
    @Test(arguments: ["mint-shrink", "bottom-up", "ols", "wls-structural", "wls-variance"])
    func reconciledForecastsAreCoherent(method: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = method == "mint-shrink" ? "auto" : "theta"
        let (doc, path) = try Self.reconcile(Self.gso, ["--method", method, "--model", model], dir: dir)
        let points = Self.series(doc)
        #expect(points.count == 18)
        for (aggregate, members) in [(Self.delta, Self.provinces), (Self.country, Self.countrySeasons)] {
            for h in 0..<3 {
                let total = Self.mean(points[aggregate], h, "reconciled")
                let sum = members.map { Self.mean(points[$0], h, "reconciled") }.reduce(0, +)
                #expect(abs(total - sum) <= 1e-9 * abs(total), "\(aggregate) h=\(h + 1): \(total) vs \(sum)")
            }
        }
        #expect((doc["reconciled_incoherence"] as? Double ?? 1) <= 1e-9)
        // The common span starts with Hậu Giang's first year.
        let span = try #require(doc["span"] as? [String: Any])
        #expect(span["start"] as? String == "2004" && span["end"] as? String == "2016")
        #expect(doc["method"] as? String == method)
        #expect((doc["shrinkage_intensity"] as? Double != nil) == (method == "mint-shrink"))
        if method == "mint-shrink" {
            #expect(try DocumentCheck.schemaViolation(kind: "reconciliation", document: path) == nil)
        }
    }

    // (2) One constraint u = [1, -1, ..., -1] (the country's year = its three seasons) has the
    // closed form ỹ = ŷ − W·u·(uᵀ·ŷ)/(uᵀ·W·u) for a diagonal W: with d = ŷ_year − Σ ŷ_season,
    // ỹ_year = ŷ_year − w_0·d/Σw and ỹ_season j = ŷ_j + w_j·d/Σw.
    @Test(arguments: ["ols", "wls-structural"])
    func meansEqualTheClosedFormGivenTheBaseForecasts(method: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (doc, _) = try Self.reconcile(Self.seasons, ["--method", method, "--model", "theta"], dir: dir)
        let weights = method == "ols" ? [1.0, 1, 1, 1] : [3.0, 1, 1, 1]
        try Self.checkClosedForm(doc, weights: weights)
    }

    /// wls-variance with the historical mean as base model: the base forecasts are the series' means
    /// (incoherent, because the published years of 1996-98 are), the residuals y_t − ȳ, so
    /// w_i = Σ_t (y_t − ȳ)²/T + 2·10⁻⁸, all computed here from the CSV.
    @Test func wlsVarianceEqualsTheClosedFormFromTheData() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (doc, _) = try Self.reconcile(
            Self.seasons, ["--method", "wls-variance", "--model", "mean", "--intervals", "model"], dir: dir)
        let csv = try String(contentsOfFile: Self.data, encoding: .utf8)
        var values: [String: [Double]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if let v = Double(cells[2]) { values[String(cells[0]), default: []].append(v) }
        }
        let ids = [Self.country] + Self.countrySeasons
        let weights = try ids.map { id in
            let y = try #require(values[id])
            #expect(y.count == 22)
            let mean = y.reduce(0, +) / Double(y.count)
            return y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(y.count) + 2e-8
        }
        let base = Self.series(doc)
        for (id, y) in zip(ids, ids.map { values[$0]! }) {
            let mean = y.reduce(0, +) / Double(y.count)
            #expect(abs(Self.mean(base[id], 0, "base") - mean) <= 1e-9 * mean, "\(id)")
        }
        #expect(doc["residual_periods"] as? Int == 22)
        try Self.checkClosedForm(doc, weights: weights)
    }

    /// The reconciled means of the seasons hierarchy against the closed form with diagonal W.
    static func checkClosedForm(_ doc: [String: Any], weights w: [Double]) throws {
        let points = series(doc)
        let ids = [country] + countrySeasons
        for h in 0..<3 {
            let base = ids.map { mean(points[$0], h, "base") }
            let d = base[0] - base[1...].reduce(0, +)
            #expect(abs(d) > 1, "the base forecasts are incoherent (d = \(d)), so the check says something")
            let total = w.reduce(0, +)
            let expected = [base[0] - w[0] * d / total] + (1...3).map { base[$0] + w[$0] * d / total }
            for (id, e) in zip(ids, expected) {
                let got = mean(points[id], h, "reconciled")
                #expect(abs(got - e) <= 1e-9 * abs(e), "\(id) h=\(h + 1): \(got) vs \(e)")
            }
        }
    }

    // (3) GSO's whole-country paddy production of 1996-98 does not equal the sum of its seasons;
    // the Delta's provinces add up from 2004 (before, Cần Thơ includes Hậu Giang, absent).
    @Test func theHistorysIncoherenceIsReported() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (doc, _) = try Self.reconcile(Self.gso, ["--model", "naive", "--intervals", "model"], dir: dir)
        let coherence = try #require(doc["coherence"] as? [String: Any])
        #expect(coherence["tolerance_percent"] as? Double == 0.5)
        #expect(coherence["coherent"] as? Bool == false)
        let checks = try #require(coherence["aggregates"] as? [[String: Any]])
        let countryCheck = try #require(checks.first { $0["id"] as? String == Self.country })
        let incoherent = try #require(countryCheck["incoherent"] as? [[String: Any]])
        #expect(incoherent.map { $0["date"] as? String } == ["1996", "1997", "1998"])
        #expect(countryCheck["compared"] as? Int == 22)
        // By hand, from the CSV's 1997 rows: whole country 27 288.7; dong-xuan 13 310.3 + he-thu-thu-dong
        // 6 637.8 + mua 7 575.8 = 27 523.9; difference 27 288.7 − 27 523.9 = −235.2 (−0.86%).
        let y1997 = try #require(incoherent.first { $0["date"] as? String == "1997" })
        #expect(abs((y1997["difference"] as? Double ?? 0) + 235.2) < 1e-9)
        #expect(abs((y1997["sum_of_members"] as? Double ?? 0) - 27523.9) < 1e-9)
        #expect(abs((y1997["relative"] as? Double ?? 0) + 235.2 / 27288.7) < 1e-12)
        let deltaCheck = try #require(checks.first { $0["id"] as? String == Self.delta })
        #expect((deltaCheck["incoherent"] as? [Any])?.isEmpty == true)
        #expect(deltaCheck["compared"] as? Int == 13)
        #expect(deltaCheck["not_compared"] as? [String] == (1995...2003).map(String.init))
        // A tolerance of 1% hides nothing that is there: 0.86% is below it.
        let (wide, _) = try Self.reconcile(
            Self.seasons, ["--model", "naive", "--intervals", "model", "--tolerance", "1"], dir: dir)
        #expect((wide["coherence"] as? [String: Any])?["coherent"] as? Bool == true)
    }

    /// An aggregate of an aggregate: total = region + c, region = a + b. Made-up yearly series in
    /// which the published total of 2010 is 2% above region + c.
    @Test func aggregatesOfAggregatesSumTheirBottomSeries() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rows = ["series_id,date,value"]
        for (k, year) in (2000...2015).enumerated() {
            let t = Double(k)
            let (a, b, c) = (100 + 3 * t + (k % 3 == 0 ? 4 : -2), 50 + t * t / 4, 80 - t + (k % 2 == 0 ? 3 : 0))
            let total = (a + b + c) * (year == 2010 ? 1.02 : 1)
            for (id, v) in [("a", a), ("b", b), ("c", c), ("region", a + b), ("total", total)] {
                rows.append("\(id),\(year),\(v)")
            }
        }
        let csv = try Self.write(rows.joined(separator: "\n") + "\n", in: dir, "nested.csv")
        let hierarchy = try Self.write(
            "{\"bottom\": [\"a\", \"b\", \"c\"], \"aggregates\": [{\"name\": \"total\", \"members\": "
                + "[\"region\", \"c\"]}, {\"name\": \"region\", \"members\": [\"a\", \"b\"]}]}", in: dir)
        let out = dir.appendingPathComponent("out.json").path
        let r = try CLIRunner.run(
            [
                "reconcile", "--data", csv, "--hierarchy", hierarchy, "--horizon", "2", "--model", "theta", "--output",
                out,
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try DocumentCheck.json(out)
        let entries = try #require(doc["series"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["total", "region", "a", "b", "c"])
        #expect(entries[0]["members"] as? [String] == ["region", "c"])
        #expect(entries[0]["bottom"] as? [String] == ["a", "b", "c"])
        let points = Self.series(doc)
        for h in 0..<2 {
            let (a, b, c) = (
                Self.mean(points["a"], h, "reconciled"), Self.mean(points["b"], h, "reconciled"),
                Self.mean(points["c"], h, "reconciled")
            )
            let total = Self.mean(points["total"], h, "reconciled")
            let region = Self.mean(points["region"], h, "reconciled")
            #expect(abs(total - (a + b + c)) <= 1e-9 * abs(total) && abs(region - (a + b)) <= 1e-9 * abs(region))
        }
        let checks = try #require((doc["coherence"] as? [String: Any])?["aggregates"] as? [[String: Any]])
        #expect(checks.map { ($0["incoherent"] as? [[String: Any]])?.map { $0["date"] as? String } } == [["2010"], []])
        #expect(try DocumentCheck.schemaViolation(kind: "reconciliation", document: out) == nil)
    }

    /// Without --data the series come from the store, as forecast reads them.
    @Test func theStoreServesTheHierarchysSeries() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store.sqlite").path
        let imported = try CLIRunner.run(["import", "--format", "tidy", "--file", Self.data, "--store", store])
        #expect(imported.status == 0, "\(imported.stderr)")
        let r = try CLIRunner.run(
            [
                "reconcile", "--store", store, "--hierarchy", try Self.write(Self.seasons, in: dir), "--horizon", "2",
                "--model", "naive", "--intervals", "model",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((doc["dataset"] as? String)?.hasPrefix("store:" + Self.country) == true)
        let checks = (doc["coherence"] as? [String: Any])?["aggregates"] as? [[String: Any]]
        #expect((checks?.first?["incoherent"] as? [Any])?.count == 3)
    }

    /// --output naming an input (the hierarchy file, or the data) is refused before any work (64),
    /// and the input is left as it was.
    @Test(arguments: [true, false])
    func theOutputNeverOverwritesAnInput(hierarchyFile: Bool) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hierarchy = try Self.write(Self.seasons, in: dir)
        let data = dir.appendingPathComponent("data.csv").path
        try FileManager.default.copyItem(atPath: Self.data, toPath: data)
        let target = hierarchyFile ? hierarchy : data
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let r = try CLIRunner.run(
            [
                "reconcile", "--data", data, "--on-missing", "skip", "--hierarchy", hierarchy, "--horizon", "2",
                "--output", target,
            ])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
    }

    // (4) Refusals.
    static let malformed: [(String, String)] = [
        ("{\"bottom\": [\"a\"]", "not a JSON object"),
        ("[\"a\", \"b\"]", "not a JSON object"),
        ("{\"bottom\": [\"a\"], \"aggregates\": [], \"extra\": 1}", "unknown key 'extra'"),
        ("{\"bottom\": [\"a\"], \"aggregates\": []}", "'aggregates' lists no aggregate"),
        ("{\"aggregates\": [{\"name\": \"t\", \"members\": [\"a\"]}]}", "'bottom' is missing"),
        ("{\"bottom\": [\"a\", 3], \"aggregates\": [{\"name\": \"t\", \"members\": [\"a\"]}]}", "wrong type"),
        ("{\"bottom\": [\"a\", \"a\"], \"aggregates\": [{\"name\": \"t\", \"members\": [\"a\"]}]}", "used twice"),
        (
            "{\"bottom\": [\"a\"], \"aggregates\": [{\"name\": \"t\", \"members\": [\"b\"]}]}",
            "lists 'b', which is neither"
        ),
        ("{\"bottom\": [\"a\"], \"aggregates\": [{\"name\": \"t\", \"members\": []}]}", "has no members"),
        (
            "{\"bottom\": [\"a\"], \"aggregates\": [{\"name\": \"t\", \"members\": [\"u\"]}, "
                + "{\"name\": \"u\", \"members\": [\"t\"]}]}", "cycle: t → u → t"
        ),
        (
            "{\"bottom\": [\"a\", \"b\"], \"aggregates\": [{\"name\": \"t\", \"members\": [\"a\", \"b\"]}, "
                + "{\"name\": \"u\", \"members\": [\"t\", \"a\"]}]}", "counts the bottom series 'a' twice"
        ),
    ]

    @Test(arguments: malformed)
    func aMalformedHierarchyExits65NamingTheFile(text: String, message: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.write(text, in: dir)
        let r = try CLIRunner.run(
            ["reconcile", "--data", Self.data, "--on-missing", "skip", "--hierarchy", path, "--horizon", "2"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains(path) && r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func aSeriesAbsentFromTheDataExits65NamingIt() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hierarchy: [String: Any] = [
            "bottom": Self.countrySeasons + ["gso-paddy-production-vu-he-whole-country"],
            "aggregates": [["name": Self.country, "members": Self.countrySeasons]],
        ]
        let r = try CLIRunner.run(
            [
                "reconcile", "--data", Self.data, "--on-missing", "skip", "--hierarchy",
                try Self.write(hierarchy, in: dir),
                "--horizon", "2",
            ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("no series 'gso-paddy-production-vu-he-whole-country'"), "\(r.stderr)")
    }

    @Test(arguments: [
        (["--method", "top-down"], "top-down"), (["--horizon", "0"], "--horizon"),
        (["--horizon", "10001"], "--horizon"), (["--model", "prophet"], "no model 'prophet'"),
        (["--series", "x"], "leave out --series"), (["--tolerance", "-1"], "--tolerance"),
        (["--level", "100"], "--level"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = ["reconcile", "--data", Self.data, "--hierarchy", try Self.write(Self.seasons, in: dir)]
        let r = try CLIRunner.run(base + (arguments.contains("--horizon") ? [] : ["--horizon", "2"]) + arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test func theSchemaIsPrinted() throws {
        let r = try CLIRunner.run(["schema", "reconciliation"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"muavu.reconciliation/v1\""))
    }
}

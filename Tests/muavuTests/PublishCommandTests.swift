import Foundation
import TestSupport
import Testing

/// `muavu publish` end to end: the built binary on Fixtures/publish (subsets of the bundled data).
@Suite("muavu publish", .serialized)
struct PublishCommandTests {
    static let epoch = ["SOURCE_DATE_EPOCH": "1795000000"]
    /// The issue date of the fixture's bulletin: the crops end in 2020, the prices in June 2021.
    static let issueDay = "2021-07-15"

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Every file under `dir`, by relative path.
    func contents(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: dir.path) else { return out }
        for case let path as String in walker {
            var isDir: ObjCBool = false
            let full = dir.appendingPathComponent(path)
            if fm.fileExists(atPath: full.path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = try Data(contentsOf: full)
            }
        }
        return out
    }

    func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    @Test("Publishes documents, charts, bulletin and index; byte-identical on a second run; valid against the schemas")
    func happyPath() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("first")
        let second = dir.appendingPathComponent("second")
        let config = CLIRunner.fixture("publish/small.json")
        let run1 = try CLIRunner.run(
            ["publish", "--config", config, "--out", first.path, "--as-of", Self.issueDay], environment: Self.epoch)
        #expect(run1.status == 0, "\(run1.stderr)")
        #expect(run1.stdout.isEmpty)
        #expect(run1.stderr.contains("bulletin.html"))
        let files = try contents(first)
        let expected =
            ["index.json", "bulletin.html", "bulletin.md"]
            + ["rice-yield", "rice-production", "rice-price"].flatMap { ["forecasts/\($0).json", "charts/\($0).svg"] }
            + ["phone/rice-price.html", "phone/index.html"]  // the monthly price's phone page and their index
        #expect(Set(files.keys) == Set(expected))
        // The phone page links back only to the bulletin and fetches nothing.
        let page = String(decoding: try #require(files["phone/rice-price.html"]), as: UTF8.self)
        #expect(page.contains("<a href=\"../bulletin.html\">") && !page.contains("src="))
        #expect(page.components(separatedBy: "href=").count == 2)

        // The second run into a previous publication replaces it whole, with the same bytes.
        try FileManager.default.copyItem(at: first, to: second)
        try Data("stale".utf8).write(to: second.appendingPathComponent("old.txt"))
        let run2 = try CLIRunner.run(
            ["publish", "--config", config, "--out", second.path, "--as-of", Self.issueDay], environment: Self.epoch)
        #expect(run2.status == 0, "\(run2.stderr)")
        #expect(try contents(second) == files)
        // Nothing left beside the output.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(siblings == ["first", "second"])

        // index.json: issue time, inputs with their SHA-256 (as sha256sum computes it), outputs with theirs.
        let indexData = try #require(files["index.json"])
        let index = try #require(try JSONSerialization.jsonObject(with: indexData) as? [String: Any])
        #expect(index["schema"] as? String == "muavu.publish-index/v1")
        // date -u -d @1795000000
        #expect(index["issued"] as? String == "2026-11-18T11:06:40Z")
        let inputs = try #require(index["inputs"] as? [[String: Any]])
        #expect(inputs.count == 4)
        for input in inputs {
            let path = try #require(input["path"] as? String)
            #expect(input["sha256"] as? String == (try sha256sum(CLIRunner.fixture("publish/\(path)"))), "\(path)")
        }
        let outputs = try #require(index["files"] as? [[String: Any]])
        #expect(outputs.count == files.count - 1)
        for output in outputs {
            let path = try #require(output["path"] as? String)
            #expect(output["sha256"] as? String == (try sha256sum(first.appendingPathComponent(path).path)), "\(path)")
        }
        let series = try #require(index["series"] as? [[String: Any]])
        let yield = try #require(series.first { $0["id"] as? String == "rice-yield" })
        let selection = try #require(yield["selection"] as? [String: Any])
        #expect(selection["method"] as? String == "loyo")
        let candidates = try #require(selection["candidates"] as? [[String: Any]])
        #expect(
            Set(candidates.compactMap { $0["name"] as? String })
                == ["trend-linear", "trend-quadratic", "trend+climate", "ets"])
        #expect(candidates.filter { $0["chosen"] as? Bool == true }.count == 1)

        // The bulletin: Vietnamese first, English beside, the caveat, the method-and-skill box.
        let markdown = String(decoding: try #require(files["bulletin.md"]), as: UTF8.self)
        let vi = try #require(markdown.range(of: "Năng suất lúa 2021 nhiều khả năng đạt"))
        let en = try #require(markdown.range(of: "Rice yield 2021 is likely to be"))
        #expect(vi.lowerBound < en.lowerBound)
        #expect(markdown.contains("trung bình 5 năm"))
        // Issued 15 July 2021 (--as-of; SOURCE_DATE_EPOCH fixes only the generated-at time), next
        // issue a month later.
        #expect(markdown.contains("Ngày phát hành (_Issued_): 15/07/2021"))
        #expect(markdown.contains("Bản tin tiếp theo (_Next issue_): 08/2021"))
        #expect(markdown.contains("LOYO"))
        #expect(markdown.contains("National series stand in for the province."))
        #expect(markdown.contains("(charts/rice-price.svg)"))
        let html = String(decoding: try #require(files["bulletin.html"]), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        let svg = String(decoding: try #require(files["charts/rice-yield.svg"]), as: UTF8.self)
        #expect(svg.hasPrefix("<svg"))

        try validateAgainstSchemas(first)
    }

    /// Runs python3 `jsonschema` (Draft 2020-12) on index.json and every forecast document.
    func validateAgainstSchemas(_ out: URL) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["publish-index", "forecast"] {
            let r = try CLIRunner.run(["schema", name])
            #expect(r.status == 0)
            try Data(r.stdout.utf8).write(to: dir.appendingPathComponent("\(name).schema.json"))
        }
        let script = """
            import glob, json, sys
            from jsonschema import Draft202012Validator
            def check(schema_file, doc_file):
                schema = json.load(open(schema_file))
                Draft202012Validator.check_schema(schema)
                errors = list(Draft202012Validator(schema).iter_errors(json.load(open(doc_file))))
                for e in errors: print(doc_file, e.message)
                return len(errors)
            bad = check(sys.argv[1] + "/publish-index.schema.json", sys.argv[2] + "/index.json")
            docs = sorted(glob.glob(sys.argv[2] + "/forecasts/*.json"))
            for d in docs: bad += check(sys.argv[1] + "/forecast.schema.json", d)
            print("checked", 1 + len(docs), "documents,", bad, "errors")
            sys.exit(1 if bad or not docs else 0)
            """
        let result = try Python.run(["-c", script, dir.path, out.path])
        let output = result.output
        #expect(result.status == 0, "\(output)")
        #expect(output.contains("checked 4 documents, 0 errors"), "\(output)")
    }

    static let badConfigurations: [(file: String, status: Int32, message: String)] = [
        ("bad-unknown-dataset.json", 64, "unknown dataset 'wholesale'"),
        ("bad-unknown-series.json", 64, "unknown series 'wfp-rice-wholesale-can-tho'"),
        ("bad-unknown-model.json", 64, "unknown model 'prophet'"),
        ("bad-horizon-0.json", 64, "horizon must be at least 1"),
        ("bad-level-120.json", 64, "must be at least 1 and at most 99 (a whole number), got 120"),
        ("bad-calendar-overlap.json", 65, "overlap"),
        ("bad-missing-file.json", 65, "no-such-file.csv"),
    ]

    @Test(
        "A bad configuration exits 64 or 65 with a message and publishes nothing", arguments: badConfigurations.indices)
    func badConfiguration(_ i: Int) throws {
        let (file, status, message) = Self.badConfigurations[i]
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(
            ["publish", "--config", CLIRunner.fixture("publish/\(file)"), "--out", out.path],
            environment: Self.epoch)
        #expect(r.status == status, "\(file): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(file): \(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "\(file) left files behind")
    }

    @Test("A bad configuration leaves an existing publication untouched")
    func keepsExisting() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("last week".utf8).write(to: out.appendingPathComponent("index.json"))
        let r = try CLIRunner.run([
            "publish", "--config", CLIRunner.fixture("publish/bad-unknown-model.json"), "--out", out.path,
        ])
        #expect(r.status == 64)
        #expect(try contents(out) == ["index.json": Data("last week".utf8)])
    }

    @Test("Usage errors: missing options, a configuration that is not there")
    func usage() throws {
        #expect(try CLIRunner.run(["publish", "--out", "/tmp/x"]).status == 64)
        let r = try CLIRunner.run(["publish", "--config", "/nonexistent/config.json", "--out", "/tmp/muavu-never"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("cannot read the configuration"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/muavu-never"))
    }
}

import Foundation
import Testing

/// `muavu report` end to end: the committed notebooks are what the command writes, the numbers
/// agree with numpy/pandas, bad usage and bad data leave no output.
@Suite struct ReportCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The issue time the committed notebooks carry (Makefile: NOTEBOOKS_EPOCH).
    static let epoch = "1795910400"

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func run(_ arguments: [String]) throws -> CLIResult {
        try CLIRunner.run(
            [
                "report",
                "--datasets", root.appendingPathComponent("datasets").path,
                "--calendars", root.appendingPathComponent("models/calendars").path,
                "--benchmarks", root.appendingPathComponent("docs/benchmarks").path,
            ] + arguments,
            environment: ["SOURCE_DATE_EPOCH": epoch])
    }

    /// Every file under `dir`, relative paths, sorted.
    static func files(under dir: URL) -> [String] {
        let base = dir.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: base)
        var out: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                out.append(path)
            }
        }
        return out.sorted()
    }

    /// The cells of the Markdown table row whose first cell is `first` (that cell at index 0).
    static func row(_ markdown: String, _ first: String) -> [String]? {
        for line in markdown.split(separator: "\n") where line.hasPrefix("| \(first) |") {
            return line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    static func reference() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("report/reference.json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func regeneratesTheCommittedNotebooksByteForByte() throws {
        // The price study refits six models at 24 origins (slow in a debug build); the others are
        // regenerated whole and compared with notebooks-exported/.
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("nb")
        let result = try Self.run([
            "--out", out.path, "--notebook", "datasets", "--notebook", "yield-study",
            "--notebook", "m3-benchmark",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = Self.root.appendingPathComponent("notebooks-exported")
        // README.md, index.html and index.json list the notebooks rendered, so they differ for a subset.
        let written = Self.files(under: out).filter { !["README.md", "index.html", "index.json"].contains($0) }
        #expect(
            written.contains("datasets.md") && written.contains("yield-study.md") && written.contains("m3-benchmark.md")
        )
        #expect(written.contains("charts/yield-study/vnm-rice-yield-loyo.svg"))
        for path in written {
            let new = try Data(contentsOf: out.appendingPathComponent(path))
            let old = try? Data(contentsOf: committed.appendingPathComponent(path))
            #expect(new == old, "notebooks-exported/\(path) differs from what `make notebooks` writes")
        }
        // Every committed notebook file of these three is regenerated (none left over).
        let committedFiles = Self.files(under: committed).filter {
            $0.hasPrefix("datasets") || $0.hasPrefix("yield-study") || $0.hasPrefix("m3-benchmark")
                || $0.hasPrefix("charts/datasets/") || $0.hasPrefix("charts/yield-study/")
        }
        #expect(committedFiles == written)
        #expect(written.contains("yield-study.html"))
    }

    @Test func yieldStudyAgreesWithNumpyLeaveOneYearOut() throws {
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("notebooks-exported/yield-study.md"), encoding: .utf8)
        let reference = try Self.reference()
        let yields = try #require(reference["yield"] as? [String: [String: Double]])
        // The notebook has one section per crop; the first linear-trend row is rice, the second mango.
        let sections = text.components(separatedBy: "\n## ")
        for (sid, section) in [("vnm-rice-yield", sections[1]), ("vnm-mango-yield", sections[2])] {
            #expect(section.contains(sid))
            let cells = try #require(Self.row(section, "trend-linear"))
            let rmse = try #require(Double(cells[2]))
            let mape = try #require(Double(cells[3]))
            let ref = try #require(yields[sid])
            #expect(abs(rmse - (ref["loyo_rmse"] ?? .nan)) <= 0.0005 + 1e-12)  // printed with 3 decimals
            #expect(abs(mape - (ref["loyo_mape"] ?? .nan)) <= 0.005 + 1e-12)  // printed with 2 decimals
        }
    }

    @Test func priceStudyNaiveRowAgreesWithPandas() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("nb")
        let result = try Self.run(["--out", out.path, "--notebook", "price-study", "--price-windows", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: out.appendingPathComponent("price-study.md"), encoding: .utf8)
        let naive = try #require(((try Self.reference())["price"] as? [String: Any])?["naive"] as? [String: Double])
        let cells = try #require(Self.row(text, "naive"))
        #expect(abs((Double(cells[1]) ?? .nan) - (naive["mae"] ?? .nan)) <= 0.5)  // printed as whole đồng
        #expect(abs((Double(cells[2]) ?? .nan) - (naive["rmse"] ?? .nan)) <= 0.5)
        #expect(cells.last == "2")
        for model in ["snaive", "ets", "theta", "arima", "arima-x"] {
            #expect(Self.row(text, model) != nil, "\(model)")
        }
        #expect(
            FileManager.default.fileExists(
                atPath: out.appendingPathComponent("charts/price-study/arima-x-forecast.svg").path))
    }

    /// The committed notebooks carry their manifest, so `make notebooks` may replace the folder:
    /// it names the report kind, conforms to `muavu schema report-index` (python3 jsonschema) and
    /// lists every other committed file with the SHA-256 that sha256sum computes.
    @Test func committedNotebooksCarryTheirManifest() throws {
        let committed = Self.root.appendingPathComponent("notebooks-exported")
        let manifest = committed.appendingPathComponent("index.json")
        #expect(try DocumentCheck.schemaViolation(kind: "report-index", document: manifest.path) == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any])
        #expect(object["schema"] as? String == "muavu.report-index/v1")
        let listed = try #require(object["files"] as? [[String: Any]])
        #expect(
            Set(listed.compactMap { $0["path"] as? String })
                == Set(Self.files(under: committed).filter { $0 != "index.json" }))
        let paths = listed.compactMap { $0["path"] as? String }.map { committed.appendingPathComponent($0).path }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = paths
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(
            separator: "\n")
        process.waitUntilExit()
        #expect(lines.count == listed.count)
        for (entry, line) in zip(listed, lines) {
            #expect(
                entry["sha256"] as? String == line.split(separator: " ").first.map(String.init),
                "\(entry["path"] ?? "")")
        }
    }

    @Test func unknownNotebookIsAUsageError() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Self.run(["--out", dir.appendingPathComponent("nb").path, "--notebook", "nope"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("yield-study"))
    }

    @Test func missingDatasetsLeaveTheOldOutputInPlace() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("nb")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: out.appendingPathComponent("keep.txt"))
        // A previous report output (its manifest names the kind), which a good run would replace.
        try Data(#"{"schema": "muavu.report-index/v1"}"#.utf8).write(to: out.appendingPathComponent("index.json"))
        let result = try CLIRunner.run([
            "report", "--out", out.path, "--datasets", dir.appendingPathComponent("none").path,
            "--notebook", "datasets",
        ])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(Self.files(under: dir) == ["nb/index.json", "nb/keep.txt"])
    }
}

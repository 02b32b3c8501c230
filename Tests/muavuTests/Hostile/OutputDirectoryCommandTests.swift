import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile-input cases of issue 12 §1 (data loss), end to end on the built binary: `publish` and
/// `report` write only into a new folder, an empty one or their own previous output, resolve
/// relative paths from the working directory (a leading `..` included), and leave either the
/// previous publication or the new one, whole, when runs are killed or run at once.
@Suite("Hostile: output folders never lose a user's files", .serialized)
struct OutputDirectoryCommandTests {
    static let epoch = ["SOURCE_DATE_EPOCH": "1795000000"]

    /// A scratch folder `w` holding `models/two-series.json`, `datasets/` (its data) and
    /// `victim/precious.txt`, inside a parent the test owns (so `../` stays inside it).
    func workspace() throws -> (root: URL, w: URL) {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("muavu-hostile-\(UUID().uuidString)")
        let w = root.appendingPathComponent("w")
        for sub in ["models", "datasets", "victim"] {
            try fm.createDirectory(at: w.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        var config = try String(contentsOfFile: CLIRunner.fixture("publish/two-series.json"), encoding: .utf8)
        config = config.replacingOccurrences(of: "\"crops.csv\"", with: "\"../datasets/crops.csv\"")
            .replacingOccurrences(of: "\"prices.csv\"", with: "\"../datasets/prices.csv\"")
        try Data(config.utf8).write(to: w.appendingPathComponent("models/two-series.json"))
        for name in ["crops.csv", "prices.csv"] {
            try fm.copyItem(
                atPath: CLIRunner.fixture("publish/\(name)"), toPath: w.appendingPathComponent("datasets/\(name)").path)
        }
        try Data("precious".utf8).write(to: w.appendingPathComponent("victim/precious.txt"))
        return (root, w)
    }

    /// Every regular file under `dir`, by relative path (hidden ones included).
    static func tree(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: dir.path) else { return out }
        for case let path as String in walker {
            var isDir: ObjCBool = false
            let full = dir.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = try? Data(contentsOf: full)
            }
        }
        return out
    }

    static func names(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    func publish(_ out: String, in w: URL, env: [String: String] = epoch) throws -> CLIResult {
        try CLIRunner.run(["publish", "--config", "models/two-series.json", "--out", out], environment: env, in: w)
    }

    @Test("publish --out ../victim writes the sibling folder and never touches ./victim")
    func publishDotDotWritesTheSibling() throws {
        let (root, w) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = Self.tree(w)
        let r = try publish("../victim", in: w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.tree(w) == before)
        #expect(Self.names(root.appendingPathComponent("victim")).contains("index.json"))
        #expect(Self.names(root) == ["victim", "w"])
    }

    @Test("report --out ../rep writes the sibling folder and never touches ./rep")
    func reportDotDotWritesTheSibling() throws {
        let (root, w) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: w.appendingPathComponent("rep"), withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: w.appendingPathComponent("rep/notes.md"))
        let before = Self.tree(w)
        let r = try CLIRunner.run(
            [
                "report", "--out", "../rep", "--notebook", "m3-benchmark",
                "--benchmarks", ReportCommandTests.root.appendingPathComponent("docs/benchmarks").path,
            ],
            environment: Self.epoch, in: w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.tree(w) == before)
        let index = try Data(contentsOf: root.appendingPathComponent("rep/index.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: index) as? [String: Any])
        #expect(object["schema"] as? String == "muavu.report-index/v1")
    }

    @Test(
        "publish refuses, with exit 64 and nothing touched, every place it must not replace",
        arguments: [
            ".", "./", "..", "models", "models/two-series.json", "datasets", "victim", "victim/precious.txt", "/",
        ])
    func publishRefuses(out: String) throws {
        let (root, w) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = Self.tree(root)
        let r = try publish(out, in: w)
        #expect(r.status == 64, "\(out): \(r.stderr)")
        #expect(r.stderr.contains("unsafe-output") && r.stderr.contains("nothing was changed"), "\(r.stderr)")
        #expect(Self.tree(root) == before)
        #expect(Self.names(w) == ["datasets", "models", "victim"])
    }

    @Test(
        "report refuses the current folder, a file, a folder of other files and the data folder",
        arguments: [".", "victim", "victim/precious.txt", "datasets"])
    func reportRefuses(out: String) throws {
        let (root, w) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = Self.tree(root)
        let r = try CLIRunner.run(
            [
                "report", "--out", out, "--notebook", "m3-benchmark", "--datasets", "datasets",
                "--benchmarks", ReportCommandTests.root.appendingPathComponent("docs/benchmarks").path,
            ],
            environment: Self.epoch, in: w)
        #expect(r.status == 64, "\(out): \(r.stderr)")
        #expect(Self.tree(root) == before)
    }

    @Test("A link to a folder of other files is refused; a link to a previous publication is followed")
    func symbolicLinks() throws {
        let (root, w) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: w.appendingPathComponent("link").path, withDestinationPath: "victim")
        let refused = try publish("link", in: w)
        #expect(refused.status == 64)
        #expect(Self.names(w.appendingPathComponent("victim")) == ["precious.txt"])
        #expect(try publish("out", in: w).status == 0)
        try fm.createSymbolicLink(atPath: w.appendingPathComponent("latest").path, withDestinationPath: "out")
        let through = try publish("latest/", in: w, env: ["SOURCE_DATE_EPOCH": "1796000000"])
        #expect(through.status == 0, "\(through.stderr)")
        #expect(try fm.destinationOfSymbolicLink(atPath: w.appendingPathComponent("latest").path) == "out")
        let index = try String(contentsOf: w.appendingPathComponent("out/index.json"), encoding: .utf8)
        #expect(index.contains("2026-11-30T00:53:20Z"))  // date -u -d @1796000000
        #expect(Self.names(w) == ["datasets", "latest", "link", "models", "out", "victim"])
    }

    @Test(
        "Eight publishes into one folder at once all succeed, one after another, leave it whole, and a reader never finds it missing"
    )
    func concurrentPublishes() throws {
        let (root, w) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let reference = try publish("reference", in: w)
        #expect(reference.status == 0)
        let expected = Self.tree(w.appendingPathComponent("reference"))
        #expect(try publish("out", in: w).status == 0)
        let results = StatusBoard(8)
        // A reader polls the publication while the runs replace it: it must never be missing.
        let index = w.appendingPathComponent("out/index.json").path
        let watching = StatusBoard(2)
        let reader = Thread {
            var missing: Int32 = 0
            while watching.values[0] == -2 { if access(index, F_OK) != 0 { missing += 1 } }
            watching.set(1, missing)
        }
        reader.start()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let r = try? publish("out", in: w)
            results.set(i, r?.status ?? -1)
        }
        watching.set(0, 0)
        while watching.values[1] == -2 { usleep(1000) }
        #expect(
            watching.values[1] == 0, "the publication was missing \(watching.values[1]) times while it was replaced")
        #expect(results.values == Array(repeating: 0, count: 8))
        #expect(Self.tree(w.appendingPathComponent("out")) == expected)
        #expect(Self.names(w) == ["datasets", "models", "out", "reference", "victim"])
    }

    @Test(
        "Publishes killed at random moments leave the previous publication or the new one, whole; the next run clears their leftovers"
    )
    func killedPublishes() throws {
        let (root, w) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let epochs = ["1795000000", "1796000000"]
        var references: [[String: Data]] = []
        for (i, e) in epochs.enumerated() {
            let r = try publish("ref\(i)", in: w, env: ["SOURCE_DATE_EPOCH": e])
            #expect(r.status == 0)
            references.append(Self.tree(w.appendingPathComponent("ref\(i)")))
        }
        #expect(references[0] != references[1])
        // How long a whole publish takes here: each kill falls at a random moment within it.
        let timed = Date()
        #expect(try publish("out", in: w, env: ["SOURCE_DATE_EPOCH": epochs[0]]).status == 0)
        let microseconds = UInt32(max(1_000, min(Date().timeIntervalSince(timed) * 0.9e6, 5e6)))
        var generator = SystemRandomNumberGenerator()
        let started = Date()
        var killedMidway = 0
        for round in 0..<50 {
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["publish", "--config", "models/two-series.json", "--out", "out"]
            process.currentDirectoryURL = w
            var env = ProcessInfo.processInfo.environment
            env["SOURCE_DATE_EPOCH"] = epochs[(round + 1) % 2]
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0..<microseconds, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidway += 1 }
            let now = Self.tree(w.appendingPathComponent("out"))
            #expect(now == references[0] || now == references[1], "round \(round): the output is not whole")
        }
        // Most runs die before they finish (each wait is shorter than a whole run).
        #expect(killedMidway > 25, "only \(killedMidway) of 50 runs were killed before they finished")
        #expect(try publish("out", in: w).status == 0)
        #expect(Self.names(w) == ["datasets", "models", "out", "ref0", "ref1", "victim"])
        #expect(Date().timeIntervalSince(started) < 120)
    }
}

/// Exit statuses (or flags) written from concurrent threads; -2 until set.
final class StatusBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int32]
    init(_ count: Int) { statuses = Array(repeating: -2, count: count) }
    func set(_ i: Int, _ s: Int32) {
        lock.lock()
        statuses[i] = s
        lock.unlock()
    }
    var values: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return statuses
    }
}

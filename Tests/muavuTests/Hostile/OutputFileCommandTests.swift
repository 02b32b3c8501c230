import Foundation
import Testing

/// Hostile-input cases of the single-file outputs (`--output`, `--save`, `--markdown`): an output
/// that names an input of the run, or both outputs of one run, is refused with exit 64 before any
/// work, and the input is left byte for byte as it was.
@Suite("Hostile: an output file never overwrites an input")
struct OutputFileCommandTests {
    /// A scratch copy of a fixture, so that a failure of the test cannot damage the fixture.
    func copy(_ fixture: String, in dir: URL, as name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: CLIRunner.fixture(fixture), toPath: path)
        return path
    }

    @Test(
        "forecast, backtest, validate, regress and fit refuse to write over the data they read",
        arguments: ["forecast", "backtest", "validate", "fit", "regress"])
    func outputOverTheData(command: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try copy("forecast/series.csv", in: dir, as: "series.csv")
        let before = try Data(contentsOf: URL(fileURLWithPath: data))
        // The same file named another way: through a `..` and a link.
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("link.csv").path, withDestinationPath: "series.csv")
        let sameFile = dir.appendingPathComponent("sub/../link.csv").path
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("sub"), withIntermediateDirectories: false)
        let args: [String] =
            switch command {
            case "forecast": ["forecast", "--data", data, "--horizon", "2", "--model", "naive", "--output", sameFile]
            case "backtest":
                [
                    "backtest", "--data", data, "--horizon", "2", "--windows", "2", "--models", "naive", "--output",
                    sameFile,
                ]
            case "validate": ["validate", "--data", data, "--output", sameFile]
            case "fit": ["fit", "--data", data, "--series", "N1402", "--model", "naive", "--save", sameFile]
            default: ["regress", "--data", data, "--formula", "value ~ 1", "--output", sameFile]
            }
        let r = try CLIRunner.run(args)
        #expect(r.status == 64, "\(command): \(r.stderr)")
        #expect(r.stderr.contains("which this run reads"), "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: data)) == before)
    }

    @Test(
        "reconcile refuses to write over its data or its hierarchy file",
        arguments: ["data", "hierarchy"])
    func reconcileOverItsInputs(target: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try copy("forecast/series.csv", in: dir, as: "series.csv")
        let hierarchy = dir.appendingPathComponent("h.json").path
        try Data(#"{"bottom": ["a", "b"], "aggregates": [{"name": "t", "members": ["a", "b"]}]}"#.utf8)
            .write(to: URL(fileURLWithPath: hierarchy))
        let victim = target == "data" ? data : hierarchy
        let before = try Data(contentsOf: URL(fileURLWithPath: victim))
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("sub"), withIntermediateDirectories: false)
        let sameFile = dir.appendingPathComponent("sub/./../" + URL(fileURLWithPath: victim).lastPathComponent).path
        let r = try CLIRunner.run([
            "reconcile", "--data", data, "--hierarchy", hierarchy, "--horizon", "2", "--model", "naive",
            "--output", sameFile,
        ])
        #expect(r.status == 64, "\(target): \(r.stderr)")
        #expect(r.stderr.contains("which this run reads"), "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == before)
    }

    @Test("benchmark refuses the same file for --markdown and --output")
    func benchmarkTwoOutputsOneFile() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("result").path
        let r = try CLIRunner.run([
            "benchmark", "--data", CLIRunner.fixture("bench/m3_small.csv"), "--models", "naive",
            "--markdown", out, "--output", out,
        ])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("also where"), "\(r.stderr)")
        #expect(DocumentCheck.contents(dir).isEmpty)
    }
}

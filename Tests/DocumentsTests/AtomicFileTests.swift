import Documents
import Foundation
import Testing

/// `AtomicFile`: single-file outputs (`--output`, `--save`, `--markdown`) never replace an input,
/// a folder, a link or a device, and clear the temporaries of killed runs.
@Suite("Single output files")
struct AtomicFileTests {
    func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return PhysicalPath.resolve(dir.path)
    }

    @Test("An output that is an input, a folder or another output of the run is refused before any work")
    func refusals() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data.csv"
        try Data("series_id,date,value\n".utf8).write(to: URL(fileURLWithPath: data))
        let cases: [(String, [String?], [String?], String)] = [
            (data, [data], [], "which this run reads"),
            (dir + "/./sub/../data.csv", [data], [], "which this run reads"),
            (dir, [], [], "is a directory"),
            (dir + "/missing/out.json", [], [], "does not exist"),
            (dir + "/a.json", [], [dir + "/a.json"], "also where"),
            ("", [], [], "empty"),
        ]
        for (path, inputs, others, why) in cases {
            let error = #expect(throws: PublishingError.self) {
                try AtomicFile.checkTarget(path, option: "--output", inputs: inputs, otherOutputs: others)
            }
            #expect(error?.code == .unsafeOutput)
            #expect(error?.message.contains(why) == true, "\(path): \(error?.message ?? "")")
        }
        try AtomicFile.checkTarget(dir + "/new.json", option: "--output", inputs: [data, nil, "-"])
        try AtomicFile.checkTarget("-", option: "--output", inputs: ["-"])
        try AtomicFile.checkTarget(nil, option: "--output", inputs: [data])
        #expect(try String(contentsOfFile: data, encoding: .utf8) == "series_id,date,value\n")
    }

    @Test("Writing through a link replaces the file it points to and keeps the link")
    func throughALink() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/real.json"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "real.json")
        try AtomicFile.write(Data("new".utf8), to: dir + "/link.json")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == "real.json")
        #expect(try String(contentsOfFile: dir + "/real.json", encoding: .utf8) == "new")
    }

    @Test("A device is written to, not replaced")
    func device() throws {
        try AtomicFile.write(Data("discarded".utf8), to: "/dev/null")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("Temporaries of dead runs are removed; a live run's and other files are kept")
    func staleTemporaries() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // PID 2^22 + 1 is above Linux's pid_max ceiling, so no process has it.
        let dead = ".out.json.tmp-4194305"
        let live = ".out.json.tmp-1"
        let other = ".other.json.tmp-4194305"
        for name in [dead, live, other] { try Data().write(to: URL(fileURLWithPath: dir + "/" + name)) }
        try AtomicFile.write(Data("{}".utf8), to: dir + "/out.json")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [other, live, "out.json"].sorted())
    }
}

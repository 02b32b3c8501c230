import Documents
import Foundation
import Testing

@testable import Publishing

/// `OutputDirectory`: what may be replaced, how paths resolve, and that a publication is written
/// whole. The end-to-end cases (relative paths from a working directory, killed and concurrent
/// runs) are in muavuTests/Hostile/OutputDirectoryCommandTests.swift.
@Suite("Output directories: resolved, checked, written whole")
struct OutputDirectoryTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return URL(fileURLWithPath: PhysicalPath.resolve(dir.path))
    }

    let files = [
        Publisher.File(path: "index.json", data: Data(#"{"schema": "muavu.publish-index/v1"}"#.utf8)),
        Publisher.File(path: "charts/a.svg", data: Data("<svg/>\n".utf8)),
    ]

    func names(_ dir: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    @Test("Writes a new directory, then replaces its own previous output whole")
    func replacesPreviousOutput() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try OutputDirectory(out.path, kind: .publish, inputs: []).write(files)
        try Data("x".utf8).write(to: out.appendingPathComponent("stale.txt"))
        try OutputDirectory(out.path, kind: .publish, inputs: []).write(files)
        #expect(try String(contentsOf: out.appendingPathComponent("charts/a.svg"), encoding: .utf8) == "<svg/>\n")
        #expect(try names(out) == ["charts", "index.json"])
        #expect(try names(dir) == ["out"])
    }

    @Test("An empty existing folder may be written")
    func emptyFolder() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        try OutputDirectory(out.path, kind: .publish, inputs: []).write(files)
        #expect(try names(out) == ["charts", "index.json"])
    }

    @Test("A folder of other files, a file, another kind's output and a folder holding an input are refused untouched")
    func refusals() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let folder = dir.appendingPathComponent("victim")
        try fm.createDirectory(at: folder, withIntermediateDirectories: false)
        try Data("precious".utf8).write(to: folder.appendingPathComponent("precious.txt"))
        let file = dir.appendingPathComponent("notes.txt")
        try Data("notes".utf8).write(to: file)
        let report = dir.appendingPathComponent("nb")
        try OutputDirectory(report.path, kind: .report, inputs: []).write(
            [Publisher.File(path: "index.json", data: Data(#"{"schema": "muavu.report-index/v1"}"#.utf8))])
        let data = dir.appendingPathComponent("data")
        try fm.createDirectory(at: data, withIntermediateDirectories: false)
        let cases: [(String, [String], String)] = [
            (folder.path, [], "not empty"),
            (file.path, [], "is a file"),
            (report.path, [], "muavu report"),
            (data.path, [data.appendingPathComponent("x.csv").path], "which this run reads"),
            (dir.path, [data.appendingPathComponent("x.csv").path], "which this run reads"),
            ("/", [], "root"),
        ]
        for (path, inputs, why) in cases {
            let error = #expect(throws: PublishingError.self) {
                try OutputDirectory(path, kind: .publish, inputs: inputs).write(files)
            }
            #expect(error?.code == .unsafeOutput, "\(path)")
            #expect(error?.message.contains(why) == true, "\(path): \(error?.message ?? "")")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("precious.txt"), encoding: .utf8) == "precious")
        #expect(try String(contentsOf: file, encoding: .utf8) == "notes")
        #expect(try names(dir) == ["data", "nb", "notes.txt", "victim"])
    }

    @Test("The working directory and the folders above it are refused")
    func workingDirectory() throws {
        let cwd = PhysicalPath.resolve(".")
        for path in [".", "./", cwd, PhysicalPath.parent(of: cwd)] {
            let error = #expect(throws: PublishingError.self) { try OutputDirectory(path, kind: .report, inputs: []) }
            #expect(error?.code == .unsafeOutput, "\(path)")
        }
    }

    @Test("Paths resolve physically: a leading .. stays, links are followed, missing parts are lexical")
    func resolution() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(
            atPath: dir.appendingPathComponent("link").path, withDestinationPath: dir.appendingPathComponent("a/b").path
        )
        #expect(
            PhysicalPath.resolve("../victim", from: dir.appendingPathComponent("a").path)
                == dir.appendingPathComponent("victim").path)
        #expect(PhysicalPath.resolve("link/../x", from: dir.path) == dir.appendingPathComponent("a/x").path)
        #expect(PhysicalPath.resolve("new/./deeper/../y/", from: dir.path) == dir.appendingPathComponent("new/y").path)
        #expect(PhysicalPath.resolve("../../../../../../../../..", from: dir.path) == "/")
        #expect(PhysicalPath.resolve(".", from: dir.path) == dir.path)
    }

    @Test("A write that fails leaves the previous output and no temporary folder")
    func failureKeepsOld() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try OutputDirectory(out.path, kind: .publish, inputs: []).write(files)
        // "index.json/x" cannot be created once "index.json" is a file.
        let bad = files + [Publisher.File(path: "index.json/x", data: Data())]
        #expect(throws: PublishingError.self) { try OutputDirectory(out.path, kind: .publish, inputs: []).write(bad) }
        #expect(try names(out) == ["charts", "index.json"])
        #expect(try names(dir) == ["out"])
    }

    @Test(
        "File paths that would leave the folder are refused",
        arguments: ["../x", "/etc/x", "a/../../x", "", "a//b", "./x"])
    func escapingFiles(path: String) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        #expect(throws: PublishingError.self) {
            try OutputDirectory(out.path, kind: .publish, inputs: []).write([Publisher.File(path: path, data: Data())])
        }
        #expect(try names(dir) == [])
    }

    @Test("Leftovers of killed runs beside the output are removed; other files are not")
    func debris() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        for name in [".out.tmp-123", ".out.old-456", ".out.tmp-x", ".other.tmp-7", "keep.txt"] {
            try fm.createDirectory(at: dir.appendingPathComponent(name), withIntermediateDirectories: false)
        }
        try OutputDirectory(dir.appendingPathComponent("out").path, kind: .publish, inputs: []).write(files)
        #expect(try names(dir) == [".other.tmp-7", ".out.tmp-x", "keep.txt", "out"])
    }
}

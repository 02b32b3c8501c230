import Foundation
import Testing
@testable import Publishing

@Suite("Publication written whole or not at all")
struct PublishWriterTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    let files = [Publisher.File(path: "index.json", data: Data("{}\n".utf8)),
                 Publisher.File(path: "charts/a.svg", data: Data("<svg/>\n".utf8))]

    @Test("Writes a new directory and replaces an existing one whole")
    func replaces() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("old"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: out.appendingPathComponent("old/stale.txt"))
        try PublicationWriter.write(files, to: out.path)
        #expect(try String(contentsOf: out.appendingPathComponent("charts/a.svg"), encoding: .utf8) == "<svg/>\n")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("old").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out"])
    }

    @Test("A file that cannot be written leaves the existing publication and no temporary directory")
    func failureKeepsOld() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: out.appendingPathComponent("index.json"))
        // "index.json/x" cannot be created once "index.json" is a file.
        let bad = files + [Publisher.File(path: "index.json/x", data: Data())]
        #expect(throws: PublishingError.self) { try PublicationWriter.write(bad, to: out.path) }
        #expect(try String(contentsOf: out.appendingPathComponent("index.json"), encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out"])
    }
}

import Documents
import Foundation
import Testing

@Suite struct DocumentWriterTests {
    struct Doc: Encodable {
        var zeta = 1
        var alpha = "a"
    }

    @Test func sortsKeys() throws {
        let text = String(decoding: try DocumentEncoder.encode(Doc()), as: UTF8.self)
        let a = try #require(text.range(of: "alpha"))
        let z = try #require(text.range(of: "zeta"))
        #expect(a.lowerBound < z.lowerBound)
    }

    @Test func sourceDateEpochFixesTheIssueTime() {
        let d = IssueTime.now(environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(IssueTime.iso8601(d) == "2023-11-14T22:13:20Z")
    }

    @Test func atomicWriteLeavesNoTemporaryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("doc.json").path
        try AtomicFile.write(Data("{}\n".utf8), to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["doc.json"])
    }
}

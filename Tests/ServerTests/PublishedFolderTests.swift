import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Server

/// `GET /published/...` on a real server on loopback: the publication's files, read-only, and
/// nothing outside its folder, whatever the path says (`..`, `.`, encoded slashes, a link out).
@Suite("muavu serve: the publication, read-only")
struct PublishedFolderTests {
    /// A publication folder with a page, a chart, a link to a file outside it, and that file.
    static func publication() throws -> (root: URL, folder: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-pub-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try Data("<!doctype html><html lang=\"vi\"><title>Bản tin</title></html>\n".utf8)
            .write(to: folder.appendingPathComponent("bulletin.html"))
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".utf8)
            .write(to: folder.appendingPathComponent("charts/yield.svg"))
        try Data("muavu-test-outside-content\n".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("charts/out.svg").path,
            withDestinationPath: root.appendingPathComponent("secret.txt").path)
        return (root, folder.path)
    }

    @Test func theBulletinAndItsChartsAreServed() async throws {
        let served = try ServedStore(importing: [])
        let (root, folder) = try Self.publication()
        defer { try? FileManager.default.removeItem(at: root) }
        try await served.application(published: folder).test(.live) { client in
            let page = try await client.call(.get, "/published/bulletin.html")
            #expect(page.status == 200 && page.contentType.hasPrefix("text/html") && page.text.contains("Bản tin"))
            let chart = try await client.call(.get, "/published/charts/yield.svg")
            #expect(chart.status == 200 && chart.contentType == "image/svg+xml")
        }
    }

    @Test(
        "No path leaves the publication: each is 404 and says nothing of what lies outside",
        arguments: [
            "/published/..", "/published/.", "/published/%2e%2e", "/published/charts/..%2f..%2fsecret.txt",
            "/published/..%2fsecret.txt", "/published/charts/out.svg", "/published/charts", "/published/missing.html",
            "/published/.hidden", "/published/charts/%00.svg", "/published/%2Fetc%2Fpasswd",
        ])
    func traversalIs404(path: String) async throws {
        let served = try ServedStore(importing: [])
        let (root, folder) = try Self.publication()
        defer { try? FileManager.default.removeItem(at: root) }
        try await served.application(published: folder).test(.live) { client in
            let answer = try await client.call(.get, path)
            #expect(answer.status == 404, "\(path) → \(answer.status)")
            // The problem echoes the name asked for, never the file outside nor where it lies.
            #expect(
                !answer.text.contains("muavu-test-outside-content") && !answer.text.contains(root.path),
                "\(answer.text)")
        }
    }

    @Test func withoutAPublicationEveryFileIs404() async throws {
        let served = try ServedStore(importing: [])
        try await served.application().test(.live) { client in
            let answer = try await client.call(.get, "/published/bulletin.html")
            #expect(answer.status == 404)
        }
    }
}

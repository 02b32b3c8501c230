import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// Where the import readers' tests find their files: the publishers' originals under
/// `datasets/original/`, the references and small variants under `Import/Fixtures/`
/// (Fixtures/README.md says where each came from).
enum ImportFixtures {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func original(_ source: String, _ name: String) -> URL {
        root.appendingPathComponent("datasets/original/\(source)/\(name)")
    }

    static func fixture(_ path: String) -> URL { here.appendingPathComponent("Fixtures/\(path)") }

    /// A reference CSV as rows of name → text.
    static func reference(_ name: String) throws -> [[String: String]] {
        let table = try CSVTable(path: fixture("reference/\(name)").path)
        return table.rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(table.header, row.fields))
        }
    }

    /// The batch's values by series id and period text (`2025-10`).
    static func values(_ batch: ImportBatch) -> [String: [String: Double]] {
        var out: [String: [String: Double]] = [:]
        for o in batch.observations { out[o.seriesID, default: [:]][o.period.description] = o.value }
        return out
    }

    /// A temporary file holding `text`, for malformed variants built from a real file.
    static func temporary(_ text: String, name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Reads a copy of `file` whose first `original` is replaced by `replacement` and expects a
    /// `DataError` naming the copy, `line`, and a message containing `message`.
    static func expectRefusal(
        _ read: (URL) throws -> ImportBatch, of file: URL, replacing original: String, with replacement: String,
        line: Int, message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let range = try #require(text.range(of: original), sourceLocation: sourceLocation)
        let url = try temporary(text.replacingCharacters(in: range, with: replacement), name: file.lastPathComponent)
        let error = try #require(dataError { try read(url) }, sourceLocation: sourceLocation)
        #expect(error.file == url.path, sourceLocation: sourceLocation)
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(message), "\(error.message)", sourceLocation: sourceLocation)
    }

    /// The error `body` throws, which must be a `DataError`.
    static func dataError(_ body: () throws -> Any) -> DataError? {
        do {
            _ = try body()
            return nil
        } catch let e as DataError {
            return e
        } catch {
            return nil
        }
    }
}

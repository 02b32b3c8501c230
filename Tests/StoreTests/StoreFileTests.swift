import Foundation
import GRDB
import Store
import Testing

/// What `ObservationStore(path:)` accepts, creates and refuses; refused files are left byte for byte.
@Suite struct StoreFileTests {
    @Test func aNewStoreIsCreatedInWALModeWithItsFolder() throws {
        let t = try TemporaryStore()
        let path = t.folder.appendingPathComponent("deeper/store.sqlite").path
        _ = try ObservationStore(path: path)
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func readingNeverCreatesAStore() throws {
        let t = try TemporaryStore()
        let error = try #require(throws: StoreError.self) { try ObservationStore(path: t.path, create: false) }
        #expect(error.code == .noStore)
        #expect(!FileManager.default.fileExists(atPath: t.path))
    }

    @Test func aDirectoryIsRefused() throws {
        let t = try TemporaryStore()
        let error = try #require(throws: StoreError.self) { try ObservationStore(path: t.folder.path) }
        #expect(error.code == .notAStore && error.message.contains("directory"))
    }

    @Test(arguments: ["series_id,date,value\npaddy,2025-01,6100\n", "SQLite format 2\0 and more"])
    func aFileThatIsNotSQLiteIsRefusedUntouched(_ content: String) throws {
        let t = try TemporaryStore()
        try Data(content.utf8).write(to: URL(fileURLWithPath: t.path))
        let error = try #require(throws: StoreError.self) { try ObservationStore(path: t.path) }
        #expect(error.code == .notAStore)
        #expect(try Data(contentsOf: URL(fileURLWithPath: t.path)) == Data(content.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.folder.path) == ["store.sqlite"])
    }

    @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
        let t = try TemporaryStore()
        try DatabaseQueue(path: t.path).write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: t.path))
        let error = try #require(throws: StoreError.self) { try ObservationStore(path: t.path) }
        #expect(error.code == .notAStore && error.message.contains("another application"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: t.path)) == before)
    }

    @Test func aStoreThatCannotBeCreatedIsNamed() throws {
        let t = try TemporaryStore()
        let file = t.folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let error = try #require(throws: StoreError.self) {
            try ObservationStore(path: file.appendingPathComponent("store.sqlite").path)
        }
        #expect(error.code == .notAStore && error.message.contains("cannot be opened or created"))
    }

    @Test func theDefaultPathFollowsXDG() {
        #expect(
            ObservationStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/an"])
                == "/data/muavu/store.sqlite")
        // The XDG specification ignores a relative XDG_DATA_HOME.
        #expect(
            ObservationStore.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/an"])
                == "/home/an/.local/share/muavu/store.sqlite")
    }
}

import Foundation
import GRDB

/// muavu's store: one SQLite file of observations with their vintages (docs/design/store.md).
///
/// Opening a path that does not exist creates the store (with `create`), in WAL mode, and runs the
/// schema's migrations; opening an older store upgrades it. A directory, a file that is not
/// SQLite, or a SQLite file that is not a muavu store is refused before anything is written to it.
public struct ObservationStore: Sendable {
    /// The store file.
    public let path: String
    let queue: DatabaseQueue

    /// Opens the store at `path`, creating it (and its folder) when `create` is true and nothing is
    /// there; otherwise a missing store is `StoreError.noStore`.
    public init(path: String, create: Bool = true) throws {
        self.path = path
        try Self.checkFile(path, create: create)
        var configuration = Configuration()
        // Another muavu importing at the same moment makes this one wait, not fail.
        configuration.busyMode = .timeout(10)
        queue = try Self.sqlite(path) { try DatabaseQueue(path: path, configuration: configuration) }
        try Self.sqlite(path) {
            try queue.read { db in try Self.checkOwnership(db, path: path) }
            // Outside any transaction: SQLite cannot change the journal mode inside one.
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            let migrator = StoreSchema.migrator
            if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError(
                    .newerSchema, store: path,
                    "the store was written by a newer muavu (schema migrations "
                        + "\(try queue.read { try migrator.appliedIdentifiers($0) }.sorted().joined(separator: ", ")); "
                        + "this one knows \(migrator.migrations.joined(separator: ", "))): use that muavu or another store"
                )
            }
            try migrator.migrate(queue)
        }
    }

    /// The default store when neither `--store` nor `MUAVU_STORE` names one:
    /// `$XDG_DATA_HOME/muavu/store.sqlite`, else `$HOME/.local/share/muavu/store.sqlite`
    /// (the XDG Base Directory specification's data folder).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/muavu/store.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/muavu/store.sqlite"
    }

    /// Refuses a directory and a non-empty file that does not start with SQLite's header; creates
    /// the folder of a new store.
    static func checkFile(_ path: String, create: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            guard create else {
                throw StoreError(.noStore, store: path, "no store here: `muavu import` creates one")
            }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            return
        }
        if isDirectory.boolValue {
            throw StoreError(.notAStore, store: path, "is a directory; --store names the store's SQLite file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.notAStore, store: path, "cannot be opened for reading")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if !head.isEmpty, head != Data("SQLite format 3\0".utf8) {
            throw StoreError(.notAStore, store: path, "is not a SQLite file (it does not start with 'SQLite format 3')")
        }
    }

    /// A SQLite file that already holds tables is a muavu store only when v1 marked it so.
    private static func checkOwnership(_ db: Database, path: String) throws {
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if tables > 0, application != StoreSchema.applicationID {
            throw StoreError(
                .notAStore, store: path,
                "is a SQLite database of another application (application_id \(application)), not a muavu store")
        }
    }

    /// Runs `body`, turning SQLite's errors into `StoreError`s that name the store.
    static func sqlite<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB {
                throw StoreError(
                    .notAStore, store: path, "is not a SQLite database (\(error.message ?? "not a database"))")
            }
            if error.resultCode == .SQLITE_CANTOPEN {
                throw StoreError(
                    .notAStore, store: path, "cannot be opened or created (check the folder and its permissions)")
            }
            throw StoreError(.database, store: path, "SQLite: \(error.message ?? error.description)")
        }
    }

    /// Whole milliseconds since 1970-01-01 UTC, the store's time.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

import Foundation
import GRDB

/// A write token of `muavu serve` as the store keeps it: its name and the SHA-256 of the token,
/// never the token itself (docs/design/server.md).
public struct AccessToken: Sendable, Equatable {
    public var name: String
    /// The SHA-256 of the token's text, 64 lowercase hexadecimal digits.
    public var sha256: String
    public var createdAt: Date
    /// When `muavu token revoke` withdrew it; nil while it is valid.
    public var revokedAt: Date?
}

/// One source file of the store: a file imported with `muavu import`, or a batch of observations
/// sent to `muavu serve` (then `token` names the write token that sent it).
public struct ImportRecord: Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var publisher: String
    public var format: String
    public var importedAt: Date
    public var rowsRead: Int
    public var token: String?
}

extension ObservationStore {
    /// Records a new token `name` with the SHA-256 of its text. A name already given (even to a
    /// revoked token) is refused: every write keeps naming the one token that made it.
    public func addToken(name: String, sha256: String, now: Date) throws {
        try Self.sqlite(path) {
            try queue.write { db in
                if let old = try Row.fetchOne(
                    db, sql: "SELECT revoked_at FROM access_token WHERE name = ?", arguments: [name])
                {
                    let revoked: Int64? = old[0]
                    throw StoreError(
                        .tokenExists, store: path,
                        "a token named '\(name)' already exists\(revoked == nil ? "" : " (revoked)"); "
                            + "a name is given once, so that each write names the token that made it: choose another")
                }
                try db.execute(
                    sql: "INSERT INTO access_token (name, sha256, created_at) VALUES (?, ?, ?)",
                    arguments: [name, sha256, Self.milliseconds(now)])
            }
        }
    }

    /// Every token, valid and revoked, by name.
    public func tokens() throws -> [AccessToken] {
        try Self.sqlite(path) {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT name, sha256, created_at, revoked_at FROM access_token ORDER BY name")
                    .map { row in
                        let revoked: Int64? = row[3]
                        return AccessToken(
                            name: row[0], sha256: row[1], createdAt: Self.date(milliseconds: row[2]),
                            revokedAt: revoked.map(Self.date(milliseconds:)))
                    }
            }
        }
    }

    /// Withdraws token `name`: it no longer writes, and its row stays for the writes it made.
    public func revokeToken(name: String, now: Date) throws {
        try Self.sqlite(path) {
            try queue.write { db in
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT revoked_at FROM access_token WHERE name = ?", arguments: [name])
                else {
                    throw StoreError(
                        .unknownToken, store: path, "no token named '\(name)' (muavu token list lists them)")
                }
                let revoked: Int64? = row[0]
                guard revoked == nil else { return }
                try db.execute(
                    sql: "UPDATE access_token SET revoked_at = ? WHERE name = ?",
                    arguments: [Self.milliseconds(now), name])
            }
        }
    }

    /// The source files, oldest import first, with the token that wrote each (if any).
    public func imports() throws -> [ImportRecord] {
        try Self.sqlite(path) {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT path, sha256, publisher, format, imported_at, rows_read, token_name
                        FROM source_file ORDER BY imported_at, id
                        """
                ).map { row in
                    ImportRecord(
                        path: row[0], sha256: row[1], publisher: row[2], format: row[3],
                        importedAt: Self.date(milliseconds: row[4]), rowsRead: row[5], token: row[6])
                }
            }
        }
    }

    /// What the store holds, as a stamp that changes with every import that writes: the number
    /// of source files and the newest one's id (the server's cache of forecasts keys on it).
    public func importStamp() throws -> String {
        try Self.sqlite(path) {
            try queue.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM source_file")
                let count: Int64 = row?[0] ?? 0
                let newest: Int64 = row?[1] ?? 0
                return "\(count)-\(newest)"
            }
        }
    }

    /// When the newest source file was imported; nil for an empty store.
    public func lastImport() throws -> Date? {
        try Self.sqlite(path) {
            try queue.read { try Int64.fetchOne($0, sql: "SELECT MAX(imported_at) FROM source_file") }
                .map(Self.date(milliseconds:))
        }
    }
}

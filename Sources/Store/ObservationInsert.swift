import GRDB
import GRDBSQLite

/// The one statement an import runs per observation, `INSERT INTO observation`, prepared once
/// and bound through SQLite's C API: the columns that are the same for a whole series (its id,
/// unit, the vintage and the source file) are bound once per series, and only the period, value
/// and status per row. (Through GRDB's `StatementArguments` each row cost more than SQLite's own
/// insert; docs/benchmarks/store.md.)
final class ObservationInsert {
    private let connection: OpaquePointer
    private let statement: OpaquePointer
    /// SQLite copies bound text before the call returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database connection is closed")
        }
        self.connection = connection
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(
            connection,
            """
            INSERT INTO observation (series_id, unit, vintage, source_file_id, period, value, status)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else { throw Self.error(code, connection) }
        statement = prepared
    }

    deinit { sqlite3_finalize(statement) }

    /// Binds the columns shared by every row of one series; they stay bound for the rows after.
    func series(id: String, unit: String, vintage: Int64, fileID: Int64) throws {
        try check(sqlite3_bind_text(statement, 1, id, -1, Self.transient))
        try check(sqlite3_bind_text(statement, 2, unit, -1, Self.transient))
        try check(sqlite3_bind_int64(statement, 3, vintage))
        try check(sqlite3_bind_int64(statement, 4, fileID))
    }

    /// Inserts one row of the series bound last.
    func insert(period: Int, value: Double, status: String?) throws {
        try check(sqlite3_bind_int64(statement, 5, Int64(period)))
        try check(sqlite3_bind_double(statement, 6, value))
        if let status {
            try check(sqlite3_bind_text(statement, 7, status, -1, Self.transient))
        } else {
            try check(sqlite3_bind_null(statement, 7))
        }
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw Self.error(code, connection) }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw Self.error(code, connection) }
    }

    private static func error(_ code: Int32, _ connection: OpaquePointer) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
    }
}

import GRDB

/// The store's schema and its versioned migrations (docs/design/store.md explains the tables).
///
/// Each migration is registered once under a fixed identifier and never edited after release:
/// a store made by an older muavu runs the migrations it lacks, in order, each in a transaction.
enum StoreSchema {
    /// SQLite's `application_id` of a muavu store ("muav" in ASCII), written by v1: a SQLite file
    /// without it that already holds tables belongs to someone else and is never touched.
    static let applicationID: Int32 = 0x6D75_6176

    /// Version 1: source files, series and observations with their vintages.
    ///
    /// Times are whole milliseconds since 1970-01-01 UTC; `period` is `PeriodDate.ordinal` of the
    /// series' frequency (`StoredPeriod`).
    static let v1 = """
        PRAGMA application_id = \(applicationID);
        CREATE TABLE source_file (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            publisher TEXT NOT NULL,
            format TEXT NOT NULL,
            release_date INTEGER,
            imported_at INTEGER NOT NULL,
            rows_read INTEGER NOT NULL
        );
        CREATE TABLE series (
            id TEXT PRIMARY KEY NOT NULL,
            unit TEXT NOT NULL,
            frequency TEXT NOT NULL,
            seasons_per_year INTEGER,
            label TEXT,
            last_file_id INTEGER NOT NULL REFERENCES source_file(id)
        ) WITHOUT ROWID;
        CREATE TABLE observation (
            series_id TEXT NOT NULL REFERENCES series(id),
            period INTEGER NOT NULL,
            vintage INTEGER NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            status TEXT,
            source_file_id INTEGER NOT NULL REFERENCES source_file(id),
            PRIMARY KEY (series_id, period, vintage)
        ) WITHOUT ROWID;
        CREATE INDEX observation_source_file ON observation(source_file_id);
        """

    /// Version 2: the write tokens of `muavu serve` (`muavu token add NAME`), kept only as the
    /// SHA-256 of the token, and on each source file the name of the token that wrote it (NULL for
    /// files imported with `muavu import`). A revoked token keeps its row, so that every write
    /// still names who made it; a name is never given to a second token.
    static let v2 = """
        CREATE TABLE access_token (
            name TEXT PRIMARY KEY NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
        ) WITHOUT ROWID;
        ALTER TABLE source_file ADD COLUMN token_name TEXT REFERENCES access_token(name);
        """

    /// The migrations, oldest first.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: v1) }
        migrator.registerMigration("v2") { db in try db.execute(sql: v2) }
        return migrator
    }
}

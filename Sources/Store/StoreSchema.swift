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

    /// Version 3: the forecasts of record (`muavu publish --record`, `muavu serve`, `muavu replay`)
    /// and the checks that score them (`muavu verify`). Both are written once: triggers refuse
    /// every UPDATE and DELETE, so that no forecast told to people and no score made of it can be
    /// changed afterwards (docs/design/track-record.md). A record is unique by series, issue day,
    /// data vintage, target period and origin; writing it again is ignored.
    static let v3 = """
        CREATE TABLE forecast_record (
            id INTEGER PRIMARY KEY,
            series_id TEXT NOT NULL,
            issue_day TEXT NOT NULL,
            data_vintage TEXT NOT NULL,
            frequency TEXT NOT NULL,
            seasons_per_year INTEGER,
            target INTEGER NOT NULL,
            horizon INTEGER NOT NULL CHECK (horizon >= 1),
            point REAL NOT NULL,
            unit TEXT NOT NULL,
            model TEXT NOT NULL,
            family TEXT NOT NULL,
            selection TEXT NOT NULL,
            origin TEXT NOT NULL CHECK (origin IN ('issued', 'replayed')),
            recorded_at INTEGER NOT NULL,
            UNIQUE (series_id, issue_day, data_vintage, target, origin)
        );
        CREATE INDEX forecast_record_series ON forecast_record(series_id, target);
        CREATE TABLE record_interval (
            record_id INTEGER NOT NULL REFERENCES forecast_record(id),
            level INTEGER NOT NULL CHECK (level > 0 AND level < 100),
            lower REAL NOT NULL,
            upper REAL NOT NULL,
            PRIMARY KEY (record_id, level)
        ) WITHOUT ROWID;
        CREATE TABLE record_check (
            record_id INTEGER NOT NULL REFERENCES forecast_record(id),
            release TEXT NOT NULL CHECK (release IN ('first', 'latest')),
            vintage INTEGER NOT NULL,
            actual REAL NOT NULL,
            checked_at INTEGER NOT NULL,
            PRIMARY KEY (record_id, release, vintage)
        ) WITHOUT ROWID;
        \(writtenOnce("forecast_record"))
        \(writtenOnce("record_interval"))
        \(writtenOnce("record_check"))
        """

    /// Triggers that make `table` append-only.
    static func writtenOnce(_ table: String) -> String {
        """
        CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
        BEGIN SELECT RAISE(ABORT, 'written once: \(table) rows are never edited'); END;
        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
        BEGIN SELECT RAISE(ABORT, 'written once: \(table) rows are never deleted'); END;
        """
    }

    /// The migrations, oldest first.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: v1) }
        migrator.registerMigration("v2") { db in try db.execute(sql: v2) }
        migrator.registerMigration("v3") { db in try db.execute(sql: v3) }
        return migrator
    }
}

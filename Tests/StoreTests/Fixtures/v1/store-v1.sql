PRAGMA application_id = 1836409206;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1');
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
INSERT INTO source_file VALUES(1,'release-1.csv','6fffb0f82783cf7f64c88b77346d243a67da4a2d2ac31e6db7d994bf3564ea5c','muavu tidy file','tidy',NULL,1796623781989,5);
INSERT INTO source_file VALUES(2,'release-2.csv','5ebb0b3f11d6878047f0f989c35d840db282411536f03ec9e69d5039daf35178','muavu tidy file','tidy',NULL,1796623783119,3);
CREATE TABLE series (
    id TEXT PRIMARY KEY NOT NULL,
    unit TEXT NOT NULL,
    frequency TEXT NOT NULL,
    seasons_per_year INTEGER,
    label TEXT,
    last_file_id INTEGER NOT NULL REFERENCES source_file(id)
) WITHOUT ROWID;
INSERT INTO series VALUES('paddy-dt','VND/kg','monthly',NULL,NULL,2);
INSERT INTO series VALUES('rice-area','thousand ha','yearly',NULL,NULL,1);
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
INSERT INTO observation VALUES('paddy-dt',24308,1796623781989,6100.0,'VND/kg',NULL,1);
INSERT INTO observation VALUES('paddy-dt',24309,1796623781989,6250.0,'VND/kg',NULL,1);
INSERT INTO observation VALUES('paddy-dt',24309,1796623783119,6275.0,'VND/kg',NULL,2);
INSERT INTO observation VALUES('paddy-dt',24310,1796623781989,6300.0,'VND/kg',NULL,1);
INSERT INTO observation VALUES('paddy-dt',24311,1796623783119,6400.0,'VND/kg',NULL,2);
INSERT INTO observation VALUES('rice-area',2021,1796623781989,3900.0,'thousand ha',NULL,1);
INSERT INTO observation VALUES('rice-area',2022,1796623781989,3950.0,'thousand ha',NULL,1);
CREATE INDEX observation_source_file ON observation(source_file_id);
COMMIT;

#!/usr/bin/env python3
"""The pandas side of scripts/bench/store_import_vs_pandas.sh: reads a tidy CSV with read_csv and
writes it with DataFrame.to_sql into a new SQLite file holding the store's own tables and primary
keys (Sources/Store/StoreSchema.swift, v1), in WAL mode, in one transaction: the rows muavu
writes, with the columns it writes (period as the month's ordinal, vintage, status, source file).
Prints "wall cpu" seconds, timed after `import pandas`.

    python3 scripts/bench/store_import_pandas.py FILE.csv OUT.sqlite
"""
import sqlite3
import sys
import time

import pandas as pd

# StoreSchema.v1, without the application_id.
SCHEMA = """
CREATE TABLE source_file (id INTEGER PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
    publisher TEXT NOT NULL, format TEXT NOT NULL, release_date INTEGER, imported_at INTEGER NOT NULL,
    rows_read INTEGER NOT NULL);
CREATE TABLE series (id TEXT PRIMARY KEY NOT NULL, unit TEXT NOT NULL, frequency TEXT NOT NULL,
    seasons_per_year INTEGER, label TEXT, last_file_id INTEGER NOT NULL REFERENCES source_file(id)) WITHOUT ROWID;
CREATE TABLE observation (series_id TEXT NOT NULL REFERENCES series(id), period INTEGER NOT NULL,
    vintage INTEGER NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, status TEXT,
    source_file_id INTEGER NOT NULL REFERENCES source_file(id),
    PRIMARY KEY (series_id, period, vintage)) WITHOUT ROWID;
CREATE INDEX observation_source_file ON observation(source_file_id);
"""


def main():
    path, out = sys.argv[1], sys.argv[2]
    t0, c0 = time.perf_counter(), time.process_time()
    df = pd.read_csv(path)
    con = sqlite3.connect(out)
    con.execute("PRAGMA journal_mode = WAL")
    con.executescript(SCHEMA)
    now = int(time.time() * 1000)
    # One transaction: the INSERTs below open it, to_sql's commit closes it.
    con.execute(
        "INSERT INTO source_file VALUES (1, ?, 'not computed', 'pandas', 'tidy', NULL, ?, ?)", (path, now, len(df)))
    series = df.groupby("series_id", sort=False)["unit"].first()
    con.executemany(
        "INSERT INTO series VALUES (?, ?, 'monthly', NULL, NULL, 1)", list(zip(series.index, series.values)))
    df["period"] = df["date"].str[:4].astype(int) * 12 + df["date"].str[5:7].astype(int) - 1
    df["vintage"] = now
    df["status"] = None
    df["source_file_id"] = 1
    df[["series_id", "period", "vintage", "value", "unit", "status", "source_file_id"]].to_sql(
        "observation", con, if_exists="append", index=False)
    con.close()
    print(f"{time.perf_counter() - t0:.3f} {time.process_time() - c0:.3f}")


if __name__ == "__main__":
    main()

import AgriData
import Foundation
import GRDB
import TimeSeriesCore

extension ObservationStore {
    /// Writes `batch`, read from `file` whose content has `sha256`, in one transaction.
    ///
    /// Each observation is compared with what the store knew of its (series, period) at the batch's
    /// vintage (the latest stored vintage not after it): unknown → written, `new`; the same value
    /// and status → not written, `unchanged`; different → written beside the old row with the
    /// batch's vintage, `revised`. Nothing is ever overwritten. The vintage is the batch's release
    /// date, else `now`. A file whose SHA-256 the store already holds is not read again: the report
    /// says when it was imported and nothing is written. `token` names the write token of
    /// `muavu serve` that sent the batch (nil for `muavu import`), recorded on its source file.
    public func `import`(
        _ batch: ImportBatch, file: String, sha256: String, now: Date, token: String? = nil
    ) throws -> ImportReport {
        let groups = try SeriesBatch.make(batch, store: path)
        let vintage = batch.releaseDate ?? now
        var report = ImportReport(
            file: file, sha256: sha256, format: batch.format, publisher: batch.publisher, vintage: vintage,
            vintageIsReleaseDate: batch.releaseDate != nil, rowsRead: batch.rowsRead, series: groups.count,
            skipped: batch.skipped)
        try Self.sqlite(path) {
            try queue.write { db in
                if let previous = try Row.fetchOne(
                    db, sql: "SELECT path, imported_at FROM source_file WHERE sha256 = ?", arguments: [sha256])
                {
                    report.previousImport = .init(path: previous[0], importedAt: Self.date(milliseconds: previous[1]))
                    return
                }
                try db.execute(
                    sql: """
                        INSERT INTO source_file
                            (path, sha256, publisher, format, release_date, imported_at, rows_read, token_name)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        file, sha256, batch.publisher, batch.format.rawValue,
                        batch.releaseDate.map(Self.milliseconds), Self.milliseconds(now), batch.rowsRead, token,
                    ])
                let fileID = db.lastInsertedRowID
                let insert = try ObservationInsert(db)
                for group in groups {
                    try write(
                        group, db: db, insert: insert, fileID: fileID, vintage: Self.milliseconds(vintage),
                        report: &report)
                }
            }
        }
        return report
    }

    /// Records the series (refusing another unit or frequency than the stored one), then writes
    /// its new and revised observations.
    private func write(
        _ group: SeriesBatch, db: Database, insert: ObservationInsert, fileID: Int64, vintage: Int64,
        report: inout ImportReport
    ) throws {
        try checkSeries(group, db: db)
        try db.execute(
            sql: """
                INSERT INTO series (id, unit, frequency, seasons_per_year, label, last_file_id)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET
                    last_file_id = excluded.last_file_id, label = coalesce(excluded.label, series.label)
                """,
            arguments: [group.id, group.unit, group.frequency.rawValue, group.seasonsPerYear, group.label, fileID])
        var known: [Int: (value: Double, status: String?, vintage: Int64)] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT period, value, status, MAX(vintage) FROM observation
                WHERE series_id = ? AND vintage <= ? GROUP BY period
                """,
            arguments: [group.id, vintage])
        while let row = try rows.next() { known[row[0]] = (row[1], row[2], row[3]) }
        try insert.series(id: group.id, unit: group.unit, vintage: vintage, fileID: fileID)
        for o in group.observations {
            if let old = known[o.period] {
                if old.value == o.value, old.status == o.status {
                    report.unchanged += 1
                    continue
                }
                guard old.vintage != vintage else {
                    throw StoreError(
                        .conflictingValue, store: path,
                        "\(o.origin): series '\(group.id)' period \(period(o.period, of: group)) is \(o.value) here, but "
                            + "the store holds \(old.value) from a file of the same release date")
                }
                report.revised += 1
            } else {
                report.new += 1
            }
            try insert.insert(period: o.period, value: o.value, status: o.status)
        }
    }

    /// Refuses a series whose unit or frequency differs from the stored one.
    private func checkSeries(_ group: SeriesBatch, db: Database) throws {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT unit, frequency, seasons_per_year FROM series WHERE id = ?", arguments: [group.id])
        else { return }
        let unit: String = row[0]
        let frequency: String = row[1]
        let seasons: Int? = row[2]
        if unit != group.unit {
            throw StoreError(
                .seriesMismatch, store: path,
                "series '\(group.id)' is stored in '\(unit)', and this file gives it in '\(group.unit)': "
                    + "units are converted, never relabelled; give it another series id")
        }
        if frequency != group.frequency.rawValue || seasons != group.seasonsPerYear {
            throw StoreError(
                .seriesMismatch, store: path,
                "series '\(group.id)' is stored as \(frequency), and this file gives it as \(group.frequency.rawValue)")
        }
    }

    private func period(_ ordinal: Int, of group: SeriesBatch) -> PeriodDate {
        StoredPeriod.date(ordinal: ordinal, frequency: group.frequency, seasonsPerYear: group.seasonsPerYear)
    }
}

import AgriData
import Foundation
import GRDB
import TimeSeriesCore

/// What writing forecasts of record did: how many were new, and how many the store already held
/// (the same series, issue day, data vintage, target and origin), which are left as they were.
public struct RecordWrite: Sendable, Equatable {
    public var added: Int
    public var existing: Int

    public init(added: Int, existing: Int) { (self.added, self.existing) = (added, existing) }
}

/// What checking the forecasts of record did.
public struct CheckWrite: Sendable, Equatable {
    /// Checks written now.
    public var added: Int
    /// Records whose target is observed in a unit that does not convert to the record's (named
    /// `series (observed unit → record unit)`); they stay unchecked.
    public var unconvertible: [String]
}

extension ObservationStore {
    /// Writes `records` in one transaction; one the store already holds is left as it was
    /// (records are written once and never edited).
    @discardableResult
    public func record(_ records: [ForecastRecord], now: Date) throws -> RecordWrite {
        try Self.sqlite(path) {
            try queue.write { db in
                let frequencies = try Dictionary(
                    Row.fetchAll(db, sql: "SELECT id, frequency FROM series").map { (String($0[0]), String($0[1])) },
                    uniquingKeysWith: { a, _ in a })
                var write = RecordWrite(added: 0, existing: 0)
                for r in records {
                    guard r.point.isFinite, r.intervals.allSatisfy({ $0.lower.isFinite && $0.upper.isFinite }) else {
                        throw StoreError(
                            .nonFinite, store: path,
                            "the forecast of \(r.series) for \(r.target) is not a finite number; it is not recorded")
                    }
                    let frequency = frequencies[r.series] ?? r.target.impliedFrequency.rawValue
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO forecast_record (series_id, issue_day, data_vintage, frequency,
                                seasons_per_year, target, horizon, point, unit, model, family, selection, origin,
                                recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            r.series, r.issueDay.description, r.dataVintage, frequency,
                            StoredPeriod.seasonsPerYear(r.target), r.target.ordinal, r.horizon, r.point, r.unit,
                            r.model, r.family, r.selection, r.origin.rawValue, Self.milliseconds(now),
                        ])
                    guard db.changesCount == 1 else {
                        write.existing += 1
                        continue
                    }
                    let id = db.lastInsertedRowID
                    for i in r.intervals {
                        try db.execute(
                            sql: "INSERT INTO record_interval (record_id, level, lower, upper) VALUES (?, ?, ?, ?)",
                            arguments: [id, i.level, i.lower, i.upper])
                    }
                    write.added += 1
                }
                return write
            }
        }
    }

    /// Whether a record of `series` with `origin` was made on `issueDay` (the server records a
    /// series at most once a day).
    public func hasRecord(series: String, issueDay: PeriodDate, origin: ForecastRecord.Origin) throws -> Bool {
        try Self.sqlite(path) {
            try queue.read { db in
                try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM forecast_record WHERE series_id = ? AND issue_day = ? AND origin = ?)",
                    arguments: [series, issueDay.description, origin.rawValue]) ?? false
            }
        }
    }

    /// The forecasts of record, by series, issue day, target and origin; only those of `series`,
    /// issued on or after `since`, of `origin`, when given.
    public func records(
        series: String? = nil, since: PeriodDate? = nil, origin: ForecastRecord.Origin? = nil
    ) throws -> [ForecastRecord] {
        try checkedRecords(series: series, since: since, origin: origin, release: nil).map(\.record)
    }

    /// The forecasts of record (filtered as `records`) with their newest check of `release` (nil:
    /// without checks).
    public func checkedRecords(
        series: String? = nil, since: PeriodDate? = nil, origin: ForecastRecord.Origin? = nil,
        release: RecordCheck.Release?
    ) throws -> [CheckedRecord] {
        try Self.sqlite(path) {
            try queue.read { db in
                var conditions: [String] = []
                var arguments: StatementArguments = []
                if let series {
                    conditions.append("r.series_id = ?")
                    _ = arguments.append(contentsOf: [series])
                }
                if let since {
                    conditions.append("r.issue_day >= ?")
                    _ = arguments.append(contentsOf: [since.description])
                }
                if let origin {
                    conditions.append("r.origin = ?")
                    _ = arguments.append(contentsOf: [origin.rawValue])
                }
                let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT r.id, r.series_id, r.issue_day, r.data_vintage, r.frequency, r.seasons_per_year,
                            r.target, r.horizon, r.point, r.unit, r.model, r.family, r.selection, r.origin
                        FROM forecast_record r \(filter)
                        ORDER BY r.series_id, r.issue_day, r.target, r.origin, r.data_vintage
                        """,
                    arguments: arguments)
                var intervals: [Int64: [ForecastRecord.Interval]] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT record_id, level, lower, upper FROM record_interval ORDER BY record_id, level")
                {
                    intervals[row[0], default: []].append(.init(level: row[1], lower: row[2], upper: row[3]))
                }
                var checks: [Int64: RecordCheck] = [:]
                if let release {
                    for row in try Row.fetchAll(
                        db,
                        sql: """
                            SELECT record_id, actual, MAX(vintage) FROM record_check WHERE release = ?
                            GROUP BY record_id
                            """,
                        arguments: [release.rawValue])
                    {
                        checks[row[0]] = RecordCheck(
                            release: release, actual: row[1], vintage: Self.date(milliseconds: row[2]))
                    }
                }
                return try rows.map { row in
                    let id: Int64 = row[0]
                    let frequency = Frequency(rawValue: row[4]) ?? .index
                    let issueText: String = row[2]
                    guard let issueDay = PeriodDate(parsing: issueText) else {
                        throw StoreError(.database, store: path, "forecast record \(id) has an unreadable issue day")
                    }
                    let record = ForecastRecord(
                        series: row[1], issueDay: issueDay, dataVintage: row[3],
                        target: StoredPeriod.date(ordinal: row[6], frequency: frequency, seasonsPerYear: row[5]),
                        horizon: row[7], point: row[8], unit: row[9], intervals: intervals[id] ?? [], model: row[10],
                        family: row[11], selection: row[12],
                        origin: ForecastRecord.Origin(rawValue: row[13]) ?? .issued)
                    return CheckedRecord(record: record, check: checks[id])
                }
            }
        }
    }

    /// Checks every forecast of record whose target period the store now observes, against the
    /// observation's `release`, in one transaction: `first` writes a record's check once, from the
    /// earliest vintage, and never again; `latest` writes a new check when a newer vintage has come
    /// since the record's last one. Older checks are never changed. The observation is converted to
    /// the record's unit (`UnitOfMeasure`); a unit that does not convert leaves the record unchecked.
    @discardableResult
    public func checkRecords(release: RecordCheck.Release, now: Date) throws -> CheckWrite {
        try Self.sqlite(path) {
            try queue.write { db in
                let pick = release == .first ? "MIN" : "MAX"
                // Each record with the chosen vintage of its target's observation (one lookup in the
                // observation table's primary key per record, never a scan of the table), where
                // there is one and that record has no check of this release with that vintage (for
                // `first`: none at all).
                let candidates = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT r.id, r.series_id, r.unit, o.value, o.unit, o.vintage, r.target
                        FROM forecast_record r
                        JOIN observation o
                          ON o.series_id = r.series_id AND o.period = r.target
                          AND o.vintage = (SELECT \(pick)(vintage) FROM observation
                                           WHERE series_id = r.series_id AND period = r.target)
                        WHERE NOT EXISTS (
                            SELECT 1 FROM record_check c WHERE c.record_id = r.id AND c.release = ?
                              AND (? = 'first' OR c.vintage >= o.vintage))
                        ORDER BY r.id
                        """,
                    arguments: [release.rawValue, release.rawValue])
                var write = CheckWrite(added: 0, unconvertible: [])
                var factors: [String: Double?] = [:]
                for row in candidates {
                    let recordUnit: String = row[2]
                    let observedUnit: String = row[4]
                    let key = observedUnit + "\u{0}" + recordUnit
                    if factors[key] == nil {
                        factors[key] =
                            observedUnit == recordUnit
                            ? 1 : (try? UnitOfMeasure(observedUnit).factor(to: UnitOfMeasure(recordUnit)))
                    }
                    guard let factor = factors[key] ?? nil else {
                        let series: String = row[1]
                        let note = "\(series) (\(observedUnit) → \(recordUnit))"
                        if !write.unconvertible.contains(note) { write.unconvertible.append(note) }
                        continue
                    }
                    let value: Double = row[3]
                    let vintage: Int64 = row[5]
                    let id: Int64 = row[0]
                    try db.execute(
                        sql: "INSERT INTO record_check (record_id, release, vintage, actual, checked_at) VALUES (?, ?, ?, ?, ?)",
                        arguments: [id, release.rawValue, vintage, value * factor, Self.milliseconds(now)])
                    write.added += 1
                }
                return write
            }
        }
    }

    /// The newest vintage of series `id` known at `asOf` (nil: now); nil when nothing of it was known.
    public func latestVintage(seriesID id: String, asOf: Date? = nil) throws -> Date? {
        try Self.sqlite(path) {
            try queue.read { db in
                try Int64.fetchOne(
                    db, sql: "SELECT MAX(vintage) FROM observation WHERE series_id = ? AND vintage <= ?",
                    arguments: [id, asOf.map(Self.milliseconds) ?? Int64.max]
                ).map(Self.date(milliseconds:))
            }
        }
    }
}

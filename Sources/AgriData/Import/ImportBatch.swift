import Foundation
import TimeSeriesCore

/// One observation as a publisher's file states it, ready to be written to the store.
public struct ImportedObservation: Sendable, Equatable {
    /// The series id muavu gives it (stable across releases of the same file).
    public var seriesID: String
    public var period: PeriodDate
    public var value: Double
    /// The unit as the file states it (converted only on display, never relabelled).
    public var unit: String
    /// The publisher's flag or status (FAOSTAT's "A"/"E", a season report's "final"), if any.
    public var status: String?
    /// Where the value stands in the file, for messages: "line 12", "Monthly Prices!C7".
    public var origin: String

    public init(
        seriesID: String, period: PeriodDate, value: Double, unit: String, status: String? = nil,
        origin: String
    ) {
        (self.seriesID, self.period, self.value, self.unit, self.status) = (seriesID, period, value, unit, status)
        self.origin = origin
    }
}

/// Rows of a file that were read but not imported, counted by reason ("forecast rows", "missing").
public struct ImportSkip: Sendable, Equatable {
    public var reason: String
    public var count: Int

    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }
}

/// What one publisher's file holds, read and checked, before it meets the store.
///
/// Readers of each `ImportFormat` produce one; the store compares it with what it knows
/// (new / unchanged / revised) and writes it in one transaction.
public struct ImportBatch: Sendable {
    public var format: ImportFormat
    /// The publisher, as named in provenance: "World Bank", "NOAA CPC", "FAOSTAT", "WFP", "GSO".
    public var publisher: String
    /// The publisher's release date when the file states it (the Pink Sheet's "Updated on …");
    /// nil otherwise, and the store then takes the import time as the vintage.
    public var releaseDate: Date?
    /// Data rows read from the file (header and tag rows not counted).
    public var rowsRead: Int
    public var observations: [ImportedObservation]
    public var skipped: [ImportSkip]
    /// Series id → the publisher's own name for it, where the file gives one.
    public var seriesLabels: [String: String]
    /// Series id → its frequency, where the period's form alone does not say it (a weekly series
    /// is dated by days); a series not listed has the frequency its periods imply.
    public var seriesFrequencies: [String: Frequency]

    public init(
        format: ImportFormat, publisher: String, releaseDate: Date? = nil, rowsRead: Int,
        observations: [ImportedObservation], skipped: [ImportSkip] = [], seriesLabels: [String: String] = [:],
        seriesFrequencies: [String: Frequency] = [:]
    ) {
        (self.format, self.publisher, self.releaseDate, self.rowsRead) = (format, publisher, releaseDate, rowsRead)
        (self.observations, self.skipped, self.seriesLabels) = (observations, skipped, seriesLabels)
        self.seriesFrequencies = seriesFrequencies
    }
}

/// The file formats `muavu import --format` reads: publishers' own downloads, unchanged.
public enum ImportFormat: String, Sendable, CaseIterable, Codable {
    case tidy
    case wfpHDX = "wfp-hdx"
    case faostat
    case pinksheet
    case noaaONI = "noaa-oni"
    case noaaSOI = "noaa-soi"
    case noaaSST = "noaa-sst"
    case gsoTable = "gso-table"
    case seasonReport = "season-report"
}

import Foundation
import TimeSeriesCore

/// A run of calendar months, placed relative to the crop year: `from`...`to` (1–12), starting in
/// crop year + `yearOffset`; when `to` < `from` the run crosses into the next calendar year.
///
/// Convention: a crop belongs to the year of its harvest. Đông Xuân 2016 is sown in Nov–Dec 2015
/// (`{"from": 11, "to": 12, "yearOffset": -1}`) and harvested in Feb–Mar 2016.
public struct MonthWindow: Codable, Sendable, Equatable {
    public var from: Int
    public var to: Int
    public var yearOffset: Int

    public init(from: Int, to: Int, yearOffset: Int = 0) {
        self.from = from
        self.to = to
        self.yearOffset = yearOffset
    }

    enum CodingKeys: String, CodingKey { case from, to, yearOffset }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(Int.self, forKey: .from)
        to = try c.decode(Int.self, forKey: .to)
        yearOffset = try c.decodeIfPresent(Int.self, forKey: .yearOffset) ?? 0
    }

    /// Number of months, 1–12.
    public var length: Int { (to - from + 12) % 12 + 1 }

    /// The months of crop year `year` as running month numbers (`year * 12 + month - 1`, as
    /// `PeriodDate.month(...).ordinal`), first to last.
    public func months(cropYear year: Int) -> ClosedRange<Int> {
        let first = (year + yearOffset) * 12 + from - 1
        return first...(first + length - 1)
    }
}

/// One crop of a calendar, e.g. Hè Thu.
public struct CropSeason: Codable, Sendable, Equatable {
    /// 1-based position within the crop year: the `n` of `YYYY-Sn`.
    public var number: Int
    public var id: String
    /// Local (Vietnamese) and English names.
    public var nameVi: String
    public var nameEn: String
    /// What starts the crop: "sowing" (rice), "flowering" (mango, often induced).
    public var startStage: String
    public var start: MonthWindow
    public var harvest: MonthWindow
    /// The months over which a monthly driver (ENSO, rainfall...) is averaged for this crop.
    public var covariateWindow: MonthWindow
    public var note: String?

    /// From the first month of `start` to the last month of `harvest`.
    public func growingMonths(cropYear year: Int) -> ClosedRange<Int> {
        start.months(cropYear: year).lowerBound...harvest.months(cropYear: year).upperBound
    }
    /// The crop of harvest year `year` named as GSO dates crops (docs/design/crop-year-labels.md):
    /// a crop sown in an earlier year (`start.yearOffset` < 0) spans its years, "Đông Xuân
    /// 2016–2017" / "Winter–Spring 2016–2017"; another crop is named with its year, "Hè Thu 2017".
    public func label(harvestYear year: Int, english: Bool = false) -> String {
        let name = english ? nameEn : nameVi
        let first = year + min(0, start.yearOffset)
        return first < year ? "\(name) \(first)–\(year)" : "\(name) \(year)"
    }
}

/// Crop calendar as data (models/calendars/*.json): the crops of a year, their local and English
/// names, start (sowing or flowering) and harvest months, and the window over which a covariate
/// is averaged for each crop. Validated on load.
public struct CropCalendar: Codable, Sendable, Equatable {
    public var crop: String
    public var region: String
    /// Whether the covariate windows of different crops may share months (within one crop year).
    public var overlapAllowed: Bool
    public var seasons: [CropSeason]
    public var sources: [String]?

    /// Crops a year: the period of a season-indexed series.
    public var period: Int { seasons.count }

    /// The crop years a month window may lie from its season's (`MonthWindow.yearOffset`).
    public static let yearOffset = Bound(-2...2)

    /// Reads and validates a calendar file.
    public static func load(path: String) throws -> CropCalendar {
        let data = try InputFile.bytes(of: path, what: "calendar")
        return try decode(data, file: path)
    }

    public static func decode(_ data: Data, file: String) throws -> CropCalendar {
        let calendar: CropCalendar
        do {
            calendar = try JSONDecoder().decode(CropCalendar.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw DataError(
                .badConfiguration, file: file,
                "missing '\(key.stringValue)' at \(Self.path(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw DataError(
                .badConfiguration, file: file,
                "wrong type at \(Self.path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw DataError(.badConfiguration, file: file, "not a crop calendar: \(error)")
        }
        try calendar.validate(file: file)
        return calendar
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// Checks months (1–12), season numbers (1...k, each once), names, that each harvest ends
    /// after its start begins and within 18 months of it, and, unless `overlapAllowed`, that no
    /// two covariate windows of one crop year share a month.
    public func validate(file: String = "calendar") throws {
        func fail(_ message: String) -> DataError { DataError(.badConfiguration, file: file, message) }
        guard seasons.count <= Limits.period.range.upperBound else {
            throw fail("a calendar holds at most 10000 seasons")
        }
        guard !seasons.isEmpty else { throw fail("a calendar needs at least one season") }
        let numbers = seasons.map(\.number).sorted()
        guard numbers == Array(1...seasons.count) else {
            throw fail("season numbers must be 1...\(seasons.count), each once; found \(numbers)")
        }
        for s in seasons {
            let label = "season \(s.number) (\(s.nameVi))"
            guard !s.id.isEmpty, !s.nameVi.isEmpty, !s.nameEn.isEmpty else {
                throw fail("\(label): id and names must not be empty")
            }
            for (what, w) in [("start", s.start), ("harvest", s.harvest), ("covariateWindow", s.covariateWindow)] {
                guard (1...12).contains(w.from), (1...12).contains(w.to) else {
                    throw fail("\(label): \(what) months must be 1–12, found \(w.from)–\(w.to)")
                }
                // A window lies within a crop year of its season: a year or two either side at most
                // (and an offset near Int.max overflowed the month arithmetic).
                guard CropCalendar.yearOffset.contains(w.yearOffset) else {
                    throw fail("\(label): \(what) yearOffset \(CropCalendar.yearOffset.refusal(String(w.yearOffset)))")
                }
            }
            let grow = s.start.months(cropYear: 0)
            let cut = s.harvest.months(cropYear: 0)
            guard cut.upperBound >= grow.lowerBound, cut.upperBound - grow.lowerBound < 18 else {
                throw fail(
                    "\(label): the harvest (\(Self.describe(s.harvest))) must end after the \(s.startStage) "
                        + "(\(Self.describe(s.start))) begins and within 18 months")
            }
        }
        if !overlapAllowed {
            let ordered = seasons.sorted { $0.number < $1.number }
            for (i, a) in ordered.enumerated() {
                for b in ordered.dropFirst(i + 1) {
                    let x = a.covariateWindow.months(cropYear: 0)
                    let y = b.covariateWindow.months(cropYear: 0)
                    if x.overlaps(y) {
                        throw fail(
                            "the covariate windows of \(a.nameVi) (\(Self.describe(a.covariateWindow))) and "
                                + "\(b.nameVi) (\(Self.describe(b.covariateWindow))) overlap within one crop year; "
                                + "set \"overlapAllowed\": true if that is intended")
                    }
                }
            }
        }
    }

    static func describe(_ w: MonthWindow) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let year = w.yearOffset == 0 ? "" : " (crop year \(w.yearOffset > 0 ? "+" : "")\(w.yearOffset))"
        return "\(names[w.from - 1])–\(names[w.to - 1])\(year)"
    }

    /// The season with number `n`, or with id or name (Vietnamese or English, NFC-compared).
    public func season(_ n: Int) -> CropSeason? { seasons.first { $0.number == n } }

    public func season(named name: String) -> CropSeason? {
        let key = TextKey.nfc(name).lowercased()
        return seasons.first {
            [$0.id, $0.nameVi, $0.nameEn].contains { TextKey.nfc($0).lowercased() == key }
        }
    }

    /// The crop-year label of `date` (`CropSeason.label(harvestYear:english:)`): nil unless it is
    /// a crop season of a series with as many crops a year as this calendar has.
    public func label(_ date: PeriodDate, english: Bool = false) -> String? {
        guard case .season(let y, let n, let k) = date, k == period, let s = season(n) else { return nil }
        return s.label(harvestYear: y, english: english)
    }

    /// The date of crop `n` of `year` in a season-indexed series (`YYYY-Sn`).
    public func date(year: Int, season n: Int) -> PeriodDate {
        .season(year: year, season: n, seasonsPerYear: period)
    }
}

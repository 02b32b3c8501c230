import Documents
import Forecasting
import Foundation
import Rendering
import Testing
import TimeSeriesCore

@testable import Publishing

/// The bulletin's memory on a publication built here: the change of each headline number since the
/// previous issue and its split, checked against the previous model run separately through the
/// registry; the track-record table's counts against the records, its Wilson intervals against
/// statsmodels (scripts/fixtures/wilson_intervals.py), its claim against the backtest in
/// `index.json`, and the sentence where the two disagree.
@Suite struct TrackRecordBulletinTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Two yearly series 2000–2024 (ha): `s1`, a trend with a wobble, and `s2`, flatter.
    static func values(_ id: String) -> [Double] {
        let wobble: [Double] = [0, 8, -5, 3, -7, 6, -2, 4]
        return (0..<25).map { (i: Int) -> Double in
            if id == "s1" { return 1000 + 15 * Double(i) + wobble[i % 8] }
            return 500 + wobble[(i + 3) % 8]
        }
    }

    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-track-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var csv = "series_id,date,value,unit\n"
        for id in ["s1", "s2"] {
            for (i, v) in values(id).enumerated() { csv += "\(id),\(2000 + i),\(v),ha\n" }
        }
        try Data(csv.utf8).write(to: dir.appendingPathComponent("data.csv"))
        let entry: (String, String) -> [String: Any] = { id, name in
            [
                "id": id, "kind": "series", "name": ["vi": name, "en": id.uppercased()], "dataset": "data",
                "series": id, "models": ["naive", "drift"], "horizon": 2, "backtestWindows": 3, "decimals": 1,
            ]
        }
        let object: [String: Any] = [
            "name": "track", "title": ["vi": "Thử", "en": "Test"], "levels": [80, 95],
            "datasets": ["data": ["path": "data.csv"]],
            "forecasts": [entry("s1", "Diện tích một"), entry("s2", "Diện tích hai")],
        ]
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            .write(to: dir.appendingPathComponent("config.json"))
        return dir
    }

    static let issueDay = PeriodDate(parsing: "2025-06-15")!
    static let issued = Date(timeIntervalSince1970: 1_749_945_600)

    static func record(
        _ series: String, issued day: String, target: Int, horizon: Int, point: Double, spread: Double = 10,
        family: String = "theta", model: String = "Theta(dotm)",
        selection: String = "rolling-origin · 3 × 2 · chosen theta",
        origin: ForecastRecord.Origin = .issued
    ) -> ForecastRecord {
        ForecastRecord(
            series: series, issueDay: PeriodDate(parsing: day)!, dataVintage: "sha256:x", target: .year(target),
            horizon: horizon, point: point, unit: "ha",
            intervals: [
                .init(level: 80, lower: point - spread, upper: point + spread),
                .init(level: 95, lower: point - 2 * spread, upper: point + 2 * spread),
            ],
            model: model, family: family, selection: selection, origin: origin)
    }

    /// The records of earlier issues: the previous issue of each headline (and a later replayed
    /// one that must not be taken for it), twelve issued forecasts of s1 one year ahead far above
    /// the outcome, and twelve replayed ones on it, each checked against the data.
    static func trackRecord() -> [CheckedRecord] {
        let s1 = values("s1")
        func checked(_ r: ForecastRecord) -> CheckedRecord {
            guard case .year(let y) = r.target else { fatalError() }
            let vintage = Date(
                timeIntervalSince1970: Double(PeriodDate.daysFromCivil(year: y + 1, month: 1, day: 31)) * 86_400)
            return CheckedRecord(record: r, check: RecordCheck(release: .first, actual: s1[y - 2000], vintage: vintage))
        }
        var records: [CheckedRecord] = [
            CheckedRecord(
                record: record("s1", issued: "2024-06-15", target: 2025, horizon: 2, point: 1400), check: nil),
            CheckedRecord(
                record: record("s1", issued: "2025-01-10", target: 2025, horizon: 1, point: 9999, origin: .replayed),
                check: nil),
            CheckedRecord(
                record: record(
                    "s2", issued: "2024-06-15", target: 2025, horizon: 2, point: 480, family: "crop-yield",
                    model: "CropYield(trend-linear)", selection: "loyo · 2005–2023 · chosen trend-linear"),
                check: nil),
        ]
        for y in 2013...2024 {
            records.append(
                checked(record("s1", issued: "\(y - 1)-06-15", target: y, horizon: 1, point: s1[y - 2000] * 1.2)))
        }
        for y in 2001...2012 {
            records.append(
                checked(
                    record(
                        "s1", issued: "\(y - 1)-03-01", target: y, horizon: 1, point: s1[y - 2000], origin: .replayed)))
        }
        return records
    }

    struct Wilson: Decodable {
        struct Row: Decodable {
            var hits, cases: Int
            var lower, upper: Double
        }
        var intervals: [Row]

        static func load() throws -> Wilson {
            let url = root.appendingPathComponent("Tests/ForecastingTests/Fixtures/track-record/wilson.json")
            return try JSONDecoder().decode(Wilson.self, from: Data(contentsOf: url))
        }

        func row(_ k: Int, _ n: Int) throws -> Row {
            try #require(intervals.first { $0.hits == k && $0.cases == n }, "\(k)/\(n) not in the fixture")
        }
    }

    static func publish() throws -> (files: [Publisher.File], dir: URL) {
        let dir = try directory()
        let configuration = try PublishConfiguration.load(path: dir.appendingPathComponent("config.json").path)
        let publication = try Publisher.publication(
            configuration, issued: issued, issueDay: issueDay, trackRecord: trackRecord())
        return (publication.files, dir)
    }

    static func text(_ files: [Publisher.File], _ path: String) throws -> String {
        String(decoding: try #require(files.first { $0.path == path }).data, as: UTF8.self)
    }

    static func json(_ files: [Publisher.File], _ path: String) throws -> [String: Any] {
        let file = try #require(files.first { $0.path == path })
        return try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any])
    }

    /// The first point of the forecast document of `id`: the headline (no estimate before 2025).
    static func headline(_ files: [Publisher.File], _ id: String) throws -> Double {
        let doc = try json(files, "forecasts/\(id).json")
        let series = try #require((doc["series"] as? [[String: Any]])?.first)
        let point = try #require((series["points"] as? [[String: Any]])?.first)
        #expect(point["date"] as? String == "2025")
        return try #require(point["mean"] as? Double)
    }

    static func n(_ v: Double) -> String { NumberText.format(v, decimals: 1, language: .vi) }
    static func signed(_ v: Double) -> String { (v > 0.05 ? "+" : "") + n(v) }

    /// The row of the Markdown table whose first cell starts with `item`, after `heading`.
    static func row(_ markdown: String, after heading: String, item: String) throws -> String {
        let from = try #require(markdown.range(of: heading))
        return try #require(
            markdown[from.upperBound...].split(separator: "\n").first { $0.hasPrefix("| \(item)") }.map(String.init))
    }

    @Test func theChangeIsSplitByThePreviousModelRunOnTheNewData() throws {
        let (files, dir) = try Self.publish()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = try Self.text(files, "bulletin.md")
        let current = try Self.headline(files, "s1")
        // The previous issue's model (theta, from its selection), fitted here on 2000–2024, one year ahead.
        let rerun = try ForecasterRegistry.forecaster(named: "theta").forecast(
            Self.values("s1"), period: 1, horizon: 1, levels: [80]
        ).mean[0]
        let change = current - 1400
        let data = rerun - 1400
        let row = try Self.row(md, after: "Thay đổi so với bản tin trước", item: "Diện tích một")
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells.count == 9, "\(row)")
        #expect(cells[1] == "2025" && cells[2] == "ha", "\(row)")
        #expect(cells[3].hasPrefix("15/06/2024"), "the issued previous issue, not the later replayed one: \(row)")
        #expect(
            Array(cells[4...8]) == [
                Self.n(1400), Self.n(current), Self.signed(change), Self.signed(data), Self.signed(change - data),
            ])
        // The model changed (theta then, a backtest's choice now), so the split is not all data.
        #expect(abs(change - data) > 0.05)
    }

    @Test func aModelTheRegistryCannotRunGivesTheChangeAloneAndSaysWhy() throws {
        let (files, dir) = try Self.publish()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = try Self.text(files, "bulletin.md")
        let current = try Self.headline(files, "s2")
        let row = try Self.row(md, after: "Thay đổi so với bản tin trước", item: "Diện tích hai")
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Array(cells[4...8]) == [Self.n(480), Self.n(current), Self.signed(current - 480), "–", "–"])
        #expect(md.contains("Diện tích hai: không tách được phần do số liệu mới và phần do mô hình"))
        #expect(md.contains("CropYield(trend-linear)"))
    }

    @Test func theTrackRecordCountsTheRecordsAndSetsThemBesideTheClaim() throws {
        let (files, dir) = try Self.publish()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = try Self.text(files, "bulletin.md")
        let wilson = try Wilson.load()
        let records = Self.trackRecord().filter { $0.check != nil }
        func held(_ origin: ForecastRecord.Origin) -> (Int, Int) {
            let mine = records.filter { $0.record.origin == origin && $0.record.horizon == 1 }
            let k = mine.filter { c in
                let i = c.record.interval(level: 80)!
                return c.check!.actual >= i.lower && c.check!.actual <= i.upper
            }.count
            return (k, mine.count)
        }
        func share(_ k: Int, _ n: Int) throws -> (text: String, row: Wilson.Row) {
            let w = try wilson.row(k, n)
            func pct(_ x: Double) -> String { NumberText.format(x * 100, decimals: 0, language: .vi) }
            return ("\(k)/\(n) (\(pct(Double(k) / Double(n)))%; 95%: \(pct(w.lower))–\(pct(w.upper))%)", w)
        }
        let (ki, ni) = held(.issued)
        let (kr, nr) = held(.replayed)
        #expect(ni == 12 && nr == 12)
        // The claim: the chosen model's backtest share inside its 80% interval, over windows × steps.
        let index = try Self.json(files, "index.json")
        let entry = try #require((index["series"] as? [[String: Any]])?.first { $0["id"] as? String == "s1" })
        let selection = try #require(entry["selection"] as? [String: Any])
        let chosen = try #require(
            (selection["candidates"] as? [[String: Any]])?.first { $0["chosen"] as? Bool == true })
        let coverage = try #require(chosen["coverage_80"] as? Double)
        let cases = 3 * 2
        let claimed = Int((coverage / 100 * Double(cases)).rounded())
        let claim = try share(claimed, cases)
        let issued = try share(ki, ni)
        let replayed = try share(kr, nr)
        let rowIssued = try Self.row(md, after: "Kết quả các bản tin trước", item: "Diện tích một")
        #expect(rowIssued.contains("| 1 | đã phát hành (_issued_) | 12 |"), "\(rowIssued)")
        #expect(rowIssued.contains(issued.text) && rowIssued.contains(claim.text), "\(rowIssued)")
        let disagree = issued.row.upper < claim.row.lower || claim.row.upper < issued.row.lower
        #expect(rowIssued.contains(disagree ? "khác nhau rõ" : "phù hợp"))
        #expect(md.contains("Hai kết quả khác nhau rõ") == disagree)
        // Forecasts 20% too high: a MAPE of 20% exactly, whatever the values.
        #expect(rowIssued.contains("| 20,0% |"))
        // Replayed records are a row of their own, never pooled.
        let from = try #require(md.range(of: "Kết quả các bản tin trước"))
        let replayedRow = try #require(
            md[from.upperBound...].split(separator: "\n").first { $0.contains("dựng lại (_replayed_)") })
        #expect(replayedRow.contains(replayed.text), "\(replayedRow)")
        // A forecast one year ahead too high by a fifth, against what happened.
        #expect(files.contains { $0.path == "charts/track-record-s1.svg" })
        #expect(md.contains("dự báo một kỳ trước (đã phát hành) và khoảng 80%, so với thực tế (12 kỳ)"))
        #expect(!files.contains { $0.path == "charts/track-record-s2.svg" })
        #expect(md.contains("Diện tích hai: đã lưu 1 dự báo, chưa kỳ nào có số liệu thực tế để so."))
        let html = try Self.text(files, "bulletin.html")
        #expect(html.contains("<section id=\"track-record\">") && html.contains("<table class=\"changes\">"))
    }

    /// What was not known on the issue day is not shown: a publication as of 2024-06-16 sees only
    /// the checks released by then, and no record issued after it.
    @Test func anEarlierIssueShowsTheRecordAsItStoodThen() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let configuration = try PublishConfiguration.load(path: dir.appendingPathComponent("config.json").path)
        let publication = try Publisher.publication(
            configuration, issued: Self.issued, issueDay: PeriodDate(parsing: "2024-02-15")!,
            trackRecord: Self.trackRecord())
        let md = try Self.text(publication.files, "bulletin.md")
        // Checks of 2013–2023 were released by 2024-01-31 at the latest; that of 2024 was not.
        let row = try Self.row(md, after: "Kết quả các bản tin trước", item: "Diện tích một")
        #expect(row.contains("| 1 | đã phát hành (_issued_) | 11 |"), "\(row)")
        #expect(!md.contains("Thay đổi so với bản tin trước"))
    }
}

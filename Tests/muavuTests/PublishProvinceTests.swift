import Foundation
import TestSupport
import Testing

/// The bulletin's province section (models/dong-thap.json, `province`): one table per season of
/// today's Đồng Tháp (the former Đồng Tháp and the former Tiền Giang summed, yield derived) and of
/// the former Đồng Tháp, each cell equal to what scripts/fixtures/province_season_table.py computes
/// from datasets/gso-paddy-province-season.csv with Python's csv module; the newest official season
/// and its age; "cả nước" on every national series; publishers in chart footers; and no English
/// jargon in the Vietnamese text outside the technical appendix.
@Suite("muavu publish: the province's official figures by season", .serialized)
struct PublishProvinceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// 2026-12-07T00:00:00Z.
    static let epoch = ["SOURCE_DATE_EPOCH": "1796601600"]
    static let asOf = "2026-12-07"

    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-province-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    /// models/dong-thap.json with its datasets read from the bundled CSV files (sources kept), only
    /// its FAOSTAT and GSO entries, and fast area models: the names, the province section and the
    /// calendars as bundled.
    static func configuration(in f: Folder) throws -> String {
        let models = root.appendingPathComponent("models")
        let datasets = root.appendingPathComponent("datasets").path
        var c = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: models.appendingPathComponent("dong-thap.json")))
                as? [String: Any])
        let sets = try #require(c["datasets"] as? [String: [String: Any]])
        let files = [
            "crops": "faostat-vnm-crops.csv", "enso": "enso-monthly.csv", "gso": "gso-paddy-province-season.csv",
        ]
        var kept: [String: Any] = [:]
        for (key, file) in files {
            var d = try #require(sets[key])
            d["store"] = nil
            d["path"] = "\(datasets)/\(file)"
            d["onMissing"] = "interpolate"
            kept[key] = d
        }
        c["datasets"] = kept
        var entries = try #require(c["forecasts"] as? [[String: Any]])
        entries = entries.filter { ["crops", "gso"].contains($0["dataset"] as? String ?? "") }
        for i in entries.indices {
            if var area = entries[i]["area"] as? [String: Any] {
                area["models"] = ["naive", "drift"]
                entries[i]["area"] = area
            }
        }
        c["forecasts"] = entries
        c["exportLink"] = nil
        c["sellOrStore"] = nil
        try FileManager.default.createSymbolicLink(
            atPath: f.path("calendars"), withDestinationPath: models.appendingPathComponent("calendars").path)
        let path = f.path("dong-thap-csv.json")
        try JSONSerialization.data(withJSONObject: c).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theTablesTheLabelsTheScopeAndThePlainWords() throws {
        let f = try Folder()
        let out = f.path("out")
        let r = try CLIRunner.run(
            ["publish", "--config", try Self.configuration(in: f), "--out", out, "--as-of", Self.asOf],
            environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let md = try String(contentsOfFile: out + "/bulletin.md", encoding: .utf8)
        let html = try String(contentsOfFile: out + "/bulletin.html", encoding: .utf8)

        // The table cells, against Python's.
        let script = Self.root.appendingPathComponent("scripts/fixtures/province_season_table.py").path
        let reference = try Python.run([script, Self.root.path])
        #expect(reference.status == 0, "\(reference.output)")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(reference.output.utf8)) as? [String: [String: Any]])
        let places = ["merged": "Đồng Tháp (gồm Tiền Giang cũ)", "former": "Đồng Tháp (cũ, trước 1/7/2025)"]
        let placesEn = [
            "merged": "Đồng Tháp (including former Tiền Giang)", "former": "former Đồng Tháp (before 1 July 2025)",
        ]
        let indicators = ["area": "Diện tích gieo trồng", "yield": "Năng suất", "production": "Sản lượng"]
        let titles = [
            "dong-xuan": "Vụ Đông Xuân 2015–2016", "he-thu-thu-dong": "Vụ Hè Thu + Thu Đông 2016",
            "ca-nam": "Cả năm 2016",
        ]
        let lines = md.split(separator: "\n").map { $0.replacingOccurrences(of: "\\", with: "") }
        #expect(expected.count == 3)
        for (season, table) in expected {
            let title = try #require(titles[season])
            let start = try #require(lines.firstIndex { $0.hasPrefix("### ") && $0.contains(title) }, "\(title)")
            let rows = lines[start...].dropFirst().prefix { !$0.hasPrefix("#") }.filter { $0.hasPrefix("| ") }
            for row in try #require(table["rows"] as? [[String: Any]]) {
                let scope = try #require(row["scope"] as? String)
                let indicator = try #require(row["indicator"] as? String)
                let cells = try #require(row["cells"] as? [String])
                let place = try #require(places[scope])
                let line = rows.first {
                    $0.hasPrefix("| \(place) (_\(placesEn[scope]!)_)") && $0.contains("| \(indicators[indicator]!) (")
                }
                #expect(
                    line?.hasSuffix("| " + cells.joined(separator: " | ") + " |") == true,
                    "\(season) \(scope) \(indicator): \(line ?? "no row"), expected \(cells)")
            }
        }
        // The newest official season and its age.
        #expect(
            md.contains(
                "Số liệu chính thức mới nhất: vụ Hè Thu + Thu Đông 2016 (thu hoạch xong tháng 11/2016), cách đây 10 năm"
            ))

        // Every national series says so: headlines, table rows and chart captions.
        let national = ["Năng suất lúa", "Sản lượng lúa", "Năng suất xoài", "Sản lượng xoài"]
        for name in national {
            #expect(md.contains("\(name) cả nước 20"), "headline of \(name)")
            #expect(md.contains("| \(name) cả nước (_"), "table row of \(name)")
            #expect(md.contains("\(name) cả nước: thực tế và dự báo"), "caption of \(name)")
            #expect(!md.contains("\(name) 20"), "\(name) without its scope")
        }
        // The former province's series is labelled as such.
        #expect(md.contains("Năng suất lúa cả năm, Đồng Tháp (cũ, trước 1/7/2025)"))

        // Chart footers name the publisher, not a file.
        let charts = try FileManager.default.contentsOfDirectory(atPath: out + "/charts")
        #expect(!charts.isEmpty)
        for chart in charts {
            let svg = try String(contentsOfFile: out + "/charts/" + chart, encoding: .utf8)
            #expect(!svg.contains(".csv"), "\(chart)")
            let publisher =
                chart.hasPrefix("gso-") ? "Tổng cục Thống kê (GSO)" : "FAOSTAT, Cây trồng và vật nuôi (QCL), FAO"
            #expect(svg.contains("Nguồn: \(publisher)"), "\(chart)")
        }

        // The Vietnamese text outside the technical appendix has no English jargon.
        let appendix = try #require(html.range(of: "Phụ lục kỹ thuật"))
        var vietnamese = String(html[..<appendix.lowerBound])
        let english = try NSRegularExpression(
            pattern: "<(span|p)[^>]*lang=\"en\"[^>]*>.*?</\\1>", options: [.dotMatchesLineSeparators])
        vietnamese = english.stringByReplacingMatches(
            in: vietnamese, range: NSRange(vietnamese.startIndex..., in: vietnamese), withTemplate: "")
        for word in ["RMSE", "MAPE", "LOYO", "rolling", "Rolling"] {
            #expect(!vietnamese.contains(word), "\(word) in the Vietnamese text before the appendix")
        }
        #expect(html[appendix.lowerBound...].contains("RMSE"))
        #expect(md.contains("sai số trung bình khi dự báo lại các năm cũ: "))
    }

    @Test func aBadProvinceSectionIsRefusedWithExit64() throws {
        let f = try Folder()
        let path = try Self.configuration(in: f)
        var c = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var province = try #require(c["province"] as? [String: Any])
        for (key, value, message) in [
            ("dataset", "nope" as Any, "province: unknown dataset 'nope'"),
            ("calendar", "nope" as Any, "province: unknown calendar 'nope'"),
            ("seasons", [] as [String] as Any, "province: 'seasons' must name at least one season"),
            ("typo", 1 as Any, "province: unknown key 'typo'"),
            (
                "merged",
                [["id": "tien-giang", "name": ["vi": "Tiền Giang", "en": "Tiền Giang"], "since": "7/2025"]] as Any,
                "'since' must be a day YYYY-MM-DD"
            ),
        ] {
            var p = province
            p[key] = value
            c["province"] = p
            let bad = f.path("bad-\(key).json")
            try JSONSerialization.data(withJSONObject: c).write(to: URL(fileURLWithPath: bad))
            let r = try CLIRunner.run(
                ["publish", "--config", bad, "--out", f.path("out-\(key)")], environment: Self.epoch)
            #expect(r.status == 64, "\(key): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(message), "\(key): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: f.path("out-\(key)")))
        }
        // A season its calendar does not have: refused before anything is written.
        province["seasons"] = ["dong-xuan", "mua-he"]
        c["province"] = province
        let bad = f.path("bad-season.json")
        try JSONSerialization.data(withJSONObject: c).write(to: URL(fileURLWithPath: bad))
        let r = try CLIRunner.run(["publish", "--config", bad, "--out", f.path("out-season")], environment: Self.epoch)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("unknown season 'mua-he'"), "\(r.stderr)")
    }
}

import Foundation
import Testing

/// `muavu outlook` end to end on the bundled WFP prices (datasets/wfp-rice-wholesale.csv).
@Suite("muavu outlook")
struct OutlookCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let wfp = root.appendingPathComponent("datasets/wfp-rice-wholesale.csv").path
    static let crops = root.appendingPathComponent("datasets/faostat-vnm-crops.csv").path

    func outlook(_ extra: [String]) throws -> CLIResult {
        try CLIRunner.run(
            [
                "outlook", "--data", Self.wfp, "--series", "wfp-rice-wholesale-dong-thap",
                "--on-missing", "interpolate",
            ] + extra)
    }

    /// With the naive model the expected price is the last observed one: 8625 VND/kg in June 2022
    /// (the file's last Đồng Tháp row); July 2021 was 8300 VND/kg, so July 2022 is 3.9% up (4%).
    @Test("Vietnamese text on real data, naive model")
    func vietnamese() throws {
        let r = try outlook(["--model", "naive", "--as-of", "2022-07", "--language", "vi"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("giá tháng 7/2022 dự kiến khoảng 8.625 đồng/kg"), "\(r.stdout)")
        // June 2022 is before the issue month: the latest price, never "hiện nay" (now).
        #expect(r.stdout.contains("So với giá mới nhất (tháng 6/2022: 8.625 đồng/kg): không đổi"), "\(r.stdout)")
        #expect(!r.stdout.contains("hiện nay"), "\(r.stdout)")
        #expect(r.stdout.contains("so với cùng kỳ năm trước (tháng 7/2021: 8.300 đồng/kg): tăng 4%"), "\(r.stdout)")
        #expect(r.stdout.contains("8 trên 10 khả năng"))
        #expect(!r.stdout.contains("expected"))
        #expect(r.stderr.contains("outlook: wfp-rice-wholesale-dong-thap"))
    }

    @Test("English text; alerts given while the latest price is recent, withheld when it is old")
    func englishAndAlertAge() throws {
        let recent = try outlook(["--model", "naive", "--as-of", "2022-07", "--language", "en"])
        #expect(recent.status == 0, "\(recent.stderr)")
        #expect(
            recent.stdout.contains("the price for July 2022 is expected to be about 8,625 VND/kg"), "\(recent.stdout)")
        #expect(recent.stdout.contains("ALPS"))
        #expect(!recent.stdout.contains("more than 2 months old"))
        let old = try outlook(["--model", "naive", "--as-of", "2023-01", "--language", "en"])
        #expect(old.status == 0)
        #expect(old.stdout.contains("more than 2 months old"), "\(old.stdout)")
    }

    @Test("Both languages by default, Vietnamese first; --output writes the file")
    func bothAndOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-outlook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("outlook.txt")
        let r = try outlook(["--model", "naive", "--as-of", "2022-07", "--output", file.path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let text = try String(contentsOf: file, encoding: .utf8)
        let vi = try #require(text.range(of: "dự kiến"))
        let en = try #require(text.range(of: "expected"))
        #expect(vi.lowerBound < en.lowerBound)
    }

    /// The latest price is of June 2022: issued in March 2023 the outlook speaks of March 2023
    /// (July 2022 to February 2023 are estimates); issued in July 2024, 25 months later, there is none.
    @Test("The outlook runs through the issue month; none past 24 months")
    func issueMonth() throws {
        let r = try outlook(["--model", "naive", "--as-of", "2023-03", "--language", "vi", "--months", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("giá tháng 3/2023 dự kiến khoảng 8.625 đồng/kg"), "\(r.stdout)")
        #expect(r.stdout.contains("Các tháng sau: tháng 4/2023 khoảng"), "\(r.stdout)")
        #expect(!r.stdout.contains("tháng 5/2023") && !r.stdout.contains("hiện nay"), "\(r.stdout)")
        let late = try outlook(["--model", "naive", "--as-of", "2024-07"])
        #expect(late.status == 65 && late.stderr.contains("25 months before 2024-07"), "\(late.stderr)")
        #expect(late.stdout.isEmpty)
        #expect(try outlook(["--model", "naive", "--as-of", "2024-06"]).status == 0)
        // A file's prices after the issue month were not known then: refused, with the way out.
        let early = try outlook(["--model", "naive", "--as-of", "2021-01"])
        #expect(early.status == 65 && early.stderr.contains("after the issue month 2021-01"), "\(early.stderr)")
    }

    static let failures: [(args: [String], status: Int32, message: String)] = [
        (["--data", wfp, "--on-missing", "interpolate"], 64, "choose one with --series"),
        (["--data", wfp, "--on-missing", "interpolate", "--series", "wfp-rice-wholesale-can-tho"], 64, "no series"),
        (["--data", crops, "--series", "vnm-rice-yield"], 64, "not monthly"),
        (["--data", wfp, "--series", "wfp-rice-wholesale-dong-thap"], 65, "missing"),
        (["--data", wfp, "--series", "wfp-rice-wholesale-dong-thap", "--horizon", "2", "--step", "3"], 64, "--step"),
        (["--data", wfp, "--series", "wfp-rice-wholesale-dong-thap", "--level", "120"], 64, "--level"),
        (["--data", wfp, "--series", "wfp-rice-wholesale-dong-thap", "--language", "fr"], 64, "--language"),
        (["--data", "/nonexistent.csv", "--series", "x"], 65, "nonexistent.csv"),
        (
            [
                "--data", wfp, "--series", "wfp-rice-wholesale-dong-thap", "--on-missing", "interpolate", "--model",
                "prophet",
            ],
            64, "prophet"
        ),
    ]

    @Test("Exit codes: 64 for bad usage, 65 for bad data", arguments: failures.indices)
    func exitCodes(_ i: Int) throws {
        let (args, status, message) = Self.failures[i]
        let r = try CLIRunner.run(["outlook"] + args)
        #expect(r.status == status, "\(args): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}

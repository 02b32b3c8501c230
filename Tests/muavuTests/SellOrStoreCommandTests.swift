import Foundation
import TestSupport
import Testing

/// `muavu sell-or-store`: the command that writes docs/benchmarks/sell-or-store.md, end to end.
/// Its statements, exported as CSV, are recounted by scripts/fixtures/sell_or_store_reliability.py
/// from the actual prices, and the recount must be the table the Markdown publishes.
@Suite("muavu sell-or-store")
struct SellOrStoreCommandTests {
    static let root = Python.root

    @Test func thePublishedTableIsTheIndependentRecount() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = dir.appendingPathComponent("sell-or-store.md").path
        let csv = dir.appendingPathComponent("statements.csv").path
        let args = [
            "sell-or-store", "--model", "naive", "--datasets", Self.root.appendingPathComponent("datasets").path,
            "--statements", csv, "--output", md,
        ]
        let r = try CLIRunner.run(args, environment: ["SOURCE_DATE_EPOCH": "1795910400"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let text = try String(contentsOfFile: md, encoding: .utf8)
        let script = Self.root.appendingPathComponent("scripts/fixtures/sell_or_store_reliability.py").path
        let recount = try Python.run([script, csv, Self.root.appendingPathComponent("datasets").path])
        #expect(recount.status == 0, "\(recount.output)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(recount.output.utf8)) as? [String: Any])
        let byK = try #require(json["by_k"] as? [String: [String: Any]])
        #expect(byK.count == 6)
        for k in 1...6 {
            let t = try #require(byK["\(k)"])
            let cases = try #require(t["cases"] as? Int)
            let brier = try #require(t["brier"] as? Double)
            // The summary row: k, statements, …, Brier with four decimals.
            let row = "| \(k) | \(cases) | "
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(row) }, "no row \(row)")
            #expect(line.contains("| " + String(format: "%.4f", brier) + " |"), "\(line) vs \(brier)")
            // Each tenth with a statement: its count and how many happened.
            let section = try #require(text.components(separatedBy: "### Waiting \(k) month").dropFirst().first)
            let table = section.components(separatedBy: "###").first ?? ""
            for case let bin as [String: Any] in t["bins"] as? [Any] ?? [] {
                let (i, n, h) = (bin["index"] as? Int ?? -1, bin["cases"] as? Int ?? -1, bin["happened"] as? Int ?? -1)
                guard n > 0 else { continue }
                #expect(table.contains("| \(i * 10)–\(i * 10 + 10)% | \(n) | \(h) |"), "k=\(k) bin \(i)")
            }
        }
        // Against the past rate: the same statements, both Brier scores.
        let past = try #require(json["past_rate"] as? [String: [String: Any]])
        let rule = try #require(text.components(separatedBy: "Brier, the past rate |").dropFirst().first)
        for k in 1...6 {
            let t = try #require(past["\(k)"])
            let n = t["cases"] as? Int ?? -1
            let ours = String(format: "%.4f", t["brier"] as? Double ?? .nan)
            let theirs = String(format: "%.4f", t["past_brier"] as? Double ?? .nan)
            let row = "| \(k) | \(n) | \(ours) | \(theirs) |"
            #expect(rule.contains(row), "past rate, k=\(k): \(row)")
        }
                // Byte-reproducible with the same SOURCE_DATE_EPOCH.
        let again = dir.appendingPathComponent("again.md").path
        var second = args
        second[second.count - 1] = again
        second[second.count - 3] = dir.appendingPathComponent("again.csv").path
        #expect(try CLIRunner.run(second, environment: ["SOURCE_DATE_EPOCH": "1795910400"]).status == 0)
        #expect(FileManager.default.contents(atPath: md) == FileManager.default.contents(atPath: again))
    }

    @Test func badOptionsExit64() throws {
        let bad = [
            ["--months", "0"], ["--model", "prophet"], ["--field-moisture", "10"], ["--calibration-origins", "5"],
        ]
        for args in bad {
            let r = try CLIRunner.run(["sell-or-store"] + args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }
}

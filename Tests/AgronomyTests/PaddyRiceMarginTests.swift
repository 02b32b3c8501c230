import Agronomy
import Foundation
import Testing
import TimeSeriesCore

/// The paddy-to-rice link (`PaddyRiceMargin`) on the bundled series, against pandas
/// (Fixtures/paddy-rice-margin.csv, made by scripts/fixtures/paddy_rice_margin.py).
@Suite("Paddy–rice margin")
struct PaddyRiceMarginTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A monthly series of a tidy file, read with a plain split (the first four columns of these
    /// files never hold a comma): NaN in the months between its reported ones.
    static func series(_ file: String, _ id: String) throws -> TimeSeries {
        let text = try String(contentsOf: root.appendingPathComponent("datasets/\(file)"), encoding: .utf8)
        var points: [(PeriodDate, Double)] = []
        var unit = ""
        for line in text.split(separator: "\n") where line.hasPrefix(id + ",") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let d = PeriodDate(parsing: String(f[1])), let v = Double(f[2]) else { continue }
            points.append((d, v))
            unit = String(f[3])
        }
        let first = try #require(points.first?.0)
        let last = try #require(points.last?.0)
        var values = [Double](repeating: .nan, count: last.ordinal - first.ordinal + 1)
        for (d, v) in points { values[d.ordinal - first.ordinal] = v }
        return TimeSeries(id: id, values: values, frequency: .monthly, start: first, unit: unit)
    }

    struct Row: Sendable {
        var paddy: String, other: String, n: Int
        var marginMean: Double?, marginMin: Double?, marginMax: Double?, ratio: Double?, correlation: Double?
    }

    static let reference: [Row] = {
        let path = root.appendingPathComponent("Tests/AgronomyTests/Fixtures/paddy-rice-margin.csv")
        guard let text = try? String(contentsOf: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(
                paddy: f[0], other: f[1], n: Int(f[2]) ?? -1, marginMean: Double(f[3]), marginMin: Double(f[4]),
                marginMax: Double(f[5]), ratio: Double(f[6]), correlation: Double(f[7]))
        }
    }()

    static func file(_ id: String) -> String {
        id.hasPrefix("paddy")
            ? "paddy-price-monthly.csv"
            : id.hasPrefix("wfp") ? "wfp-rice-wholesale.csv" : "wb-pinksheet-monthly.csv"
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): abs(x - y) <= 1e-9 * max(1, abs(y))
        default: false
        }
    }

    @Test("Common months, margin, ratio and correlation as pandas computes them", arguments: 0..<6)
    func pair(_ i: Int) throws {
        try #require(Self.reference.count == 6)
        let r = Self.reference[i]
        let link = try PaddyRiceMargin(
            paddy: Self.series(Self.file(r.paddy), r.paddy), other: Self.series(Self.file(r.other), r.other))
        #expect(link.count == r.n, "\(r.paddy) × \(r.other)")
        #expect(Self.close(link.meanMargin, r.marginMean), "\(String(describing: link.meanMargin))")
        #expect(Self.close(link.marginRange?.lowerBound, r.marginMin))
        #expect(Self.close(link.marginRange?.upperBound, r.marginMax))
        #expect(Self.close(link.meanRatio, r.ratio))
        #expect(Self.close(link.correlation, r.correlation))
    }

    @Test("The export price is never relabelled: no margin across units")
    func units() throws {
        let paddy = TimeSeries(
            id: "p", values: [6000, .nan, 6200, 6400], frequency: .monthly, start: .month(year: 2024, month: 1),
            unit: "VND/kg")
        let export = TimeSeries(
            id: "x", values: [500, 510, 520, 530], frequency: .monthly, start: .month(year: 2024, month: 1),
            unit: "USD/t")
        let link = try PaddyRiceMargin(paddy: paddy, other: export)
        #expect(link.count == 3)
        #expect(link.meanMargin == nil && link.marginRange == nil)
        #expect(link.months.map(\.margin) == [nil, nil, nil])
        #expect(link.correlation != nil)
    }
}

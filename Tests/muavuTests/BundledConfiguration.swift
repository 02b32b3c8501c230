import Foundation

/// models/dong-thap.json as the tests use it: a copy written in a temporary folder beside a link
/// to the bundled calendars, with some datasets read from the bundled CSV files instead of the
/// store (a store made today knew nothing on an earlier `--as-of`).
enum BundledConfiguration {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let models = root.appendingPathComponent("models")

    /// models/dong-thap.json as JSON.
    static var original: [String: Any] {
        (try? JSONSerialization.jsonObject(
            with: Data(contentsOf: models.appendingPathComponent("dong-thap.json"))) as? [String: Any]) ?? [:]
    }

    /// The path of a copy whose datasets `csv` (dataset key → file name in datasets/) are read
    /// from those files; "" when the copy cannot be written (the tests using it then fail).
    static func withCSVDatasets(_ csv: [(key: String, file: String)]) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-config-\(UUID().uuidString)")
        var c = original
        guard (try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)) != nil,
            var datasets = c["datasets"] as? [String: Any]
        else { return "" }
        for (key, file) in csv {
            var d = datasets[key] as? [String: Any] ?? [:]
            d["store"] = nil
            d["path"] = root.appendingPathComponent("datasets/\(file)").path
            datasets[key] = d
        }
        c["datasets"] = datasets
        // The quotes files, named relative to models/, from the copy's folder.
        c["forecasts"] = (c["forecasts"] as? [[String: Any]] ?? []).map { entry in
            var e = entry
            if var q = e["quotes"] as? [String: Any], let path = q["path"] as? String {
                q["path"] = models.appendingPathComponent(path).standardized.path
                e["quotes"] = q
            }
            return e
        }
        if let quoted = c["quotedPrices"] as? [[String: Any]] {
            c["quotedPrices"] = quoted.map { entry in
                var e = entry
                if let path = e["quotes"] as? String {
                    e["quotes"] = models.appendingPathComponent(path).standardized.path
                }
                return e
            }
        }
        try? FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("calendars"), withDestinationURL: models.appendingPathComponent("calendars"))
        let path = dir.appendingPathComponent("dong-thap.json")
        guard (try? JSONSerialization.data(withJSONObject: c).write(to: path)) != nil else { return "" }
        return path.path
    }
}

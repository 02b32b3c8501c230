import Foundation

/// The independent GSM-7 counter, scripts/fixtures/gsm7_septets.py (3GPP TS 23.038 tables typed
/// out apart from muavu's `GSM7`), run on strings made at test time.
public enum GSM7Reference {
    public struct Count: Decodable, Equatable, Sendable {
        /// Septets in the default alphabet (extension characters 2), nil when not encodable.
        public var septets: Int?
        public var encodable: Bool
    }

    /// The count of each of `texts`, in order.
    public static func counts(_ texts: [String]) throws -> [Count] {
        let script = Python.root.appendingPathComponent("scripts/fixtures/gsm7_septets.py").path
        let out = try Python.run([script, "--count"], input: try JSONEncoder().encode(texts))
        return try JSONDecoder().decode([Count].self, from: Data(out.output.utf8))
    }
}

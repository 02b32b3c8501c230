import Foundation

/// The NIST StRD fixtures shipped with this test target.
struct NISTProblem: Decodable {
    var formula: String
    var n: Int
    var estimates: [Double]
    var standard_deviations: [Double]
    var residual_sd: Double
    var r_squared: Double
}

struct NISTCertified: Decodable {
    var problems: [String: NISTProblem]
}

enum NISTFixtures {
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("nist")
    }

    static func certified() throws -> NISTCertified {
        let data = try Data(contentsOf: directory.appendingPathComponent("certified.json"))
        return try JSONDecoder().decode(NISTCertified.self, from: data)
    }

    /// Columns of NAME.csv: y, then the predictors.
    static func columns(_ name: String) throws -> (y: [Double], x: [[Double]]) {
        let text = try String(contentsOf: directory.appendingPathComponent("\(name).csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").dropFirst()
        var y: [Double] = []
        var x: [[Double]] = []
        for line in lines {
            let v = line.split(separator: ",").map { Double(String($0))! }
            y.append(v[0])
            if x.isEmpty { x = Array(repeating: [], count: v.count - 1) }
            for j in 1..<v.count { x[j - 1].append(v[j]) }
        }
        return (y, x)
    }
}

/// The log relative error of NIST's StRD reports: −log₁₀(|q − c|/|c|), or −log₁₀|q| when the
/// certified value c is 0; capped at 15 (McCullough 1998, "Assessing the reliability of
/// statistical software", The American Statistician 52(4)).
func logRelativeError(_ q: Double, certified c: Double) -> Double {
    if q == c { return 15 }
    let e = c == 0 ? abs(q) : abs(q - c) / abs(c)
    return min(15, -log10(e))
}

import Foundation
import LinearAlgebra

// Times least squares min ‖Xβ − y‖ through muavu's column-scaled pivoted QR (dgeqp3, dormqr,
// dtrtrs) on a random design. Usage: lstsq-bench [rows] [columns] [repeats] [seed]
// Prints one line per repeat and a summary line "muavu-qr rows cols best median" (seconds).

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fixed, portable generator.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform on [−1, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-52 - 1 }
}

let args = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let rows = args.count > 0 ? args[0] : 200_000
let cols = args.count > 1 ? args[1] : 50
let repeats = args.count > 2 ? args[2] : 5
var rng = SplitMix64(state: UInt64(args.count > 3 ? args[3] : 20261129))

var x = Matrix(rows: rows, columns: cols)
for i in x.storage.indices { x.storage[i] = rng.uniform() }
let beta = (0..<cols).map { Double($0 % 7) - 3 }
var y = try BLAS.product(x, beta)
for i in y.indices { y[i] += 0.1 * rng.uniform() }

var times: [Double] = []
var check = 0.0
for r in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    let qr = try PivotedQR(x)
    let b = try qr.solve(y)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    times.append(seconds)
    check = zip(b, beta).map { abs($0 - $1) }.max() ?? 0
    FileHandle.standardError.write(
        Data("repeat \(r + 1): \(String(format: "%.3f", seconds)) s, max |b - beta| = \(check)\n".utf8))
}
let sorted = times.sorted()
print(String(format: "muavu-qr %d %d %.4f %.4f", rows, cols, sorted[0], sorted[sorted.count / 2]))

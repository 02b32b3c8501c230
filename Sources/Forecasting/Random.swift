import Foundation

/// A seeded, deterministic pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// Blackman, D. & Vigna, S. (2021). Scrambled linear pseudorandom number generators.
/// ACM Transactions on Mathematical Software 47(4), 36. The 256-bit state is filled from the
/// 64-bit seed by SplitMix64 (Steele, Lea & Flood 2014), as the authors recommend, so that
/// nearby seeds give unrelated streams. Same seed → same sequence on every platform, which is
/// what makes simulated prediction intervals byte-reproducible.
///
/// A value type: copying it forks the stream (both copies then produce the same numbers).
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    /// The second normal deviate of the last Box–Muller pair, not yet returned.
    private var spareNormal: Double?

    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
        spareNormal = nil
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = SeededGenerator.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SeededGenerator.rotl(s3, 45)
        return result
    }

    /// A uniform draw in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal draw, by the polar method of Marsaglia & Bray (1964), SIAM Review 6,
    /// 260–264: draws (u, v) uniform in the unit disc and returns u·√(−2 ln s / s), keeping
    /// the second deviate for the next call.
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * nextUniform() - 1
            let v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// A normal draw with mean `mean` and standard deviation `sd`.
    public mutating func nextNormal(mean: Double, sd: Double) -> Double {
        mean + sd * nextNormal()
    }
}

import Documents
import Foundation
import Store

/// The write tokens of `muavu serve` (docs/design/server.md, "Tokens"): 32 random bytes from the
/// system's cryptographically secure generator, written as 64 hexadecimal digits and shown once;
/// the store keeps only their SHA-256, and a token sent with a request is compared with every
/// valid one in constant time.
public enum AccessTokens {
    /// Bytes of randomness in a token: 256 bits, beyond any guessing.
    static let byteCount = 32

    /// A new token: 32 bytes of `SystemRandomNumberGenerator` (on Linux the kernel's `getrandom(2)`,
    /// the system CSPRNG), as lowercase hex.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<byteCount).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return String(format: "%02x", byte)
        }.joined()
    }

    /// The SHA-256 of a token's text, as the store keeps it.
    public static func hash(_ token: String) -> String { SHA256.hex(Data(token.utf8)) }

    /// Whether `text` has the form of a token (64 lowercase hexadecimal digits); anything else is
    /// refused before it is hashed or compared.
    public static func isWellFormed(_ text: Substring) -> Bool {
        text.utf8.count == byteCount * 2
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The name of the valid token of `tokens` whose hash is `hash`, nil when none is: each valid
    /// token is compared, and each comparison looks at every byte, so the time taken does not
    /// depend on how much of a guess is right.
    public static func name(of hash: String, among tokens: [AccessToken]) -> String? {
        var found: String?
        for token in tokens where token.revokedAt == nil {
            if equalInConstantTime(Array(hash.utf8), Array(token.sha256.utf8)) { found = token.name }
        }
        return found
    }

    /// `a == b`, looking at every byte of both whatever they hold.
    static func equalInConstantTime(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    /// What `muavu token add NAME` accepts as a name: 1 to 64 letters, digits, '.', '_' or '-'
    /// (it is written in the store and in every write's record).
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy {
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
                    || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D
            }
    }
}

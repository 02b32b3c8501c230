import Documents
import Foundation
import Testing

@Suite("SHA-256 of input and output files")
struct SHA256Tests {
    /// FIPS 180-4 / NIST CSRC example values ("SHA256.pdf", one-block and two-block messages).
    @Test("NIST examples")
    func nistExamples() {
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Lengths around the padding boundaries (55, 56, 63, 64, 65 bytes) and a multi-block file, against `sha256sum`.
    @Test("Agrees with sha256sum", arguments: [1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_001])
    func agreesWithSha256sum(_ length: Int) throws {
        let tool = "/usr/bin/sha256sum"
        try #require(FileManager.default.isExecutableFile(atPath: tool), "sha256sum (coreutils) is needed")
        var rng = UInt64(length) &* 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<length).map { _ -> UInt8 in
            rng ^= rng << 13
            rng ^= rng >> 7
            rng ^= rng << 17
            return UInt8(truncatingIfNeeded: rng)
        }
        let data = Data(bytes)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-sha-\(UUID().uuidString)")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let expected = String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init)
        #expect(SHA256.hex(data) == expected)
    }
}

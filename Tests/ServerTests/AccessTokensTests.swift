import Foundation
import Store
import Testing

@testable import Server

/// The tokens: 32 random bytes as 64 hex digits, kept as SHA-256, found in constant time.
@Suite("muavu serve: tokens")
struct AccessTokensTests {
    @Test func aTokenIs64HexDigitsAndNeverTheSameTwice() {
        let tokens = (0..<100).map { _ in AccessTokens.generate() }
        #expect(tokens.allSatisfy { AccessTokens.isWellFormed($0[...]) })
        #expect(Set(tokens).count == tokens.count)
        // Every hexadecimal digit appears: the bytes are not drawn from a narrow range.
        #expect(Set(tokens.joined()).count == 16)
    }

    @Test func theStoreKeepsOnlyTheSHA256AndFindsTheValidTokenByIt() throws {
        let served = try ServedStore(importing: [])
        let token = try served.addToken("htx-a")
        let store = try ObservationStore(path: served.path)
        let kept = try store.tokens()
        #expect(kept.map(\.name) == ["htx-a"])
        #expect(kept[0].sha256 == AccessTokens.hash(token) && kept[0].sha256 != token)
        // sha256sum of the text: printf %s TOKEN | sha256sum.
        #expect(AccessTokens.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(AccessTokens.name(of: AccessTokens.hash(token), among: kept) == "htx-a")
        #expect(AccessTokens.name(of: AccessTokens.hash(AccessTokens.generate()), among: kept) == nil)
        try store.revokeToken(name: "htx-a", now: Date())
        #expect(AccessTokens.name(of: AccessTokens.hash(token), among: try store.tokens()) == nil)
    }

    @Test func aNameIsGivenOnceEvenAfterItsTokenIsRevoked() throws {
        let served = try ServedStore(importing: [])
        _ = try served.addToken("htx-a")
        try ObservationStore(path: served.path).revokeToken(name: "htx-a", now: Date())
        let error = try #require(throws: StoreError.self) { _ = try served.addToken("htx-a") }
        #expect(error.code == .tokenExists)
        let unknown = try #require(throws: StoreError.self) {
            try ObservationStore(path: served.path).revokeToken(name: "nobody", now: Date())
        }
        #expect(unknown.code == .unknownToken)
    }

    @Test(arguments: ["", "a b", "../x", "tên", String(repeating: "x", count: 65), "x\u{0}"])
    func aNameOutsideLettersDigitsAndDashesIsRefused(name: String) {
        #expect(!AccessTokens.isValidName(name))
    }

    @Test func constantTimeComparisonComparesWholeValues() {
        #expect(AccessTokens.equalInConstantTime(Array("abc".utf8), Array("abc".utf8)))
        #expect(!AccessTokens.equalInConstantTime(Array("abc".utf8), Array("abd".utf8)))
        #expect(!AccessTokens.equalInConstantTime(Array("abc".utf8), Array("ab".utf8)))
    }
}

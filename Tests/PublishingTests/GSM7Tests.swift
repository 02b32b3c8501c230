import Foundation
import TestSupport
import Testing

@testable import Publishing

/// The GSM-7 counter and encoder against scripts/fixtures/gsm7_septets.py, an implementation of
/// 3GPP TS 23.038 tables 6.2.1 and 6.2.1.1 written apart (hostile strings and the bundled
/// commodities' SMS messages), and the transliteration of Vietnamese.
@Suite struct GSM7Tests {
    struct Case: Decodable {
        var text: String
        var encodable: Bool
        var septets: Int?
        var codes: [UInt8]?
    }

    struct Fixture: Decodable {
        var source: String
        var cases: [Case]
    }

    static func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/gsm7/septets.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test func countsAndCodesAgreeWithTheIndependentTables() throws {
        let f = try Self.fixture()
        #expect(f.cases.count >= 30)
        for c in f.cases {
            #expect(GSM7.septets(c.text) == c.septets, "\(c.text.debugDescription)")
            #expect(GSM7.isEncodable(c.text) == c.encodable, "\(c.text.debugDescription)")
            #expect(GSM7.encode(c.text) == c.codes, "\(c.text.debugDescription)")
        }
        // The last four are the bundled commodities' SMS messages: each one message.
        #expect(f.cases.suffix(4).allSatisfy { $0.encodable && ($0.septets ?? .max) <= OutlookMessage.smsSeptets })
    }

    @Test func theAlphabetHas127CharactersAndTheExtensionTen() {
        #expect(GSM7.defaultCodes.count == 127)
        #expect(GSM7.extensionCodes.count == 10)
        #expect(GSM7.extensionCodes.keys.allSatisfy { GSM7.defaultCodes[$0] == nil })
    }

    @Test(arguments: [
        ("Giá lúa tại Đồng Tháp", "Gia lua tai Dong Thap"),
        ("đồng/kg, tạ/ha, tấn", "dong/kg, ta/ha, tan"),
        ("ĐẶNG Ữ Ỹ ỵ ơ ư ă â ê ô", "DANG U Y y o u a a e o"),
        ("8.100–10.200 − 5 … “a” ‘b’", "8.100-10.200 - 5 ... \"a\" 'b'"),
        ("Gia\u{00A0}lua\u{202F}x", "Gia lua x"),
        ("e\u{0301}", "e"),
        ("Ça ß Ø € [x]", "Ca ß Ø € [x]"),
        ("🌾 lúa\u{FE0F}", "? lua"),
        ("a\u{0}b\tc", "a?b c"),
        ("中文", "??"),
    ])
    func transliteratesIntoTheAlphabet(input: String, expected: String) {
        let t = GSM7.transliterated(input)
        #expect(t == expected)
        #expect(GSM7.isEncodable(t))
    }

    /// The transliteration of every character muavu's Vietnamese text can hold is encodable.
    @Test func everyVietnameseLetterTransliterates() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
        for c in letters + letters.uppercased() {
            let t = GSM7.transliterated(String(c))
            #expect(t.count == 1 && t.unicodeScalars.allSatisfy { $0.isASCII }, "\(c) → \(t)")
        }
    }

    /// The Swift counter against the Python one, run now on strings made here.
    @Test func agreesWithPythonOnFreshStrings() throws {
        let texts = [
            "Gia [moi] {nhat} \\ ~ ^ | €", String(repeating: "€", count: 80), "Ñandú ¿qué?", "naïve", "x\u{1B}y",
        ]
        let counts = try GSM7Reference.counts(texts)
        #expect(counts.count == texts.count)
        for (t, c) in zip(texts, counts) {
            #expect(GSM7.septets(t) == c.septets && GSM7.isEncodable(t) == c.encodable, "\(t)")
        }
    }
}

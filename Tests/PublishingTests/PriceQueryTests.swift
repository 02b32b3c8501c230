import Foundation
import Testing

@testable import Publishing

/// `PriceQuery` and `CommodityName`: the commodity names of `muavu outlook --commodity`, matched in
/// Vietnamese and English, with or without diacritics, against models/dong-thap.json's price entries.
@Suite("PriceQuery commodity names")
struct PriceQueryTests {
    static let configuration: PublishConfiguration? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try? PublishConfiguration.load(path: root.appendingPathComponent("models/dong-thap.json").path)
    }()
    /// The FAOSTAT producer prices are yearly; every other price entry is monthly.
    static func monthly(_ e: PublishConfiguration.Entry) -> Bool? { !e.id.hasSuffix("-producer-price") }

    static let synonyms: [(String, CommodityName)] = [
        ("lúa", .paddy), ("lua", .paddy), ("paddy", .paddy), ("Lúa", .paddy), ("LUA", .paddy), ("PADDY", .paddy),
        ("gạo", .rice), ("gao", .rice), ("rice", .rice), ("Gạo", .rice), ("GAO", .rice), ("Rice", .rice),
        ("xoài", .mango), ("xoai", .mango), ("mango", .mango), ("Xoài", .mango), ("XOAI", .mango),
        ("XOÀI", .mango), ("Mango", .mango), ("xoa\u{300}i", .mango), (" xoài ", .mango),
    ]

    @Test("Every synonym names its commodity", arguments: synonyms.indices)
    func synonym(_ i: Int) {
        let (word, commodity) = Self.synonyms[i]
        #expect(CommodityName(query: word) == commodity, "\(word)")
    }

    @Test func otherWordsNameNoCommodity() {
        for word in ["cà phê", "coffee", "lu", "gạo nếp", ""] { #expect(CommodityName(query: word) == nil, "\(word)") }
    }

    @Test func fold() {
        #expect(PriceQuery.fold("Đồng Tháp") == "dong thap")
        #expect(PriceQuery.fold("ĐỒNG THÁP") == "dong thap")
        #expect(CommodityName.named(in: "Giá lúa IR 50404 tại ruộng") == [.paddy])
        #expect(CommodityName.named(in: "Gạo (bán buôn)") == [.rice])
    }

    static let board = [
        "paddy-ir50404-an-giang", "paddy-ir50404-dry-an-giang", "paddy-om5451-an-giang", "paddy-dai-thom-8-an-giang",
        "paddy-om18-an-giang",
    ]

    @Test("lúa, lua, paddy: the An Giang board's varieties, fresh IR 50404 first (the yearly FAOSTAT one set aside)")
    func paddy() throws {
        let c = try #require(Self.configuration)
        for word in ["lúa", "lua", "paddy", "Lúa", "LUA", "PADDY"] {
            let all = Set(PriceQuery(commodity: word, market: nil).matches(in: c).map(\.id))
            #expect(all == Set(Self.board + ["vnm-rice-producer-price"]), "\(word)")
            let e = try PriceQuery(commodity: word, market: nil).entry(in: c, file: "c.json", monthly: Self.monthly)
            #expect(e.id == "paddy-ir50404-an-giang", "\(word)")
            let others = PriceQuery(commodity: word, market: nil).otherVarieties(than: e, in: c)
            #expect(others.count == 4, "\(others)")
        }
    }

    @Test(
        "--variety: folded, spaces ignored, a state word chooses dry",
        arguments: [
            ("ir50404", "paddy-ir50404-an-giang"), ("IR 50404", "paddy-ir50404-an-giang"),
            ("IR 50404 tươi", "paddy-ir50404-an-giang"), ("ir 50404 kho", "paddy-ir50404-dry-an-giang"),
            ("IR 50404 dry", "paddy-ir50404-dry-an-giang"), ("dai thom 8", "paddy-dai-thom-8-an-giang"),
            ("Đài Thơm 8", "paddy-dai-thom-8-an-giang"), ("ĐÀI THƠM 8", "paddy-dai-thom-8-an-giang"),
            ("OM18", "paddy-om18-an-giang"), ("om 5451", "paddy-om5451-an-giang"),
        ])
    func variety(_ name: String, _ id: String) throws {
        let c = try #require(Self.configuration)
        let e = try PriceQuery(commodity: "lúa", market: nil, variety: name)
            .entry(in: c, file: "c.json", monthly: Self.monthly)
        #expect(e.id == id, "\(name)")
    }

    @Test("A Đồng Tháp paddy query is answered from the An Giang board")
    func dongThap() throws {
        let c = try #require(Self.configuration)
        let e = try PriceQuery(commodity: "lua", market: "dong thap").entry(
            in: c, file: "c.json", monthly: Self.monthly)
        #expect(e.id == "paddy-ir50404-an-giang")
        #expect(e.quotes?.note?.vi.contains("An Giang") == true)
    }

    @Test("An unknown variety lists the varieties in the language asked for", arguments: ["vi", "en"])
    func unknownVariety(_ language: String) throws {
        let c = try #require(Self.configuration)
        #expect {
            _ = try PriceQuery(commodity: "lúa", market: nil, variety: "ST25", language: language)
                .entry(in: c, file: "c.json", monthly: Self.monthly)
        } throws: { error in
            guard let m = error as? PriceQuery.Mismatch else { return false }
            let fresh = language == "vi" ? "IR 50404 (tươi)" : "IR 50404 (fresh)"
            let other = language == "vi" ? "(fresh)" : "(tươi)"
            return m.message.contains("no variety 'ST25'") && m.message.contains(fresh)
                && m.message.contains("Đài Thơm 8") && !m.message.contains(other)
        }
    }

    @Test("gạo, gao, rice with a market: the wholesale price there; without: the candidates")
    func rice() throws {
        let c = try #require(Self.configuration)
        for word in ["gạo", "gao", "rice", "Gạo", "GAO"] {
            for (market, id) in [
                ("Đồng Tháp", "wfp-rice-wholesale-dong-thap"), ("dong thap", "wfp-rice-wholesale-dong-thap"),
                ("an giang", "wfp-rice-wholesale-an-giang"), ("xuất khẩu", "wb-rice-vnm-5"),
                ("export", "wb-rice-vnm-5"),
            ] {
                let e = try PriceQuery(commodity: word, market: market).entry(in: c, file: "c", monthly: Self.monthly)
                #expect(e.id == id, "\(word) at \(market)")
            }
            let error = #expect(throws: PriceQuery.Mismatch.self) {
                try PriceQuery(commodity: word, market: nil).entry(in: c, file: "c", monthly: Self.monthly)
            }
            for id in ["wfp-rice-wholesale-dong-thap", "wfp-rice-wholesale-an-giang", "wb-rice-vnm-5"] {
                #expect(error?.message.contains(id) == true, "\(word): \(error?.message ?? "")")
            }
            #expect(error?.message.contains("--market") == true)
        }
    }

    @Test("xoài, xoai, mango: only a yearly price, said plainly in the language asked for")
    func mango() throws {
        let c = try #require(Self.configuration)
        let entry = try #require(c.forecasts.first { $0.id == "vnm-mango-producer-price" })
        for word in ["xoài", "xoai", "mango", "Xoài", "XOAI"] {
            for (language, name) in [("vi", entry.name.vi), ("en", entry.name.en)] {
                let error = #expect(throws: PriceQuery.NotMonthly.self) {
                    try PriceQuery(commodity: word, market: nil, language: language)
                        .entry(in: c, file: "c", monthly: Self.monthly)
                }
                let message = error?.message ?? ""
                #expect(message.hasPrefix("\(word): muavu has only yearly prices"), "\(message)")
                #expect(message.contains(name) && message.contains("too few for a monthly outlook"), "\(message)")
            }
        }
    }

    @Test("An unknown commodity lists the prices in the language asked for")
    func unknown() throws {
        let c = try #require(Self.configuration)
        let prices = c.forecasts.filter { $0.kind == .price }
        func message(_ language: String) -> String {
            let error = #expect(throws: PriceQuery.Mismatch.self) {
                try PriceQuery(commodity: "cà phê", market: nil, language: language).entry(in: c, file: "c")
            }
            return error?.message ?? ""
        }
        let (vi, en, both) = (message("vi"), message("en"), message("both"))
        for e in prices {
            let (nameVi, nameEn) = (e.commodity?.vi ?? e.name.vi, e.commodity?.en ?? e.name.en)
            #expect(vi.contains(nameVi) && !vi.contains(nameEn), "\(vi)")
            #expect(en.contains(nameEn) && !en.contains(nameVi), "\(en)")
            #expect(both.contains(nameVi) && both.contains(nameEn), "\(both)")
        }
    }
}

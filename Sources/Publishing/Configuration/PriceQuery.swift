import Foundation

/// A commodity muavu knows by several words: Vietnamese with and without diacritics, and English.
/// `muavu outlook --commodity lúa`, `lua` and `paddy` all name `.paddy`.
public enum CommodityName: String, CaseIterable, Sendable {
    case paddy, rice, mango

    /// The words that name the commodity, as typed (compared folded by `PriceQuery.fold`).
    public var words: [String] {
        switch self {
        case .paddy: ["lúa", "lua", "paddy"]
        case .rice: ["gạo", "gao", "rice"]
        case .mango: ["xoài", "xoai", "mango"]
        }
    }

    /// The commodity a query names when it is one of the words ("Xoài", "XOAI", "mango").
    public init?(query: String) {
        let q = PriceQuery.fold(query)
        guard let c = Self.allCases.first(where: { $0.words.map(PriceQuery.fold).contains(q) }) else { return nil }
        self = c
    }

    /// The commodities whose words stand as whole words in `text` ("Giá lúa IR 50404" → paddy).
    public static func named(in text: String) -> Set<CommodityName> {
        let tokens = Set(
            PriceQuery.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        return Set(allCases.filter { c in c.words.map(PriceQuery.fold).contains(where: tokens.contains) })
    }
}

/// The price entry of a publish configuration that a commodity and a market name, as
/// `muavu outlook --commodity --market` asks: each compared folded (`fold`); the commodity matches
/// an entry when both name the same `CommodityName`, or when the query's words are whole words of the
/// entry's commodity, name or series; the market is the whole or a part of the entry's market.
public struct PriceQuery: Sendable {
    public var commodity: String?
    public var market: String?
    /// The language of the names in messages: vi, en or both.
    public var language: String

    public init(commodity: String?, market: String?, language: String = "en") {
        self.commodity = commodity
        self.market = market
        self.language = language
    }

    /// A query that names no price, or several; `message` says which and lists the candidates.
    public struct Mismatch: Error, Sendable {
        public var message: String
    }

    /// A query whose only prices are not monthly: `message` says so, naming them.
    public struct NotMonthly: Error, Sendable {
        public var message: String
    }

    /// The price entries of `configuration` that the query names.
    public func matches(in configuration: PublishConfiguration) -> [PublishConfiguration.Entry] {
        let wantedCommodity = commodity.map(Self.words) ?? ""
        let wantedKey = commodity.flatMap { CommodityName(query: $0) }
        let wantedMarket = market.map(Self.fold)
        func names(_ e: PublishConfiguration.Entry) -> [String] {
            [e.commodity?.vi, e.commodity?.en, e.name.vi, e.name.en].compactMap { $0 }
        }
        func markets(_ e: PublishConfiguration.Entry) -> [String] {
            [e.market?.vi, e.market?.en].compactMap { $0 }.map(Self.fold)
        }
        return configuration.forecasts.filter { $0.kind == .price }.filter { e in
            let commodityMatches =
                wantedCommodity.isEmpty
                || (names(e) + [e.series]).map(Self.words).contains { $0.contains(wantedCommodity) }
                || wantedKey.map { key in names(e).contains { CommodityName.named(in: $0).contains(key) } } == true
            return commodityMatches
                && (wantedMarket.map { m in markets(e).contains { $0 == m || $0.contains(m) } } ?? true)
        }
    }

    /// The one monthly price entry of `configuration` (read from `file`) that the query names.
    /// `monthly` says whether an entry's prices are monthly (nil: not known, taken as monthly);
    /// a query that names only other prices throws `NotMonthly`.
    public func entry(
        in configuration: PublishConfiguration, file: String,
        monthly: (PublishConfiguration.Entry) -> Bool? = { _ in nil }
    ) throws -> PublishConfiguration.Entry {
        let all = matches(in: configuration)
        let matches = all.filter { monthly($0) != false }
        let asked = commodity ?? ""
        let at = market.map { " at '\($0)'" } ?? ""
        if matches.isEmpty, !all.isEmpty {
            throw NotMonthly(
                message: "\(asked)\(at): muavu has only yearly prices of it ("
                    + all.map { e in
                        let source = configuration.datasets[e.dataset]?.source.map { language == "vi" ? $0.vi : $0.en }
                        return Self.label(e, language) + (source.map { ", \($0)" } ?? "")
                    }.joined(separator: "; ") + "), too few for a monthly outlook")
        }
        guard let entry = matches.first else {
            throw Mismatch(
                message: "no price of '\(asked)'\(at) in \(file); its prices are: "
                    + Self.listing(configuration, language: language))
        }
        guard matches.count == 1 else {
            throw Mismatch(
                message: "'\(asked)'\(at) matches \(matches.count) prices in \(file) ("
                    + matches.map { Self.label($0, language) }.joined(separator: "; ")
                    + "); name the market with --market")
        }
        return entry
    }

    /// A price entry in words, in `language` (vi, en or both): `Rice (wholesale) at Đồng Tháp
    /// (wfp-rice-wholesale-dong-thap)`.
    public static func label(_ e: PublishConfiguration.Entry, _ language: String) -> String {
        func words(_ vi: Bool) -> String {
            let name = vi ? (e.commodity?.vi ?? e.name.vi) : (e.commodity?.en ?? e.name.en)
            let market = e.market.map { vi ? " tại \($0.vi)" : " at \($0.en)" } ?? ""
            return name + market
        }
        let text = language == "vi" ? words(true) : language == "en" ? words(false) : "\(words(true)) / \(words(false))"
        return "\(text) (\(e.id))"
    }

    /// The configuration's prices in words, for a message: `Rice (wholesale) at Đồng Tháp (id); ...`.
    public static func listing(_ configuration: PublishConfiguration, language: String = "en") -> String {
        configuration.forecasts.filter { $0.kind == .price }.map { label($0, language) }.joined(separator: "; ")
    }

    /// The folded words of `s`, each between spaces: " gia ban buon gao tai dong thap ", so that a
    /// query's words are found whole ("rice" is not a part of "price").
    static func words(_ s: String) -> String {
        let tokens = fold(s).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return tokens.isEmpty ? "" : " " + tokens.joined(separator: " ") + " "
    }

    /// NFC, lower case, without diacritics (đ → d): "Đồng Tháp" and "dong thap" compare equal.
    public static func fold(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.lowercased().replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }
}

import AgriData
import Documents
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
    /// The variety (`--variety`): "IR 50404", "ir50404", "dai thom 8", "OM18", with a state word
    /// or not ("IR 50404 khô", "dry"); matched against the entries' `variety` folded and without
    /// spaces, the state against their quotes' (fresh when the query names none).
    public var variety: String?
    /// The language of the names in messages: vi, en or both.
    public var language: String

    public init(commodity: String?, market: String?, variety: String? = nil, language: String = "en") {
        self.commodity = commodity
        self.market = market
        self.variety = variety
        self.language = language
    }

    /// The variety and state a `--variety` text names: its state words (tươi/tuoi/fresh,
    /// khô/kho/dry) taken out, the rest compacted (`TextKey.compact`).
    public static func varietyKey(_ text: String) -> (variety: String, state: PaddyState?) {
        var state: PaddyState?
        var rest: [String] = []
        for token in TextKey.folded(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) {
            if let s = PaddyState.allCases.first(where: { $0.words.map(TextKey.folded).contains(token) }) {
                state = s
            } else {
                rest.append(token)
            }
        }
        return (rest.joined(), state)
    }

    /// The entry's variety and state in words, in `language`: "Đài Thơm 8 (tươi)".
    public static func varietyLabel(_ e: PublishConfiguration.Entry, _ language: String) -> String? {
        guard let v = e.variety else { return nil }
        func words(_ vi: Bool) -> String {
            let state = e.quotes.map { " (\(vi ? $0.state.vi : $0.state.en))" } ?? ""
            return (vi ? v.vi : v.en) + state
        }
        return language == "vi" ? words(true) : language == "en" ? words(false) : "\(words(true)) / \(words(false))"
    }

    /// Of `entries` (those the commodity and market name), the ones of the asked variety: all when
    /// no variety is asked; fresh ones when the variety names no state and the entry has one.
    func ofVariety(_ entries: [PublishConfiguration.Entry]) -> [PublishConfiguration.Entry] {
        guard let variety else { return entries }
        let (key, state) = Self.varietyKey(variety)
        return entries.filter { e in
            guard let v = e.variety else { return false }
            let named = key.isEmpty || [v.vi, v.en].map(TextKey.compact).contains(key)
            return named && (e.quotes.map { $0.state == (state ?? .fresh) } ?? (state == nil))
        }
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
            ([e.market?.vi, e.market?.en] + (e.servesMarkets ?? []).flatMap { [$0.vi, $0.en] }).compactMap { $0 }
                .map(Self.fold)
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

    /// Whether the query's commodity and market name `commodity` at `market` (a `quotedPrices`
    /// entry): the same rules as `matches`.
    public func names(commodity names: Bilingual, market place: Bilingual) -> Bool {
        let wanted = commodity.map(Self.words) ?? ""
        let key = commodity.flatMap { CommodityName(query: $0) }
        let commodityMatches =
            wanted.isEmpty || [names.vi, names.en].map(Self.words).contains { $0.contains(wanted) }
            || key.map { k in [names.vi, names.en].contains { CommodityName.named(in: $0).contains(k) } } == true
        let marketMatches =
            market.map(Self.fold).map { m in [place.vi, place.en].map(Self.fold).contains { $0 == m || $0.contains(m) }
            }
            ?? true
        return commodityMatches && marketMatches
    }

    /// The one monthly price entry of `configuration` (read from `file`) that the query names.
    /// `monthly` says whether an entry's prices are monthly (nil: not known, taken as monthly);
    /// a query that names only other prices throws `NotMonthly`.
    public func entry(
        in configuration: PublishConfiguration, file: String,
        monthly: (PublishConfiguration.Entry) -> Bool? = { _ in nil }
    ) throws -> PublishConfiguration.Entry {
        let all = matches(in: configuration)
        let monthlyMatches = all.filter { monthly($0) != false }
        var matches = ofVariety(monthlyMatches)
        if let variety, matches.isEmpty, !monthlyMatches.isEmpty {
            let known = monthlyMatches.compactMap { Self.varietyLabel($0, language) }
            throw Mismatch(
                message: "no variety '\(variety)' of '\(commodity ?? "")' in \(file); "
                    + (known.isEmpty
                        ? "its prices name no variety" : "its varieties are: " + known.joined(separator: "; ")))
        }
        // Several varieties of one price and none asked: the first fresh one, in the
        // configuration's order (`otherVarieties` lists the rest for a note).
        if variety == nil, matches.count > 1, matches.allSatisfy({ $0.variety != nil }),
            let first = matches.first(where: { $0.quotes?.state != .dry }) ?? matches.first
        {
            matches = [first]
        }
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

    /// The other varieties the query's commodity and market name, when it names no variety and
    /// `entry` was chosen among them: for the note that `--variety` chooses.
    public func otherVarieties(
        than entry: PublishConfiguration.Entry, in configuration: PublishConfiguration
    ) -> [String] {
        guard variety == nil, entry.variety != nil else { return [] }
        return matches(in: configuration).filter { $0.id != entry.id && $0.variety != nil }
            .compactMap { Self.varietyLabel($0, language) }
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
        TextKey.folded(s)
    }
}

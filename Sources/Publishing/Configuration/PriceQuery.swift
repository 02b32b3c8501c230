import Foundation

/// The price entry of a publish configuration that a commodity and a market name, as
/// `muavu outlook --commodity --market` asks: each compared folded (`fold`), the commodity as a
/// part of the entry's commodity, name or series, the market as the whole or a part of its market.
public struct PriceQuery: Sendable {
    public var commodity: String?
    public var market: String?

    public init(commodity: String?, market: String?) {
        self.commodity = commodity
        self.market = market
    }

    /// A query that names no price, or several; `message` says which and lists the candidates.
    public struct Mismatch: Error, Sendable {
        public var message: String
    }

    /// The one price entry of `configuration` (read from `file`) that the query names.
    public func entry(in configuration: PublishConfiguration, file: String) throws -> PublishConfiguration.Entry {
        let prices = configuration.forecasts.filter { $0.kind == .price }
        let wantedCommodity = commodity.map(Self.fold) ?? ""
        let wantedMarket = market.map(Self.fold)
        func names(_ e: PublishConfiguration.Entry) -> [String] {
            [e.commodity?.vi, e.commodity?.en, e.name.vi, e.name.en, e.series].compactMap { $0 }.map(Self.fold)
        }
        func markets(_ e: PublishConfiguration.Entry) -> [String] {
            [e.market?.vi, e.market?.en].compactMap { $0 }.map(Self.fold)
        }
        let matches = prices.filter { e in
            (wantedCommodity.isEmpty || names(e).contains { $0.contains(wantedCommodity) })
                && (wantedMarket.map { m in markets(e).contains { $0 == m || $0.contains(m) } } ?? true)
        }
        let at = market.map { " at '\($0)'" } ?? ""
        guard let entry = matches.first else {
            throw Mismatch(
                message: "no price of '\(commodity ?? "")'\(at) in \(file); its prices are: "
                    + Self.listing(configuration))
        }
        guard matches.count == 1 else {
            throw Mismatch(
                message: "'\(commodity ?? "")'\(at) matches \(matches.count) prices in \(file) "
                    + "(\(matches.map(\.id).joined(separator: ", "))); name the market with --market")
        }
        return entry
    }

    /// The configuration's prices in words, for a message: `Rice at Đồng Tháp (id); ...`.
    public static func listing(_ configuration: PublishConfiguration) -> String {
        configuration.forecasts.filter { $0.kind == .price }
            .map { "\($0.commodity?.en ?? $0.name.en)\($0.market.map { " at \($0.vi)" } ?? "") (\($0.id))" }
            .joined(separator: "; ")
    }

    /// NFC, lower case, without diacritics (đ → d): "Đồng Tháp" and "dong thap" compare equal.
    public static func fold(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.lowercased().replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }
}

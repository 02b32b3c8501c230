import Foundation
import TimeSeriesCore

/// A hierarchy file, the input of `muavu reconcile` (docs/contract.md, "Hierarchy file"):
///
///     {"bottom": ["an-giang", "dong-thap", "rest-of-delta"],
///      "aggregates": [{"name": "mekong-river-delta", "members": ["an-giang", "dong-thap", "rest-of-delta"]},
///                     {"name": "whole-country", "members": ["mekong-river-delta", "rest-of-country"]}]}
///
/// Every name is a series id of the data. An aggregate's members are bottom series or other
/// aggregates of the file (in any order), so that a region can be summed into a country; each
/// aggregate stands for the sum of the bottom series under it (`bottomMembers`). Aggregates keep
/// the file's order, which is the order of the reconciled document.
///
/// Refused (`bad-configuration`, exit 65, naming the file): JSON that is not this object (unknown
/// keys included), no bottom series or no aggregate, an empty or repeated name, an aggregate of
/// nothing, a member that is neither a bottom series nor an aggregate, a member listed twice, a
/// cycle (an aggregate under itself), a bottom series reached twice under one aggregate.
public struct HierarchyFile: Sendable, Equatable {
    /// An aggregate as the file declares it: its name and its direct members.
    public struct Aggregate: Sendable, Equatable, Decodable {
        public var name: String
        public var members: [String]
    }

    /// The path, as given.
    public let file: String
    public let bottom: [String]
    public let aggregates: [Aggregate]
    /// For each aggregate, the bottom series it sums, in `bottom` order.
    public let bottomMembers: [[String]]

    /// Every name, aggregates first (the file's order), then the bottom series.
    public var names: [String] { aggregates.map(\.name) + bottom }

    private struct Contents: Decodable {
        var bottom: [String]
        var aggregates: [Aggregate]
    }

    /// Reads and checks the hierarchy file at `path` (`-`: standard input).
    public static func read(path: String) throws -> HierarchyFile {
        try parse(InputFile.bytes(of: path, what: "hierarchy file"), file: path)
    }

    /// Checks a hierarchy file's bytes; `file` names it in messages.
    public static func parse(_ data: Data, file: String) throws -> HierarchyFile {
        func refuse(_ message: String) -> DataError {
            DataError(.badConfiguration, file: file, "hierarchy: " + message)
        }
        let object = try? JSONSerialization.jsonObject(with: data)
        guard let keys = (object as? [String: Any])?.keys else {
            throw refuse(
                "not a JSON object {\"bottom\": [names], \"aggregates\": [{\"name\": ..., \"members\": [names]}]}")
        }
        for key in keys.sorted() where key != "bottom" && key != "aggregates" {
            throw refuse("unknown key '\(MessageText.escaped(key))' (a hierarchy has 'bottom' and 'aggregates')")
        }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw refuse("'\(key.stringValue)' is missing\(Self.location(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw refuse("\(Self.location(context.codingPath, leading: false)) has the wrong type: \(Self.shape)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw refuse("\(Self.location(context.codingPath, leading: false)) is null: \(Self.shape)")
        } catch {
            throw refuse("not readable as \(Self.shape)")
        }
        return try HierarchyFile(file: file, contents.bottom, contents.aggregates, refuse)
    }

    private static let shape =
        "'bottom' is a list of series ids, 'aggregates' a list of {\"name\": id, \"members\": [ids]}"

    private static func location(_ path: [any CodingKey], leading: Bool = true) -> String {
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
        if trimmed.isEmpty { return leading ? "" : "the hierarchy" }
        return leading ? " in \(trimmed)" : trimmed
    }

    private init(
        file: String, _ bottom: [String], _ aggregates: [Aggregate], _ refuse: (String) -> DataError
    ) throws {
        guard !bottom.isEmpty else { throw refuse("'bottom' lists no series") }
        guard !aggregates.isEmpty else { throw refuse("'aggregates' lists no aggregate") }
        var seen = Set<String>()
        for name in bottom + aggregates.map(\.name) {
            guard !name.isEmpty else { throw refuse("a series name is empty") }
            guard seen.insert(TextKey.nfc(name)).inserted else {
                throw refuse("the name '\(MessageText.escaped(name))' is used twice")
            }
        }
        let bottomIndex = Dictionary(uniqueKeysWithValues: bottom.enumerated().map { (TextKey.nfc($1), $0) })
        let aggregateIndex = Dictionary(
            uniqueKeysWithValues: aggregates.enumerated().map { (TextKey.nfc($1.name), $0) })
        for aggregate in aggregates {
            let name = MessageText.escaped(aggregate.name)
            guard !aggregate.members.isEmpty else { throw refuse("the aggregate '\(name)' has no members") }
            var listed = Set<String>()
            for member in aggregate.members {
                let key = TextKey.nfc(member)
                guard bottomIndex[key] != nil || aggregateIndex[key] != nil else {
                    throw refuse(
                        "the aggregate '\(name)' lists '\(MessageText.escaped(member))', which is neither a bottom "
                            + "series nor an aggregate of the file")
                }
                guard listed.insert(key).inserted else {
                    throw refuse("the aggregate '\(name)' lists '\(MessageText.escaped(member))' twice")
                }
            }
        }
        // Each aggregate's bottom series, by depth-first expansion; `path` catches cycles.
        var expanded: [Int: [Int]] = [:]
        func expand(_ i: Int, path: [Int]) throws -> [Int] {
            if let done = expanded[i] { return done }
            if path.contains(i) {
                let cycle = (path.drop { $0 != i } + [i]).map { MessageText.escaped(aggregates[$0].name) }
                throw refuse("the aggregates form a cycle: " + cycle.joined(separator: " → "))
            }
            var under: [Int] = []
            for member in aggregates[i].members {
                let key = TextKey.nfc(member)
                under += try bottomIndex[key].map { [$0] } ?? expand(aggregateIndex[key]!, path: path + [i])
            }
            var counted = Set<Int>()
            for j in under where !counted.insert(j).inserted {
                throw refuse(
                    "the aggregate '\(MessageText.escaped(aggregates[i].name))' counts the bottom series '"
                        + "\(MessageText.escaped(bottom[j]))' twice (through two of its members)")
            }
            expanded[i] = under.sorted()
            return under.sorted()
        }
        self.bottomMembers = try aggregates.indices.map { try expand($0, path: []).map { bottom[$0] } }
        self.file = file
        self.bottom = bottom
        self.aggregates = aggregates
    }
}

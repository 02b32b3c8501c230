import Foundation

/// A JSON value built in code: objects encode with sorted keys (`DocumentEncoder`), non-finite
/// numbers as `null`, so a document's keys are the same whatever its values.
enum JSONTree: Encodable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONTree])
    case object([String: JSONTree])

    static func of(_ x: Double?) -> JSONTree { x.map { $0.isFinite ? .number($0) : .null } ?? .null }
    static func of(_ s: String?) -> JSONTree { s.map { .string($0) } ?? .null }
    static func of(_ b: Bilingual) -> JSONTree { .object(["vi": .string(b.vi), "en": .string(b.en)]) }
    static func of(_ b: Bilingual?) -> JSONTree { b.map { of($0) } ?? .null }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let x): if x.isFinite { try c.encode(x) } else { try c.encodeNil() }
        case .integer(let i): try c.encode(i)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

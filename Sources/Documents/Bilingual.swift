/// A piece of text in both publishing languages, Vietnamese and English; in a document,
/// `{"vi": ..., "en": ...}`.
public struct Bilingual: Sendable, Equatable, Encodable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }
}

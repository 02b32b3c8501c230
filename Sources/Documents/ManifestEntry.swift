import Foundation

/// One file of an output as its manifest (`index.json` of `muavu publish` and `muavu report`)
/// lists it: its path in the output, SHA-256 and size.
public struct ManifestEntry: Encodable, Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var bytes: Int

    /// The entry of the file at `path` holding `data`.
    public init(path: String, data: Data) {
        self.path = path
        sha256 = SHA256.hex(data)
        bytes = data.count
    }
}

import Foundation

/// What can go wrong while publishing.
public struct PublishingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// A file or directory could not be written.
        case writeFailed = "write-failed"
        /// A value could not be encoded (e.g. a non-finite number where the schema forbids null).
        case encodingFailed = "encoding-failed"
        /// A configuration is invalid.
        case badConfiguration = "bad-configuration"
    }
    public var code: Code
    public var message: String
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { "\(code.rawValue): \(message)" }
}

/// Encodes documents as the contract requires: sorted keys, plain numbers, UTF-8.
public enum DocumentEncoder {
    /// Encodes `value` as pretty-printed JSON with sorted keys and a final newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw PublishingError(.encodingFailed, "could not encode the document: \(error)")
        }
    }
}

/// Writes files whole or not at all: a temporary file beside the target, then `rename(2)`.
public enum AtomicFile {
    /// Writes `data` to `path` atomically; `-` means standard output.
    public static func write(_ data: Data, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        // Where the user asked to write is a usage error when it cannot be a file: say which.
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw PublishingError(.badConfiguration, "cannot write \(path): it is a directory; name a file in it")
        }
        if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw PublishingError(.badConfiguration, "cannot write \(path): the folder \(directory.path) does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw PublishingError(.writeFailed, "cannot write \(path): \(error.localizedDescription)")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PublishingError(.writeFailed, "cannot write \(path): \(reason)")
        }
    }

    /// Encodes `document` and writes it atomically to `path` (or stdout for `-`/nil).
    public static func writeDocument<T: Encodable>(_ document: T, to path: String?) throws {
        try write(DocumentEncoder.encode(document), to: path ?? "-")
    }
}

import Foundation

/// What can go wrong while publishing: a readable code and a message.
public struct PublishingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Code
    public var message: String
    public var description: String { "\(code.rawValue): \(message)" }

    public init(_ code: Code, _ message: String) {
        (self.code, self.message) = (code, message)
    }

    public enum Code: String, Sendable, Equatable {
        /// A file or directory could not be written.
        case writeFailed = "write-failed"
        /// A value could not be encoded (e.g. a non-finite number where the schema forbids null).
        case encodingFailed = "encoding-failed"
        /// A configuration is invalid.
        case badConfiguration = "bad-configuration"
        /// An output path that would replace what the user did not ask to replace (`OutputDirectory`).
        case unsafeOutput = "unsafe-output"
    }
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
///
/// The target is resolved physically first (`PhysicalPath`), so an output named through a link
/// replaces the file the link points to, not the link. A device, pipe or socket (`/dev/null`,
/// `/dev/stdout`, a FIFO) is written to directly: renaming over it would replace the node itself.
public enum AtomicFile {
    /// Refuses, before any work is done, an output `path` given with `option` that is a folder,
    /// one of the run's `inputs`, or an earlier output of the same run (`-` and nil: stdout).
    public static func checkTarget(_ path: String?, option: String, inputs: [String?], otherOutputs: [String?] = [])
        throws
    {
        guard let path, path != "-" else { return }
        func refuse(_ why: String) -> PublishingError {
            PublishingError(.unsafeOutput, "will not write \(option) '\(path)': \(why); nothing was changed")
        }
        guard !path.isEmpty else { throw refuse("the path is empty") }
        let resolved = PhysicalPath.resolve(path)
        var info = stat()
        if stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw refuse("it is a directory; name a file in it")
        }
        let folder = PhysicalPath.parent(of: resolved)
        if stat(folder, &info) != 0 || info.st_mode & S_IFMT != S_IFDIR {
            throw refuse("the folder \(folder) does not exist")
        }
        for case let input? in inputs where input != "-" && !input.isEmpty && PhysicalPath.resolve(input) == resolved {
            throw refuse("it is '\(input)', which this run reads")
        }
        for case let other? in otherOutputs where other != "-" && PhysicalPath.resolve(other) == resolved {
            throw refuse("it is also where '\(other)' is written")
        }
    }

    /// Writes `data` to `path` atomically; `-` means standard output.
    public static func write(_ data: Data, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        func failure(_ reason: String) -> PublishingError {
            PublishingError(.writeFailed, "cannot write \(path): \(reason)")
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            // Where the user asked to write is a usage error when it cannot be a file: say which.
            guard info.st_mode & S_IFMT != S_IFDIR else {
                throw PublishingError(.badConfiguration, "cannot write \(path): it is a directory; name a file in it")
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw failure(String(cString: strerror(errno)))
            }
            defer { try? handle.close() }
            do { try handle.write(contentsOf: data) } catch { throw failure(error.localizedDescription) }
            return
        }
        let target = PhysicalPath.resolve(path)
        let folder = PhysicalPath.parent(of: target)
        let prefix = "." + PhysicalPath.name(of: target) + ".tmp-"
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw PublishingError(.badConfiguration, "cannot write \(path): the folder \(folder) does not exist")
        }
        // Temporaries of earlier runs that were killed: their process is gone.
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(prefix)
        {
            if let pid = Int32(entry.dropFirst(prefix.count)), pid > 0, pid != getpid(), kill(pid, 0) != 0,
                errno == ESRCH
            {
                try? FileManager.default.removeItem(atPath: folder + "/" + entry)
            }
        }
        let temporary = folder + "/" + prefix + "\(getpid())"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw failure(error.localizedDescription)
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw failure(reason)
        }
    }

    /// Encodes `document` and writes it atomically to `path` (or stdout for `-`/nil).
    public static func writeDocument<T: Encodable>(_ document: T, to path: String?) throws {
        try write(DocumentEncoder.encode(document), to: path ?? "-")
    }
}

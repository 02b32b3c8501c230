import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How a data path is read: a regular file is streamed (and may be opened as often as a reader
/// likes); anything else that can be read in order only once (a pipe, `/dev/stdin`, a FIFO, a
/// character device, or `-` for standard input) is read whole the first time it is asked for and
/// the bytes are kept for the rest of the process, so a second reader (the format check, then the
/// reader itself) sees the same data instead of an empty stream.
public enum InputFile {
    public enum Contents: Sendable {
        case regularFile
        case bytes(Data)
    }

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var bytes: [String: Data] = [:]
    }
    private static let cache = Cache()

    /// All the bytes of `path` (a regular file, a pipe, a FIFO or `-`), for the readers of whole
    /// JSON files. `what` names the kind of file in messages ("model file"): a missing path is
    /// `.fileNotFound` ("no such model file"), a directory or an unreadable file `.unreadable`.
    public static func bytes(of path: String, what: String) throws -> Data {
        let contents: Contents
        do {
            contents = try self.contents(of: path)
        } catch var error as DataError {
            error.message =
                error.code == .fileNotFound
                ? "no such \(what)" : error.message.replacingOccurrences(of: "a data file", with: "a \(what)")
            throw error
        }
        switch contents {
        case .bytes(let data): return data
        case .regularFile:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DataError(.unreadable, file: path, "cannot read the \(what)")
            }
            return data
        }
    }

    /// `-` names standard input.
    public static func isStandardInput(_ path: String) -> Bool { path == "-" }

    /// What `path` is, its bytes when it is not a regular file. Throws `.fileNotFound` when nothing
    /// is there, `.unreadable` for a directory (saying so) or what cannot be opened.
    public static func contents(of path: String) throws -> Contents {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let data = cache.bytes[path] { return .bytes(data) }
        let fd: Int32
        if isStandardInput(path) {
            fd = 0
        } else {
            var info = stat()
            guard stat(path, &info) == 0 else {
                if errno == ENOENT || errno == ENOTDIR { throw DataError(.fileNotFound, file: path, "no such file") }
                throw DataError(.unreadable, file: path, "cannot read the file (\(String(cString: strerror(errno))))")
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .regularFile
            case S_IFDIR: throw DataError(.unreadable, file: path, "this is a directory, not a data file")
            case S_IFIFO, S_IFCHR, S_IFSOCK: break
            default: throw DataError(.unreadable, file: path, "this is not a regular file, a pipe or a device")
            }
            fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                throw DataError(.unreadable, file: path, "cannot read the file (\(String(cString: strerror(errno))))")
            }
        }
        defer { if fd != 0 { close(fd) } }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw DataError(.unreadable, file: path, "cannot read the input (\(String(cString: strerror(errno))))")
            }
            if got == 0 { break }
            data.append(contentsOf: chunk[0..<got])
        }
        cache.bytes[path] = data
        return .bytes(data)
    }
}

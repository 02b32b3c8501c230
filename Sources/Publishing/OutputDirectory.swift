import CFileSystem
import Documents
import Foundation

/// A directory that `muavu publish` or `muavu report` writes whole, and the rules that keep a
/// user's files safe from it.
///
/// The path is resolved against the working directory with every symbolic link and `..` taken
/// physically (as the kernel would), before any check. A directory is replaced only when it is
/// empty or holds a previous output of the same kind, recognised by its manifest (`index.json`
/// naming `muavu.publish-index/v1` or `muavu.report-index/v1`). Refused, with nothing touched:
/// a regular file or a dangling link; a non-empty folder that is not such an output; the root,
/// the working directory or a folder above it; a folder holding an input of the run.
///
/// Writing takes an exclusive `flock(2)` on the parent directory, so two runs into the same place
/// wait for each other; under it, folders left by killed runs (`.NAME.tmp-PID`, `.NAME.old-PID`)
/// are removed, since only a lock holder creates them. The files go into `.NAME.tmp-PID`, which is
/// swapped with the target by `renameat2(RENAME_EXCHANGE)` (one step: there is no moment without
/// an output), and the previous output, now under the temporary name, is removed.
public struct OutputDirectory: Sendable {
    /// What a directory holds, told by its manifest.
    public enum Kind: String, Sendable, CaseIterable {
        case publish, report

        /// The manifest at the directory's root.
        public static let manifest = "index.json"

        /// The schema name the manifest carries.
        public var schema: String {
            switch self {
            case .publish: PublishIndex.schemaName
            case .report: ReportIndex.schemaName
            }
        }
    }

    /// The path as the user gave it (for messages).
    public let requested: String
    /// The absolute physical path.
    public let path: String
    public let kind: Kind
    /// Absolute physical paths of the run's inputs, which the output must not contain.
    let inputs: [String]

    /// Resolves `requested` and checks it can be written (throws `unsafe-output` otherwise).
    /// `inputs` are the files and folders the run reads.
    public init(_ requested: String, kind: Kind, inputs: [String]) throws {
        self.requested = requested
        self.kind = kind
        path = PhysicalPath.resolve(requested)
        self.inputs = inputs.map { PhysicalPath.resolve($0) }
        try check()
    }

    var parent: String { PhysicalPath.parent(of: path) }
    var name: String { PhysicalPath.name(of: path) }

    func refuse(_ why: String) -> PublishingError {
        let shown = requested == path ? "'\(requested)'" : "'\(requested)' (\(path))"
        return PublishingError(
            .unsafeOutput, "will not write the \(kind.rawValue) output to \(shown): \(why); nothing was changed")
    }

    /// The safety rules of the type's documentation.
    func check() throws {
        if path == "/" { throw refuse("it is the root folder") }
        let cwd = PhysicalPath.resolve(".")
        if path == cwd { throw refuse("it is the current folder") }
        if PhysicalPath.isWithin(cwd, path) { throw refuse("it is a folder above the current one") }
        for input in inputs where PhysicalPath.isWithin(input, path) {
            throw refuse("it holds \(input), which this run reads")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw refuse(String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw refuse("it is a symbolic link to nothing")
        default: throw refuse("it is a file, not a folder")
        }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw refuse("its contents cannot be listed (\(error.localizedDescription))")
        }
        if entries.isEmpty { return }
        switch Self.manifestKind(of: path) {
        case kind?: return
        case let other?: throw refuse("it holds a `muavu \(other.rawValue)` output, not a `muavu \(kind.rawValue)` one")
        case nil:
            throw refuse(
                "it is not empty and is not a previous `muavu \(kind.rawValue)` output "
                    + "(no \(Kind.manifest) naming \(kind.schema)); name a new or empty folder")
        }
    }

    /// The kind whose manifest `directory` holds, if any.
    static func manifestKind(of directory: String) -> Kind? {
        struct Manifest: Decodable { var schema: String }
        let file = directory + "/" + Kind.manifest
        var info = stat()
        guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 64 << 20,
            let data = FileManager.default.contents(atPath: file),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return nil }
        return Kind.allCases.first { $0.schema == manifest.schema }
    }

    /// The name of a file left by a run of this output that is no longer running.
    func isDebris(_ entry: String) -> Bool {
        for tag in [".tmp-", ".old-"] {
            let prefix = "." + name + tag
            if entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid > 0 { return true }
        }
        return false
    }

    /// Writes `files` (paths relative to the directory) whole, replacing the previous output in one
    /// step. `waiting` is called once when another run holds the lock.
    public func write(_ files: [Publisher.File], waiting: (String) -> Void = { _ in }) throws {
        for file in files { try Self.checkRelative(file.path) }
        let fm = FileManager.default
        func failure(_ what: String) -> PublishingError {
            PublishingError(.writeFailed, "cannot write \(requested): \(what)")
        }
        do { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw failure(error.localizedDescription)
        }
        let lock = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw failure("cannot open \(parent): \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        if flock(lock, LOCK_EX | LOCK_NB) != 0 {
            waiting("waiting for another muavu run writing into \(parent)")
            while flock(lock, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    throw failure("cannot lock \(parent): \(String(cString: strerror(errno)))")
                }
            }
        }
        // Under the lock: leftovers are from runs that died, and the target may have changed.
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where isDebris(entry) {
            try? fm.removeItem(atPath: parent + "/" + entry)
        }
        try check()

        let temporary = parent + "/." + name + ".tmp-\(getpid())"
        do {
            try fm.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            for file in files {
                let url = URL(fileURLWithPath: temporary + "/" + file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw failure(error.localizedDescription)
        }
        // The error of the system call that just failed, the temporary folder removed.
        func abandon() -> PublishingError {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(atPath: temporary)
            return failure(reason)
        }
        var info = stat()
        if lstat(path, &info) != 0 {
            guard rename(temporary, path) == 0 else { throw abandon() }
            return
        }
        if muavu_rename_exchange(temporary, path) == 0 {
            // The previous output now sits under the temporary name.
            try? fm.removeItem(atPath: temporary)
            return
        }
        guard errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP else { throw abandon() }
        // A file system that cannot exchange: move the old output aside, then the new one in.
        let old = parent + "/." + name + ".old-\(getpid())"
        guard rename(path, old) == 0 else { throw abandon() }
        guard rename(temporary, path) == 0 else {
            let error = abandon()
            _ = rename(old, path)
            throw error
        }
        try? fm.removeItem(atPath: old)
    }

    /// A file's path inside the output: relative, without `.`, `..` or empty components.
    static func checkRelative(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.isEmpty, !path.contains("\0"),
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else {
            throw PublishingError(
                .badConfiguration, "'\(path)' cannot be a file of the output (it must stay inside the folder)")
        }
    }
}

extension ManifestEntry {
    /// The entries of `files`, by path.
    static func list(_ files: [Publisher.File]) -> [ManifestEntry] {
        files.map { ManifestEntry(path: $0.path, data: $0.data) }.sorted { $0.path < $1.path }
    }
}

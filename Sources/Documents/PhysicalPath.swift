import Foundation

/// Absolute paths as the kernel resolves them: against a base directory (the working directory
/// by default), with symbolic links, `.` and `..` taken physically as far as the path exists and
/// lexically beyond it (a component that does not exist cannot be a link).
///
/// `URL(fileURLWithPath:).standardized` is not used: on a relative path it drops a leading `..`,
/// so `../victim` would name `./victim`.
public enum PhysicalPath {
    /// `path` made absolute against `base` (default: the working directory) and resolved.
    public static func resolve(_ path: String, from base: String? = nil) -> String {
        if path.hasPrefix("/") { return physical(path) }
        let start = physical(base.map { resolve($0) } ?? FileManager.default.currentDirectoryPath)
        return physical(start == "/" ? "/" + path : start + "/" + path)
    }

    /// The folder holding an absolute path (`/` for `/` and its children).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The last component of an absolute path.
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Whether absolute `path` is `folder` or lies inside it.
    public static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || folder == "/" || path.hasPrefix(folder + "/")
    }

    static func physical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        if trimmed == "/" { return "/" }
        let head = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
        let base = String(trimmed[trimmed.index(after: slash)...])
        let above = physical(head)
        switch base {
        case "", ".": return above
        case "..": return parent(of: above)
        default: return above == "/" ? "/" + base : above + "/" + base
        }
    }
}

import Documents
import Foundation
import Hummingbird
import TimeSeriesCore

/// `GET /published/{part}` and `GET /published/{part}/{file}`: the publication of `muavu
/// publish` (the bulletin, its charts, the phone pages, the forecast documents), served read-only
/// from the folder `muavu serve --published DIR` names.
///
/// No request reaches outside that folder: each name is one path segment (no `/`, no `..` or
/// `.`, no leading dot, no control character), the file is resolved through every link
/// (`realpath`) and must lie inside the folder's own resolved path, and only a regular file is
/// read (at most 16 MiB). Anything else is 404, with the same words whatever the reason, so that
/// the answer tells nothing of what lies outside.
enum PublishedRoute {
    static let maxBytes = 16 << 20

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "svg": "image/svg+xml",
        "json": "application/json", "csv": "text/csv; charset=utf-8", "png": "image/png",
    ]

    static let alternatives: [(String, JSONSchema)] = [
        ("text/markdown", JSONSchema.string.described("The bulletin in Markdown.")),
        ("image/svg+xml", JSONSchema.string.described("A chart.")),
        ("application/json", JSONSchema([.type(.object)]).described("A forecast document or index.json.")),
        ("text/csv", JSONSchema.string.described("province-seasons.csv.")),
    ]

    static func operation(id: String, summary: String, folder: Bool) -> OpenAPI.Operation {
        .init(
            id: id, summary: summary,
            description: "A file of the publication `muavu serve --published DIR` serves (bulletin.html, "
                + "bulletin.md, index.json, province-seasons.csv; charts/, phone/, forecasts/), read-only. A name "
                + "that is not one plain path segment, or a file outside the folder (through a link), is 404.",
            parameters: folder
                ? [
                    .path(
                        "part", "A folder of the publication (charts, phone, forecasts).",
                        ParameterSchemas.publishedName, example: "phone"),
                    .path("file", "A file name.", ParameterSchemas.publishedName, example: "index.html"),
                ]
                : [.path("part", "A file of the publication.", ParameterSchemas.publishedName, example: "bulletin.html")],
            responses: [
                .init(
                    status: 200, description: "The file, as published.", mediaType: "text/html",
                    schema: JSONSchema.string.described("A page (the bulletin, a phone page)."),
                    alternatives: alternatives),
                .problem(404, "No such file in the publication, or no publication is served."),
            ])
    }

    static let route = Route(
        method: .get, path: "/published/{part}",
        operation: operation(id: "getPublishedFile", summary: "A file of the publication", folder: false)
    ) { api, request, context in
        try serve(api, [try segment("part", context)])
    }

    static let nested = Route(
        method: .get, path: "/published/{part}/{file}",
        operation: operation(id: "getPublishedFolderFile", summary: "A file in a folder of the publication", folder: true)
    ) { api, request, context in
        try serve(api, [try segment("part", context), try segment("file", context)])
    }

    static func notFound(_ what: String) -> Problem {
        Problem(.notFound, "no file '\(MessageText.escaped(what))' in the publication", expected: "a published file")
    }

    /// The path value `name`, percent-decoded, if it is one plain segment; else 404.
    static func segment(_ name: String, _ context: BasicRequestContext) throws -> String {
        let raw = context.parameters.get(name) ?? ""
        guard raw.utf8.count <= Query.maxTextLength * 12, let value = raw.removingPercentEncoding, isPlain(value)
        else { throw notFound(raw) }
        return value
    }

    /// Whether a (percent-decoded) name is one plain segment: not empty, at most
    /// `Query.maxTextLength` code points, not starting with a dot, without / or \ or a control
    /// character (`ParameterSchemas.publishedName`). Bytes and code points, not characters: a
    /// combining mark after a dot or a slash must not hide it (".\u{301}x" is a Character other than ".").
    static func isPlain(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.count <= Query.maxTextLength && value.utf8.first != UInt8(ascii: ".")
            && !value.utf8.contains(UInt8(ascii: "/")) && !value.utf8.contains(UInt8(ascii: "\\"))
            && !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    }

    /// The file `parts` of the served folder, or 404.
    static func serve(_ api: MuavuAPI, _ parts: [String]) throws -> Response {
        let shown = parts.joined(separator: "/")
        guard let folder = api.settings.published, let root = realpath(folder) else { throw notFound(shown) }
        let joined = ([root] + parts).joined(separator: "/")
        guard let resolved = realpath(joined), resolved.hasPrefix(root + "/") else { throw notFound(shown) }
        var info = stat()
        guard stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= maxBytes,
            let data = FileManager.default.contents(atPath: resolved)
        else { throw notFound(shown) }
        let ext = (parts[parts.count - 1] as NSString).pathExtension.lowercased()
        return JSONResponse.response(data, type: types[ext] ?? "application/octet-stream")
    }

    /// The physical path of `path` (every link followed), nil when it does not exist.
    static func realpath(_ path: String) -> String? {
        guard let p = Foundation.realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}

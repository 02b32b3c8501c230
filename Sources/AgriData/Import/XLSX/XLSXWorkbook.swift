import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An Office Open XML workbook (`.xlsx`, ECMA-376 Part 1, SpreadsheetML), opened for reading
/// sheets by name.
///
/// The package is a ZIP archive (read with ZIPFoundation); its parts are XML (read with
/// Foundation's `XMLParser`). The workbook part is found through the package relationships
/// (`_rels/.rels`, type `officeDocument`), each sheet through the workbook's relationships, and
/// the shared-string table (`sharedStrings`) likewise; none of their paths is assumed.
struct XLSXWorkbook {
    let file: String
    /// The sheets' names, in the workbook's order (hidden ones too).
    let sheetNames: [String]
    private let archive: Archive
    private let sheetParts: [String: String]
    private let sharedStringsPart: String?

    private static let officeDocument = "/officeDocument"
    private static let worksheetType = "/worksheet"
    private static let sharedStringsType = "/sharedStrings"

    /// Opens the workbook in `data`. Throws `.unreadable` when it is not a ZIP archive or lacks
    /// a workbook part.
    init(data: Data, file: String) throws {
        self.file = file
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw DataError(.unreadable, file: file, "not an xlsx workbook: the file is not a ZIP archive")
        }
        let rootRels = try XLSXWorkbook.relationships(archive: archive, part: "_rels/.rels", file: file)
        guard let workbookPart = rootRels.first(where: { $0.type.hasSuffix(Self.officeDocument) })?.target else {
            throw DataError(.unreadable, file: file, "not an xlsx workbook: no office document in _rels/.rels")
        }
        let workbookPath = XLSXWorkbook.resolve(workbookPart, from: "")
        let folder = (workbookPath as NSString).deletingLastPathComponent
        let relsPath =
            (folder.isEmpty ? "" : folder + "/") + "_rels/"
            + (workbookPath as NSString).lastPathComponent + ".rels"
        let rels = try XLSXWorkbook.relationships(archive: archive, part: relsPath, file: file)
        var targets: [String: (type: String, target: String)] = [:]
        for r in rels { targets[r.id] = (r.type, XLSXWorkbook.resolve(r.target, from: folder)) }
        let sheets = try XLSXWorkbook.elements(
            "sheet", in: XLSXWorkbook.part(workbookPath, archive: archive, file: file), file: file)
        var names: [String] = []
        var parts: [String: String] = [:]
        for sheet in sheets {
            guard let name = sheet["name"], let rid = sheet.first(where: { $0.key.hasSuffix(":id") })?.value,
                let t = targets[rid],
                t.type.hasSuffix(Self.worksheetType)
            else { continue }
            names.append(name)
            parts[name] = t.target
        }
        sheetNames = names
        sheetParts = parts
        sharedStringsPart = targets.values.first { $0.type.hasSuffix(Self.sharedStringsType) }?.target
    }

    /// The sheet called `name`, its cells read; `.unreadable` naming the sheets there are when
    /// there is none of that name.
    func sheet(named name: String) throws -> XLSXSheet {
        guard let part = sheetParts[name] else {
            throw DataError(
                .unreadable, file: file,
                "expected a sheet '\(name)'; the workbook's sheets are: "
                    + sheetNames.map { "'\($0)'" }.joined(separator: ", "))
        }
        let strings = try sharedStringsPart.map { try sharedStrings(part: $0) } ?? []
        let parser = XLSXSheetParser(sharedStrings: strings)
        try parse(XLSXWorkbook.part(part, archive: archive, file: file), with: parser, part: part)
        if let problem = parser.problem {
            throw DataError(.unreadable, file: file, "sheet '\(name)': \(problem)")
        }
        return XLSXSheet(name: name, rows: parser.rows)
    }

    private func sharedStrings(part: String) throws -> [String] {
        let parser = XLSXSharedStringsParser()
        try parse(XLSXWorkbook.part(part, archive: archive, file: file), with: parser, part: part)
        return parser.strings
    }

    private func parse(_ data: Data, with delegate: XMLParserDelegate, part: String) throws {
        try XLSXWorkbook.parse(data, with: delegate, part: part, file: file)
    }

    private static func parse(_ data: Data, with delegate: XMLParserDelegate, part: String, file: String) throws {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        // A workbook is data: no DTD fetches, no external entities (XXE).
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
            throw DataError(
                .unreadable, file: file, line: parser.lineNumber,
                "not a readable xlsx workbook: part \(part) is not well-formed XML (\(reason))")
        }
    }

    /// The largest part unpacked (the Pink Sheet's largest is 2.6 MB): a ZIP bomb is refused
    /// rather than unpacked into memory.
    static let maximumPartSize: UInt64 = 256 << 20

    /// The bytes of one part of the package.
    private static func part(_ path: String, archive: Archive, file: String) throws -> Data {
        guard let entry = archive[path] else {
            throw DataError(.unreadable, file: file, "not a complete xlsx workbook: the part \(path) is missing")
        }
        guard entry.uncompressedSize <= maximumPartSize else {
            throw DataError(
                .unreadable, file: file,
                "the xlsx part \(path) unpacks to \(entry.uncompressedSize) bytes, more than the \(maximumPartSize) "
                    + "a workbook part may have")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw DataError(.unreadable, file: file, "the xlsx part \(path) cannot be unpacked (\(error))")
        }
        return data
    }

    private struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    private static func relationships(archive: Archive, part: String, file: String) throws -> [Relationship] {
        try elements("Relationship", in: self.part(part, archive: archive, file: file), file: file).compactMap {
            guard let id = $0["Id"], let type = $0["Type"], let target = $0["Target"] else { return nil }
            return Relationship(id: id, type: type, target: target)
        }
    }

    /// The attributes of every element called `name` (its local name; prefixes ignored).
    private static func elements(_ name: String, in data: Data, file: String) throws -> [[String: String]] {
        let collector = XLSXElementCollector(name: name)
        try parse(data, with: collector, part: name, file: file)
        return collector.found
    }

    /// A relationship target as a path inside the package: absolute (`/xl/...`) or relative to
    /// the folder of the part that names it, with `..` resolved.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for p in target.split(separator: "/") {
            if p == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if p != "." {
                parts.append(p)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Gathers the attributes of the elements of one local name.
private final class XLSXElementCollector: NSObject, XMLParserDelegate {
    let name: String
    var found: [[String: String]] = []

    init(name: String) { self.name = name }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if XLSXSheetParser.localName(elementName) == name { found.append(attributes) }
    }
}

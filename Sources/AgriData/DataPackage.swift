import Foundation

/// The parts of a Frictionless Data Package (v1, `datapackage.json`) that muavu uses: its
/// resources, their files, licences and, as muavu's datasets add, the series each file holds.
public struct DataPackage: Codable, Sendable {
    public struct License: Codable, Sendable, Equatable {
        public var name: String
        public var path: String?
        public var title: String?
    }

    public struct Source: Codable, Sendable, Equatable {
        public var title: String
        public var path: String?
    }

    /// A series listed by a resource (a muavu extension of the standard).
    public struct Series: Codable, Sendable, Equatable {
        public var id: String
        public var unit: String
        public var name: String
        public var start: String
        public var end: String
        public var rows: Int
        public var missing: Int
    }

    public struct Resource: Codable, Sendable {
        public var name: String
        public var path: String
        public var title: String?
        public var licenses: [License]?
        public var sources: [Source]?
        public var provenance: String?
        public var series: [Series]?
    }

    public var name: String
    public var resources: [Resource]
    public var licenses: [License]?
    /// The directory the package was read from; resource paths are relative to it.
    public var directory: String = "."

    enum CodingKeys: String, CodingKey { case name, resources, licenses }

    /// Reads `datapackage.json`. Throws `.badConfiguration` naming what is wrong.
    public static func load(path: String) throws -> DataPackage {
        let data = try InputFile.bytes(of: path, what: "data package")
        do {
            var package = try JSONDecoder().decode(DataPackage.self, from: data)
            package.directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            return package
        } catch {
            throw DataError(.badConfiguration, file: path, "not a data package: \(error)")
        }
    }

    /// The resource with this name, and its file's full path.
    public func resource(_ name: String) -> (resource: Resource, path: String)? {
        guard let r = resources.first(where: { $0.name == name }) else { return nil }
        return (r, URL(fileURLWithPath: directory).appendingPathComponent(r.path).path)
    }
}

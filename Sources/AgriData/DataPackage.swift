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

    /// A column of a resource's table (Frictionless Table Schema): its name, type, and for a
    /// number how it is written (`decimalChar`, default `.`; `groupChar`, default none).
    public struct Field: Codable, Sendable, Equatable {
        public struct Constraints: Codable, Sendable, Equatable {
            public var required: Bool?
        }
        public var name: String
        /// `string`, `number`, `integer`, `boolean`, `date`, `year`, `yearmonth` or `any`.
        public var type: String?
        public var unit: String?
        public var decimalChar: String?
        public var groupChar: String?
        public var constraints: Constraints?

        /// The declared number format, nil when the field declares neither mark.
        public func numberFormat() throws -> NumberFormat? {
            try NumberFormat.declared(decimalChar: decimalChar, groupChar: groupChar)
        }
    }

    /// A resource's table schema: its fields in column order, the cells read as missing
    /// (default: the empty cell) and its primary key.
    public struct Schema: Codable, Sendable, Equatable {
        public var fields: [Field]
        public var missingValues: [String]?
        public var primaryKey: [String]?

        enum CodingKeys: String, CodingKey { case fields, missingValues, primaryKey }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            fields = try c.decode([Field].self, forKey: .fields)
            missingValues = try c.decodeIfPresent([String].self, forKey: .missingValues)
            // Frictionless allows one column name or a list.
            if let one = try? c.decodeIfPresent(String.self, forKey: .primaryKey) {
                primaryKey = [one]
            } else {
                primaryKey = try c.decodeIfPresent([String].self, forKey: .primaryKey)
            }
        }
    }

    public struct Resource: Codable, Sendable {
        public var name: String
        public var path: String
        public var title: String?
        public var licenses: [License]?
        public var sources: [Source]?
        public var provenance: String?
        public var series: [Series]?
        public var schema: Schema?
        /// `allowed`: the resource's series may miss values and periods (a muavu extension,
        /// `"muavu:gaps"`); absent: a gap is a problem.
        public var gaps: String?

        enum CodingKeys: String, CodingKey {
            case name, path, title, licenses, sources, provenance, series, schema
            case gaps = "muavu:gaps"
        }

        public var allowsGaps: Bool { gaps == "allowed" }
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

// swift-tools-version:6.0
import PackageDescription

/// muavu: crop-forecast and market-access modelling engine for Đồng Tháp.
///
/// Dependencies point one way, along the data's path (each target may import only what it
/// lists, and nothing imports a target above it):
///
///     muavu (CLI)  → Server, Publishing, Documents, Agronomy, AgriData, Forecasting, Store, TimeSeriesCore
///     Server       → Publishing, Documents, AgriData, Store, TimeSeriesCore, Hummingbird
///                    (`muavu serve`: the JSON API; the only Hummingbird importer)
///     Publishing   → Documents, Rendering, Agronomy, AgriData, Forecasting, TimeSeriesCore, CFileSystem
///     Documents    → Agronomy, AgriData, Forecasting, TimeSeriesCore
///     Rendering    → TimeSeriesCore
///     Agronomy     → Forecasting, TimeSeriesCore
///     Store        → AgriData, TimeSeriesCore, GRDB         (the SQLite store; the only GRDB importer)
///     AgriData     → TimeSeriesCore, ZIPFoundation          (the xlsx workbooks of `muavu import`)
///     Forecasting  → LinearAlgebra, TimeSeriesCore
///     LinearAlgebra → CLapack (the only C caller for numerics)
///     TimeSeriesCore → (nothing)
let package = Package(
    name: "muavu",
    products: [
        .executable(name: "muavu", targets: ["muavu"]),
        .library(name: "TimeSeriesCore", targets: ["TimeSeriesCore"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "Agronomy", targets: ["Agronomy"]),
        .library(name: "AgriData", targets: ["AgriData"]),
        .library(name: "Documents", targets: ["Documents"]),
        .library(name: "Publishing", targets: ["Publishing"]),
        .library(name: "Store", targets: ["Store"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // AgriData's Pink Sheet reader: the xlsx workbook is a ZIP archive of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The SQLite store's only way to SQLite (Store is the only target that imports it).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Tests only: property-based checks of the date arithmetic, the readers and the formula parser.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // `muavu serve`: the HTTP server (Server is the only target that imports it).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // HTTP field names of the server's own headers (Hummingbird depends on it already).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // The server's metrics in Prometheus's text format (GET /metrics).
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        // The server's structured request logs (Hummingbird logs through it already).
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            path: "Sources/CLapack",
            pkgConfig: "lapacke",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CLapack"]),
        // The one system call Glibc's overlay lacks (renameat2 with RENAME_EXCHANGE), for
        // replacing an output directory in one step.
        .target(name: "CFileSystem", path: "Sources/CFileSystem"),
        // Series, period dates, frequencies, forecasts, the library's error and its limits.
        .target(name: "TimeSeriesCore"),
        .target(name: "Forecasting", dependencies: ["TimeSeriesCore", "LinearAlgebra"]),
        // Crop yield, price anomalies, the export link and the price outlook's model search.
        .target(name: "Agronomy", dependencies: ["TimeSeriesCore", "Forecasting"]),
        .target(
            name: "AgriData",
            dependencies: ["TimeSeriesCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The SVG kit and the charts on it, and the block model (rendered to Markdown and to HTML)
        // of the bulletin and the notebooks, with the number and language conventions they share.
        .target(name: "Rendering", dependencies: ["TimeSeriesCore"]),
        // The muavu.*/v1 documents (with the publish and report indexes, the outlook and the model
        // file), the schema of every document muavu writes and their catalog, one JSON encoding and
        // one atomic writer, SHA-256.
        .target(name: "Documents", dependencies: ["TimeSeriesCore", "Forecasting", "Agronomy", "AgriData"]),
        .target(
            name: "Publishing",
            dependencies: [
                "TimeSeriesCore", "Forecasting", "Agronomy", "AgriData", "Documents", "Rendering",
                "CFileSystem",
            ]),
        // The SQLite store of observations with their vintages (docs/design/store.md); the only
        // target to import GRDB.
        .target(
            name: "Store",
            dependencies: [
                "TimeSeriesCore", "AgriData", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // `muavu serve`: the JSON API over the store and the documents Publishing makes, with its
        // OpenAPI document and the write tokens (the only target to import Hummingbird).
        .target(
            name: "Server",
            dependencies: [
                "TimeSeriesCore", "AgriData", "Documents", "Publishing", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "muavu",
            dependencies: [
                "TimeSeriesCore", "Forecasting", "Agronomy", "AgriData", "Documents", "Publishing", "Store",
                "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TimeSeriesCoreTests",
            dependencies: ["TimeSeriesCore", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "ForecastingTests",
            dependencies: ["Forecasting", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AgronomyTests", dependencies: ["Agronomy", "Forecasting", "TimeSeriesCore", "TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AgriDataTests",
            dependencies: [
                "AgriData", "TimeSeriesCore", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // The import readers' fixtures are read from the source tree (#filePath), beside
            // datasets/original/, not bundled.
            exclude: ["Import/Fixtures"],
            resources: [.copy("Fixtures")]),
        // Test support: the one way tests reach the Python reference tools (requirements-test.txt),
        // and the references shared by two test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "Forecasting", "TimeSeriesCore"]),
        .testTarget(
            name: "PublishingTests",
            dependencies: [
                "Publishing", "TimeSeriesCore", "Forecasting", "Agronomy", "AgriData", "Documents",
                "Rendering", "TestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "AgriData", "TimeSeriesCore", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Store", "AgriData", "Documents", "TimeSeriesCore", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "muavuTests",
            dependencies: [
                "muavu", "TimeSeriesCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")]),
    ]
)

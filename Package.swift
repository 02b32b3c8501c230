// swift-tools-version:6.0
import PackageDescription

/// muavu: crop-forecast and market-access modelling engine for Đồng Tháp.
///
/// Dependencies point one way:
/// muavu (CLI) → Publishing → AgriData → Forecasting → LinearAlgebra → CLapack;
/// Publishing → CFileSystem (one system call, for output directories).
let package = Package(
    name: "muavu",
    products: [
        .executable(name: "muavu", targets: ["muavu"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "AgriData", targets: ["AgriData"]),
        .library(name: "Publishing", targets: ["Publishing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Tests only: property-based checks of the date arithmetic, the readers and the formula parser.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
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
        .target(name: "Forecasting", dependencies: ["LinearAlgebra"]),
        .target(name: "AgriData", dependencies: ["Forecasting"]),
        .target(name: "Publishing", dependencies: ["Forecasting", "AgriData", "CFileSystem"]),
        .executableTarget(
            name: "muavu",
            dependencies: [
                "LinearAlgebra", "Forecasting", "AgriData", "Publishing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ForecastingTests",
                    dependencies: ["Forecasting", .product(name: "PropertyBased", package: "swift-property-based")],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "AgriDataTests",
                    dependencies: ["AgriData", .product(name: "PropertyBased", package: "swift-property-based")],
                    resources: [.copy("Fixtures")]),
        // Test support: the one way tests reach the Python reference tools (requirements-test.txt).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "TestSupport"]),
        .testTarget(name: "muavuTests", dependencies: ["muavu", "TestSupport"],
                    resources: [.copy("Fixtures")]),
    ]
)

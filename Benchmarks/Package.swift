// swift-tools-version:6.0
import PackageDescription

/// Micro-benchmarks of muavu, kept out of the product: `swift run -c release --package-path Benchmarks lstsq-bench`
/// (and `store-bench`).
let package = Package(
    name: "muavu-benchmarks",
    dependencies: [
        .package(name: "muavu", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "lstsq-bench",
            dependencies: [.product(name: "LinearAlgebra", package: "muavu")]
        ),
        // Reading one series as of a date from a store of 1,000 series × 1,000 months × 3 vintages.
        .executableTarget(
            name: "store-bench",
            dependencies: [
                .product(name: "Store", package: "muavu"), .product(name: "AgriData", package: "muavu"),
                .product(name: "TimeSeriesCore", package: "muavu"),
            ]
        ),
    ]
)

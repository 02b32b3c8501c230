// swift-tools-version:6.0
import PackageDescription

/// Micro-benchmarks of muavu, kept out of the product: `swift run -c release --package-path Benchmarks lstsq-bench`.
let package = Package(
    name: "muavu-benchmarks",
    dependencies: [
        .package(name: "muavu", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "lstsq-bench",
            dependencies: [.product(name: "LinearAlgebra", package: "muavu")]
        )
    ]
)

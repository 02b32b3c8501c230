// swift-tools-version:6.0
import Foundation
import PackageDescription

// The root package's identity is the name of its directory (whatever the checkout is called).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

/// libFuzzer harnesses over muavu's readers (`make fuzz`): the CSV and tidy readers, the publish
/// configuration, the saved-model file and the regression formula parser. Build flags
/// (`-sanitize=fuzzer,address -parse-as-library`) are passed by the Makefile rule, as the Swift
/// libFuzzer integration describes (swiftlang/swift docs/libFuzzerIntegration.md).
let package = Package(
    name: "muavu-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "TidyReaderFuzzer",
            dependencies: ["FuzzSupport", .product(name: "AgriData", package: root)]
        ),
        .executableTarget(
            name: "ConfigurationFuzzer",
            dependencies: ["FuzzSupport", .product(name: "Publishing", package: root)]
        ),
        .executableTarget(
            name: "ModelFileFuzzer",
            dependencies: [
                "FuzzSupport", .product(name: "Publishing", package: root),
                .product(name: "Forecasting", package: root),
            ]
        ),
        .executableTarget(
            name: "FormulaFuzzer",
            dependencies: ["FuzzSupport", .product(name: "Forecasting", package: root)]
        ),
    ]
)

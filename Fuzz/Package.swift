// swift-tools-version:6.0
import Foundation
import PackageDescription

// The root package's identity is the name of its directory (whatever the checkout is called).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

/// libFuzzer harness over muavu's CSV and tidy readers (`make fuzz`). Build flags
/// (`-sanitize=fuzzer,address -parse-as-library`) are passed by the Makefile rule, as the Swift
/// libFuzzer integration describes (swiftlang/swift docs/libFuzzerIntegration.md).
let package = Package(
    name: "muavu-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "TidyReaderFuzzer",
            dependencies: [.product(name: "AgriData", package: root)]
        ),
    ]
)

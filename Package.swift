// swift-tools-version: 6.1
import PackageDescription

/// Compiler settings shared by every target: Swift 6 language mode plus the
/// stricter upcoming features the anchors (Hummingbird) enable.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Fieldbook",
    platforms: [.macOS(.v14), .iOS(.v17)],
    products: [
        .library(name: "FieldbookSync", targets: ["FieldbookSync"]),
        .library(name: "FieldbookModel", targets: ["FieldbookModel"]),
        .library(name: "FieldbookProtocol", targets: ["FieldbookProtocol"]),
        .executable(name: "fieldbook-bench", targets: ["fieldbook-bench"]),
    ],
    targets: [
        // Pure sync core: clocks, version vectors, changes, merge, conflicts. No I/O.
        .target(name: "FieldbookSync", swiftSettings: strictSettings),
        // CRM entities, schema registry, validation.
        .target(name: "FieldbookModel", dependencies: ["FieldbookSync"], swiftSettings: strictSettings),
        // Versioned wire types and their JSON encoding.
        .target(
            name: "FieldbookProtocol",
            dependencies: ["FieldbookSync", "FieldbookModel"],
            swiftSettings: strictSettings
        ),
        // Benchmarks that print ratios against a baseline measured in the same run.
        .executableTarget(
            name: "fieldbook-bench",
            dependencies: ["FieldbookSync", "FieldbookModel", "FieldbookProtocol"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "FieldbookSyncTests", dependencies: ["FieldbookSync"], swiftSettings: strictSettings),
        .testTarget(
            name: "FieldbookModelTests",
            dependencies: ["FieldbookModel", "FieldbookSync"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FieldbookProtocolTests",
            dependencies: ["FieldbookProtocol", "FieldbookSync", "FieldbookModel"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

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
        .library(name: "FieldbookClient", targets: ["FieldbookClient"]),
        .library(name: "FieldbookServerCore", targets: ["FieldbookServerCore"]),
        .library(name: "FieldbookClientTesting", targets: ["FieldbookClientTesting"]),
        .executable(name: "fieldbook", targets: ["fieldbook"]),
        .executable(name: "fieldbook-bench", targets: ["fieldbook-bench"]),
        .executable(name: "fieldbook-server", targets: ["fieldbook-server"]),
        .library(name: "FieldbookServer", targets: ["FieldbookServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The HTTP server. Default traits off: swift-configuration is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Only its bcrypt module is used (password hashes).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // gzip/deflate with output limits (request bodies, decompression bombs).
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        // HTTP request/response types and graceful shutdown: Hummingbird brings both,
        // FieldbookServer imports them directly.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The PostgreSQL store and directory (several stateless server instances on one database).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // HMAC-SHA256 for cursor tags (postgres-nio already brings swift-crypto; same range).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
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
        // The sync server's pure core: push/pull processing, the ServerStore
        // protocol and its in-memory implementation. No NIO, no HTTP, no database.
        .target(
            name: "FieldbookServerCore",
            dependencies: ["FieldbookSync", "FieldbookModel", "FieldbookProtocol"],
            swiftSettings: strictSettings
        ),
        // The sync server's embedded store: ServerStore on SQLite (GRDB), for
        // single-node deployments.
        .target(
            name: "FieldbookServerStoreSQLite",
            dependencies: [
                "FieldbookServerCore", "FieldbookSync", "FieldbookModel", "FieldbookProtocol",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The sync server's shared store: ServerStore on PostgreSQL (postgres-nio),
        // for several stateless server instances on one database.
        .target(
            name: "FieldbookServerStorePostgres",
            dependencies: [
                "FieldbookServerCore", "FieldbookSync", "FieldbookModel", "FieldbookProtocol",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // A private PostgreSQL schema per test, from FIELDBOOK_TEST_POSTGRES_URL.
        .target(
            name: "FieldbookServerStorePostgresTesting",
            dependencies: [
                "FieldbookServerStorePostgres", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Test support shared by the server store tests: fixtures, test
        // clients and the store conformance suite every ServerStore must pass.
        .target(
            name: "FieldbookServerCoreTesting",
            dependencies: ["FieldbookServerCore", "FieldbookSync", "FieldbookModel", "FieldbookProtocol"],
            swiftSettings: strictSettings
        ),
        // The local replica on SQLite (GRDB): typed records, outbox, observation.
        .target(
            name: "FieldbookClient",
            dependencies: [
                "FieldbookSync", "FieldbookModel", "FieldbookProtocol",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // An in-memory replica for app developers' UI tests.
        .target(name: "FieldbookClientTesting", dependencies: ["FieldbookClient"], swiftSettings: strictSettings),
        // The commands of the `fieldbook` CLI, as a library so tests can reach them.
        .target(
            name: "FieldbookCLI",
            dependencies: [
                "FieldbookClient", "FieldbookModel", "FieldbookSync", "FieldbookProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // The sync server over HTTP (Hummingbird 2): sync endpoints, identity,
        // office REST API, metrics, and the `fieldbook-server` commands.
        .target(
            name: "FieldbookServer",
            dependencies: [
                "FieldbookServerCore", "FieldbookServerStoreSQLite", "FieldbookServerStorePostgres", "FieldbookSync",
                "FieldbookModel", "FieldbookProtocol",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The `fieldbook-server` executable.
        .executableTarget(
            name: "fieldbook-server",
            dependencies: ["FieldbookServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        // The `fieldbook` command-line client.
        .executableTarget(name: "fieldbook", dependencies: ["FieldbookCLI"], swiftSettings: strictSettings),
        // Benchmarks that print ratios against a baseline measured in the same run.
        .executableTarget(
            name: "fieldbook-bench",
            dependencies: [
                "FieldbookSync", "FieldbookModel", "FieldbookProtocol", "FieldbookClient",
                "FieldbookServer", "FieldbookServerCore", "FieldbookServerStorePostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["SERVER-BENCHMARKS.md"],
            swiftSettings: strictSettings
        ),
        // Helpers shared by the test targets (reading child-process output safely).
        .target(name: "FieldbookTestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "FieldbookSyncTests", dependencies: ["FieldbookTestSupport", "FieldbookSync", "FieldbookProtocol"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FieldbookModelTests",
            dependencies: ["FieldbookModel", "FieldbookSync"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FieldbookProtocolTests",
            dependencies: ["FieldbookTestSupport", "FieldbookProtocol", "FieldbookSync", "FieldbookModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FieldbookServerCoreTests",
            dependencies: [
                "FieldbookServerCore", "FieldbookServerCoreTesting", "FieldbookSync", "FieldbookModel",
                "FieldbookProtocol",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FieldbookServerStoreSQLiteTests",
            dependencies: [
                "FieldbookServerStoreSQLite", "FieldbookServerCoreTesting", "FieldbookServerCore", "FieldbookSync",
                "FieldbookModel", "FieldbookProtocol", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FieldbookServerStorePostgresTests",
            dependencies: [
                "FieldbookServerStorePostgres", "FieldbookServerStorePostgresTesting", "FieldbookServerCoreTesting",
                "FieldbookServerCore", "FieldbookSync",
                "FieldbookModel", "FieldbookProtocol", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FieldbookServerTests",
            dependencies: ["FieldbookTestSupport", 
                "FieldbookServer", "FieldbookServerCore", "FieldbookServerCoreTesting", "FieldbookServerStoreSQLite",
                "FieldbookServerStorePostgres", "FieldbookServerStorePostgresTesting",
                "FieldbookSync", "FieldbookModel", "FieldbookProtocol",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        // Real processes: `fieldbook-server` on 127.0.0.1 and `fieldbook` CLIs.
        .testTarget(
            name: "FieldbookEndToEndTests",
            dependencies: [
                "FieldbookTestSupport", "FieldbookProtocol", "FieldbookSync", "FieldbookModel",
                "FieldbookServerStorePostgres", "FieldbookServerStorePostgresTesting",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FieldbookCLITests",
            dependencies: ["FieldbookTestSupport", "FieldbookCLI", "FieldbookClient", "FieldbookModel", "FieldbookSync"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FieldbookClientTests",
            dependencies: ["FieldbookTestSupport", 
                "FieldbookClient", "FieldbookClientTesting", "FieldbookModel", "FieldbookSync", "FieldbookProtocol",
                "FieldbookServerCore", "FieldbookServerCoreTesting",
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sockaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sockaudit", targets: ["sockaudit"]),
        .library(name: "SockAuditCore", targets: ["SockAuditCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        // Model, rule protocol, engine. No I/O, no printing.
        .target(name: "SockAuditCore"),
        // Text -> located trees (YAML, JSON), and adapters from trees to input-neutral facts.
        .target(name: "SockAuditParsers", dependencies: ["SockAuditCore", "Yams"]),
        // One file per rule; BuiltInRules.swift lists them.
        .target(name: "SockAuditRules", dependencies: ["SockAuditCore"]),
        // Result -> bytes. Pure.
        .target(name: "SockAuditReporters", dependencies: ["SockAuditCore"]),
        // File discovery, input-kind detection and the pipeline from paths to a ScanResult.
        .target(name: "SockAuditScanner", dependencies: ["SockAuditCore", "SockAuditParsers", "SockAuditRules"]),
        // The only code that touches a live host: Engine API client and local probes -> a snapshot.
        .target(name: "SockAuditHost", dependencies: ["SockAuditCore", "SockAuditParsers"]),
        .executableTarget(
            name: "sockaudit",
            dependencies: [
                "SockAuditCore", "SockAuditScanner", "SockAuditRules", "SockAuditReporters", "SockAuditHost",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets, invariants and the seeded mutator, shared by sockaudit-fuzz and the tests.
        .target(name: "SockAuditFuzzing", dependencies: ["SockAuditCore", "SockAuditParsers", "SockAuditScanner", "SockAuditRules"]),
        // libFuzzer with -DLIBFUZZER and -sanitize=fuzzer (scripts/fuzz.sh), a seeded loop without.
        .executableTarget(name: "sockaudit-fuzz", dependencies: ["SockAuditFuzzing"]),
        .testTarget(name: "SockAuditCoreTests", dependencies: ["SockAuditCore"]),
        .testTarget(name: "SockAuditParsersTests", dependencies: ["SockAuditParsers"]),
        .testTarget(name: "SockAuditRulesTests", dependencies: ["SockAuditRules", "SockAuditScanner"]),
        .testTarget(name: "SockAuditScannerTests", dependencies: ["SockAuditScanner", "SockAuditRules"]),
        .testTarget(name: "SockAuditReportersTests", dependencies: ["SockAuditReporters", "SockAuditRules", "SockAuditScanner"],
                    resources: [.copy("Golden")]),
        .testTarget(name: "SockAuditHostTests", dependencies: ["SockAuditHost", "SockAuditScanner", "SockAuditRules"]),
        .testTarget(name: "SockAuditCLITests", dependencies: ["sockaudit"]),
        .testTarget(name: "SockAuditFuzzingTests", dependencies: ["SockAuditFuzzing"]),
    ]
)

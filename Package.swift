// swift-tools-version: 6.2
import PackageDescription

// Dependencies run one way: EventLog (storage, no domain words) <- Clearance (the domain)
// <- Projections (read models) <- ClearanceCLI <- clearance.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "clearance",
    products: [
        .executable(name: "clearance", targets: ["clearance"])
    ],
    targets: [
        .target(name: "EventLog", swiftSettings: strict),
        .target(name: "Clearance", dependencies: ["EventLog"], swiftSettings: strict, plugins: ["EmbedSeeds"]),
        // Carries seeds/ into the binary, so that the demo and `init --seed` run from any folder.
        .executableTarget(name: "seed-embedder", swiftSettings: strict),
        .plugin(name: "EmbedSeeds", capability: .buildTool(), dependencies: ["seed-embedder"], path: "Sources/EmbedSeeds"),
        .target(name: "Projections", dependencies: ["Clearance", "EventLog"], swiftSettings: strict),
        .target(name: "ClearanceCLI", dependencies: ["EventLog", "Clearance", "Projections"], swiftSettings: strict),
        .executableTarget(name: "clearance", dependencies: ["ClearanceCLI"], swiftSettings: strict),
        .target(
            name: "TestSupport", dependencies: ["EventLog"], path: "Tests/TestSupport",
            swiftSettings: strict),
        // A helper the crash and concurrency tests run as separate processes; not a product.
        .executableTarget(
            name: "log-torture", dependencies: ["EventLog"], path: "Tests/LogTorture", swiftSettings: strict),
        .testTarget(
            name: "EventLogTests", dependencies: ["EventLog", "TestSupport", "log-torture"],
            exclude: ["Crypto/Fixtures"], swiftSettings: strict),
        .testTarget(name: "ClearanceTests", dependencies: ["Clearance", "EventLog", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ProjectionsTests", dependencies: ["Projections", "Clearance", "EventLog", "TestSupport"],
            exclude: ["Snapshots"], swiftSettings: strict),
        .testTarget(
            name: "ClearanceCLITests",
            dependencies: ["ClearanceCLI", "EventLog", "TestSupport", "clearance"],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

// Epsilon depends on no other package: everything below is the toolchain's own.
let package = Package(
  name: "Epsilon",
  // The tape's generation counter uses the toolchain's
  // Synchronization module (Atomic), which Apple's platforms ship
  // from these releases on; Linux has it with every Swift 6 toolchain.
  platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
  products: [
    .library(name: "Epsilon", targets: ["Epsilon"]),
    .executable(name: "epsilon-tour", targets: ["EpsilonTour"]),
    .executable(name: "epsilon-benchmarks", targets: ["EpsilonBenchmarks"]),
  ],
  targets: [
    // MARK: - Library
    .target(name: "Epsilon"),

    // MARK: - The tour of examples (the tutorials, cell by cell)
    .target(name: "Tour", dependencies: ["Epsilon"]),
    .executableTarget(name: "EpsilonTour", dependencies: ["Tour"]),

    // MARK: - Benchmarks (outside the public API)
    .executableTarget(
      name: "EpsilonBenchmarks",
      dependencies: ["Epsilon"],
      path: "Benchmarks/EpsilonBenchmarks"
    ),

    // MARK: - Tests
    .testTarget(name: "EpsilonTests", dependencies: ["Epsilon", "Tour"]),
    // Formulas that must type-check quickly; CI builds this target with
    // -warn-long-expression-type-checking and fails on any warning it prints.
    .testTarget(
      name: "TypeCheckingTests",
      dependencies: ["Epsilon"],
      swiftSettings: [
        .unsafeFlags([
          "-Xfrontend", "-warn-long-expression-type-checking=200",
          "-Xfrontend", "-warn-long-function-bodies=500",
        ])
      ]
    ),
  ]
)

// swift-tools-version: 6.0
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "nextline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nextline", targets: ["nextline"]),
        .library(name: "Interpretation", targets: ["Interpretation"]),
        // The library modules the libFuzzer targets in Fuzz/ (a separate package) call; see docs/fuzzing.md.
        .library(name: "NextlineCore", targets: ["VariantModel", "VCFIO", "Catalogue", "Consequence", "Interpretation",
                                                 "Screening", "Reporting", "Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CHTSlib", pkgConfig: "htslib", providers: [.apt(["libhts-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "VariantModel", dependencies: ["CCrypto"], swiftSettings: strictness),
        .target(name: "VCFIO", dependencies: ["CHTSlib", "VariantModel"], swiftSettings: strictness),
        .target(name: "Catalogue", dependencies: ["VariantModel", "Yams"], swiftSettings: strictness),
        .target(name: "Consequence", dependencies: ["VariantModel"], swiftSettings: strictness),
        .target(name: "Interpretation", dependencies: ["VariantModel", "Catalogue", "Yams"], swiftSettings: strictness),
        .target(name: "Reporting",
                dependencies: ["VariantModel", "Interpretation", "Screening", .product(name: "Mustache", package: "swift-mustache")],
                swiftSettings: strictness),
        .target(name: "Screening", dependencies: ["VariantModel", "Catalogue", "Interpretation", "Yams"], swiftSettings: strictness),
        .target(name: "Pipeline",
                dependencies: ["VariantModel", "VCFIO", "Catalogue", "Consequence", "Interpretation"],
                swiftSettings: strictness),
        // The edge: files written atomically, streamed scan documents, temporary-file cleanup on signals.
        .target(name: "Output", dependencies: ["VariantModel", "Interpretation", "Reporting"], swiftSettings: strictness),
        .executableTarget(name: "nextline",
                          dependencies: ["Pipeline", "Output", "Screening", "VariantModel", "Catalogue", "Interpretation", "Reporting",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: strictness),
        .target(name: "TestSupport", dependencies: ["VariantModel"], path: "Tests/TestSupport"),
        .testTarget(name: "VariantModelTests", dependencies: ["VariantModel", "TestSupport"]),
        .testTarget(name: "VCFIOTests", dependencies: ["VCFIO", "VariantModel", "TestSupport"]),
        .testTarget(name: "ConsequenceTests", dependencies: ["Consequence", "VariantModel", "VCFIO", "TestSupport"]),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue", "VariantModel", "TestSupport"]),
        .testTarget(name: "InterpretationTests", dependencies: ["Interpretation", "Catalogue", "VariantModel", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Output", "Interpretation", "Catalogue", "Reporting", "VariantModel", "TestSupport"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Interpretation", "Pipeline", "Catalogue", "VariantModel", "TestSupport"]),
        .testTarget(name: "ScreeningTests", dependencies: ["Screening", "Interpretation", "Pipeline", "Catalogue", "VariantModel", "TestSupport", "Yams"]),
        .testTarget(name: "PropertyTests",
                    dependencies: ["VariantModel", "VCFIO", "Interpretation", "Reporting", "Catalogue", "Pipeline", "TestSupport",
                                   .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
    ]
)

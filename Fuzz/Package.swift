// swift-tools-version: 6.0
// libFuzzer targets for nextline (docs/fuzzing.md). A separate package so that the instrumented build
// (AddressSanitizer, coverage, the instrumented static htslib) never touches the main package's .build.
// Build and run through scripts/fuzz, which supplies the sanitizer and linker flags and points pkg-config
// (and so the root package's CHTSlib target) at the instrumented libhts.a from scripts/fuzz-htslib.sh.
import PackageDescription

let core: [Target.Dependency] = ["FuzzSupport", .product(name: "NextlineCore", package: "nextline")]

let package = Package(
    name: "nextline-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "nextline", path: ".."),
    ],
    targets: [
        // libFuzzer's entry point for a program that has its own main (LLVMFuzzerRunDriver); header only,
        // the symbol comes from libclang_rt.fuzzer_no_main-x86_64.a on the link line.
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "NextlineCore", package: "nextline")]),
        .executableTarget(name: "fuzz-vcf-file", dependencies: core),
        .executableTarget(name: "fuzz-vcf-record", dependencies: core),
        .executableTarget(name: "fuzz-catalogue", dependencies: core),
        .executableTarget(name: "fuzz-case-file", dependencies: core),
        .executableTarget(name: "fuzz-hgvs", dependencies: core),
        .executableTarget(name: "fuzz-render", dependencies: core),
    ],
    // Harness code (global state handed to a C callback): Swift 5 mode; the library keeps its own settings.
    swiftLanguageModes: [.v5]
)

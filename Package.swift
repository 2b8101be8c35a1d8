// swift-tools-version:6.0
// LuxLlama: a terminal app for learning Luxembourgish, with an in-process LLM engine.
import PackageDescription

// SIMD code paths: on x86-64 we compile the engine for Haswell-class CPUs (AVX2/FMA/F16C);
// the engine checks the CPU at run time before taking those paths (see Tensors/CPUFeatures.swift).
#if arch(x86_64)
let engineFlags: [SwiftSetting] = [.unsafeFlags(["-Ounchecked", "-Xcc", "-mavx2", "-Xcc", "-mfma", "-Xcc", "-mf16c", "-target-cpu", "haswell"])]
let engineC: [CSetting] = [.unsafeFlags(["-mavx2", "-mfma", "-mf16c", "-O3"])]
#else
let engineFlags: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"])]
let engineC: [CSetting] = [.unsafeFlags(["-O3"])]
#endif

let package = Package(
    name: "LuxLlama",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lux", targets: ["lux"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .target(name: "LuxEngine", dependencies: ["COpenBLAS"], swiftSettings: engineFlags),
        .target(name: "LuxStore", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // TOMLKit stays behind LuxTOML's internal import (library evolution keeps it hidden from
        // LuxLearn): see Sources/LuxTOML/TOMLValueTree.swift.
        .target(name: "LuxTOML", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
                swiftSettings: [.unsafeFlags(["-enable-library-evolution"])]),
        .target(name: "LuxLearn", dependencies: [
            "LuxStore",
            "LuxTOML",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "LuxTUI", dependencies: ["LuxLearn", "LuxStore", "LuxEngine", "CNcursesw"]),
        .executableTarget(name: "lux", dependencies: [
            "LuxEngine", "LuxLearn", "LuxStore", "LuxTUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LuxEngineTests", dependencies: ["LuxEngine"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LuxStoreTests", dependencies: ["LuxStore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Runs the built `lux` binary end to end (scripts/test builds it first).
        .testTarget(name: "LuxCLITests"),
        .testTarget(name: "LuxLearnTests", dependencies: ["LuxLearn", "LuxStore"], resources: [.copy("Fixtures")]),
        // Headless screen snapshots and tmux end-to-end runs of `lux` (fixtures are read from the source tree).
        .testTarget(name: "LuxTUITests", dependencies: ["LuxTUI", "LuxLearn", "LuxStore", "LuxEngine"],
                    exclude: ["Fixtures", "Snapshots"]),
    ]
)

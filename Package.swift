// swift-tools-version:6.1
import PackageDescription

// Release builds of the reader on Linux gather the code that runs at startup into one place, so the
// kernel maps far less of the binary (with `--static-swift-stdlib`, as `make` builds it: 17 MiB
// resident instead of 23). Linker/README.md explains each flag and what it saves.
let packageDirectory = String(#filePath.dropLast("Package.swift".count))
let readerReleaseLinkerFlags = [
    "-use-ld=lld",  // the toolchain's lld reads a symbol ordering file; gold, the default, does not
    "-Xlinker", "--symbol-ordering-file=\(packageDirectory)Linker/folio.order",
    "-Xlinker", "--no-warn-symbol-ordering",  // names missing from a slightly stale list are fine
    "-Xlinker", "--no-export-dynamic"
]

// Dependencies point one way (Documentation/architecture.md §2): folio → FolioUI → {FolioCore, TerminalCore};
// CursesTerminal → {CNCursesW, TerminalCore}. FolioCore and TerminalCore depend on nothing but the
// standard library and Foundation (and FolioCore on libxml2, a system library); only CursesTerminal
// imports ncurses.
let package = Package(
    name: "folio",
    products: [
        .executable(name: "folio", targets: ["folio"]),
        .executable(name: "folio-bench", targets: ["FolioBench"]),
        .library(name: "FolioCore", targets: ["FolioCore"])
    ],
    // `Xapian` (off by default): the `xapian:PATH` engine and `folio index --xapian`, against libxapian
    // (Debian's libxapian-dev). Without it the package builds on a machine without libxapian, and
    // `xapian:` answers with how to get it (Documentation/architecture.md §9).
    traits: [.trait(name: "Xapian", description: "Search a Xapian database or shards (needs libxapian-dev)")],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0")
    ],
    targets: [
        // libxml2's HTML parser, for HTML pages and HTML mail parts (Documentation/architecture.md §5).
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "FolioCore", dependencies: ["CLibXML2"]),
        .target(name: "TerminalCore"),
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "TerminalCore"]),
        .target(name: "FolioUI", dependencies: ["FolioCore", "TerminalCore"]),
        // Reading state (read marks, bookmarks, positions, history) in SQLite, and the TOML config:
        // their own targets so FolioCore stays dependency-free (Documentation/architecture.md §2).
        .target(name: "ReadingState", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "FolioConfig", dependencies: ["FolioUI", "FolioCore", "TerminalCore", "TOMLKit"]),
        .executableTarget(name: "FolioStateStress", dependencies: ["ReadingState"], path: "Tests/Tools/FolioStateStress"),
        // The built-in articles (Data/) compiled into the binary, so a copied binary still has them.
        .target(name: "BuiltinCorpus", plugins: ["EmbedCorpusPlugin"]),
        .executableTarget(name: "EmbedCorpusTool", path: "Plugins/EmbedCorpusTool"),
        .plugin(name: "EmbedCorpusPlugin", capability: .buildTool(), dependencies: ["EmbedCorpusTool"]),
        // The C face of libxapian and the engine on it. Without the trait the C++ compiles to
        // answers saying how to get it, so the engine and its tests build everywhere and nothing
        // links libxapian unless the trait is on.
        .target(
            name: "CXapian",
            cxxSettings: [.define("FOLIO_XAPIAN", .when(traits: ["Xapian"]))],
            linkerSettings: [.linkedLibrary("xapian", .when(traits: ["Xapian"]))]),
        .target(name: "FolioXapian", dependencies: ["FolioCore", "CXapian"]),
        .executableTarget(
            name: "folio",
            dependencies: [
                "FolioCore", "TerminalCore", "FolioUI", "CursesTerminal", "BuiltinCorpus", "ReadingState", "FolioConfig",
                "FolioXapian",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            linkerSettings: [.unsafeFlags(readerReleaseLinkerFlags, .when(platforms: [.linux], configuration: .release))]),
        .executableTarget(
            name: "FolioBench",
            dependencies: [
                "FolioCore",
                "FolioUI",
                "TerminalCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioCore", "BuiltinCorpus"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalCoreTests", dependencies: ["TerminalCore"]),
        .testTarget(name: "FolioCLITests", dependencies: ["folio"]),
        .testTarget(
            name: "FolioUITests", dependencies: ["FolioUI", "FolioCore", "TerminalCore", "BuiltinCorpus"],
            exclude: ["__Snapshots__"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["folio"]),
        .testTarget(name: "ReadingStateTests", dependencies: ["ReadingState", "FolioStateStress"]),
        .testTarget(name: "XapianTests", dependencies: ["FolioXapian", "FolioCore", "FolioUI", "folio"]),
        .testTarget(name: "FolioConfigTests", dependencies: ["FolioConfig", "FolioUI", "FolioCore", "TerminalCore"])
    ],
    swiftLanguageModes: [.v6]
)

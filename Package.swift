// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "boardpack",
    // macOS 14: Hummingbird 2 and hummingbird-auth need it (the portal); Linux is unaffected.
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "boardpack", targets: ["BoardPackCLI"]),
        // The returns portal: a second executable, so that the web packages are never compiled
        // for the plain command line (`boardpack portal ...` runs this one when it is built).
        .executable(name: "boardpack-portal", targets: ["PortalCLI"]),
        .library(name: "ReportModel", targets: ["ReportModel"]),
        .library(name: "BoardPack", targets: ["BoardPack"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The portal's only (Portal, PortalCLI, PortalTests): resolved with the rest, built only with them.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // The only target that sees libxlsxwriter's C API is XLSXWriter.
        .systemLibrary(
            name: "CXlsxWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // SHA-256 of returns, with the processor's SHA instructions.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "ReportModel"),
        // Reads untrusted .xlsx: our own ZIP reader (zlib only inflates) and a streaming SpreadsheetML reader.
        .target(name: "XLSXReader", dependencies: ["CZlib"]),
        // libFuzzer entry point over the reader; built with -sanitize=fuzzer by fuzz/run.
        .target(name: "FuzzReader", dependencies: ["XLSXReader"]),
        .target(name: "XLSXWriter", dependencies: ["CXlsxWriter"]),
        // Programs run in a process group of their own with a clean signal mask (LibreOffice, for
        // PDFs and in the tests), so that they can always be ended whole.
        .target(name: "ChildProcess"),
        .target(name: "BoardPack", dependencies: ["ReportModel", "XLSXWriter", "XLSXReader", "ChildProcess", "CCrypto"]),
        // The command line, built as the `boardpack` executable. Not named "boardpack": a folder
        // differing from "BoardPack" only in case merges with it on a case-insensitive disk.
        .executableTarget(
            name: "BoardPackCLI",
            dependencies: [
                "BoardPack", "ReportModel", "XLSXReader",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The returns portal: the store (SQLite through GRDB, the uploads folder), the web
        // (Hummingbird), its pages (mustache templates, resources of this target).
        .target(
            name: "Portal",
            dependencies: [
                "BoardPack", "ReportModel", "XLSXReader", "CCrypto", "ChildProcess",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Templates")]),
        .executableTarget(
            name: "PortalCLI",
            dependencies: [
                "Portal", "BoardPack", "ReportModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Helpers for tests only: running programs, and reading produced .xlsx parts with unzip.
        .target(name: "TestSupport", dependencies: ["ReportModel", "ChildProcess"], path: "Tests/TestSupport", exclude: ["Scripts"]),
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel", "TestSupport"]),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter", "TestSupport"]),
        .testTarget(
            name: "XLSXReaderTests", dependencies: ["XLSXReader", "CZlib", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "BoardPackTests", dependencies: ["BoardPack", "ReportModel", "XLSXReader", "XLSXWriter", "TestSupport"],
            exclude: ["Scripts"]),
        .testTarget(
            name: "PortalTests",
            dependencies: [
                "Portal", "BoardPack", "ReportModel", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Scripts"]),
    ]
)

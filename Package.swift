// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "boardpack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "boardpack", targets: ["BoardPackCLI"]),
        .library(name: "ReportModel", targets: ["ReportModel"]),
        .library(name: "BoardPack", targets: ["BoardPack"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
    ]
)

import ArgumentParser
import Foundation
import XLSXReader

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print every cell of a workbook as the reader sees it (JSON or CSV).",
        discussion: """
            JSON: {"sheets": [{"name": "...", "rows": [[...], ...]}]}; row i is sheet row i+1, each \
            from column A to its last non-empty cell; numbers, booleans, null for empty cells, \
            error values as text ("#N/A"), dates as ISO 8601. CSV (RFC 4180) prints one sheet.
            """)

    enum Format: String, ExpressibleByArgument { case json, csv }

    @Argument(help: "The workbook (.xlsx).")
    var file: String

    @Option(help: "Only this sheet (CSV: the first sheet unless given).")
    var sheet: String?

    @Option(help: "json or csv.")
    var format: Format = .json

    @Option(help: ArgumentHelp(
        "Refuse a workbook that unpacks to more than this many MiB (1 to 16384).",
        discussion: "256 by default, the guard against ZIP bombs every command keeps. Reading streams, so memory stays flat however large the sheet: raise it for a sheet of millions of cells."))
    var maxUnpackedMib = 256

    func validate() throws {
        guard (1...16_384).contains(maxUnpackedMib) else {
            throw ValidationError("--max-unpacked-mib must be between 1 and 16384, not \(maxUnpackedMib)")
        }
    }

    func run() throws {
        try reportingErrors {
            var limits = ZipLimits()
            limits.maxTotalUncompressed = maxUnpackedMib << 20
            let book = try XLSXFile(contentsOf: URL(fileURLWithPath: file), name: file, limits: limits)
            switch format {
            case .json: try Dump.json(book, sheet: sheet, write: standardOutput)
            case .csv: try Dump.csv(book, sheet: sheet, write: standardOutput)
            }
        }
    }
}

/// Writes a block of the dump to standard output whole (a pipe may take it in parts).
private func standardOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
            if n <= 0 { break }
            offset += n
        }
    }
}

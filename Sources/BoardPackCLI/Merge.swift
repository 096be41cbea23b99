import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Check agency returns and merge the valid ones into the report.",
        discussion: """
            Writes the updated report to -o (the input report is never changed) and prints a \
            summary: returns received and accepted, agencies still missing, goals updated, \
            unchanged or without an update, measures filled, and every problem with its cell. \
            Exits 0 only when every return was accepted without conflict; valid returns are \
            merged and written either way.
            """)

    @Argument(help: "The report, as JSON.")
    var report: String

    @Argument(help: "The returns (.xlsx).")
    var returns: [String]

    @Option(name: .shortAndLong, help: "Where to write the merged report (JSON).")
    var output: String

    @Option(help: "The period being collected (default: the report's period).")
    var period: String?

    @Flag(help: "When an agency sent two returns, take the later file instead of refusing it.")
    var replace = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        try reportingErrors {
            try refuseOverwriting(input: report, output: output)
            let loaded = try ReportCoding.load(contentsOf: URL(fileURLWithPath: report))
            let checker = ReturnChecker(report: loaded, period: period)
            let progress = Progress(total: returns.count)
            let checked = checker.check(filesAt: returns.map { URL(fileURLWithPath: $0) }) { progress.show($0) }
            progress.finish()
            let (merged, summary) = ReturnMerger(report: loaded, period: period, replace: replace).merge(checked)
            try AtomicFile.write(try ReportCoding.encode(merged), to: URL(fileURLWithPath: output))
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(summary), as: UTF8.self))
            } else {
                print(summary.text)
                print("Wrote \(output)")
            }
            if !summary.isClean { throw ExitCode.failure }
        }
    }
}

/// "checked 3 of 40 returns" on standard error when it is a terminal; nothing when piped.
struct Progress: Sendable {
    let total: Int
    let enabled = isatty(2) == 1

    func show(_ n: Int) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[Kchecked \(n) of \(total) returns".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

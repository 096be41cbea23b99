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
            unchanged or without an answer, measures filled, and every problem with its cell. \
            Answers that pass are merged even when other cells of the same return are refused.

            Exit status: 0 when every return given was merged whole: no cell refused, no goal or \
            figure left unanswered, no blank return, no conflict between co-leads, no duplicate \
            left unsettled (files named twice, and duplicates settled by --replace, are fine; \
            agencies that sent nothing are listed but do not count). 1 when any of those \
            happened; the merged report is written all the same. 2 when nothing could be \
            merged: the report cannot be read or is invalid, -o names the report itself, or \
            --period is not the report's period.
            """ + "\n\n" + OutputGuard.promise)

    @Argument(help: "The report, as JSON.")
    var report: String

    @Argument(help: "The returns (.xlsx, or AGENCY-form.json from the portal's web form), or folders of them (each spreadsheet or form in the folder; not its subfolders).")
    var returns: [String]

    @Option(name: .shortAndLong, help: "Where to write the merged report (JSON).")
    var output: String

    @Option(help: "The period being collected (default and only choice: the report's; start another with next).")
    var period: String?

    @Flag(help: "When an agency sent two different returns, take the newest (by its Date cell, then the file's time) instead of neither.")
    var replace = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        try reportingErrors {
            let target = try OutputGuard.target(output, writing: .report, inputs: [report] + returns)
            let files = try ReturnFiles.expand(returns)
            // The returns are opened on the other core while the report is decoded here.
            let prefetch = ReturnPrefetch(files)
            defer { _ = prefetch.stop() }  // a report refused leaves no thread opening files
            // The returns are checked while the report's fields are (see loadCheckingFieldsAside).
            let (loaded, fieldCheck) = try ReportCoding.loadCheckingFieldsAside(contentsOf: URL(fileURLWithPath: report))
            try requireReportPeriod(period, of: loaded, file: report)
            let checker = ReturnChecker(report: loaded)
            let progress = Progress(total: files.count)
            let checked = checker.check(filesAt: files, opened: prefetch.stop()) { progress.show($0) }
            progress.finish()
            _ = try fieldCheck.value()
            let (merged, summary) = ReturnMerger(checker: checker, replace: replace).merge(checked)
            try AtomicFile.write(try ReportCoding.encode(merged), to: target)
            if json {
                print(String(decoding: try ReportCoding.canonicalEncoder().encode(summary), as: UTF8.self))
            } else {
                print(summary.text)
                print("Wrote \(output)")
            }
            if !summary.isClean { throw ExitCode.problemsFound }
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

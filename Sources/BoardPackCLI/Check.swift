import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check one filled-in return against the report.",
        discussion: """
            Prints each problem as FILE: Sheet!CELL: message. Exits 0 when the return is clean, \
            1 when it has problems (blank, unanswered goals, cells that cannot be taken), 2 when \
            the report cannot be read.
            """)

    @Argument(help: "The return (.xlsx).")
    var file: String

    @Option(help: "The report the return answers, as JSON.")
    var report: String

    @Option(help: "The period the return should be for (default and only choice: the report's).")
    var period: String?

    func run() throws {
        try reportingErrors {
            let loaded = try ReportCoding.load(contentsOf: URL(fileURLWithPath: report))
            try requireReportPeriod(period, of: loaded, file: report)
            let checked = ReturnChecker(report: loaded).check(fileAt: URL(fileURLWithPath: file))
            for problem in checked.problems { printError(problem.description) }
            guard checked.isClean else { throw ExitCode.problemsFound }
            print(checked.summary)
        }
    }
}

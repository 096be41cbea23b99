import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check one filled-in return against the report.",
        discussion: "Prints each problem as FILE: Sheet!CELL: message. Exits 0 when the return is clean.")

    @Argument(help: "The return (.xlsx).")
    var file: String

    @Option(help: "The report the return answers, as JSON.")
    var report: String

    @Option(help: "The period being collected (default: the report's period).")
    var period: String?

    func run() throws {
        try reportingErrors {
            let loaded = try ReportCoding.load(contentsOf: URL(fileURLWithPath: report))
            let checked = ReturnChecker(report: loaded, period: period).check(fileAt: URL(fileURLWithPath: file))
            for problem in checked.problems { printError(problem.description) }
            guard checked.isValid else { throw ExitCode.failure }
            print(checked.summary)
        }
    }
}

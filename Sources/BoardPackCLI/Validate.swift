import ArgumentParser
import Foundation
import ReportModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a report JSON file and list every problem with its place.")

    @Argument(help: "The report, as JSON.")
    var report: String

    func run() throws {
        try reportingErrors {
            // A file that cannot be read stops the command (exit 2); problems in one that can are
            // validate's result (exit 1).
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: report)) } catch {
                throw ReportProblems(file: report, problems: [ReportProblem(path: "", message: "cannot be read (\(SystemReason.of(error)))")])
            }
            let loaded: Report
            do {
                loaded = try ReportCoding.decode(data, file: report)
            } catch let problems as ReportProblems {
                printError(problems.description)
                throw ExitCode.problemsFound
            }
            print("\(report): valid (\(loaded.themes.count) themes, \(loaded.countedGoals.count) goals)")
        }
    }
}

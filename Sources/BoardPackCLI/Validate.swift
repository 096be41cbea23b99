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
            let loaded: Report
            do {
                loaded = try ReportCoding.load(contentsOf: URL(fileURLWithPath: report))
            } catch let problems as ReportProblems {
                // Finding problems is what validate is for: they are its result, not a failure to run.
                printError(problems.description)
                throw ExitCode.problemsFound
            }
            print("\(report): valid (\(loaded.themes.count) themes, \(loaded.countedGoals.count) goals)")
        }
    }
}

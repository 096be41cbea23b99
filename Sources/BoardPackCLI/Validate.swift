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
            let loaded = try ReportCoding.load(contentsOf: URL(fileURLWithPath: report))
            print("\(report): valid (\(loaded.themes.count) themes, \(loaded.countedGoals.count) goals)")
        }
    }
}

import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say what changed between two reports of the same plan.",
        discussion: """
            Statuses moved (from → to, improved or worsened), goals rated now or no longer, goals \
            added, discharged or reworded, updates changed, and figures changed (old → new for \
            each measure and period). Exits 0 when it could compare, whatever it found; 2 when a \
            report cannot be read or is invalid, or the two share no goal.
            """)

    @Argument(help: "The earlier report, as JSON.")
    var old: String

    @Argument(help: "The later report, as JSON.")
    var new: String

    @Flag(help: "Print the differences as JSON.")
    var json = false

    func run() throws {
        try reportingErrors {
            let before = try ReportCoding.load(contentsOf: URL(fileURLWithPath: old))
            let after = try ReportCoding.load(contentsOf: URL(fileURLWithPath: new))
            // Given newest first, every change reads backwards: said before the differences.
            if before.earlierPeriods.contains(where: { $0.period.label == after.period.label }) {
                printError("\(new): is \(after.period.label), a period before \(old)'s \(before.period.label); the changes below read backwards (give the earlier report first: boardpack diff \(new) \(old))")
            }
            let diff: ReportDiff
            do {
                diff = try ReportDiff(from: before, to: after)
            } catch let problem as ReportProblem {
                throw ReportProblems(file: new, problems: [problem])
            }
            if json {
                print(String(decoding: try ReportCoding.canonicalEncoder().encode(diff), as: UTF8.self))
            } else {
                print(diff.text)
            }
        }
    }
}

import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Start the next period's report from this one.",
        discussion: """
            This period's statuses and updates move into each goal's history; statuses and updates \
            are cleared for the new period; each theme gets the new period's column for its \
            measures; the status scheme follows the kind of period (Red/Amber/Green in a quarter, \
            Red/Green at year end, unless the report has its own). The plan refresh is applied: \
            proposals merged from year-end returns, and those of --plan-refresh, which win: \
            discharged goals leave the plan (kept with their history), amended goals take their \
            new wording under the same id, proposed goals, measures and themes join the plan. \
            A proposal that cannot be applied is refused with its place, and nothing is written.
            """ + "\n\n" + OutputGuard.promise)

    @Argument(help: "This period's report, as JSON.")
    var report: String

    @Option(help: "The new period's label, e.g. \"2013-14 Q1\".")
    var period: String

    @Option(help: "quarter, end-of-year or other (default: quarter when the label ends Q1 to Q4, else other).")
    var kind: Period.Kind?

    @Option(help: "The stock take's proposals, as a report of their own (e.g. examples/kent-medway-2013-14-plan-refresh.json).")
    var planRefresh: String?

    @Option(help: "The new report's id (default: this report's id with the period replaced).")
    var id: String?

    @Option(name: .shortAndLong, help: "Where to write the new report (JSON).")
    var output: String

    func run() throws {
        try reportingErrors {
            let target = try OutputGuard.target(output, writing: .report, inputs: [report] + [planRefresh].compactMap { $0 })
            let loaded = try ReportCoding.load(contentsOf: URL(fileURLWithPath: report))
            let refresh = try planRefresh.map { (try ReportCoding.load(contentsOf: URL(fileURLWithPath: $0)), $0) }
            let next = try Rollover(report: loaded, file: report, planRefresh: refresh).next(Period(guessing: period, kind: kind), id: id)
            // The result must be a report every other command takes.
            let problems = ReportValidator(next).problems()
            if !problems.isEmpty { throw ReportProblems(file: output, problems: problems) }
            try AtomicFile.write(try ReportCoding.encode(next), to: target)
            print("Wrote \(output): \(next.period.label), \(next.countedGoals.count) goals (was \(loaded.period.label), \(loaded.countedGoals.count))")
        }
    }
}

extension Period.Kind: ExpressibleByArgument {}

import ArgumentParser
import Portal
import ReportModel

struct NextPeriodCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Close the open period and open the next one, with new links.",
        discussion: """
            Merges the open period's returns (each agency's newest usable upload), rolls the \
            merged report over with the same rules as boardpack next (and --plan-refresh), and \
            opens the new period with a new link for each agency that owes a return. The old \
            links stop working. Nothing changes if the rollover is refused.
            """)

    @Option(help: "The data folder.")
    var data: String

    @Option(help: "The new period's label, e.g. \"2013-14 Q1\".")
    var period: String

    @Option(help: "quarter, end-of-year or other (default: quarter when the label ends Q1 to Q4, else other).")
    var kind: Period.Kind?

    @Option(help: "The stock take's proposals, as a report of their own.")
    var planRefresh: String?

    @Option(help: "When the new period's returns are due, e.g. 2013-10-11.")
    var due: String?

    @Option(help: "The last day agencies may upload in the new period, e.g. 2013-10-18.")
    var closes: String?

    @Option(help: "Who agencies ask (default: as in the period closed).")
    var contact: String?

    @Flag(help: "Print the links as JSON.")
    var json = false

    func run() async throws {
        try await reportingErrors {
            let store = try PortalStore.open(DataFolder(data))
            let (closed, opened, links) = try PortalSetup.next(
                store: store, reports: PeriodReports(), period: period, kind: kind, planRefresh: planRefresh, due: due, closes: closes, contact: contact)
            if !json { print("Closed \(closed.label); opened \(opened.label). New links:") }
            printLinks(links, json: json)
        }
    }
}

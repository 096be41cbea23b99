import ArgumentParser
import Portal

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a portal: open the report's period for returns and print each agency's private link.",
        discussion: """
            Creates the data folder's store, opens the report's period for returns, makes one \
            private link per agency that owes a return (as boardpack returns decides) and prints \
            them with a one-time link for the secretariat to choose its password. Mail each \
            agency its link; anyone with it can send that agency's return.
            """)

    @Argument(help: "The report the returns answer, as JSON.")
    var report: String

    @Option(help: "The data folder (created; it must not hold a portal already).")
    var data: String

    @Option(help: "When returns are due, e.g. 2013-07-12 (shown to agencies, and on their returns).")
    var due: String?

    @Option(help: "The last day agencies may upload, e.g. 2013-07-19 (after it their page is read-only, unless the secretariat gives an extension).")
    var closes: String?

    @Option(help: "Who agencies ask about their return, as it should read (default: the report's contact).")
    var contact: String?

    @Option(help: "The address the portal will be reached at, for the printed links (default http://127.0.0.1:8080).")
    var baseURL: String?

    @Flag(help: "Print the links as JSON: {\"secretariat\": URL, \"agencies\": [{\"agency\", \"id\", \"url\"}]}.")
    var json = false

    func run() async throws {
        try await reportingErrors {
            let base = try baseURL.map(BaseURL.init)
            let links = try PortalSetup.initialise(report: report, data: DataFolder(data), due: due, closes: closes, contact: contact, baseURL: base)
            printLinks(links, json: json)
        }
    }
}

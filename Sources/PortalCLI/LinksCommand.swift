import ArgumentParser
import Portal

struct LinksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Print the open period's agency links again, or replace them.",
        discussion: """
            Links are derived again from the data folder's secret, never stored: the same link \
            prints each time until it is rotated. --rotate replaces the links (all, or --agency's): \
            the old ones, and every browser they opened, stop working at once.
            """)

    @Option(help: "The data folder.")
    var data: String

    @Option(help: "Only this agency (id, name or alias).")
    var agency: String?

    @Flag(help: "Replace the links: the old ones stop working at once.")
    var rotate = false

    @Flag(help: "Also issue a new one-time link for the secretariat to choose its password (earlier ones stop working).")
    var secretariat = false

    @Flag(help: "Print the links as JSON.")
    var json = false

    func run() async throws {
        try await reportingErrors {
            let store = try PortalStore.open(DataFolder(data))
            printLinks(try PortalSetup.links(store: store, agency: agency, rotate: rotate, secretariat: secretariat), json: json)
        }
    }
}

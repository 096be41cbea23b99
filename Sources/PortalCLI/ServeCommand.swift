import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Portal

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the portal.",
        discussion: """
            Prints the address it listens on, then serves until SIGINT or SIGTERM, when it stops \
            taking new requests and lets those in flight finish (an upload is either kept whole \
            or not at all).
            """)

    @Option(help: "The data folder.")
    var data: String

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0 for any free one).")
    var port = 8080

    @Option(help: "The address people reach the portal at, when it is not http://HOST:PORT (https:// makes cookies Secure).")
    var baseURL: String?

    @Option(help: "The largest file taken, in MB (larger uploads are refused with 413).")
    var largestFile = UploadCheck.largestFile / (1024 * 1024)

    @OptionGroup var mail: MailOptions

    @Option(help: "Run as if it were this day (or time), e.g. 2013-07-05, the clock moving on from there: for trying dates and reminders out.")
    var at: String?

    func run() async throws {
        try await reportingErrors {
            let store = try PortalStore.open(DataFolder(data), clock: try BoardDate.clock(at: at))
            store.removeLeftovers()
            let base = try baseURL.map(BaseURL.init)
            if let base { try store.setBaseURL(base.text) }
            guard largestFile > 0 else { throw ValidationError("--largest-file must be at least 1 (MB)") }
            var settings = PortalSettings(baseURL: base)
            settings.largestFile = largestFile * 1024 * 1024
            settings.mailer = try mail.mailer()
            settings.mailFrom = try mail.sender()
            let portal = try await PortalSite(store: store, settings: settings)
            var logger = Logger(label: "boardpack-portal")
            logger.logLevel = .notice
            let app = PortalApplication.build(portal, host: host, port: port, logger: logger) { address in
                let shown = address.map { "http://\($0.ipAddress ?? host):\($0.port ?? port)" } ?? "http://\(host):\(port)"
                // Written straight to the file: a test or a script reading the pipe sees it at once.
                FileHandle.standardOutput.write(Data("Serving the returns portal at \(shown)/ (Ctrl-C to stop)\n".utf8))
            }
            try await app.runService()
        }
    }
}

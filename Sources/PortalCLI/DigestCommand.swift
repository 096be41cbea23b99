import ArgumentParser
import BoardPack
import Foundation
import Portal
import ReportModel

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "The secretariat's daily digest of what arrived (or send it with --send).",
        discussion: """
            Lists the uploads of the open period received on the day before --at (the board's \
            date; default: yesterday), each with its agency, result and counts, and where the \
            period stands as boardpack merge counts it. With --send it goes to --to, once a day \
            whatever restarts. For a cron job each morning: boardpack portal digest --data DIR \
            --to secretariat@example.org --send.
            """)

    @Option(help: "The data folder.")
    var data: String

    @Option(help: "Run as if it were this day (or time): the digest is of the day before.")
    var at: String?

    @Option(help: "Who gets the digest (repeat for more).")
    var to: [String] = []

    @Flag(help: "Send it (once for each day).")
    var send = false

    @OptionGroup var mail: MailOptions

    func run() async throws {
        try await reportingErrors {
            let store = try PortalStore.open(DataFolder(data), clock: try BoardDate.clock(at: at))
            let reports = PeriodReports()
            let digest = try DigestMail.of(day: BoardDate.day(-1, after: BoardDate.day(at: store.now)), store: store, reports: reports)
            print("Subject: \(digest.subject)\n\n\(digest.body)")
            guard send else { return }
            guard !to.isEmpty, to.allSatisfy(ContactRules.isAddress) else { throw ValidationError("--send needs --to with an e-mail address (name@example.org)") }
            let outbox = Outbox(store: store, mailer: try mail.mailer(), from: try mail.sender())
            do {
                let sent = try outbox.send(digest, to: to.map { MailMessage.Address(email: $0) }, report: try reports.report(for: digest.period), actor: "command line")
                if let error = sent.error {
                    print("NOT SENT: \(error)")
                    throw ExitCode(1)
                }
                print("Sent to \(sent.recipients) as \(sent.messageID).")
            } catch let already as AlreadySent {
                print("Not sent again: \(already)")
            }
        }
    }
}

import ArgumentParser
import BoardPack
import Foundation
import Portal
import ReportModel

struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "List the reminders due (or send them with --send): only to agencies that still owe something.",
        discussion: """
            The step of the reminder schedule (days from the due date; 7 before, on the day and 3 \
            after unless changed on the Dates page) that --at falls in decides what is due. Each \
            agency that still owes something as boardpack merge counts it (nothing received, or \
            goals and figures without an answer it can take) gets one block: its recipients and \
            the text, naming what it owes and carrying its current link. With --send each is \
            handed to the mailer, once per step: an agency sent (or skipped) a step's reminder \
            never gets it again, after any restart. For a cron job: boardpack portal remind \
            --data DIR --send, once a day.

            Exit status: 0 when everything due was listed or sent; 1 when a message could not \
            be sent (the mailer's error is printed; run again to retry); 2 when it could not run.
            """)

    @Option(help: "The data folder.")
    var data: String

    @Option(help: "The day (or time) to run as, e.g. 2013-07-05 (default: now); the board's local date decides the step.")
    var at: String?

    @Flag(help: "Send the reminders listed (each step once per agency).")
    var send = false

    @OptionGroup var mail: MailOptions

    func run() async throws {
        var failed = false
        try await reportingErrors {
            let clock = try BoardDate.clock(at: at)
            let store = try PortalStore.open(DataFolder(data), clock: clock)
            let reports = PeriodReports()
            let due = try DueReminders.at(store.now, store: store, reports: reports)
            let mailer = try mail.mailer()
            let outbox = Outbox(store: store, mailer: mailer, from: try mail.sender())
            print(heading(due))
            if send && !mailer.isConfigured && !due.reminders.isEmpty {
                throw DataFolderProblem("no mailer: \(Mailer.standardCommand) is not installed; give --sendmail COMMAND (see docs/portal.md)")
            }
            let report = try reports.report(for: due.period)
            for reminder in due.reminders {
                print("")
                print("To: " + (reminder.recipients.isEmpty ? "(nobody: \(reminder.agency.name) has no contact with an e-mail address)"
                    : reminder.recipients.map { "\($0.name.map { "\($0) " } ?? "")<\($0.email)>" }.joined(separator: ", ")))
                print("Subject: \(reminder.subject)")
                print("")
                print(reminder.body)
                guard send else { continue }
                do {
                    let sent = try outbox.send(reminder, period: due.period, report: report, actor: "command line", address: nil)
                    if let error = sent.error {
                        failed = true
                        print("NOT SENT to \(reminder.agency.name): \(error)")
                    } else {
                        print("Sent to \(reminder.agency.name) (\(sent.recipients)) as \(sent.messageID).")
                    }
                } catch let already as AlreadySent {
                    print("Not sent again: \(already)")
                } catch let failure as MailerFailure {
                    failed = true
                    print("NOT SENT to \(reminder.agency.name): \(failure)")
                }
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func heading(_ due: DueReminders) -> String {
        guard let deadline = due.deadline else { return "\(due.period.label) has no due date, so no reminder is due (set one on the Dates page)." }
        guard let step = due.step else {
            let first = due.schedule.offsets.first.map { BoardDate.day($0, after: deadline.day) }
            return "\(due.period.label) is due \(deadline.wording); the first reminder is due \(first.map { Deadline(day: $0).wording } ?? "never")."
        }
        var lines = ["\(due.period.label), due \(deadline.wording): the reminder \(ReminderSchedule.name(step)) is due for \(due.reminders.count) \(due.reminders.count == 1 ? "agency" : "agencies")."]
        if !due.done.isEmpty { lines.append("Already reminded at this step: \(due.done.joined(separator: ", ")).") }
        if !due.closed.isEmpty { lines.append("Owing but closed (no extension): \(due.closed.joined(separator: ", ")).") }
        return lines.joined(separator: "\n")
    }
}

import BoardPack
import Foundation
import Portal
import ReportModel
import TestSupport
import Testing

/// Reminders (issue 22): the step the board's date falls in, only agencies that still owe
/// something as the merge counts it, the text naming what is owed and the agency's current link,
/// each step once per agency (also after a restart, and when skipped), and a mailer's refusal
/// kept with its words and retried.
@Suite struct RemindersTests {
    let fixture: PortalFixture
    let scenario: ChasingScenario
    static let day: TimeInterval = 24 * 3600

    init() throws {
        fixture = try PortalFixture(due: "2013-07-12")
        scenario = try ChasingScenario(fixture)
    }

    /// A sendmail stand-in: a real command that reads the message on its input and files it.
    func filingMailer() throws -> (Mailer, URL) {
        let folder = fixture.scratch.file("sent")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (try Mailer("/bin/sh -c 'cat > $0/$$.eml' \(folder.path)"), folder)
    }

    func due(_ store: PortalStore? = nil) throws -> DueReminders {
        try DueReminders.at((store ?? fixture.store).now, store: store ?? fixture.store, reports: PeriodReports())
    }

    @Test func theStepIsTheLatestWhoseDayHasBegun() throws {
        let schedule = ReminderSchedule.standard
        let due = try #require(Day(reading: "2013-07-12"))
        func on(_ text: String) -> Int? { schedule.step(due: due, today: Day(reading: text)!) }
        #expect(on("2013-07-04") == nil && on("2013-07-05") == -7 && on("2013-07-11") == -7)
        #expect(on("2013-07-12") == 0 && on("2013-07-14") == 0 && on("2013-07-15") == 3 && on("2013-09-01") == 3)
        #expect(schedule.wording == "7 days before, on the day, 3 days after")
        #expect(try ReminderSchedule.reading("+3, -14,0, 0").offsets == [-14, 0, 3])
        #expect(throws: DatesProblem.self) { try ReminderSchedule.reading("-7, soon") }
        // --at a day is the start of that day on the board's clock.
        #expect(BoardDate.day(at: try BoardDate.clock(at: "2013-07-05")()) == Day(reading: "2013-07-05"))
        #expect(throws: DataFolderProblem.self) { try BoardDate.clock(at: "next Friday") }
    }

    @Test func onlyAgenciesThatOweGetOneEachNamingWhatTheyOweAndTheirLink() throws {
        fixture.clock.advance(-2 * Self.day)  // Friday 5 July: 7 days before
        let due = try self.due()
        #expect(due.step == -7)
        let reminded = due.reminders.map(\.agency.id)
        #expect(Set(reminded) == Set(ChasingScenario.goalMissing + ChasingScenario.nothing) && reminded.count == 5, "\(reminded)")
        let links = try scenario.links()
        let contacts = try fixture.store.contacts(as: .secretariat)
        for reminder in due.reminders {
            let id = reminder.agency.id, scope = fixture.scope(id)
            #expect(reminder.link == links[id] && reminder.body.contains(links[id]!), "\(id): the link portal links prints")
            #expect(reminder.recipients.map(\.email) == contacts[id]!.compactMap(\.email))
            #expect(reminder.subject == "Reminder: \(reminder.agency.name)'s return for 2013-14 Q1 is due in 7 days")
            #expect(reminder.body.contains("due Friday 12 July 2013 (due in 7 days)"))
            if let blank = scenario.blankGoal[id] {
                // Exactly the goal left blank: no other goal, no figure.
                #expect(reminder.owed.goals.map(\.id) == [blank.id] && reminder.owed.measures.isEmpty && !reminder.owed.nothingReceived)
                #expect(reminder.body.contains("- \(blank.id): \(blank.text)"))
                for other in scope.goals where other.goal.id != blank.id { #expect(!reminder.body.contains("- \(other.goal.id): "), "\(id) answered \(other.goal.id)") }
            } else {
                #expect(reminder.owed.nothingReceived, "\(id): nothing taken (public-health sent only a refused file)")
                #expect(reminder.owed.goals.map(\.id) == scope.goals.map(\.goal.id) && reminder.owed.measures.map(\.id) == scope.measures.map(\.measure.id))
                for item in scope.goals { #expect(reminder.body.contains("- \(item.goal.id): \(item.goal.text)")) }
                for item in scope.measures { #expect(reminder.body.contains("- \(item.measure.id): \(item.measure.name)")) }
            }
        }
        // The agency that typed "tbc" for a figure owes nothing: tbc is an answer, as merge counts it.
        #expect(!reminded.contains(scenario.tbcFigure.agency))
        // Before the first step nothing is due.
        fixture.clock.advance(-1 * Self.day)
        let early = try self.due()
        #expect(early.step == nil && early.reminders.isEmpty)
    }

    @Test func eachStepGoesOnceAlsoAfterARestartAndWhenSkipped() throws {
        fixture.clock.advance(-2 * Self.day)
        let (mailer, folder) = try filingMailer()
        let outbox = Outbox(store: fixture.store, mailer: mailer, from: MailMessage.Address(name: "Rob Jacques", email: "rob.jacques@kent.example.org"))
        let first = try due()
        let report = try PeriodReports().report(for: first.period)
        // The secretariat skips one; the others go.
        try fixture.store.skipReminder(period: first.period.id!, agency: "kcc-commissioned", step: -7, subject: "skipped", address: nil)
        for reminder in first.reminders where reminder.agency.id != "kcc-commissioned" {
            let sent = try outbox.send(reminder, period: first.period, report: report, actor: "test", address: nil)
            #expect(sent.state == .sent && sent.error == nil)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 4)
        // The same step again, in this process and in a new one (the store opened afresh): nothing.
        #expect(try due().reminders.isEmpty && (try due().done.count) == 5)
        let restarted = try PortalStore.open(fixture.data, clock: { [clock = fixture.clock] in clock.now() })
        #expect(try due(restarted).reminders.isEmpty)
        // Sending an old reminder again is refused by the database itself.
        #expect(throws: AlreadySent.self) { try outbox.send(first.reminders[0], period: first.period, report: report, actor: "test", address: nil) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 4)
        // The next step is new: everyone still owing gets it, the one skipped before included.
        fixture.clock.advance(7 * Self.day)
        let onTheDay = try due()
        #expect(onTheDay.step == 0 && onTheDay.reminders.count == 5)
        // Each message and skip is logged with its time and recipients.
        let log = try fixture.store.mailLog(limit: 20).entries
        #expect(log.filter { $0.state == .sent }.count == 4 && log.filter { $0.state == .skipped }.map(\.agencyID) == ["kcc-commissioned"])
        #expect(log.filter { $0.state == .sent }.allSatisfy { $0.sentAt != nil && $0.recipients.contains("@") && $0.messageID.hasPrefix("<") })
        let audit = try fixture.store.auditLog(limit: 50).entries
        #expect(audit.filter { $0.action == .mailSent }.count == 4 && audit.contains { $0.action == .reminderSkipped && $0.agencyID == "kcc-commissioned" })
    }

    @Test func aRefusedHandoverIsKeptWithTheMailersWordsAndCanBeRetried() throws {
        fixture.clock.advance(-2 * Self.day)
        let failing = try Mailer("/bin/sh -c 'cat > /dev/null; echo smtp.kent.example.org: connection refused >&2; exit 75'")
        let from = MailMessage.Address(email: "rob.jacques@kent.example.org")
        let due = try self.due()
        let report = try PeriodReports().report(for: due.period)
        let reminder = try #require(due.reminders.first)
        let failed = try Outbox(store: fixture.store, mailer: failing, from: from).send(reminder, period: due.period, report: report, actor: "test", address: nil)
        #expect(failed.state == .failed && failed.sentAt == nil)
        #expect(failed.error == "/bin/sh exited 75: smtp.kent.example.org: connection refused")
        // Not sent, so still due.
        #expect(try self.due().reminders.contains { $0.agency.id == reminder.agency.id })
        #expect(try fixture.store.auditLog(limit: 5).entries.contains { $0.action == .mailFailed && $0.detail.contains("connection refused") })
        // A mailer that cannot even start, and no mailer at all, are said as plainly.
        let missing = try Outbox(store: fixture.store, mailer: try Mailer("/nonexistent/sendmail -t"), from: from)
            .send(due.reminders[1], period: due.period, report: report, actor: "test", address: nil)
        #expect(missing.state == .failed && missing.error?.contains("cannot start /nonexistent/sendmail") == true)
        #expect(throws: MailerFailure.self) { try Outbox(store: fixture.store, mailer: .none, from: from).send(reminder, period: due.period, report: report, actor: "test", address: nil) }
        // Retried through a mailer that works: the same message (its Message-ID) goes, once.
        let (mailer, folder) = try filingMailer()
        let retried = try #require(try Outbox(store: fixture.store, mailer: mailer, from: from).retry(failed.id!, report: report, actor: "test", address: nil))
        #expect(retried.state == .sent && retried.error == nil && retried.messageID == failed.messageID)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1)
        #expect(try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8).contains("Message-ID: \(failed.messageID)"))
        #expect(try Outbox(store: fixture.store, mailer: mailer, from: from).retry(failed.id!, report: report, actor: "test", address: nil) == nil, "sent: not again")
        #expect(try !self.due().reminders.contains { $0.agency.id == reminder.agency.id })
    }
}

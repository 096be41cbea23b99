import BoardPack
import Foundation
import Portal
import ReportModel
import TestSupport
import Testing

/// Reminders through a real mail path (issue 22): `boardpack-portal remind --send` hands each
/// message to msmtp (Debian) as its sendmail command, which delivers it over SMTP to aiosmtpd
/// (PyPI) on 127.0.0.1; Python's email package reads what arrived. Each run of the command is a
/// fresh process: a restart between steps.
@Suite(.serialized) struct MailLiveTests {
    static let from = "rob.jacques@kent.example.org"

    func remind(_ data: DataFolder, at day: String, sink: SMTPSink, send: Bool = true) throws -> (status: Int32, out: String, err: String) {
        try command("boardpack-portal", ["remind", "--data", data.url.path, "--at", day, "--sendmail", sink.sendmail(from: Self.from), "--from", Self.from] + (send ? ["--send"] : []))
    }

    @Test func fiveAWeekBeforeFourOnTheDayNoneTwiceEachSayingWhatIsOwed() throws {
        let fixture = try PortalFixture(due: "2013-07-12")
        let scenario = try ChasingScenario(fixture)
        let sink = try SMTPSink(folder: fixture.scratch.file("smtp"))
        let contacts = try fixture.store.contacts(as: .secretariat)
        let links = try scenario.links()
        let names = Dictionary(uniqueKeysWithValues: fixture.report.agencies.map { ($0.name, $0.id) })

        // Listing sends nothing.
        let listed = try remind(fixture.data, at: "2013-07-05", sink: sink, send: false)
        #expect(listed.status == 0, "\(listed.err)")
        #expect(listed.out.contains("the reminder 7 days before is due for 5 agencies"))
        #expect(try sink.messages().isEmpty)

        // Friday 5 July, 7 days before: exactly the five that owe.
        let first = try remind(fixture.data, at: "2013-07-05", sink: sink)
        #expect(first.status == 0, "\(first.out)\(first.err)")
        let week = try sink.messages()
        #expect(week.count == 5)
        var reminded: [String] = []
        for mail in week {
            let agencyName = try #require(names.keys.first { mail.subject == "Reminder: \($0)'s return for 2013-14 Q1 is due in 7 days" }, "\(mail.subject)")
            let id = names[agencyName]!
            reminded.append(id)
            #expect(mail.to == contacts[id]!.compactMap(\.email), "\(id)")
            #expect(mail.defects.isEmpty && mail.ascii && mail.longestLine <= 78, "\(id): \(mail.defects), longest \(mail.longestLine)")
            #expect(mail.contentType == "text/plain" && mail.charset == "utf-8" && mail.transferEncoding == "quoted-printable")
            for header in ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version"] { #expect(mail.headerNames.contains(header), "\(header)") }
            #expect(mail.date?.hasPrefix("2013-07-05") == true, "dated as --at says")
            #expect(mail.body.contains(links[id]!), "\(id): its current link")
            if let blank = scenario.blankGoal[id] {
                #expect(mail.body.contains("- \(blank.id): \(blank.text)"))
                #expect(mail.body.components(separatedBy: "\n- ").count == 2, "\(id): one thing owed")
            } else {
                for item in fixture.scope(id).goals { #expect(mail.body.contains("- \(item.goal.id): \(item.goal.text)")) }
                for item in fixture.scope(id).measures { #expect(mail.body.contains("- \(item.measure.id): \(item.measure.name)")) }
            }
        }
        #expect(Set(reminded) == Set(ChasingScenario.goalMissing + ChasingScenario.nothing))
        // Non-ASCII intact through SMTP: the contact's name, in To: and in the greeting.
        let health = try #require(week.first { $0.to.first?.hasPrefix("sian.") == true })
        #expect(health.toNames == ["Siân Kowalski"] && health.body.hasPrefix("Dear Siân Kowalski,"))

        // A restart on a later day of the same step sends nothing.
        let again = try remind(fixture.data, at: "2013-07-08", sink: sink)
        #expect(again.status == 0 && again.out.contains("is due for 0 agencies"))
        #expect(try sink.messages().count == 5)

        // One of those that left a goal blank uploads a complete return; on the day, four.
        let completing = ChasingScenario.goalMissing[0]
        try scenario.receive(completing, try fixture.filled(completing, "\(completing)-complete.xlsx", scenario.answers(completing)))
        let onTheDay = try remind(fixture.data, at: "2013-07-12", sink: sink)
        #expect(onTheDay.status == 0, "\(onTheDay.out)\(onTheDay.err)")
        let day = Array(try sink.messages().dropFirst(5))
        #expect(day.count == 4)
        #expect(day.allSatisfy { $0.subject.hasSuffix("is due today") && $0.date?.hasPrefix("2013-07-12") == true })
        #expect(!day.contains { $0.to == contacts[completing]!.compactMap(\.email) }, "the agency that completed its return is not reminded")
        #expect(try remind(fixture.data, at: "2013-07-12T17:30", sink: sink).status == 0)
        #expect(try sink.messages().count == 9, "the same step after another restart: nothing")
        // Every message is in the mail log with its time and recipients.
        let log = try fixture.store.mailLog(limit: 50).entries
        #expect(log.filter { $0.state == .sent }.count == 9 && log.allSatisfy { $0.sentAt != nil && !$0.recipients.isEmpty })
    }

    @Test func aMessageNotTakenIsSaidWithTheMailersErrorAndExitsOne() throws {
        let fixture = try PortalFixture(due: "2013-07-12")
        _ = try ChasingScenario(fixture)
        var sink: SMTPSink? = try SMTPSink(folder: fixture.scratch.file("smtp"))
        let sendmail = sink!.sendmail(from: Self.from)
        sink = nil  // the server is gone: msmtp cannot connect
        let result = try command("boardpack-portal", ["remind", "--data", fixture.data.url.path, "--at", "2013-07-05", "--send", "--sendmail", sendmail, "--from", Self.from])
        #expect(result.status == 1)
        #expect(result.out.contains("NOT SENT to") && result.out.contains("msmtp exited"))
        let log = try fixture.store.mailLog(limit: 10).entries
        #expect(log.count == 5 && log.allSatisfy { $0.state == .failed && $0.error?.contains("msmtp") == true })
    }
}

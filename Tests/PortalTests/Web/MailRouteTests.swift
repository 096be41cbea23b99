import BoardPack
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Portal
import ReportModel
import TestSupport
import Testing

/// Mail through the pages (issue 22): a receipt to the agency's contacts when its return is
/// accepted (none for a refused file), the Reminders page without a mailer (each message ready to
/// copy, with a mailto: link), and a message not taken shown as not sent, retried from the log.
@Suite struct MailRouteTests {
    let fixture: PortalFixture
    let folder: URL

    init() throws {
        fixture = try PortalFixture(due: "2013-07-12")
        folder = fixture.scratch.file("sent")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A sendmail stand-in: a real command that reads the message on its input and files it.
    var filing: Mailer { get throws { try Mailer("/bin/sh -c 'cat > $0/$$.eml' \(folder.path)") } }

    func site(mailer: Mailer) async throws -> PortalSite {
        var settings = PortalSettings()
        settings.bcryptCost = 4
        settings.soffice = nil
        settings.mailer = mailer
        settings.mailFrom = MailMessage.Address(name: "Rob Jacques", email: "rob.jacques@kent.example.org")
        return try await PortalSite(store: fixture.store, settings: settings)
    }

    /// The mail log once no message is still being handed over (receipts go after the page answers).
    func settledLog() throws -> [MailRecord] {
        for _ in 0..<300 {
            let log = try fixture.store.mailLog(limit: 50).entries
            if !log.contains(where: { $0.state == .sending }) { return log }
            usleep(100_000)
        }
        throw PortalTestError("a message was still being handed over after 30 s")
    }

    @Test func anAcceptedReturnsReceiptGoesToTheAgencysContacts() async throws {
        let complete = try fixture.complete("iys-kcc", "iys.xlsx")
        let notAReturn = fixture.scratch.file("notes.xlsx")
        try Data("not a workbook".utf8).write(to: notAReturn)
        try await Application(router: PortalApplication.buildRouter(try await site(mailer: try filing))).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("iys-kcc"))
            for file in [notAReturn, complete] {
                let sent = try await browser.upload("/agency/uploads", [("csrf", try await browser.csrf(on: "/agency"))], file: (file.lastPathComponent, Array(try Data(contentsOf: file))))
                #expect(sent.status == .seeOther)
                _ = try settledLog()
            }
        }
        let log = try settledLog()
        #expect(log.count == 1, "a receipt for the accepted return only: \(log.map(\.subject))")
        let receipt = try #require(log.first)
        let upload = try #require(try fixture.store.uploads(period: 1, agency: "iys-kcc", as: .secretariat).first)
        let contacts = try fixture.store.contacts(as: .secretariat)["iys-kcc"]!
        #expect(receipt.kind == .receipt && receipt.state == .sent && receipt.uploadID == upload.id)
        #expect(receipt.recipients == contacts.compactMap(\.email).joined(separator: ", "))
        #expect(receipt.subject == "Receipt \(upload.reference): Integrated Youth Services (KCC)'s return for 2013-14 Q1 is received")
        for line in ["SHA-256: \(upload.sha256)", "Reference: \(upload.reference)", "Goals answered: \(upload.goalsAnswered) of \(upload.goalsOwed)",
                     "Figures given: \(upload.figuresGiven) of \(upload.figuresOwed)", "File: iys.xlsx", "Completed by: Rob Jacques, 08/07/2013"] {
            #expect(receipt.body.contains(line), "\(line)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1)
        let mail = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(mail.contains("Message-ID: \(receipt.messageID)") && mail.contains("To: \"\(contacts[0].name)\" <\(contacts[0].email!)>"))
    }

    @Test func withoutAMailerEachReminderIsReadyToCopyWithAMailtoLink() async throws {
        _ = try ChasingScenario(fixture)
        fixture.clock.advance(-2 * 24 * 3600)
        try await Application(router: PortalApplication.buildRouter(try await site(mailer: .none))).test(.router) { client in
            let office = try await fixture.secretariat(client)
            let html = try await office.get("/secretariat/reminders").text
            #expect(html.contains("No mailer is set up"))
            #expect(!html.contains("Send the reminders") && !html.contains("<textarea"))
            #expect(html.components(separatedBy: "<pre class=\"summary\">").count == 6, "five messages to copy")
            #expect(html.contains("href=\"mailto:chris.okafor@jobcentre-plus.example.org?subject=Reminder%3A%20Jobcentre%20Plus%27s%20return"))
            // Sending is refused, nothing logged.
            let csrf = try await office.csrf(on: "/secretariat/reminders")
            let refused = try await office.post("/secretariat/reminders", [("csrf", csrf), ("step", "-7")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("No mailer is set up"))
            #expect(try fixture.store.mailLog(limit: 5).entries.isEmpty)
        }
    }

    @Test func aMessageNotTakenIsShownWithTheMailersErrorAndRetried() async throws {
        _ = try ChasingScenario(fixture)
        fixture.clock.advance(-2 * 24 * 3600)
        let failing = try Mailer("/bin/sh -c 'cat > /dev/null; echo 451 smtp.kent.example.org: try again later >&2; exit 75'")
        try await Application(router: PortalApplication.buildRouter(try await site(mailer: failing))).test(.router) { client in
            let office = try await fixture.secretariat(client)
            let csrf = try await office.csrf(on: "/secretariat/reminders")
            // Skip all but Jobcentre Plus: one message, refused by the mailer.
            var fields = [("csrf", csrf), ("step", "-7")]
            for id in ["kent-probation", "skills-funding-agency", "kcc-commissioned", "public-health"] { fields.append(("skip-\(id)", "1")) }
            #expect(try await office.post("/secretariat/reminders", fields).headers[.location] == "/secretariat/mail")
            let log = try await office.get("/secretariat/mail").text
            #expect(log.contains("Not sent") && log.contains("/bin/sh exited 75: 451 smtp.kent.example.org: try again later"))
            #expect(log.contains("Try again"))
            let failed = try #require(try fixture.store.mailLog(limit: 10).entries.first { $0.state == .failed })
            // Still due: the page lists it again.
            #expect(try await office.get("/secretariat/reminders").text.contains("Jobcentre Plus</h2>"))
            // Retried with a mailer that works (the server restarted with another --sendmail).
            let cookie = office.cookie
            try await Application(router: PortalApplication.buildRouter(try await site(mailer: try filing))).test(.router) { client in
                let office = Browser(client)
                office.cookie = cookie
                let csrf = try await office.csrf(on: "/secretariat/mail")
                #expect(try await office.post("/secretariat/mail/\(failed.id!)/retry", [("csrf", csrf)]).status == .seeOther)
                #expect(try fixture.store.mail(failed.id!)?.state == .sent)
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
                #expect(try await office.post("/secretariat/mail/\(failed.id!)/retry", [("csrf", csrf)]).status == .seeOther, "sent already: nothing to do")
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
                #expect(try await office.get("/secretariat/reminders").text.contains("due for no agency"))
            }
        }
    }
}

import Foundation
import Portal
import TestSupport
import Testing

/// Messages as RFC 5322 and MIME want them (issue 22), read back by Python's email package as a
/// mail program would: subject, names and body intact, non-ASCII and long lines included.
@Suite struct MailMessageTests {
    static let date = ISO8601DateFormatter().date(from: "2013-07-05T08:00:00Z")!

    func parsed(_ message: MailMessage) throws -> ParsedMail {
        let scratch = TemporaryFolder("mail")
        let file = scratch.file("m.eml")
        try Data(message.rfc5322.utf8).write(to: file)
        let json = try run("/usr/bin/env", ["python3", PortalFixture.scripts.appendingPathComponent("parse_mail.py").path, file.path])
        return try #require(try JSONDecoder().decode([ParsedMail].self, from: json).first)
    }

    @Test func nonASCIIAndLongTextSurviveIntact() throws {
        let subject = "Rappel : le retour de Santé publique – Medway « Équipe » pour 2013-14 Q1 est dû dans 7 jours, n’oubliez pas"
        let body = """
            Dear Siân Kowalski,

            A line of exactly the kind that runs on and on well past seventy-six characters, with = signs = and trailing space \t
            - MH-6: Reduce the number of people with mental health needs in custody – 10% fewer by March 2014 (ÄÖÜ ß € 😀)
            https://portal.example.org/r/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789
            .
            Last line without a newline
            """
        let message = MailMessage(
            from: .init(name: "Rob \"RJ\" Jacques", email: "rob.jacques@kent.example.org"),
            to: [.init(name: "Siân Kowalski", email: "sian.kowalski@public-health.example.org"), .init(email: "ops@public-health.example.org")],
            subject: subject, body: body, date: Self.date)
        let mail = try parsed(message)
        #expect(mail.subject == subject)
        #expect(mail.body == body + "\n")
        #expect(mail.toNames == ["Siân Kowalski", ""] && mail.to == ["sian.kowalski@public-health.example.org", "ops@public-health.example.org"])
        #expect(mail.from == #""Rob \"RJ\" Jacques" <rob.jacques@kent.example.org>"#)
        #expect(mail.defects.isEmpty && mail.ascii && mail.longestLine <= 76, "\(mail.defects), longest \(mail.longestLine)")
        #expect(mail.messageID == message.messageID && message.messageID.hasSuffix("@kent.example.org>"))
        #expect(mail.date == "2013-07-05T08:00:00+00:00" || mail.date?.hasPrefix("2013-07-05") == true)
        #expect(mail.charset == "utf-8" && mail.transferEncoding == "quoted-printable")
    }

    @Test func aLongPlainSubjectIsFoldedNotChanged() throws {
        let subject = "Reminder: Commissioned Services KCC's return for 2013-14 Q1 is due in 7 days, and a few more words to fold"
        let message = MailMessage(from: .init(email: "a@example.org"), to: [.init(email: "b@example.org")], subject: subject, body: "x", date: Self.date)
        #expect(message.rfc5322.contains("Subject: Reminder: Commissioned Services KCC's return for 2013-14 Q1 is due\n in 7 days"))
        let mail = try parsed(message)
        #expect(mail.subject == subject && mail.longestLine <= 76)
    }

    @Test func aLineBreakInAHeaderNeverStartsAHeaderOfItsOwn() throws {
        let message = MailMessage(
            from: .init(email: "a@example.org"), to: [.init(name: "Eve\nBcc: all@example.org", email: "b@example.org")],
            subject: "Hello\nBcc: all@example.org", body: "x", date: Self.date)
        let mail = try parsed(message)
        #expect(!mail.headerNames.contains("Bcc"))
        #expect(mail.subject == "Hello Bcc: all@example.org" && mail.toNames == ["Eve Bcc: all@example.org"])
    }
}

import BoardPack
import ChildProcess
import Foundation
import Portal
import ReportModel
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The secretariat's reminders in Chromium (issue 22): preview the five due a week before the
/// deadline, edit one's text, skip one agency, send through msmtp to an aiosmtpd server; the mail
/// log shows what went, the SMTP server has exactly those four with the edit, and nothing is
/// due any more. Server, SMTP server and browser run in process groups of their own, ended by
/// the test. BOARDPACK_PORTAL_SCREENSHOTS=DIR keeps each page at 1280 and 375 pixels.
@Suite struct ReminderBrowserTests {
    static let script = repositoryRoot.appendingPathComponent("Tests/PortalTests/Scripts/reminders_browser.py")

    @Test func previewEditSkipSendAndTheLogShowsIt() throws {
        try BrowserTests.requireBrowser()
        let fixture = try PortalFixture(due: "2013-07-12")
        let scenario = try ChasingScenario(fixture)
        let sink = try SMTPSink(folder: fixture.scratch.file("smtp"))
        let from = "rob.jacques@kent.example.org"
        let edit = ChasingScenario.goalMissing[1], skip = ChasingScenario.nothing[1]
        let addition = "PS: the board meets on 18 July – thank you, Siân."
        let setup = try #require(try PortalSetup.links(store: try PortalStore.open(fixture.data), agency: nil, rotate: false, secretariat: true).secretariat)
        let server = try PortalServer(data: fixture.data.url.path, ["--at", "2013-07-05T09:00", "--sendmail", sink.sendmail(from: from), "--from", from])
        let screenshots = ProcessInfo.processInfo.environment["BOARDPACK_PORTAL_SCREENSHOTS"]
        if let screenshots { try FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true) }
        let config: [String: Any] = [
            "base": server.base, "setupLink": server.base + setup[setup.range(of: "/s/")!.lowerBound...], "password": "three random words here",
            "edit": edit, "skip": skip, "addition": addition, "screenshots": screenshots ?? NSNull(),
        ]
        let browser = try BrowserScript(Self.script, config: config)
        #expect(server.stop() == 0)
        guard let seen = try browser.seen() else { return }

        let names = Dictionary(uniqueKeysWithValues: fixture.report.agencies.map { ($0.id, $0.name) })
        #expect((seen["heading"] as? String)?.contains("The reminder 7 days before is due for 5 agencies") == true, "\(seen["heading"] ?? "")")
        #expect(Set(seen["agencies"] as? [String] ?? []) == Set((ChasingScenario.goalMissing + ChasingScenario.nothing).map { names[$0]! }))
        #expect((seen["before"] as? String)?.contains("- \(scenario.blankGoal[edit]!.id): ") == true)
        // The log: four sent, one skipped, each with its recipients.
        let log = seen["log"] as? [[String]] ?? []
        #expect(log.count == 5)
        #expect(log.filter { $0.contains("Sent") }.count == 4 && log.filter { $0.contains("Skipped") }.count == 1)
        #expect(log.first { $0.contains("Skipped") }?.contains(names[skip]!) == true)
        #expect((seen["afterHeading"] as? String)?.contains("due for no agency") == true && seen["afterSections"] as? Int == 0)
        #expect((seen["axe"] as? [Any])?.isEmpty == true, "axe-core: \(seen["axe"] ?? "")")
        // What the SMTP server received: the four, the edit in its agency's message only.
        let contacts = try fixture.store.contacts(as: .secretariat)
        let mails = try sink.messages()
        #expect(mails.count == 4)
        #expect(!mails.contains { $0.to == contacts[skip]!.compactMap(\.email) }, "the skipped agency got nothing")
        let edited = try #require(mails.first { $0.to == contacts[edit]!.compactMap(\.email) })
        #expect(edited.body.contains(addition) && edited.body.contains(scenario.blankGoal[edit]!.text))
        #expect(mails.filter { $0.body.contains(addition) }.count == 1)
        // After the server has stopped, the same step from a new process (a cron job) sends nothing,
        // the skipped agency included.
        let again = try command("boardpack-portal", ["remind", "--data", fixture.data.url.path, "--at", "2013-07-06", "--send", "--sendmail", sink.sendmail(from: from), "--from", from])
        #expect(again.status == 0 && again.out.contains("is due for 0 agencies"), "\(again.out)\(again.err)")
        #expect(try sink.messages().count == 4)
    }
}

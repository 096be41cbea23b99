import BoardPack
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Portal
import ReportModel
import TestSupport
import Testing

/// A period's dates as data (issue 22): what the agency's page says of the deadline, the page
/// read-only after the period closes unless the agency has an extension (refused in the store,
/// whatever sends the upload), and the secretariat's dates page with its checks and audit lines.
@Suite struct DatesRouteTests {
    let fixture: PortalFixture
    static let day: TimeInterval = 24 * 3600

    init() throws { fixture = try PortalFixture(due: "2013-07-12", closes: "2013-07-19") }

    func agency(_ client: any TestClientProtocol, _ id: String) async throws -> Browser {
        let browser = Browser(client)
        try await browser.open(fixture.linkPath(id))
        return browser
    }

    func upload(_ browser: Browser, _ file: URL) async throws -> TestResponse {
        try await browser.upload("/agency/uploads", [("csrf", try await browser.csrf(on: "/agency"))], file: (file.lastPathComponent, Array(try Data(contentsOf: file))))
    }

    @Test func theAgencyPageCountsDownThenSaysHowLate() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = try await agency(client, "jppb")
            // The clock starts on Sunday 7 July 2013, noon.
            var html = try await browser.get("/agency").text
            #expect(html.contains("Friday 12 July 2013") && html.contains("due in 5 days"))
            #expect(html.contains("Friday 19 July 2013 (the last day uploads are taken)"))
            fixture.clock.advance(5 * Self.day)
            #expect(try await browser.get("/agency").text.contains("due today"))
            fixture.clock.advance(3 * Self.day)
            html = try await browser.get("/agency").text
            #expect(html.contains("3 days late") && html.contains("tag-bad"))
            #expect(html.contains("action=\"/agency/uploads\""), "late, but not closed: the form is there")
        }
    }

    @Test func afterItClosesThePageIsReadOnlyAndTheStoreRefusesUploadsUnlessExtended() async throws {
        let file = try fixture.complete("jppb", "jppb.xlsx")
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = try await agency(client, "jppb")
            let office = try await fixture.secretariat(client)
            #expect(try await upload(browser, file).status == .seeOther, "open: taken")
            // The last day (19 July) still takes uploads; the 20th does not.
            fixture.clock.advance(12 * Self.day)
            #expect(try await upload(browser, file).status == .seeOther, "the closing day itself: taken")
            fixture.clock.advance(1 * Self.day)
            let page = try await browser.get("/agency").text
            #expect(page.contains("This period is closed") && page.contains("closed on Friday 19 July 2013"))
            #expect(!page.contains("action=\"/agency/uploads\""), "no upload form once closed")
            #expect(page.contains("Your uploads") && page.contains("R1-00001"), "its uploads and receipts stay visible")
            // The form's token is gone from the page; the request carries the session's (from the
            // sign-out form) to show that the store itself refuses.
            let refused = try await browser.upload("/agency/uploads", [("csrf", try await browser.csrf(on: "/agency"))], file: ("jppb.xlsx", Array(try Data(contentsOf: file))))
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("The period has closed") && refused.text.contains("extension"))
            #expect(try fixture.store.uploads(period: 1, agency: "jppb", as: .secretariat).count == 2, "nothing kept")
            // Another agency's extension does not help; its own does, and is in the audit log.
            // Days later the secretariat signs in again (its session has ended).
            #expect(try await office.post("/sign-in", [("password", "correct horse battery staple")]).status == .seeOther)
            let csrf = try await office.csrf(on: "/secretariat/dates")
            #expect(try await office.post("/secretariat/dates/extension", [("csrf", csrf), ("agency", "iys-kcc"), ("until", "2013-07-26")]).status == .seeOther)
            #expect(try await upload(browser, file).status == .conflict)
            #expect(try await office.post("/secretariat/dates/extension", [("csrf", csrf), ("agency", "jppb"), ("until", "2013-07-26")]).status == .seeOther)
            #expect(try await browser.get("/agency").text.contains("action=\"/agency/uploads\""))
            #expect(try await upload(browser, file).status == .seeOther)
            let audit = try fixture.store.auditLog(limit: 50).entries.filter { $0.action == .extensionGiven }
            #expect(audit.map { $0.agencyID ?? "" }.sorted() == ["iys-kcc", "jppb"] && audit.allSatisfy { $0.detail == "until 2013-07-26" })
            // The secretariat may still upload on an agency's behalf after the close.
            fixture.clock.advance(30 * Self.day)
            #expect(try await office.post("/sign-in", [("password", "correct horse battery staple")]).status == .seeOther)
            let onBehalf = try await office.upload(
                "/secretariat/uploads", [("csrf", try await office.csrf(on: "/secretariat")), ("agency", "iys-kcc")],
                file: ("iys.xlsx", Array(try Data(contentsOf: try fixture.complete("iys-kcc", "iys.xlsx")))))
            #expect(onBehalf.status == .seeOther)
        }
    }

    @Test func theDatesPageChecksEachDateAndLogsTheChange() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let office = try await fixture.secretariat(client)
            let page = try await office.get("/secretariat/dates")
            #expect(page.status == .ok && page.text.contains("value=\"2013-07-12\"") && page.text.contains("value=\"2013-07-19\""))
            let csrf = try await office.csrf(on: "/secretariat/dates")
            let notADate = try await office.post("/secretariat/dates", [("csrf", csrf), ("opens", ""), ("due", "32/07/2013"), ("closes", "")])
            #expect(notADate.status == .unprocessableContent)
            #expect(notADate.text.contains("Due 32/07/2013 is not a date; give it as 2013-07-12 or 12/07/2013"))
            let early = try await office.post("/secretariat/dates", [("csrf", csrf), ("opens", ""), ("due", "2013-07-12"), ("closes", "2013-07-10")])
            #expect(early.status == .unprocessableContent && early.text.contains("Closes 2013-07-10 is before returns are due (2013-07-12)"))
            #expect(try fixture.store.openPeriod()?.closes == "2013-07-19", "nothing saved from a refused form")
            let saved = try await office.post("/secretariat/dates", [("csrf", csrf), ("opens", "2013-07-01"), ("due", "2013-07-15"), ("closes", "2013-07-22")])
            #expect(saved.status == .seeOther)
            let period = try #require(try fixture.store.openPeriod())
            #expect(period.opens == "2013-07-01" && period.due == "2013-07-15" && period.closes == "2013-07-22")
            let line = try #require(try fixture.store.auditLog(limit: 5).entries.first { $0.action == .datesChanged })
            #expect(line.detail == "2013-14 Q1: opens 2013-07-01, due 2013-07-15, closes 2013-07-22")
            // Without the form's token: refused, nothing changed.
            #expect(try await office.post("/secretariat/dates", [("due", "2013-08-01")]).status == .forbidden)
            // An agency's session cannot reach the page.
            let agency = try await agency(client, "jppb")
            #expect(try await agency.get("/secretariat/dates").status == .unauthorized)
        }
    }

    @Test func initRefusesDatesOutOfOrderNamingTheOption() throws {
        let scratch = TemporaryFolder("dates")
        for (due, closes, message) in [
            ("2013-07-12", "2013-07-05", "--closes 2013-07-05 is before returns are due (2013-07-12)"),
            ("12 Jully", nil, "--due 12 Jully is not a date"), (nil, "2013-07-19", "--closes 2013-07-19 needs a due date too"),
        ] as [(String?, String?, String)] {
            #expect {
                _ = try PortalSetup.initialise(report: fixture.reportFile.path, data: DataFolder(scratch.file("d-\(UUID().uuidString)").path), due: due, closes: closes, contact: nil, baseURL: nil)
            } throws: { error in "\(error)".contains(message) }
        }
    }
}

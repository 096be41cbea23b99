import BoardPack
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Portal
import ReportModel
import TestSupport
import Testing
import XLSXReader

/// The secretariat's side through the router: the one-time link and the password, signing in
/// (and its limit), completeness, uploads on an agency's behalf, merging, downloads, the audit log.
@Suite struct SecretariatRouteTests {
    let fixture: PortalFixture
    static let password = "correct horse battery staple"

    init() throws { fixture = try PortalFixture() }

    /// A browser signed in as the secretariat, its password set through the one-time link.
    func secretariat(_ client: any TestClientProtocol) async throws -> Browser {
        try await fixture.secretariat(client, password: Self.password)
    }

    func upload(_ client: any TestClientProtocol, _ agency: String, _ file: URL) async throws {
        let browser = Browser(client)
        try await browser.open(fixture.linkPath(agency))
        let response = try await browser.upload("/agency/uploads", [("csrf", try await browser.csrf(on: "/agency"))], file: (file.lastPathComponent, Array(try Data(contentsOf: file))))
        #expect(response.status == .seeOther)
    }

    @Test func theOneTimeLinkSetsThePasswordOnceAndSignInChecksIt() async throws {
        try await fixture.app(try await fixture.site(failureLimit: 3)).test(.router) { client in
            let setup = Browser(client)
            try await setup.open(fixture.setupPath, next: "/secretariat/password")
            let page = try await setup.get("/secretariat/password")
            #expect(page.status == .ok && page.text.contains("Choose the secretariat&#39;s password"))
            let csrf = try await setup.csrf(on: "/secretariat/password")
            let short = try await setup.post("/secretariat/password", [("csrf", csrf), ("password", "short"), ("confirm", "short")])
            #expect(short.status == .badRequest && short.text.contains("at least 12 characters"))
            let differ = try await setup.post("/secretariat/password", [("csrf", csrf), ("password", Self.password), ("confirm", Self.password + "!")])
            #expect(differ.status == .badRequest && differ.text.contains("not the same"))
            let long = String(repeating: "x", count: 73)
            #expect(try await setup.post("/secretariat/password", [("csrf", csrf), ("password", long), ("confirm", long)]).status == .badRequest)
            let saved = try await setup.post("/secretariat/password", [("csrf", csrf), ("password", Self.password), ("confirm", Self.password)])
            #expect(saved.status == .seeOther)
            #expect(try await setup.get("/secretariat").status == .ok, "signed in after choosing")
            let hash = try #require(try fixture.store.passwordHash())
            #expect(hash.hasPrefix("$2") && !hash.contains(Self.password), "only a bcrypt hash is kept")
            #expect(try await Browser(client).get(fixture.setupPath).status == .notFound, "the link works once")

            let browser = Browser(client)
            #expect(try await browser.get("/sign-in").status == .ok)
            let wrong = try await browser.post("/sign-in", [("password", "wrong password!")])
            #expect(wrong.status == .unauthorized && wrong.text.contains("That password is not right"))
            let right = try await browser.post("/sign-in", [("password", Self.password)])
            #expect(right.status == .seeOther && right.headers[.location] == "/secretariat")
            #expect(right.headers[.setCookie]?.contains("SameSite=Strict") == true)
            #expect(try await browser.get("/secretariat").status == .ok)
            #expect(try await browser.get("/sign-in").headers[.location] == "/secretariat")

            // Three wrong ones: the address waits, and even the right password is not tried.
            let guesser = Browser(client)
            for _ in 0..<2 { #expect(try await guesser.post("/sign-in", [("password", "guess")]).status == .unauthorized) }
            let limited = try await guesser.post("/sign-in", [("password", Self.password)])
            #expect(limited.status == .tooManyRequests)
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(try await browser.get("/secretariat").status == .ok, "signed-in pages are never limited")
        }
        let actions = try fixture.store.auditLog(limit: 100).entries.map(\.action)
        for action: AuditAction in [.setupLinkUsed, .passwordSet, .signIn, .signInFailed] { #expect(actions.contains(action), "\(action)") }
    }

    @Test func theSecretariatsPagesNeedASignIn() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            for path in ["/secretariat", "/secretariat/merge", "/secretariat/audit", "/secretariat/agencies/jppb", "/secretariat/uploads/1",
                "/secretariat/uploads/1/file", "/secretariat/downloads/1/merged.json", "/secretariat/downloads/1/board-pack.xlsx"]
            {
                #expect(try await browser.get(path).status == .unauthorized, "\(path)")
            }
            #expect(try await browser.get("/secretariat/password").status == .unauthorized)
            try await browser.open(fixture.linkPath("jppb"))
            #expect(try await browser.get("/secretariat").status == .unauthorized, "an agency's session is not the secretariat's")
            #expect(try await browser.post("/secretariat/merge", [("csrf", try await browser.csrf(on: "/agency"))]).status == .unauthorized)
        }
    }

    @Test func completenessShowsEachAgencyAndTheMergeSummarysCounts() async throws {
        let coLed = try #require(fixture.report.themes.flatMap(\.allGoals).first { $0.id == "EE-3" })
        #expect(coLed.leads.count > 1)
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = try await secretariat(client)
            try await upload(client, "jppb", try fixture.complete("jppb", "jppb.xlsx"))
            try await upload(client, "kent-probation", try fixture.complete("kent-probation", "probation.xlsx", ["EE-3": ["Green", "On track."]]))
            try await upload(client, "iys-kcc", try fixture.complete("iys-kcc", "iys.xlsx", ["EE-3": ["Red", "No places left."], "ACC-3": ["Amber", NSNull()]]))
            try await upload(client, "medway-yot", try fixture.blank("medway-yot"))
            try await upload(client, "jobcentre-plus", try fixture.filled("jobcentre-plus", "jcp.xlsx", ["goals": ["EE-2": ["Green", "Fine."]], "completedBy": "A", "date": "08/07/2013"]))
            try await Browser(client).open(fixture.linkPath("public-health"))

            let page = try await browser.get("/secretariat")
            #expect(page.status == .ok)
            let html = page.text
            func row(_ agency: String) -> String {
                let start = html.range(of: ">\(escaped(agency))</a></th>")!.upperBound
                return String(html[start..<html[start...].range(of: "</tr>")!.lowerBound])
            }
            #expect(row("JPPB").contains(">Received<") && row("JPPB").contains("5 of 5"))
            #expect(row("Kent Probation").contains(">Received<") && row("Kent Probation").contains("Rob Jacques") && row("Kent Probation").contains("3 of 3"))
            #expect(row("Integrated Youth Services (KCC)").contains(">Uploaded, must fix<") && row("Integrated Youth Services (KCC)").contains("3 of 4"))
            #expect(row("Medway Youth Offending Team").contains(">Blank<") && row("Medway Youth Offending Team").contains("0 of 1"))
            #expect(row("Jobcentre Plus").contains(">Received, to look at<") && row("Jobcentre Plus").contains("1 of 3"))
            #expect(row("Public Health NHS Kent").contains(">Opened<"))
            #expect(row("Skills Funding Agency").contains(">Not opened<"))

            // The same merge, and the same counts, as boardpack merge.
            let period = try #require(try fixture.store.openPeriod())
            let summary = try PeriodMerge.of(period, store: fixture.store, reports: PeriodReports()).summary
            for line in summary.text.split(separator: "\n").prefix(4) { #expect(html.contains("<li>\(escaped(String(line)))</li>"), "\(line)") }
            #expect(html.contains("Agencies still missing: \(summary.agenciesMissing.map(escaped).joined(separator: ", "))."))
            #expect(summary.goalsNotAccepted == ["ACC-3"], "IYS's Amber without an update")
            #expect(html.contains("Answered, but the answer was not accepted") && html.contains(">ACC-3</span>"))
            #expect(summary.agenciesMissing.contains("Medway Youth Offending Team"), "a blank return leaves its agency missing")
            let without = html[html.range(of: "Goals still without an answer")!.upperBound..<html.range(of: "Co-led goals whose leads disagree")!.lowerBound]
            #expect(!summary.goalsWithoutAnswer.isEmpty)
            for id in summary.goalsWithoutAnswer { #expect(without.contains(">\(id)</span>"), "\(id)") }
            // EE-3 side by side: each lead's status and update.
            let conflicts = html[html.range(of: "Co-led goals whose leads disagree")!.upperBound...]
            #expect(summary.conflicts.contains { $0.hasPrefix("goal EE-3: ") })
            #expect(conflicts.contains("id=\"conflict-EE-3\""))
            #expect(conflicts.contains("<h4>Kent Probation</h4><p><strong class=\"tag status-green\">Green</strong></p><p class=\"break\">On track.</p>"))
            #expect(conflicts.contains("<h4>Integrated Youth Services (KCC)</h4><p><strong class=\"tag status-red\">Red</strong></p><p class=\"break\">No places left.</p>"))

            let agency = try await browser.get("/secretariat/agencies/iys-kcc")
            #expect(agency.status == .ok && agency.text.contains("iys.xlsx"))
            #expect(try await browser.get("/secretariat/agencies/nobody").status == .notFound)
        }
    }

    @Test func aReturnUploadedOnAnAgencysBehalfIsRecordedAsTheSecretariats() async throws {
        let file = try fixture.complete("jobcentre-plus", "from e-mail.xlsx")
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = try await secretariat(client)
            let csrf = try await browser.csrf(on: "/secretariat")
            let bytes = Array(try Data(contentsOf: file))
            #expect(try await browser.upload("/secretariat/uploads", [("csrf", csrf)], file: ("x.xlsx", bytes)).status == .badRequest, "no agency chosen")
            #expect(try await browser.upload("/secretariat/uploads", [("csrf", csrf), ("agency", "nobody")], file: ("x.xlsx", bytes)).status == .badRequest)
            #expect(try await browser.upload("/secretariat/uploads", [("agency", "jobcentre-plus")], file: ("x.xlsx", bytes)).status == .forbidden)
            let response = try await browser.upload("/secretariat/uploads", [("csrf", csrf), ("agency", "jobcentre-plus")], file: ("from e-mail.xlsx", bytes))
            #expect(response.status == .seeOther)
            let upload = try #require(try fixture.store.uploads(period: 1, as: .secretariat).first)
            #expect(upload.source == .onBehalf && upload.uploadedBy == "secretariat" && upload.agencyID == "jobcentre-plus" && upload.outcome == .received)
            #expect(response.headers[.location] == "/secretariat/uploads/\(upload.id!)")
            let result = try await browser.get("/secretariat/uploads/\(upload.id!)").text
            #expect(result.contains("the secretariat, on behalf of Jobcentre Plus"))
            // A return for another agency is refused as an agency's own upload would be.
            let wrong = try await browser.upload("/secretariat/uploads", [("csrf", csrf), ("agency", "jppb")], file: ("from e-mail.xlsx", bytes))
            #expect(wrong.status == .seeOther)
            #expect(try fixture.store.uploads(period: 1, agency: "jppb", as: .secretariat).first?.outcome == .refused)

            let agency = Browser(client)
            try await agency.open(fixture.linkPath("jobcentre-plus"))
            #expect(try await agency.get("/agency").text.contains("(uploaded by the secretariat)"))
            #expect(try fixture.store.auditLog(limit: 100).entries.contains { $0.action == .uploadOnBehalf && $0.sha256 == SHA256.hex(bytes) })
        }
    }

    @Test func mergingGivesTheSameBytesTwiceAndItsDownloadsMatchIt() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = try await secretariat(client)
            let before = try await browser.get("/secretariat/merge")
            #expect(before.status == .ok && before.text.contains("Merge the returns"))
            // Merged with no return, the report carries no date, which a board pack needs: said, not a 500.
            #expect(try await browser.post("/secretariat/merge", [("csrf", try await browser.csrf(on: "/secretariat/merge"))]).status == .seeOther)
            let undated = try await browser.get("/secretariat/downloads/1/board-pack.xlsx")
            #expect(undated.status == .unprocessableContent && undated.text.contains("the board pack must carry a date"), "\(undated.status)")
            try await upload(client, "jppb", try fixture.complete("jppb", "jppb.xlsx"))
            try await upload(client, "kent-probation", try fixture.complete("kent-probation", "probation.xlsx"))
            let csrf = try await browser.csrf(on: "/secretariat/merge")
            #expect(try await browser.post("/secretariat/merge", [("csrf", csrf)]).headers[.location] == "/secretariat/merge")
            #expect(try await browser.post("/secretariat/merge", [("csrf", csrf)]).status == .seeOther)
            let period = try #require(try fixture.store.openPeriod())
            let expected = try PeriodMerge.of(period, store: fixture.store, reports: PeriodReports())
            let page = try await browser.get("/secretariat/merge").text
            #expect(page.contains("Merge 3,") && page.contains("2 returns merged."))
            #expect(page.contains(escaped(expected.summary.text)))
            #expect(!page.contains("uploads since"))

            let first = try await browser.get("/secretariat/downloads/2/merged.json")
            let second = try await browser.get("/secretariat/downloads/3/merged.json")
            #expect(first.bytes == Array(expected.json) && second.bytes == first.bytes, "merging twice with nothing new gives the same bytes")
            #expect(first.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"kent-medway-2013-14-q1-merged.json\"") == true)
            let summary = try await browser.get("/secretariat/downloads/3/merge-summary.txt")
            #expect(summary.text == expected.summaryText)
            let pack = try await browser.get("/secretariat/downloads/3/board-pack.xlsx")
            #expect(pack.status == .ok && pack.headers[.contentDisposition]?.contains("board-pack.xlsx") == true)
            let book = try XLSXFile(bytes: pack.bytes, name: "board-pack.xlsx")
            #expect(book.sheets.contains { $0.name == BoardPackLayout.reportSheet }, "a board pack, with the merged report inside")
            let saved = fixture.scratch.file("board-pack.xlsx")
            try Data(pack.bytes).write(to: saved)
            let imported = try BoardPackImporter().read(fileAt: saved)
            #expect(try ReportCoding.encode(imported) == expected.json, "the board pack holds the merged report")
            let pdf = try await browser.get("/secretariat/downloads/3/board-pack.pdf")
            #expect(pdf.status == .notFound && pdf.text.contains("LibreOffice"), "no LibreOffice in this site's settings")
            #expect(try await browser.get("/secretariat/downloads/9/merged.json").status == .notFound)

            try await upload(client, "jobcentre-plus", try fixture.complete("jobcentre-plus", "jcp.xlsx"))
            #expect(try await browser.get("/secretariat/merge").text.contains("1 upload since"))
            let returns = try await browser.get("/secretariat/merge").text
            #expect(returns.contains("jcp.xlsx") && returns.contains("probation.xlsx"))
        }
        let actions = try fixture.store.auditLog(limit: 200).entries
        #expect(actions.filter { $0.action == .merge }.count == 3)
        #expect(actions.contains { $0.action == .download && $0.detail == "board pack (.xlsx) of merge 3" })
    }

    @Test func theAuditLogPageListsEveryAction() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = try await secretariat(client)
            _ = try await Browser(client).get("/r/" + String(repeating: "B", count: 43))
            try await upload(client, "jppb", try fixture.blank("jppb"))
            let html = try await browser.get("/secretariat/audit").text
            for action: AuditAction in [.periodOpened, .linkIssued, .linkUsed, .unknownLink, .setupLinkIssued, .setupLinkUsed, .passwordSet, .upload] {
                #expect(html.contains("<td>\(action.rawValue)</td>"), "\(action)")
            }
            let upload = try #require(try fixture.store.uploads(period: 1, as: .secretariat).first)
            #expect(html.contains(upload.sha256))
            #expect(html.contains("Page 1 of 1"))
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = try await secretariat(client)
            let kept = browser.cookie
            let csrf = try await browser.csrf(on: "/secretariat")
            let out = try await browser.post("/sign-out", [("csrf", csrf)])
            #expect(out.status == .seeOther && out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let replay = Browser(client)
            replay.cookie = kept
            #expect(try await replay.get("/secretariat").status == .unauthorized, "the old cookie opens nothing")
        }
    }
}

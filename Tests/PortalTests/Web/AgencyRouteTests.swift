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

/// The agency's side through the router: the link, the page, the blank return, uploads and
/// their results, every refusal with its status.
@Suite struct AgencyRouteTests {
    let fixture: PortalFixture

    init() throws { fixture = try PortalFixture() }

    func uploadID(_ response: TestResponse) throws -> Int64 {
        let location = try #require(response.headers[.location])
        return try #require(Int64(location.split(separator: "/").last ?? ""))
    }

    @Test func aLinkBecomesAStrictHttpOnlyCookieAndACleanAddress() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            let response = try await browser.get(fixture.linkPath("jppb"))
            #expect(response.status == .ok)
            // A page of the portal's own moves on to /agency (a redirect would lose the Strict
            // cookie when the link is clicked in webmail: see OpeningPage and the browser test).
            #expect(response.text.contains("<a href=\"/agency\" data-next class=\"button\">Continue to your return</a>"))
            #expect(response.text.contains("<script src=\"/assets/open.js\"></script>"))
            #expect(!response.text.contains(fixture.linkPath("jppb")), "the token is not on the page")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("boardpack-session="))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"), "plain http on 127.0.0.1: a Secure cookie would never come back")

            let page = try await browser.get("/agency")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("Your return for 2013-14 Q1"))
            #expect(html.contains("Friday 12 July 2013") && html.contains("due in 5 days"))
            #expect(html.contains("Rob Jacques (Kent Probation), 01622 000000"))
            #expect(!html.contains(fixture.linkPath("jppb")), "the token is not on the page")
            for item in fixture.scope("jppb").goals {
                #expect(html.contains(escaped(item.goal.text)))
                // Last period's rating for reference, worded as the return words it (its start: a long update is cut).
                #expect(html.contains(escaped(String(ReturnTemplate.previous(item.goal).prefix(60)))), "\(item.goal.id)")
            }
            #expect(html.contains("Last rated at 2012-13"))
            #expect(!html.contains("Your uploads"), "no uploads yet: the list is left out")

            // The link works again (another machine, the e-mail opened twice).
            let again = Browser(client)
            try await again.open(fixture.linkPath("jppb"))
            #expect(try await again.get("/agency").status == .ok)
        }
    }

    @Test func theDeadlineSaysHowLateAReturnIs() async throws {
        fixture.clock.advance(8 * 24 * 3600)
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("jppb"))
            #expect(try await browser.get("/agency").text.contains("3 days late"))
        }
    }

    @Test func unknownRotatedAndClosedLinksGetTheSamePlain404() async throws {
        let period = try #require(try fixture.store.openPeriod())
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            let unknown = try await browser.get("/r/" + String(repeating: "A", count: 43))
            let malformed = try await browser.get("/r/short")
            let oldPath = fixture.linkPath("jppb")
            _ = try fixture.store.rotateLinks(period: period.id!, agencies: ["jppb"], actor: "test")
            let rotated = try await browser.get(oldPath)
            for response in [unknown, malformed, rotated] {
                #expect(response.status == .notFound)
                #expect(response.headers[.setCookie] == nil)
            }
            #expect(unknown.text == rotated.text && malformed.text == rotated.text, "nothing tells a rotated link from one that never was")
            #expect(rotated.text.contains("Page not found"))
            let missingPage = try await browser.get("/no/such/page")
            #expect(missingPage.status == .notFound && missingPage.text == unknown.text)

            // A closed period: its links and its sessions stop.
            let kp = Browser(client)
            try await kp.open(fixture.linkPath("kent-probation"))
            _ = try PortalSetup.next(store: fixture.store, reports: PeriodReports(), period: "2013-14 Q2", planRefresh: nil, due: nil, contact: nil)
            #expect(try await Browser(client).get(fixture.linkPath("kent-probation")).status == .notFound)
            #expect(try await kp.get("/agency").status == .unauthorized)
        }
    }

    @Test func tooManyUnknownLinksFromOneAddressWaitButAValidLinkNeverDoes() async throws {
        try await fixture.app(try await fixture.site(failureLimit: 3)).test(.router) { client in
            let browser = Browser(client)
            for i in 0..<3 { #expect(try await browser.get("/r/guess\(i)").status == .notFound) }
            let limited = try await browser.get("/r/guess3")
            #expect(limited.status == .tooManyRequests)
            let wait = try #require(Int(limited.headers[.retryAfter] ?? ""))
            #expect(wait > 0 && wait <= 15 * 60)
            #expect(limited.text.contains("Too many attempts"))
            try await browser.open(fixture.linkPath("jppb"))  // a valid link is never limited
            #expect(try await browser.get("/agency").status == .ok, "nor a page of its session")
            fixture.clock.advance(15 * 60 + 1)
            #expect(try await browser.get("/r/guess4").status == .notFound, "the address may try again once the window has passed")
        }
    }

    @Test func theAgencysPagesNeedItsLink() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            for path in ["/agency", "/agency/return.xlsx", "/agency/uploads/1", "/agency/uploads/1/receipt", "/agency/uploads/1/file"] {
                let response = try await browser.get(path)
                #expect(response.status == .unauthorized, "\(path)")
                #expect(response.text.contains("Open your link again"))
            }
            let upload = try await browser.upload("/agency/uploads", [("csrf", "x")], file: ("jppb.xlsx", [1, 2, 3]))
            #expect(upload.status == .unauthorized)
            #expect(try fixture.store.uploads(period: 1, as: .secretariat).isEmpty)
            // A secretariat session is not an agency's.
            try await browser.open(fixture.setupPath, next: "/secretariat/password")
            #expect(try await browser.get("/agency").status == .unauthorized)
        }
    }

    @Test func theBlankReturnIsTheAgencysOwnReturnForThePeriod() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("iys-kcc"))
            let response = try await browser.get("/agency/return.xlsx")
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"integrated-youth-services-kcc.xlsx\"; filename*=UTF-8''integrated-youth-services-kcc.xlsx")
            #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let checked = ReturnChecker(report: fixture.report).check(bytes: response.bytes, name: "download.xlsx")
            #expect(checked.agency?.id == "iys-kcc" && checked.period == "2013-14 Q1" && checked.isBlank)
            let saved = fixture.scratch.file("downloaded.xlsx")
            try Data(response.bytes).write(to: saved)
            let rows = try XLSXInspector(saved.path).sheet(ReturnLayout.instructionsSheet).rows
            let deadline = rows.values.first { $0["A"]?.text == "Return by" }?["B"]?.text
            #expect(deadline == "Friday 12 July 2013", "the deadline is on the return, as boardpack returns --deadline puts it")
        }
    }

    @Test func anUploadShowsAtOnceWhatWasReadEveryProblemWithItsCellAndAReceipt() async throws {
        let goals = fixture.scope("iys-kcc").goals.map(\.goal.id)
        let measures = fixture.scope("iys-kcc").measures.map(\.measure.id)
        let file = try fixture.filled("iys-kcc", "iys return.xlsx", [
            "goals": [goals[0]: ["Red", NSNull()], goals[1]: ["Amber", "Waiting for funding."], goals[2]: ["green", "On track."]],
            "figures": [measures[0]: "81%", measures[1]: "85"],  // both percentages: 85 is refused
            "completedBy": "Sam Okafor",
        ])
        let bytes = Array(try Data(contentsOf: file))
        let checked = ReturnChecker(report: fixture.report).check(bytes: bytes, name: "iys return.xlsx")
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("iys-kcc"))
            let csrf = try await browser.csrf(on: "/agency")
            let response = try await browser.upload("/agency/uploads", [("csrf", csrf)], file: ("iys return.xlsx", bytes))
            #expect(response.status == .seeOther)
            let id = try uploadID(response)
            #expect(response.headers[.location] == "/agency/uploads/\(id)")
            let page = try await browser.get("/agency/uploads/\(id)")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("We read 2 goals and 1 figure from your return"))
            #expect(html.contains("Result: <strong>Must fix</strong>"))
            // Every problem, in the checker's words, with its sheet and cell, under its heading.
            let mustFix = html.range(of: "id=\"must-fix\"")!, toLookAt = html.range(of: "id=\"to-look-at\"")!
            #expect(checked.problems.count >= 4)
            for problem in checked.problems {
                let shown = escaped(problem.message)
                let at = try #require(html.range(of: shown), "\(problem)")
                #expect(problem.place.cell == nil || html.contains("<strong class=\"place\">\(problem.place.within)</strong> \(shown)"))
                if problem.weight == .refused {
                    #expect(at.lowerBound > mustFix.upperBound && at.lowerBound < toLookAt.lowerBound, "\(problem) under Must fix")
                } else {
                    #expect(at.lowerBound > toLookAt.upperBound, "\(problem) under To look at")
                }
            }
            #expect(html.contains("Date completed is empty"))
            // What was read: each goal's status and the start of its update, each figure.
            #expect(html.contains("Waiting for funding.") && html.contains(">Amber<") && html.contains(">Green<") && html.contains(">81%<"))
            // The receipt.
            for text in ["iys return.xlsx", SHA256.hex(bytes), "Sam Okafor", "R1-0000\(id)", "7 July 2013", Shown(bytes.count)] {
                #expect(html.contains(escaped(text)), "\(text)")
            }
            let receipt = try await browser.get("/agency/uploads/\(id)/receipt")
            #expect(receipt.status == .ok && receipt.text.contains(SHA256.hex(bytes)) && receipt.text.contains("Receipt for your return"))
            let original = try await browser.get("/agency/uploads/\(id)/file")
            #expect(original.bytes == bytes)
            #expect(original.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"iys return.xlsx\"") == true)
            // The agency's page lists it.
            let agency = try await browser.get("/agency").text
            #expect(agency.contains("/agency/uploads/\(id)") && agency.contains("Must fix"))
        }
    }

    @Test func reuploadingMakesVersionsAndTheNewestUsableOneIsMerged() async throws {
        let first = try fixture.complete("jppb", "first.xlsx", [fixture.scope("jppb").goals[0].goal.id: ["Red", NSNull()]])
        let second = try fixture.complete("jppb", "second.xlsx")
        let wrong = try fixture.complete("kent-probation", "probation.xlsx")
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("jppb"))
            let csrf = try await browser.csrf(on: "/agency")
            var ids: [Int64] = []
            for file in [first, second, wrong] {
                ids.append(try uploadID(try await browser.upload("/agency/uploads", [("csrf", csrf)], file: (file.lastPathComponent, Array(try Data(contentsOf: file))))))
            }
            let page = try await browser.get("/agency").text
            for id in ids { #expect(page.contains("/agency/uploads/\(id)\"")) }
            #expect(page.contains("Not taken") && page.contains("Received") && page.contains("Must fix"))
            let refused = try await browser.get("/agency/uploads/\(ids[2])").text
            #expect(refused.contains("We could not take this file"))
            #expect(refused.contains(escaped("is the return for Kent Probation, not for JPPB; send JPPB's own return")))
        }
        let period = try #require(try fixture.store.openPeriod())
        let merged = try PeriodMerge.of(period, store: fixture.store, reports: PeriodReports())
        #expect(merged.uploads.map(\.originalName) == ["second.xlsx"], "the newest usable version, not the refused one after it")
        #expect(merged.summary.accepted == ["second.xlsx"])
    }

    @Test func filesThatAreNotThisAgencysReturnAreKeptRefusedAndNeverMerged() async throws {
        let otherPeriod = try Rollover(report: fixture.report, file: "q1.json").validNext(Period(guessing: "2013-14 Q2"), output: "q2.json")
        let q2Return = fixture.scratch.file("q2-jppb.xlsx")
        try ReturnTemplate(report: otherPeriod, scope: ReturnScope.all(in: otherPeriod).first { $0.agency.id == "jppb" }!).write(to: q2Return)
        let boardPack = fixture.scratch.file("board.xlsx")
        var dated = fixture.report
        dated.produced = [ProducedDate(label: "Goals", date: "July 2013")]  // a board pack carries its date
        try BoardPackExporter(report: dated).write(to: boardPack)
        let files: [(String, [UInt8])] = [
            ("probation.xlsx", Array(try Data(contentsOf: try fixture.complete("kent-probation", "probation.xlsx")))),
            ("q2-jppb.xlsx", Array(try Data(contentsOf: try fixture.filled("jppb", "q2-filled.xlsx", ["goals": [otherPeriod.themes.flatMap(\.allGoals).first { g in fixture.scope("jppb").goals.contains { $0.goal.id == g.id } }!.id: ["Green", "x"]]], from: q2Return)))),
            ("board.xlsx", Array(try Data(contentsOf: boardPack))),
            ("old.xls", Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/XLSXReaderTests/Fixtures/refuse-legacy.xls")))),
            ("return.pdf", Array("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)),
            ("bomb.xlsx", Array(try Data(contentsOf: try fixture.filled("jppb", "bomb.xlsx", ["padSheet": 40_000_000])))),
        ]
        let checker = ReturnChecker(report: fixture.report)
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("jppb"))
            let csrf = try await browser.csrf(on: "/agency")
            for (name, bytes) in files {
                let id = try uploadID(try await browser.upload("/agency/uploads", [("csrf", csrf)], file: (name, bytes)))
                let stored = try #require(try fixture.store.upload(id, as: .secretariat))
                #expect(stored.outcome == .refused && !stored.usable, "\(name)")
                #expect(stored.sha256 == SHA256.hex(bytes), "\(name) is kept as it came")
                #expect(try fixture.store.uploads.read(stored.sha256) == bytes)
                let expected = checker.check(OpenedReturn(bytes: bytes, name: name), from: "jppb")
                #expect(expected.refused)
                let html = try await browser.get("/agency/uploads/\(id)").text
                #expect(html.contains("We could not take this file"), "\(name)")
                for problem in expected.problems where problem.weight == .refused {
                    #expect(html.contains(escaped(problem.message)), "\(name): \(problem)")
                }
            }
        }
        let merged = try PeriodMerge.of(try #require(try fixture.store.openPeriod()), store: fixture.store, reports: PeriodReports())
        #expect(merged.uploads.isEmpty && merged.summary.returnsReceived == 0, "none of them is merged")
    }

    @Test func anotherAgencysUploadIsNotFound() async throws {
        let probation = Array(try Data(contentsOf: try fixture.complete("kent-probation", "probation.xlsx")))
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let kp = Browser(client)
            try await kp.open(fixture.linkPath("kent-probation"))
            let id = try uploadID(try await kp.upload("/agency/uploads", [("csrf", try await kp.csrf(on: "/agency"))], file: ("probation.xlsx", probation)))
            let jppb = Browser(client)
            try await jppb.open(fixture.linkPath("jppb"))
            for path in ["/agency/uploads/\(id)", "/agency/uploads/\(id)/receipt", "/agency/uploads/\(id)/file", "/agency/uploads/abc", "/agency/uploads/0"] {
                let response = try await jppb.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.text.contains("probation.xlsx"))
            }
            #expect(!(try await jppb.get("/agency").text.contains("probation.xlsx")))
            #expect(try await kp.get("/agency/uploads/\(id)/file").bytes == probation)
        }
    }

    @Test func anUploadNeedsTheFormsTokenAFileAndAtMostTheLargestSize() async throws {
        #expect(PortalSettings().largestFile == 20 * 1024 * 1024, "the portal takes files up to 20 MB")
        let largest = 300 * 1024  // the same rule at a size a debug build parses quickly
        try await fixture.app(try await fixture.site(largestFile: largest)).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("jppb"))
            let csrf = try await browser.csrf(on: "/agency")
            let small: (String, [UInt8]) = ("jppb.xlsx", Array(try Data(contentsOf: try fixture.blank("jppb"))))
            #expect(try await browser.upload("/agency/uploads", [], file: small).status == .forbidden, "no token")
            #expect(try await browser.upload("/agency/uploads", [("csrf", String(csrf.reversed()))], file: small).status == .forbidden, "another token")
            #expect(try await browser.upload("/agency/uploads", [("csrf", csrf)], file: nil).status == .badRequest, "no file")
            #expect(try await browser.upload("/agency/uploads", [("csrf", csrf)], file: ("", [])).status == .badRequest, "no file chosen")
            let noBoundary = try await browser.send("/agency/uploads", method: .post, headers: [.contentType: "multipart/form-data"], body: ByteBuffer(string: "x"))
            #expect(noBoundary.status == .badRequest)
            let large = try await browser.upload("/agency/uploads", [("csrf", csrf)], file: ("big.xlsx", [UInt8](repeating: 0x50, count: largest + 1)))
            #expect(large.status == .contentTooLarge)
            #expect(large.text.contains("The file is too large"))
            // Past the limit with the framing too: refused from Content-Length, before the body is read.
            let larger = try await browser.upload("/agency/uploads", [("csrf", csrf)], file: ("bigger.xlsx", [UInt8](repeating: 0x50, count: largest + 70_000)))
            #expect(larger.status == .contentTooLarge)
            let limit = try await browser.upload("/agency/uploads", [("csrf", csrf)], file: ("limit.xlsx", [UInt8](repeating: 0x50, count: largest)))
            #expect(limit.status == .seeOther, "the largest size exactly is taken (and refused by the checker as not a return)")
            let stored = try fixture.store.uploads(period: 1, as: .secretariat)
            #expect(stored.map(\.originalName) == ["limit.xlsx"], "nothing refused was kept")
        }
    }

    @Test func everythingAnAgencyTypedIsShownAsText() async throws {
        let script = "<script>alert(1)</script>"
        let goal = fixture.scope("jppb").goals[0].goal.id
        let file = try fixture.filled("jppb", "xss.xlsx", ["goals": [goal: ["Green", script]], "completedBy": "<b onmouseover=alert(2)>Rob</b>", "date": "08/07/2013"])
        let name = "<img src=x onerror=alert(3)>.xlsx"
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath("jppb"))
            let id = try uploadID(try await browser.upload("/agency/uploads", [("csrf", try await browser.csrf(on: "/agency"))], file: (name, Array(try Data(contentsOf: file)))))
            for path in ["/agency/uploads/\(id)", "/agency/uploads/\(id)/receipt", "/agency"] {
                let html = try await browser.get(path).text
                #expect(!html.contains("<script>alert") && !html.contains("<img src=x") && !html.contains("<b onmouseover"), "\(path)")
            }
            let result = try await browser.get("/agency/uploads/\(id)").text
            #expect(result.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(result.contains("&lt;img src=x onerror=alert(3)&gt;.xlsx"))
            let file = try await browser.get("/agency/uploads/\(id)/file")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"<img src=x onerror=alert(3)>.xlsx\"") == true)
        }
    }
}

/// A size as the receipt says it.
func Shown(_ bytes: Int) -> String {
    let formatter = NumberFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.numberStyle = .decimal
    return "(\(formatter.string(from: NSNumber(value: bytes))!) bytes)"
}

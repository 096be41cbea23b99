import BoardPack
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Portal
import ReportModel
import TestSupport
import Testing

/// The return's web form through the router: the page and what it starts with, a draft kept on
/// every post, problems at the top and beside their fields, a stale page (409) and an ended
/// session (401) that keep what was typed, the filled return workbook, and completeness.
@Suite struct FormRouteTests {
    let fixture: PortalFixture
    static let agency = "kent-probation"

    init() throws { fixture = try PortalFixture() }

    var scope: ReturnScope { fixture.scope(Self.agency) }

    /// The form's fields: every goal Green with an update, every figure 50%, signed; `overrides`
    /// by field name ("goal.EE-3.status").
    func fields(_ overrides: [String: String] = [:], action: String = "send", base: Int64 = 0, csrf: String) -> [(String, String)] {
        var all: [(String, String)] = [("csrf", csrf), ("base", String(base))]
        var given: [String: String] = ["completedBy": "Rob Jacques", "date": "08/07/2013"]
        for item in scope.goals {
            given["goal.\(item.goal.id).status"] = "Green"
            given["goal.\(item.goal.id).update"] = "Progress on \(item.goal.id) as planned."
        }
        for item in scope.measures { given["measure.\(item.measure.id).value"] = "50%" }
        for (name, value) in overrides { given[name] = value }
        all += given.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        all.append(("action", action))
        return all
    }

    func uploads() throws -> [UploadRecord] {
        try fixture.store.uploads(period: try #require(try fixture.store.openPeriod()).id!, agency: Self.agency, as: .secretariat)
    }

    @Test func theFormAsksThePeriodsQuestionsWithLabelledFields() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath(Self.agency))
            #expect(try await browser.get("/agency").text.contains("<a class=\"button\" href=\"/agency/form\">Fill in online</a>"))
            let page = try await browser.get("/agency/form")
            #expect(page.status == .ok)
            let html = page.text
            for (i, item) in scope.goals.enumerated() {
                #expect(html.contains(escaped(item.goal.text)))
                #expect(html.contains(escaped(ReturnTemplate.previous(item.goal))), "how it was last rated, with the update then")
                #expect(html.contains("<legend>Status for 2013-14 Q1 (\(fixture.report.scheme.choices))</legend>"))
                for (n, status) in fixture.report.scheme.statuses.enumerated() {
                    #expect(html.contains("<input type=\"radio\" id=\"g\(i)-status-\(n)\" name=\"goal.\(item.goal.id).status\" value=\"\(status.name)\"><label for=\"g\(i)-status-\(n)\">"))
                }
                #expect(html.contains("<label for=\"g\(i)-update\">") && html.contains("<textarea id=\"g\(i)-update\""))
                #expect(!html.contains("g\(i)-proposal"), "a quarter asks for no proposal")
            }
            for (i, item) in scope.measures.enumerated() {
                #expect(html.contains("<label for=\"m\(i)-value\">Value for 2013-14 Q1</label>") && html.contains("<label for=\"m\(i)-note\">"))
                for earlier in ReturnTemplate.earlierFigures(item, period: "2013-14 Q1") { #expect(html.contains(escaped(earlier))) }
            }
            #expect(html.contains("<label for=\"completed-by\">Completed by</label>") && html.contains("<label for=\"date-completed\">Date completed</label>"))
            #expect(html.contains("name=\"base\" value=\"0\""))
        }
    }

    @Test func problemsAreListedAndBesideTheirFieldsAndWhatWasTypedIsKeptAsADraft() async throws {
        let goal = scope.goals[0].goal.id, measure = scope.measures[0].measure.id
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath(Self.agency))
            let csrf = try await browser.csrf(on: "/agency/form")
            let typed = "Typed <b>by</b> \"us\" & kept."
            let response = try await browser.post("/agency/form", fields([
                "goal.\(goal).status": "Red", "goal.\(goal).update": "  ", "measure.\(measure).value": "12/07/2013",
                "measure.\(measure).note": typed,
            ], csrf: csrf))
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains("<h2 id=\"error-summary-title\">There are 2 problems</h2>"))
            let redMessage = "goal \(goal) is Red but has no update; a Red status needs an explanation"
            #expect(html.contains("<li><a href=\"#g0-update\">\(goal) update: \(redMessage)</a></li>"))
            #expect(html.contains("<li><a href=\"#m0-value\">\(measure) value: measure \(measure): 12/07/2013 is a date, not a figure; \(FigureRules.howToType)</a></li>"))
            #expect(html.contains("<p class=\"error-message\" id=\"g0-update-error\"><span class=\"visually-hidden\">Error:</span> \(redMessage)</p>"))
            #expect(html.contains("<textarea id=\"g0-update\" name=\"goal.\(goal).update\" rows=\"5\" aria-describedby=\"g0-update-error\">"))
            #expect(html.contains("aria-describedby=\"m0-value-hint m0-value-error\""))
            #expect(html.contains("value=\"12/07/2013\""), "the wrong figure is still in its field")
            #expect(html.contains(">\(escaped(typed))</textarea>"), "the note typed is kept, escaped")
            #expect(html.contains("id=\"g0-status-0\" name=\"goal.\(goal).status\" value=\"Red\" checked"))
            // Kept as a draft, never merged; the page posts on from it.
            let versions = try uploads()
            #expect(versions.count == 1 && versions[0].isDraft && !versions[0].usable && versions[0].source == .form)
            #expect(html.contains("name=\"base\" value=\"\(versions[0].id!)\""))
            let period = try #require(try fixture.store.openPeriod())
            #expect(try PeriodMerge.of(period, store: fixture.store, reports: PeriodReports()).uploads.isEmpty, "a draft is never merged")
            // The form opened again starts from the draft.
            let again = try await browser.get("/agency/form").text
            #expect(again.contains("value=\"12/07/2013\"") && again.contains(escaped(typed)) && again.contains("your draft \(versions[0].reference)"))
        }
    }

    @Test func aDraftIsSavedThenSentAndGivesAReceiptAndAFilledReturn() async throws {
        let goal = scope.goals[0].goal.id
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath(Self.agency))
            let csrf = try await browser.csrf(on: "/agency/form")
            let saved = try await browser.post("/agency/form", fields(["goal.\(goal).status": "Red", "goal.\(goal).update": ""], action: "save", csrf: csrf))
            #expect(saved.status == .seeOther)
            let draft = try #require(try uploads().first)
            #expect(saved.headers[.location] == "/agency/form?saved=\(draft.id!)" && draft.isDraft)
            let notice = try await browser.get("/agency/form?saved=\(draft.id!)").text
            #expect(notice.contains("Your draft was saved at") && notice.contains(draft.reference))
            #expect(try await browser.get("/agency").text.contains("Your draft \(draft.reference)"))

            let sent = try await browser.post("/agency/form", fields(["goal.\(goal).status": "Red", "goal.\(goal).update": "Behind plan."], base: draft.id!, csrf: csrf))
            #expect(sent.status == .seeOther)
            let upload = try #require(try uploads().first)
            #expect(sent.headers[.location] == "/agency/uploads/\(upload.id!)")
            #expect(!upload.isDraft && upload.usable && upload.outcome == .received && upload.originalName == "kent-probation-form.json")
            let result = try await browser.get("/agency/uploads/\(upload.id!)").text
            #expect(result.contains("We read \(scope.goals.count) goals and \(scope.measures.count) figures from your return"))
            #expect(result.contains("href=\"/agency/uploads/\(upload.id!)/return.xlsx\""))
            let receipt = try await browser.get("/agency/uploads/\(upload.id!)/receipt").text
            #expect(receipt.contains(upload.sha256) && receipt.contains("Kent Probation, on the web form through its link"))

            // The filled return: the agency's template, its answers in the cells.
            let workbook = try await browser.get("/agency/uploads/\(upload.id!)/return.xlsx")
            #expect(workbook.status == .ok && workbook.headers[.contentDisposition]?.contains(scope.fileName) == true)
            let checked = ReturnChecker(report: fixture.report).check(bytes: workbook.bytes, name: scope.fileName)
            #expect(checked.isClean, "\(checked.problems)")
            #expect(checked.goals.first { $0.goalID == goal }?.update == ["Behind plan."] && checked.measures.count == scope.measures.count)
            // The portal's merge is boardpack merge's, byte for byte, of the form's file under its name.
            let period = try #require(try fixture.store.openPeriod())
            let merged = try PeriodMerge.of(period, store: fixture.store, reports: PeriodReports())
            let folder = TemporaryFolder("form-merge")
            let form = folder.file(upload.originalName), out = folder.file("merged.json")
            try Data(try fixture.store.uploads.read(upload.sha256)).write(to: form)
            let cli = try command("boardpack", ["merge", fixture.reportFile.path, form.path, "-o", out.path])
            #expect(cli.status == 0, "\(cli.out)\(cli.err)")
            #expect(try Data(contentsOf: out) == merged.json)
            #expect(merged.report.goal(goal)?.returns.first { $0.agency == Self.agency }?.source.fields == ["\(goal) status", "\(goal) update"])
            // A draft has none; nor has another agency.
            #expect(try await browser.get("/agency/uploads/\(draft.id!)/return.xlsx").status == .notFound)
            let other = Browser(client)
            try await other.open(fixture.linkPath("jppb"))
            #expect(try await other.get("/agency/uploads/\(upload.id!)/return.xlsx").status == .notFound)
        }
    }

    @Test func aPageOlderThanTheNewestVersionKeepsWhatWasTypedAndSaysWhatToDo() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath(Self.agency))
            let csrf = try await browser.csrf(on: "/agency/form")
            // Another window sends first.
            #expect(try await browser.post("/agency/form", fields(csrf: csrf)).status == .seeOther)
            let newer = try #require(try uploads().first)
            let typed = "Typed on the page left open."
            let stale = try await browser.post("/agency/form", fields(["goal.\(scope.goals[0].goal.id).update": typed], base: 0, csrf: csrf))
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Not sent: a newer version exists") && stale.text.contains(newer.reference) && stale.text.contains(escaped(typed)))
            let kept = try #require(try uploads().first)
            #expect(kept.isDraft && kept.id! > newer.id!, "what was typed is kept as a draft")
            #expect(stale.text.contains("name=\"base\" value=\"\(kept.id!)\""), "sending again from this page is taken")
            #expect(try fixture.store.newestUploads(period: kept.periodID, as: .secretariat).merged[Self.agency]?.id == newer.id, "the version sent stays the one merged")
        }
    }

    @Test func anEndedSessionGivesBackWhatWasTyped() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath(Self.agency))
            let csrf = try await browser.csrf(on: "/agency/form")
            browser.cookie = nil  // the session is gone (timed out, or the link rotated)
            let typed = "An update <typed> for an hour."
            let response = try await browser.post("/agency/form", fields(["goal.\(scope.goals[0].goal.id).update": typed], csrf: csrf))
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("Your session has ended") && response.text.contains(escaped(typed)))
            #expect(response.text.contains("<label for=\"typed-"), "every text given back is labelled")
            #expect(try uploads().isEmpty, "nothing is kept for a session that cannot be told")
        }
    }

    /// The period closes while the form is open: the post keeps nothing (the store refuses it)
    /// and gives back what was typed; the form is no longer offered.
    @Test func aPeriodClosedWhileTheFormWasOpenGivesBackWhatWasTyped() async throws {
        let fixture = try PortalFixture(due: "2013-07-12", closes: "2013-07-19")
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath(Self.agency))
            let csrf = try await browser.csrf(on: "/agency/form")
            fixture.clock.advance(14 * 24 * 3600)  // from 8 July past the close on the 19th
            let typed = "Written <slowly> over a fortnight."
            let response = try await browser.post("/agency/form", fields(["goal.\(scope.goals[0].goal.id).update": typed], csrf: csrf))
            #expect(response.status == .conflict)
            #expect(response.text.contains("The period has closed") && response.text.contains("Friday 19 July 2013"))
            #expect(response.text.contains(escaped(typed)), "the text comes back")
            #expect(!response.text.contains("choose <strong>Fill in online</strong>"), "no form to paste it into is promised")
            let period = try #require(try fixture.store.openPeriod())
            #expect(try fixture.store.uploads(period: period.id!, agency: Self.agency, as: .secretariat).isEmpty, "nothing kept")
            let page = try await browser.get("/agency/form")
            #expect(page.status == .seeOther && page.headers[.location] == "/agency", "the form is not offered once closed")
        }
    }

    @Test func anUploadedWorkbooksAnswersStartTheForm() async throws {
        let goal = scope.goals[1].goal.id
        let workbook = try fixture.complete(Self.agency, "kp.xlsx", status: "Amber", [goal: ["Red", "Referrals fell; a new provider starts in August."]])
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath(Self.agency))
            let csrf = try await browser.csrf(on: "/agency")
            let uploaded = try await browser.upload("/agency/uploads", [("csrf", csrf)], file: ("kp.xlsx", Array(try Data(contentsOf: workbook))))
            #expect(uploaded.status == .seeOther)
            let upload = try #require(try uploads().first)
            let html = try await browser.get("/agency/form").text
            #expect(html.contains("The answers start from your upload \(upload.reference) (kp.xlsx)."))
            #expect(html.contains("id=\"g1-status-0\" name=\"goal.\(goal).status\" value=\"Red\" checked"))
            #expect(html.contains(">Referrals fell; a new provider starts in August.</textarea>"))
            #expect(html.contains("name=\"completedBy\" value=\"Rob Jacques\"") && html.contains("name=\"base\" value=\"\(upload.id!)\""))
        }
    }

    @Test func aYearEndAsksForAProposalAndAnAmendmentNeedsItsWording() async throws {
        // The Kent plan's own year end, 2012-13: the stock take asks what becomes of each goal.
        let fixture = try PortalFixture(report: try Examples.report(Examples.kent))
        let scope = fixture.scope(Self.agency), goal = scope.goals[0].goal.id
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath(Self.agency))
            let page = try await browser.get("/agency/form").text
            for (n, action) in ReturnLayout.proposalChoices.enumerated() {
                #expect(page.contains("<input type=\"radio\" id=\"g0-proposal-\(n)\" name=\"goal.\(goal).proposal\" value=\"\(action.label)\"><label for=\"g0-proposal-\(n)\">\(action.label)</label>"))
            }
            #expect(page.contains("<legend>Proposal for next year&#39;s plan (Carry forward, Amend, Discharge)</legend>"))
            #expect(page.contains("<label for=\"g0-wording\">Proposed wording, if you propose to amend the goal</label>"))
            let csrf = try await browser.csrf(on: "/agency/form")
            var answers: [(String, String)] = [("csrf", csrf), ("base", "0"), ("completedBy", "Rob Jacques"), ("date", "08/07/2013"), ("action", "send")]
            for item in scope.goals { answers += [("goal.\(item.goal.id).status", "Green"), ("goal.\(item.goal.id).update", "Done.")] }
            for item in scope.measures { answers.append(("measure.\(item.measure.id).value", "50%")) }
            let refused = try await browser.post("/agency/form", answers + [("goal.\(goal).proposal", "Amend")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<li><a href=\"#g0-wording\">\(goal) proposed wording: goal \(goal) is to be amended but has no proposed wording</a></li>"))
            #expect(refused.text.contains("id=\"g0-proposal-1\" name=\"goal.\(goal).proposal\" value=\"Amend\" checked"))
            let period = try #require(try fixture.store.openPeriod())
            let base = try #require(try fixture.store.uploads(period: period.id!, as: .secretariat).first?.id)
            let sent = try await browser.post("/agency/form", answers.map { $0.0 == "base" ? ("base", String(base)) : $0 }
                + [("goal.\(goal).proposal", "Amend"), ("goal.\(goal).wording", "Reworded goal.")])
            #expect(sent.status == .seeOther)
            let merged = try PeriodMerge.of(period, store: fixture.store, reports: PeriodReports())
            #expect(merged.report.goal(goal)?.proposal == Proposal(action: .amend, wording: "Reworded goal."))
        }
    }

    @Test func aPageOfAnEarlierSessionGivesBackWhatWasTypedAndKeepsNothing() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let browser = Browser(client)
            try await browser.open(fixture.linkPath(Self.agency))
            let old = try await browser.csrf(on: "/agency/form")
            try await browser.open(fixture.linkPath(Self.agency))  // the link again, in another tab: a new session
            let typed = "Typed on the older page."
            let response = try await browser.post("/agency/form", fields(["goal.\(scope.goals[0].goal.id).update": typed], csrf: old))
            #expect(response.status == .forbidden)
            #expect(response.text.contains("This page is older than your session") && response.text.contains(escaped(typed)))
            #expect(try uploads().isEmpty, "nothing is kept from a page with another session's token")
            // Any other form with a stale token is still the plain refusal.
            #expect(try await browser.post("/sign-out", [("csrf", old)]).status == .forbidden)
        }
    }

    @Test func completenessSaysHowAnswersCameAndDraftsAsStarted() async throws {
        try await fixture.app(try await fixture.site()).test(.router) { client in
            let agency = Browser(client)
            try await agency.open(fixture.linkPath(Self.agency))
            let csrf = try await agency.csrf(on: "/agency/form")
            try await agency.post("/agency/form", fields(action: "save", csrf: csrf))
            let period = try #require(try fixture.store.openPeriod())
            var completeness = try Completeness.of(period, store: fixture.store, reports: PeriodReports())
            var row = try #require(completeness.rows.first { $0.agency.id == Self.agency })
            #expect(row.state == .started && row.cameBy == nil)
            try await agency.post("/agency/form", fields(base: try uploads().first!.id!, csrf: csrf))
            completeness = try Completeness.of(period, store: fixture.store, reports: PeriodReports())
            row = try #require(completeness.rows.first { $0.agency.id == Self.agency })
            #expect(row.state == .received && row.cameBy == "Form")
            // A newer draft does not hide the answers sent.
            try await agency.post("/agency/form", fields(action: "save", base: try uploads().first!.id!, csrf: csrf))
            completeness = try Completeness.of(period, store: fixture.store, reports: PeriodReports())
            row = try #require(completeness.rows.first { $0.agency.id == Self.agency })
            #expect(row.state == .received && row.cameBy == "Form" && row.goalsAnswered == scope.goals.count)
            #expect(completeness.merge.uploads.map(\.source) == [.form])
        }
    }
}

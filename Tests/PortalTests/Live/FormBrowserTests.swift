import BoardPack
import Foundation
import Portal
import ReportModel
import TestSupport
import Testing

/// The return filled in on the web form, in a real browser (Scripts/form_browser.py, selenium
/// with Debian's chromium, against the real `boardpack-portal serve` on 127.0.0.1), for the
/// worked chain's Kent Probation: the issue's scenario from the first wrong answers to the merged
/// report. Fails (never skips) when the browser is not installed.
///
/// With BOARDPACK_PORTAL_SCREENSHOTS=DIR it keeps each page at 1280 and 375 pixels wide.
@Suite struct FormBrowserTests {
    let fixture: PortalFixture
    static let script = repositoryRoot.appendingPathComponent("Tests/PortalTests/Scripts/form_browser.py")
    static let agency = "kent-probation"

    /// Due in five days: the server keeps real time, and the pages say so as an agency would see them.
    init() throws {
        let due = Calendar(identifier: .gregorian).date(byAdding: .day, value: 5, to: Date())!
        fixture = try PortalFixture(due: String(ISO8601DateFormatter().string(from: due).prefix(10)))
    }

    @Test func kentProbationFillsInTheFormSavesADraftAndSendsIt() throws {
        try BrowserTests.requireBrowser()
        let scope = fixture.scope(Self.agency)
        let goals = scope.goals.map(\.goal.id), measures = scope.measures.map(\.measure.id)
        let percent = try #require(scope.measures.first { MeasureKind.of($0.measure) == .percent }?.measure.id, "Kent Probation supplies a percentage")
        let (work, server, common) = try BrowserScript.scene(fixture, agency: Self.agency, name: "form-browser")
        let config = common.merging(["goals": goals, "measures": measures, "redGoal": goals[0], "wrongMeasure": percent]) { a, _ in a }
        guard let seen = try BrowserScript.run(Self.script, config, server: server) else { return }

        // The form asks exactly the period's scheme, named and coloured, in a fieldset with a legend.
        let scheme = fixture.report.scheme.statuses.map(\.name)
        #expect(seen["statusChoices"] as? [String] == scheme)
        #expect((seen["swatches"] as? [String] ?? []).allSatisfy { $0.contains("status-") }, "\(seen["swatches"] ?? "")")
        #expect((seen["legends"] as? [String])?.first?.hasPrefix("Status for \(PortalFixture.period)") == true, "\(seen["legends"] ?? "")")
        #expect(seen["earlierShown"] as? Bool == true)

        // Both problems, at the top and beside their fields, in the checker's words, with what was typed kept.
        #expect(seen["errorTitle"] as? String == "There are 2 problems")
        let links = seen["errorLinks"] as? [[String: String]] ?? []
        let redIndex = 0, wrongIndex = measures.firstIndex(of: percent)!
        #expect(links.map { $0["href"] } == ["g\(redIndex)-update", "m\(wrongIndex)-value"], "\(links)")
        #expect(links.first?["text"] == "\(goals[0]) update: goal \(goals[0]) is Red but has no update; a Red status needs an explanation", "\(links)")
        #expect(links.last?["text"] == "\(percent) value: measure \(percent): 12/07/2013 is a date, not a figure; \(FigureRules.howToType)", "\(links)")
        for linked in seen["linked"] as? [[String: Any]] ?? [] {
            #expect(linked["focused"] as? String == linked["field"] as? String, "the summary's link moves the focus to its field: \(linked)")
            #expect((linked["besideField"] as? [String])?.count == 1, "the field is described by its error: \(linked)")
        }
        #expect(seen["keptAfterErrors"] as? Bool == true, "what was typed is kept: \(seen["keptDiff"] ?? "")")
        #expect(seen["keptAsDraftOnPost"] as? Bool == true, "the refused post kept a draft")
        #expect((seen["withoutLabel"] as? [String] ?? []).contains("label"), "axe sees a text area without its label: \(seen["withoutLabel"] ?? "")")

        // The draft, found again in a new browser session.
        #expect((seen["savedNotice"] as? String)?.hasPrefix("Your draft was saved") == true)
        #expect(seen["agencyMentionsDraft"] as? Bool == true)
        #expect(seen["draftFound"] as? Bool == true, "the draft holds what was typed: \(seen["draftDiff"] ?? "")")

        // Keyboard alone, 320 px, 200% zoom.
        #expect(seen["keyboardReached"] as? [String] == seen["keyboardWanted"] as? [String], "every field is reached by Tab: \(seen["keyboardReached"] ?? "")")
        #expect(seen["keyboardRadioGroups"] as? Int == goals.count, "each status group is one Tab stop")
        #expect(seen["keyboardButtons"] as? [String] == ["Send your return", "Save and come back later"])
        #expect(seen["focusVisible"] as? Bool == true)
        #expect(seen["arrowChose"] as? String == scheme[1] && seen["spaceChose"] as? Bool == true)
        #expect(seen["at320"] as? Bool == true, "nothing runs off the side at 320 px")
        #expect(seen["at200"] as? Bool == true && seen["widthAt200"] as? Int == 640, "nothing runs off the side at 200% zoom")

        // Sent: the same receipt as an upload, and the filled return workbook, clean for boardpack check.
        let result = try #require(seen["result"] as? [String: Any])
        #expect(result["status"] as? String == "Received", "\(result)")
        #expect(result["headline"] as? String == "We read \(goals.count) goals and \(measures.count) figures from your return")
        let period = try #require(try fixture.store.openPeriod())
        let sent = try #require(try fixture.store.uploads(period: period.id!, as: .secretariat).first { $0.source == .form && !$0.isDraft })
        #expect((seen["receipt"] as? String)?.contains(sent.sha256) == true && (seen["receipt"] as? String)?.contains(sent.reference) == true)
        let filled = try #require(seen["filled"] as? String)
        #expect(URL(fileURLWithPath: filled).lastPathComponent == scope.fileName)
        let check = try command("boardpack", ["check", filled, "--report", fixture.reportFile.path])
        #expect(check.status == 0, "boardpack check on the filled return: \(check.out)\(check.err)")
        #expect(check.out.contains("clean return from Kent Probation: \(goals.count) goals answered, \(measures.count) figures given"), "\(check.out)")

        // The merged report holds the form's answers with their source; boardpack merge of the
        // form's file gives the same bytes.
        let merged = try PeriodMerge.of(period, store: fixture.store, reports: PeriodReports())
        let source = try #require(merged.report.goal(goals[0])?.returns.first { $0.agency == Self.agency }?.source)
        #expect(source.file == "kent-probation-form.json" && source.form == "Goals" && source.sheet == nil)
        #expect(source.fields == ["\(goals[0]) status", "\(goals[0]) update"] && source.sha256 == sent.sha256, "\(source)")
        #expect(merged.report.goal(goals[0])?.status == "Red")
        let form = work.file("kent-probation-form.json")
        try Data(try fixture.store.uploads.read(sent.sha256)).write(to: form)
        let mergedFile = work.file("merged.json")
        _ = try command("boardpack", ["merge", fixture.reportFile.path, form.path, "-o", mergedFile.path])
        #expect(try Data(contentsOf: mergedFile) == merged.json, "the command line merges the form's file to the portal's bytes")

        // Completeness says it came by form; every page passed axe.
        let row = seen["completenessRow"] as? [String] ?? []
        #expect((seen["completenessHeaders"] as? [String])?.contains("Newest upload, and how it came") == true)
        #expect(row.count > 4 && row[1] == "Received" && row[2].hasSuffix("Came by: Form") && row[3] == "Rob Jacques", "\(row)")
        #expect((seen["pages"] as? [Any])?.count == 8, "every page was looked at")
        #expect((seen["axe"] as? [Any])?.isEmpty == true, "axe-core found serious or critical problems: \(seen["axe"] ?? "")")
    }
}

import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// A return given on the portal's web form (`FormSubmission`) is read through the same rules as
/// a workbook's cells: the same answers, the same sentences, only the place differs ("EE-3
/// update" for "Goals!B12"); its merged answers name the form and its fields.
@Suite struct FormReturnTests {
    let fixture: ReturnsFixture
    static let agency = "kent-probation"

    init() throws { fixture = try ReturnsFixture() }

    var scope: ReturnScope { fixture.scope(Self.agency) }

    /// Every goal Green with an update, every figure given, signed: as `answers` overrides.
    func form(goals: [String: (String?, String?)] = [:], figures: [String: String] = [:], completedBy: String? = "Rob Jacques", date: String? = "12/07/2013") -> FormSubmission {
        FormSubmission(
            report: fixture.report.id, period: fixture.report.period.label, agency: Self.agency, completedBy: completedBy, date: date,
            goals: scope.goals.map { item in
                let (status, update) = goals[item.goal.id] ?? ("Green", "Progress on \(item.goal.id) as planned.")
                return .init(id: item.goal.id, status: status, update: update)
            },
            measures: scope.measures.map { .init(id: $0.measure.id, value: figures[$0.measure.id] ?? "50%") })
    }

    func check(_ form: FormSubmission, name: String = "kent-probation-form.json") -> CheckedReturn {
        ReturnChecker(report: fixture.report).check(bytes: form.bytes, name: name)
    }

    /// The same answers typed into the workbook's cells with openpyxl.
    func workbook(_ form: FormSubmission, _ name: String) throws -> URL {
        var operations = try fixture.signed(Self.agency)
        for goal in form.goals {
            for (field, text) in [("status", goal.status), ("update", goal.update)] {
                if let text { operations.append(["set", "Goals", try fixture.cell(Self.agency, goal.id, field), text]) }
            }
        }
        for measure in form.measures {
            if let value = measure.value { operations.append(["set", "Measures", try fixture.cell(Self.agency, measure.id, "figure"), value]) }
        }
        return try fixture.openpyxl(Self.agency, name, operations)
    }

    @Test func eachRuleSaysTheSameOfAFieldAsOfACell() throws {
        let goal = scope.goals[0].goal.id, other = scope.goals[1].goal.id, measure = scope.measures[0].measure.id
        let cases: [(String, FormSubmission, [String])] = [
            ("a Red without an update", form(goals: [goal: ("Red", nil)]), ["\(goal) update"]),
            ("a status not of the scheme", form(goals: [goal: ("Purple", "Text.")]), ["\(goal) status"]),
            ("an update without a status", form(goals: [other: (nil, "Text without a status.")]), ["\(other) status"]),
            ("a date for a percentage", form(figures: [measure: "12/07/2013"]), ["\(measure) value"]),
            ("words with digits", form(figures: [measure: "about 12 or so"]), ["\(measure) value"]),
            ("a share past 100%", form(figures: [measure: "140%"]), ["\(measure) value"]),
        ]
        for (i, (what, given, fields)) in cases.enumerated() {
            let onForm = check(given), inCells = fixture.check(try workbook(given, "case-\(i).xlsx"))
            let formRefused = onForm.problems.filter { $0.weight == .refused }, cellRefused = inCells.problems.filter { $0.weight == .refused }
            #expect(formRefused.map(\.message) == cellRefused.map(\.message), "\(what): the same sentence either way")
            #expect(formRefused.map(\.place.within) == fields, "\(what): the form names the field")
            #expect(cellRefused.allSatisfy { $0.place.sheet != nil && $0.place.cell != nil }, "\(what): the workbook names the cell")
            #expect(onForm.goals.map(\.goalID) == inCells.goals.map(\.goalID) && onForm.refusedGoals.map(\.refused) == inCells.refusedGoals.map(\.refused), "\(what)")
            #expect(onForm.measures.map(\.value) == inCells.measures.map(\.value), "\(what)")
        }
    }

    @Test func aFormGivesTheAnswersAWorkbookGivesAndItsFilledReturnChecksClean() throws {
        let given = form(goals: [scope.goals[1].goal.id: ("amber ", "First paragraph.\n\nSecond paragraph.")], figures: [scope.measures[1].measure.id: "Approx. 47%"])
        let onForm = check(given)
        #expect(onForm.isClean, "\(onForm.problems)")
        let inCells = fixture.check(try workbook(given, "same.xlsx"))
        #expect(onForm.goals.map { [$0.goalID, $0.status ?? ""] + $0.update } == inCells.goals.map { [$0.goalID, $0.status ?? ""] + $0.update })
        #expect(onForm.goals[1].status == "Amber" && onForm.goals[1].update == ["First paragraph.", "Second paragraph."])
        #expect(onForm.measures.map(\.value) == inCells.measures.map(\.value))
        #expect(onForm.goals[0].cells == ["\(scope.goals[0].goal.id) status", "\(scope.goals[0].goal.id) update"])
        #expect(onForm.completedBy == "Rob Jacques" && onForm.day == Day(year: 2013, month: 7, day: 12))

        // The agency's template with the form's answers in its cells: the same answers again.
        let filled = fixture.folder.appendingPathComponent(scope.fileName)
        try ReturnTemplate(report: fixture.report, scope: scope, filledWith: given).write(to: filled)
        let back = fixture.check(filled)
        #expect(back.isClean, "\(back.problems)")
        #expect(back.goals.map { [$0.goalID, $0.status ?? ""] + $0.update } == onForm.goals.map { [$0.goalID, $0.status ?? ""] + $0.update })
        #expect(back.measures.map(\.value) == onForm.measures.map(\.value) && back.completedBy == onForm.completedBy && back.date == onForm.date)
    }

    @Test func theMergedReportNamesTheFormAndItsFields() throws {
        let given = form()
        let file = fixture.folder.appendingPathComponent("kent-probation-form.json")
        try Data(given.bytes).write(to: file)
        let (merged, summary) = fixture.merge([file])
        #expect(summary.isClean && summary.accepted == ["kent-probation-form.json"], "\(summary.text)")
        let goal = scope.goals[0].goal.id, measure = scope.measures[0].measure.id
        let source = try #require(merged.goal(goal)?.returns.first?.source)
        #expect(source == Provenance(file: "kent-probation-form.json", sha256: SHA256.hex(given.bytes), form: "Goals", fields: ["\(goal) status", "\(goal) update"]))
        #expect(merged.measure(measure)?.1.sources.last?.source.fields == ["\(measure) value", "\(measure) note"])
        #expect(merged.returnsReceived.last?.source.form == "Signature")
        // Written as form and fields, no sheet or cells; read back the same.
        let json = String(decoding: try ReportCoding.encode(merged), as: UTF8.self)
        #expect(json.contains("\"form\" : \"Goals\"") && json.contains("\"fields\" : [\n"))
        #expect(try ReportCoding.decode(try ReportCoding.encode(merged), file: "merged.json") == merged)
        // The same bytes are the same SHA-256: a form's canonical JSON does not depend on its making.
        #expect(form().bytes == given.bytes)
    }

    @Test func aFormIsToldFromOtherJSONAndRefusedWholeLikeAWorkbook() throws {
        let report = try ReportCoding.encode(fixture.report)
        if case .notAForm = FormSubmission.reading(Array(report)) {} else { Issue.record("a report is not a form") }
        let broken = Array(#"{"boardpack": "boardpack return form", "report": 7}"#.utf8)
        let unreadable = ReturnChecker(report: fixture.report).check(bytes: broken, name: "x-form.json")
        #expect(unreadable.refused && unreadable.problems.map(\.description) == ["x-form.json: is a return form, but its fields cannot be read (report is not text); fill in the form again"])

        var otherPeriod = form()
        otherPeriod.period = "2012-13"
        #expect(check(otherPeriod).problems.map(\.message) == ["is the return for 2012-13, but this report collects 2013-14 Q1; merge it into the 2012-13 report, or ask for a 2013-14 Q1 return"])
        var otherAgency = form()
        otherAgency.agency = "jppb"
        let checked = ReturnChecker(report: fixture.report).check(OpenedReturn(bytes: otherAgency.bytes, name: "f.json"), from: Self.agency)
        #expect(checked.refused && checked.problems.last?.message == "is the return for JPPB, not for Kent Probation; send Kent Probation's own return")
        // Nothing filled in: blank, as a workbook would be.
        let blank = FormSubmission(report: fixture.report.id, period: fixture.report.period.label, agency: Self.agency)
        #expect(check(blank).isBlank && check(blank).problems.last?.message == "is blank: no status, update or figure is filled in, so Kent Probation is still missing")
    }

    @Test func theCommandLineChecksAndMergesAFormsFileAsThePortalDoes() throws {
        let given = form(goals: [scope.goals[0].goal.id: ("Red", nil)])
        let folder = fixture.folder.appendingPathComponent("returns")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("kent-probation-form.json")
        try Data(given.bytes).write(to: file)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("notes.json"))  // not a form: passed over
        let check = try boardpack(["check", file.path, "--report", fixture.reportFile.path])
        #expect(check.status == 1)
        #expect((check.out + check.err).contains("kent-probation-form.json: \(scope.goals[0].goal.id) update: goal \(scope.goals[0].goal.id) is Red but has no update"), "\(check)")
        let (a, b) = (fixture.folder.appendingPathComponent("a.json"), fixture.folder.appendingPathComponent("b.json"))
        let byName = try boardpack(["merge", fixture.reportFile.path, file.path, "-o", a.path])
        let byFolder = try boardpack(["merge", fixture.reportFile.path, folder.path, "-o", b.path])
        #expect(byName.status == 1 && byFolder.status == 1, "a goal refused: \(byFolder.out)")
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        let (merged, _) = fixture.merge([file])
        #expect(try Data(contentsOf: a) == ReportCoding.encode(merged), "the command line merges a form as the library does")
    }
}

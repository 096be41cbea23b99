import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Ordinary mistakes by officers and the secretariat that once lost or shifted data with exit
/// 0: each one now reaches the merged report as it should, or is refused with its cell.
@Suite struct IntegrityTests {
    let fixture: ReturnsFixture

    init() throws { fixture = try ReturnsFixture() }

    /// openpyxl operations answering every goal of the agency, signed on `date`.
    func answered(_ agency: String, _ status: String = "Green", date: String = "12/07/2013") throws -> [[Any]] {
        var ops = try fixture.signed(agency, on: date)
        for item in fixture.scope(agency).goals {
            ops.append(["set", "Goals", try fixture.cell(agency, item.goal.id, "status"), status])
            ops.append(["set", "Goals", try fixture.cell(agency, item.goal.id, "update"), "\(status) said on \(date)."])
        }
        for item in fixture.scope(agency).measures { ops.append(["set", "Measures", try figure(agency, item.measure.id), "tbc"]) }
        return ops
    }

    func figure(_ agency: String, _ measure: String) throws -> String { try fixture.cell(agency, measure, ReturnLayout.measureField) }

    func merge(into report: Report, _ files: [URL], replace: Bool = false) -> (Report, MergeSummary) {
        let checker = ReturnChecker(report: report, today: Day(year: 2013, month: 7, day: 31)!)
        return ReturnMerger(report: report, replace: replace).merge(checker.check(filesAt: files))
    }

    // MARK: - A merged report never goes back in time

    @Test func anOlderReturnNeverReplacesANewerOneMergedBefore() throws {
        let newer = try fixture.openpyxl("kent-probation", "kp-15.xlsx", try answered("kent-probation", "Red", date: "15/07/2013")
            + [["set", "Measures", try figure("kent-probation", "ACC-M1"), "60%"]])
        let older = try fixture.openpyxl("kent-probation", "kp-01.xlsx", try answered("kent-probation", "Green", date: "01/07/2013")
            + [["set", "Measures", try figure("kent-probation", "ACC-M1"), "50%"]])
        let (first, _) = merge(into: fixture.report, [newer])
        #expect(first.goal("EE-4")?.status == "Red" && first.measure("ACC-M1")?.1.values.last??.text == "60%")
        for replace in [false, true] {
            let (second, summary) = merge(into: first, [older], replace: replace)
            #expect(second == first, "nothing of the older return is merged (--replace \(replace))")
            #expect(summary.problems == ["\(older.path) (dated 2013-07-01) is older than the return from Kent Probation merged before (kp-15.xlsx, dated 2013-07-15); not merged."])
        }
        // The same file again changes nothing, to the byte.
        let (again, summary) = merge(into: first, [newer])
        #expect(try ReportCoding.encode(again) == ReportCoding.encode(first))
        #expect(summary.duplicates == ["\(newer.path) was merged before (the same file); nothing changes."] && summary.isClean)
    }

    @Test func aNewerReturnReplacesTheEarlierWhole() throws {
        // The first return answers EE-3, EE-4 and EE-6 and gives ACC-M1; the correction answers
        // only EE-4 and gives no figure.
        let earlier = try fixture.openpyxl("kent-probation", "kp-01.xlsx", try answered("kent-probation", "Green", date: "01/07/2013")
            + [["set", "Measures", try figure("kent-probation", "ACC-M1"), "50%"]])
        let (first, _) = merge(into: fixture.report, [earlier])
        var ops = try fixture.signed("kent-probation", on: "15/07/2013")
        ops += [["set", "Goals", try fixture.cell("kent-probation", "EE-4", "status"), "Amber"],
                ["set", "Goals", try fixture.cell("kent-probation", "EE-4", "update"), "Two placements fell through."]]
        let correction = try fixture.openpyxl("kent-probation", "kp-15.xlsx", ops)
        let (second, summary) = merge(into: first, [correction])
        #expect(summary.duplicates == ["\(correction.path) (dated 2013-07-15) replaces the return from Kent Probation merged before (kp-01.xlsx, dated 2013-07-01)."])
        #expect(second.goal("EE-4")?.status == "Amber")
        #expect(second.goal("EE-4")?.returns.map(\.source.file) == ["kp-15.xlsx"])
        #expect(second.goal("EE-3")?.returns.contains { $0.agency == "kent-probation" && $0.period == "2013-14 Q1" } == false, "the earlier return's answer went with it")
        #expect(second.measure("ACC-M1")?.1.values.last! == nil && second.measure("ACC-M1")?.1.sources.isEmpty == true)
        #expect(second.returnsReceived.map(\.source.file) == ["kp-15.xlsx"], "one record per agency: the newest")
        // A return with no date cannot be told newer: refused, unless --replace takes it.
        var undated = try fixture.signed("kent-probation")
        undated.removeLast()
        undated += [["set", "Goals", try fixture.cell("kent-probation", "EE-4", "status"), "Green"]]
        let noDate = try fixture.openpyxl("kent-probation", "kp-undated.xlsx", undated)
        #expect(merge(into: second, [noDate]).1.problems.contains("\(noDate.path) has no Date completed, so it cannot be told newer than the return from Kent Probation merged before (kp-15.xlsx, dated 2013-07-15); not merged. Fill in its date, or re-run with --replace to take it."))
        #expect(merge(into: second, [noDate], replace: true).0.goal("EE-4")?.status == "Green")
    }

    @Test func aRefusedAnswerLeavesAStatusSetByHand() throws {
        // The secretariat set EE-4 Green for the period by hand; a return then answers it Red
        // with no update, which is refused: it is kept as returned, and the status stays.
        var report = fixture.report
        let (t, g) = try #require(report.themes.indices.lazy.compactMap { t in report.themes[t].goals.firstIndex { $0.id == "EE-4" }.map { (t, $0) } }.first)
        report.themes[t].goals[g].status = "Green"
        report.themes[t].goals[g].update = ["Set by the secretariat at the board meeting."]
        var ops = try answered("kent-probation")
        ops.append(["set", "Goals", try fixture.cell("kent-probation", "EE-4", "status"), "Red"])
        ops.append(["set", "Goals", try fixture.cell("kent-probation", "EE-4", "update"), nil])
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", ops)
        let (merged, summary) = merge(into: report, [file])
        #expect(summary.goalsNotAccepted == ["EE-4"])
        #expect(merged.goal("EE-4")?.status == "Green" && merged.goal("EE-4")?.update == ["Set by the secretariat at the board meeting."])
        #expect(merged.goal("EE-4")?.returns.map(\.refused) == ["no update"])
    }

    // MARK: - Dates

    @Test func aMistypedDateIsAProblemAndDecidesNothing() throws {
        let date = try fixture.signature("kent-probation", ReturnLayout.Signature.date)
        let future = try fixture.openpyxl("kent-probation", "kp-2031.xlsx", try answered("kent-probation", "Red", date: "12/07/2031"))
        let past = try fixture.openpyxl("kent-probation", "kp-2003.xlsx", try answered("kent-probation", "Red", date: "12/07/2003"))
        let real = try fixture.openpyxl("kent-probation", "kp-14.xlsx", try answered("kent-probation", "Green", date: "14/07/2013"))
        let checker = ReturnChecker(report: fixture.report, today: Day(year: 2013, month: 7, day: 31)!)
        #expect(checker.check(fileAt: future).problems.map(\.description) == [
            "kp-2031.xlsx: Instructions!\(date): Date completed 12/07/2031 is after today (2013-07-31); type the date it was completed, e.g. 12/07/2013"
        ])
        #expect(checker.check(fileAt: past).problems.map(\.description) == [
            "kp-2003.xlsx: Instructions!\(date): Date completed 12/07/2003 is far from 2013-14 Q1; type the date it was completed, e.g. 12/07/2014"
        ])
        // With --replace, the return dated 2031 is not taken for the newest.
        let (merged, _) = merge(into: fixture.report, [future, real], replace: true)
        #expect(merged.returnsReceived.map(\.source.file) == ["kp-14.xlsx"] && merged.goal("EE-4")?.status == "Green")
    }

    // MARK: - Figures

    @Test func aCountIsNeverNegativeAndAShareNeverPasses100Percent() throws {
        let count = try figure("kcc-commissioned", "SM-M1"), share = try figure("kent-probation", "ACC-M1"), other = try figure("kent-probation", "EE-M1")
        let counted = try fixture.openpyxl("kcc-commissioned", "kcc.xlsx", try answered("kcc-commissioned") + [["set", "Measures", count, "-5"]])
        #expect(fixture.problems(counted) == ["kcc.xlsx: Measures!\(count): measure SM-M1: -5 is negative, but this measure counts; type the number, such as 1,493"])
        let shares = try fixture.openpyxl("kent-probation", "kp.xlsx", try answered("kent-probation") + [
            ["set", "Measures", share, "-5%"], ["set", "Measures", other, "150%"],
        ])
        #expect(fixture.problems(shares) == [
            "kp.xlsx: Measures!\(share): measure ACC-M1: -5% is not a share between 0% and 100%; type the percentage of people it is (a measure of change says \"kind\": \"change\" in the report)",
            "kp.xlsx: Measures!\(other): measure EE-M1: 150% is not a share between 0% and 100%; type the percentage of people it is (a measure of change says \"kind\": \"change\" in the report)",
        ])
        #expect(fixture.check(shares).measures.map(\.measureID) == ["MH-M1"], "only the figure that fits")
        // A measure of change says so, and takes both.
        var report = fixture.report
        let (t, m) = try #require(report.themes.indices.lazy.compactMap { t in report.themes[t].measures.firstIndex { $0.id == "ACC-M1" }.map { (t, $0) } }.first)
        report.themes[t].measures[m].kind = .change
        let changed = ReturnChecker(report: report).check(fileAt: shares)
        #expect(changed.measures.map { $0.value?.text } == ["-5%", "tbc"])
    }

    @Test func filledDownAndArrayFormulasAreRefusedInEveryCell() throws {
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try answered("kent-probation"))
        let acc = try figure("kent-probation", "ACC-M1"), ee = try figure("kent-probation", "EE-M1"), mh = try figure("kent-probation", "MH-M1")
        let ee4 = try fixture.cell("kent-probation", "EE-4", "status"), ee6 = try fixture.cell("kent-probation", "EE-6", "status")
        // As Excel writes a formula filled down from ACC-M1 and EE-4's status copied by formula.
        let patched = fixture.folder.appendingPathComponent("formulas.xlsx")
        try run("/usr/bin/env", [
            "python3", ReturnsFixture.scripts.appendingPathComponent("patch_cells.py").path, file.path, patched.path,
            String(decoding: try JSONSerialization.data(withJSONObject: [
                ["sheet": "Measures", "cell": acc, "xml": #"<c r="\#(acc)"><f t="shared" ref="\#(acc):\#(mh)" si="0">0.5+0.01</f><v>0.51</v></c>"#],
                ["sheet": "Measures", "cell": ee, "xml": #"<c r="\#(ee)"><f t="shared" si="0"/><v>0.52</v></c>"#],
                ["sheet": "Measures", "cell": mh, "xml": #"<c r="\#(mh)"><v>0.53</v></c>"#],
                ["sheet": "Goals", "cell": ee4, "xml": #"<c r="\#(ee4)" t="str"><f t="array" ref="\#(ee4)">"Green"</f><v>Green</v></c>"#],
                ["sheet": "Goals", "cell": ee6, "xml": #"<c r="\#(ee6)" t="str"><f t="shared" si="1"/><v>Green</v></c>"#],
            ]), as: UTF8.self),
        ])
        let checked = fixture.check(patched)
        #expect(checked.problems.map(\.description) == [
            "formulas.xlsx: Goals!\(ee4): goal EE-4's status holds the formula =\"Green\" (showing Green), not text; retype it: the cell keeps what you type as text, = or - at the start included",
            "formulas.xlsx: Goals!\(ee6): goal EE-6's status holds a formula filled down or copied from another cell (showing Green), not text; retype it: the cell keeps what you type as text, = or - at the start included",
            "formulas.xlsx: Measures!\(acc): measure ACC-M1: holds the formula =0.5+0.01 (showing 0.51), not text; retype it: the cell keeps what you type as text, = or - at the start included",
            "formulas.xlsx: Measures!\(ee): measure EE-M1: holds a formula filled down or copied from another cell (showing 0.52), not text; retype it: the cell keeps what you type as text, = or - at the start included",
        ])
        #expect(checked.measures.map(\.measureID) == ["MH-M1"], "a value typed over the formula's range is read")
        #expect(checked.goals.map(\.goalID) == ["EE-3"])
    }

    // MARK: - The Goals form taken apart

    @Test func aRenamedGoalsSheetRefusesTheWholeReturn() throws {
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try answered("kent-probation")
            + [["set", "Measures", try figure("kent-probation", "ACC-M1"), "60%"], ["rename_sheet", "Goals", "Our goals"]])
        let checked = fixture.check(file)
        #expect(checked.refused)
        #expect(checked.problems.map(\.description) == [
            #"kp.xlsx: has no sheet named Goals (it has "Instructions", "Our goals", "Measures", "_boardpack"); rename the goals sheet back to Goals"#
        ])
        let (merged, summary) = fixture.merge([file])
        #expect(merged.measure("ACC-M1")?.1.values.last! == nil, "its figures are not merged either")
        #expect(summary.agenciesMissing.contains("Kent Probation"))
    }

    @Test func keysSwappedBetweenGoalsPlaceNeitherAnswer() throws {
        let ee3 = try fixture.cell("kent-probation", "EE-3", "status"), ee4 = try fixture.cell("kent-probation", "EE-4", "status")
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try fixture.signed("kent-probation") + [
            ["set", "Goals", ee3, "Red"], ["set", "Goals", try fixture.cell("kent-probation", "EE-3", "update"), "Behind."],
            ["set", "Goals", ee4, "Green"],
            ["set", "Goals", "A" + ee3.dropFirst(), "EE-4|status"], ["set", "Goals", "A" + ee4.dropFirst(), "EE-3|status"],
        ])
        let checked = fixture.check(file)
        #expect(checked.problems.map(\.description).prefix(2) == [
            "kp.xlsx: Goals!A\(ee3.dropFirst()): the hidden key of goal EE-4's status sits in goal EE-3's block (the rows or their keys were moved), so neither goal's answer can be placed; undo the move, or ask for a new return",
            "kp.xlsx: Goals!A\(ee4.dropFirst()): the hidden key of goal EE-3's status sits in goal EE-4's block (the rows or their keys were moved), so neither goal's answer can be placed; undo the move, or ask for a new return",
        ])
        #expect(!checked.goals.contains { ["EE-3", "EE-4"].contains($0.goalID) }, "the Red is attributed to neither")
    }

    @Test func wordingSortedApartFromItsKeysIsSaidSo() throws {
        let ee3 = try fixture.cell("kent-probation", "EE-3", "goal"), ee4 = try fixture.cell("kent-probation", "EE-4", "goal")
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try answered("kent-probation") + [
            ["set", "Goals", ee3, try #require(fixture.report.goal("EE-4")?.text)], ["set", "Goals", ee4, try #require(fixture.report.goal("EE-3")?.text)],
        ])
        #expect(fixture.problems(file) == [
            "kp.xlsx: Goals!\(ee3): goal EE-3's row shows the wording of goal EE-4: the rows were sorted or moved apart from their hidden keys, so this answer cannot be placed; undo the sort (Edit > Undo), or ask for a new return",
            "kp.xlsx: Goals!\(ee4): goal EE-4's row shows the wording of goal EE-3: the rows were sorted or moved apart from their hidden keys, so this answer cannot be placed; undo the sort (Edit > Undo), or ask for a new return",
        ])
    }

    // MARK: - Which file, in which order

    @Test func theSameReturnUnderTwoNamesIsRecordedByItsOwnName() throws {
        let folder = fixture.folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try answered("kent-probation"))
        try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent("kent-probation.xlsx"))
        try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent("A-COPY.XLSX"))
        let checker = ReturnChecker(report: fixture.report)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0) }
        let (merged, summary) = ReturnMerger(report: fixture.report).merge(checker.check(filesAt: files))
        #expect(merged.returnsReceived.map(\.source.file) == ["kent-probation.xlsx"])
        #expect(summary.duplicates == ["\(folder.appendingPathComponent("A-COPY.XLSX").relativePath) is the same file as \(folder.appendingPathComponent("kent-probation.xlsx").relativePath); read once."])
    }

    @Test func aMissingFileIsNoReturnReceived() throws {
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try answered("kent-probation"))
        let (_, summary) = fixture.merge([file, fixture.folder.appendingPathComponent("not-there.xlsx")])
        #expect(summary.returnsReceived == 1 && summary.returnsAccepted == 1)
        #expect(summary.problems.contains { $0.hasPrefix("not-there.xlsx: cannot be read (") })
    }

    @Test func aReturnSavedAsCSVIsToldToSendTheWorkbook() throws {
        let csv = fixture.folder.appendingPathComponent("kp.xlsx")
        try Data("Key,Goals\nEE-4|status,Green\n".utf8).write(to: csv)
        #expect(fixture.problems(csv) == [
            "kp.xlsx: is a CSV or other text file, not the return workbook; a CSV keeps one sheet and loses the return's hidden details, so fill in the .xlsx return made by boardpack and send that (or ask the secretariat for a new one)"
        ])
    }

    @Test func messagesComeInTheSameOrderEveryTime() throws {
        // Both the Status and the Update rows of EE-4's block copied: the first in the form's
        // order is named, every time.
        let status = Int(try fixture.cell("kent-probation", "EE-4", "status").dropFirst())!
        let update = Int(try fixture.cell("kent-probation", "EE-4", "update").dropFirst())!
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try answered("kent-probation") + [
            ["copy_row", "Goals", update, 301], ["copy_row", "Goals", status, 300],
        ])
        let runs = (0..<8).map { _ in fixture.problems(file) }
        #expect(runs[0] == ["kp.xlsx: Goals!B300: goal EE-4's status appears 2 times (Goals!B\(status), Goals!B300); delete the copies so it is answered once"])
        #expect(runs.allSatisfy { $0 == runs[0] })
    }

    // MARK: - The plan refresh, and diff

    @Test func aPlanRefreshAppliedTwiceIsRefused() throws {
        let q1 = try ExampleChainTests.q1()
        let paper = try Examples.report(Examples.planRefresh)
        #expect(throws: ReportProblems.self) {
            try Rollover(report: q1, file: "q1.json", planRefresh: (paper, "refresh.json")).next(Period(guessing: "2013-14 Q2"))
        }
        do {
            _ = try Rollover(report: q1, file: "q1.json", planRefresh: (paper, "refresh.json")).next(Period(guessing: "2013-14 Q2"))
        } catch let problems as ReportProblems {
            #expect(problems.description == "refresh.json: this plan refresh was applied before (at the end of 2012-13): goals ACC-4, ACC-5, ACC-6, ACC-7, ACC-8, EE-5, EE-7, EE-8 and 24 more are already as it proposes; leave out --plan-refresh")
        }
        // From the command line: said once, no usage line, nothing written.
        let q1File = fixture.folder.appendingPathComponent("q1.json"), q2 = fixture.folder.appendingPathComponent("q2.json")
        try ReportCoding.encode(q1).write(to: q1File)
        let result = try boardpack(["next", q1File.path, "--period", "2013-14 Q2", "--plan-refresh", Examples.url(Examples.planRefresh).path, "-o", q2.path])
        #expect(result.status == 2 && !result.err.contains("Usage") && result.err.hasSuffix("leave out --plan-refresh\n"))
        #expect(!FileManager.default.fileExists(atPath: q2.path))
        // Without the paper, Q2 follows Q1 with no goal added twice.
        let q2Report = try Rollover(report: q1, file: "q1.json").next(Period(guessing: "2013-14 Q2"))
        #expect(q2Report.themes.flatMap(\.allGoals).allSatisfy { $0.history.filter { $0.change?.kind == .added }.count <= 1 })
    }

    @Test func diffGivenNewestFirstSaysSo() throws {
        let q1File = fixture.folder.appendingPathComponent("q1.json")
        try ReportCoding.encode(fixture.report).write(to: q1File)
        let kent = Examples.url(Examples.kent).path
        let result = try boardpack(["diff", q1File.path, kent])
        #expect(result.status == 0)
        #expect(result.err == "\(kent): is 2012-13, a period before \(q1File.path)'s 2013-14 Q1; the changes below read backwards (give the earlier report first: boardpack diff \(kent) \(q1File.path))\n")
        #expect(try boardpack(["diff", kent, q1File.path]).err.isEmpty)
    }
}

/// What officers type in LibreOffice outside the answer cells.
@Suite(.libreOffice) struct TypedOutsideTheCellsTests {
    let fixture: ReturnsFixture

    init() throws { fixture = try ReturnsFixture() }

    @Test func textInARowInsertedUnderAnUpdateIsJoinedToIt() throws {
        let update = try fixture.cell("kent-probation", "EE-4", "update")
        let status = try fixture.cell("kent-probation", "EE-4", "status")
        let below = Int(update.dropFirst())! + 1
        var edits = try fixture.typed("kent-probation", goals: ["EE-4": ("Amber", "Two placements fell through.")])
        edits += [
            .unprotect(sheet: "Goals"),
            .insertRows(sheet: "Goals", above: below, count: 1),
            .type("A third is being arranged with the council.", sheet: "Goals", cell: "B\(below)"),
        ]
        let file = try fixture.libreOffice("kent-probation", "kp.xlsx", edits)
        let checked = fixture.check(file)
        let answer = try #require(checked.goals.first { $0.goalID == "EE-4" })
        #expect(answer.update == ["Two placements fell through.", "A third is being arranged with the council."])
        #expect(answer.cells == [status, update, "B\(below)"])
        #expect(!checked.problems.contains { $0.description.contains("B\(below)") })
    }

    @Test func textInARowInsertedUnderAStatusIsListedWithItsCell() throws {
        let status = try fixture.cell("kent-probation", "EE-4", "status")
        let below = Int(status.dropFirst())! + 1
        var edits = try fixture.typed("kent-probation", goals: ["EE-4": ("Green", "")])
        edits += [
            .unprotect(sheet: "Goals"),
            .insertRows(sheet: "Goals", above: below, count: 1),
            .type("but only just", sheet: "Goals", cell: "B\(below)"),
        ]
        let file = try fixture.libreOffice("kent-probation", "kp.xlsx", edits)
        #expect(fixture.problems(file).contains("kp.xlsx: Goals!B\(below): \"but only just\" is typed outside the answer cells, so it is not read; type it into its goal's Status or Update cell"))
    }
}

import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Merging: co-leads, duplicates, --replace, determinism and exit statuses.
@Suite struct ReturnMergeTests {
    let fixture: ReturnsFixture

    init() throws { fixture = try ReturnsFixture() }

    /// A return of `agency` with every goal answered `status` (and `overrides`), signed on `date`.
    func filled(_ agency: String, _ name: String, status: String = "Green", date: String = "12/07/2013", _ overrides: [String: (String, String)] = [:]) throws -> URL {
        var ops = try fixture.signed(agency, on: date)
        for item in fixture.scope(agency).goals {
            let (s, u) = overrides[item.goal.id] ?? (status, "")
            ops.append(["set", "Goals", try fixture.cell(agency, item.goal.id, "status"), s])
            if !u.isEmpty { ops.append(["set", "Goals", try fixture.cell(agency, item.goal.id, "update"), u]) }
        }
        let file = fixture.folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        return try fixture.openpyxl(agency, name, ops)
    }

    @Test func coLeadsWhoDisagreeAreShownAsAConflictInEitherOrder() throws {
        let kp = try filled("kent-probation", "kp.xlsx", ["EE-3": ("Green", "Courses running.")])
        let iys = try filled("iys-kcc", "iys.xlsx", ["EE-3": ("Red", "No places left.")])
        let (merged, summary) = fixture.merge([kp, iys])
        let goal = try #require(merged.goal("EE-3"))
        #expect(goal.returns.map(\.agency) == ["iys-kcc", "kent-probation"], "in the report's order of agencies")
        #expect(goal.status == nil, "neither agency's status is taken, nor last period's")
        #expect(goal.update == ["Integrated Youth Services (KCC): No places left.", "Kent Probation: Courses running."])
        #expect(summary.conflicts == ["goal EE-3: Integrated Youth Services (KCC) says Red, Kent Probation says Green; shown as a conflict for the secretariat to settle"])
        #expect(!summary.isClean)
        let (reversed, _) = fixture.merge([iys, kp])
        #expect(try ReportCoding.encode(reversed) == ReportCoding.encode(merged), "the order files are given in does not matter")
    }

    @Test func theSameFileNamedTwiceIsReadOnce() throws {
        let jppb = try filled("jppb", "jppb.xlsx")
        let copy = fixture.folder.appendingPathComponent("copy/jppb-again.xlsx")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: jppb, to: copy)
        let (merged, summary) = fixture.merge([jppb, copy, jppb])
        #expect(summary.returnsReceived == 1 && summary.returnsAccepted == 1)
        #expect(summary.duplicates.count == 2 && summary.duplicates.allSatisfy { $0.hasSuffix("; read once.") })
        #expect(summary.isClean, "reading a file once is not a failure")
        #expect(merged.goal("ACC-2")?.status == "Green")
    }

    @Test func twoDifferentReturnsFromOneAgencyAreSettledOnlyByReplace() throws {
        let older = try filled("jppb", "a/jppb.xlsx", status: "Green", date: "10/07/2013")
        let newer = try filled("jppb", "b/jppb.xlsx", status: "Amber", date: "15/07/2013", ["ACC-2": ("Amber", "Slipped.")].merging(
            fixture.scope("jppb").goals.map { ($0.goal.id, ("Amber", "Behind.")) }) { a, _ in a })
        let (kept, refused) = fixture.merge([newer, older])
        #expect(kept.goal("ACC-2")?.status == nil && refused.returnsAccepted == 0)
        #expect(refused.problems.last == "\(older.relativePath) (dated 2013-07-10), \(newer.relativePath) (dated 2013-07-15): 2 different returns from JPPB; none is merged. Re-run with --replace to take the newest (\(newer.relativePath)).")
        let (replaced, summary) = fixture.merge([newer, older], replace: true)
        #expect(replaced.goal("ACC-2")?.status == "Amber" && replaced.goal("ACC-2")?.update == ["Slipped."])
        #expect(summary.accepted == ["jppb.xlsx"] && summary.isClean, "a duplicate settled as asked is not a failure")
        #expect(summary.duplicates.first?.contains("the newest, \(newer.relativePath), is merged (--replace)") == true)
        let (again, _) = fixture.merge([older, newer], replace: true)
        #expect(try ReportCoding.encode(again) == ReportCoding.encode(replaced))
    }

    @Test func aCoLedUpdateOverACellsLimitIsNotMerged() throws {
        let long = String(repeating: "x", count: 20_000)
        let kp = try filled("kent-probation", "kp.xlsx", ["EE-3": ("Amber", long)])
        let iys = try filled("iys-kcc", "iys.xlsx", ["EE-3": ("Amber", long)])
        let (merged, summary) = fixture.merge([kp, iys])
        #expect(merged.goal("EE-3") == fixture.report.goal("EE-3"), "the goal keeps its earlier state")
        let update = try fixture.cell("iys-kcc", "EE-3", "update")
        #expect(summary.problems.contains("iys.xlsx: Goals!\(update): goal EE-3's update is 40051 characters; a spreadsheet cell holds at most 32767; not merged"), "\(summary.problems)")
        #expect(ReportValidator(merged).problems().isEmpty, "what is written always exports")
    }

    // MARK: - The command line

    @Test func mergeIsDeterministicLeavesItsInputAloneAndExitsAsItsHelpSays() throws {
        let jppb = try filled("jppb", "jppb.xlsx")
        let before = try Data(contentsOf: fixture.reportFile)
        let out1 = fixture.folder.appendingPathComponent("m1.json"), out2 = fixture.folder.appendingPathComponent("m2.json")
        for out in [out1, out2] {
            let result = try boardpack(["merge", fixture.reportFile.path, jppb.path, "-o", out.path, "--json"])
            #expect(result.status == 0, "one clean return; agencies that sent nothing do not make it fail")
            let parsed = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
            #expect(parsed?["returnsAccepted"] as? Int == 1 && (parsed?["agenciesMissing"] as? [String])?.count == 7)
        }
        #expect(try Data(contentsOf: out1) == Data(contentsOf: out2), "the same inputs give the same bytes")
        #expect(try Data(contentsOf: fixture.reportFile) == before, "the input report is never modified")

        let blank = try fixture.blank("kent-probation")
        #expect(try boardpack(["merge", fixture.reportFile.path, jppb.path, blank.path, "-o", out1.path]).status == 1)
        let help = try boardpack(["merge", "--help"]).out
        #expect(help.contains("Exit status: 0 when every return given was merged whole"))

        let otherPeriod = try boardpack(["merge", fixture.reportFile.path, jppb.path, "-o", out1.path, "--period", "2013-14 Q2"])
        #expect(otherPeriod.status == 2)
        #expect(otherPeriod.err == "\(fixture.reportFile.path): is the report for 2013-14 Q1, not 2013-14 Q2; start the 2013-14 Q2 report first: boardpack next \(fixture.reportFile.path) --period \"2013-14 Q2\" -o NEXT.json\n", "said once, with no usage line")
        let over = try boardpack(["merge", fixture.reportFile.path, jppb.path, "-o", fixture.reportFile.path])
        #expect(over.status == 2 && over.err == "\(fixture.reportFile.path): is the same file as the input \(fixture.reportFile.path); write a report to a new file\n")
        #expect(try Data(contentsOf: fixture.reportFile) == before)
    }
}

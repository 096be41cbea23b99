import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Quarter after quarter: Kent 2012-13 rolled into 2013-14 Q1, returns merged in which some
/// statuses move, and the board pack and `diff` saying what moved.
@Suite struct ChangeTests {
    let fixture: ReturnsFixture
    let merged: Report
    let book: XLSXInspector

    init() throws {
        fixture = try ReturnsFixture()
        var ops = try fixture.signed("jppb")
        let answers = ["ACC-1a": ("Red", "Sign-off slipped to September."), "ACC-1b": ("Green", ""), "ACC-1c": ("Green", ""),
                       "ACC-2": ("Green", ""), "EE-6": ("Amber", "Two partners still to review their policies.")]
        for (goal, (status, update)) in answers {
            ops.append(["set", "Goals", try fixture.cell("jppb", goal, "status"), status])
            if !update.isEmpty { ops.append(["set", "Goals", try fixture.cell("jppb", goal, "update"), update]) }
        }
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", ops)
        merged = fixture.merge([file]).0
        let pack = fixture.folder.appendingPathComponent("q1.xlsx")
        try BoardPackExporter(report: merged).write(to: pack)
        book = try XLSXInspector(pack.path)
    }

    @Test func eachGoalShowsItsPreviousStatusWithItsPeriodAndTheChange() throws {
        let rows = try book.sheet("2.1 Accommodation").rows.values
        func previous(_ goal: String) -> String? {
            let text = fixture.report.goal(goal)!.text
            return rows.first { $0.values.contains { $0.text.hasSuffix(text) } }?.values.first { $0.text.contains(" at 2012-13") }?.text
        }
        #expect(previous("ACC-1a") == "Green at 2012-13\n▼ worsened")
        #expect(previous("ACC-1b") == "Red at 2012-13\n▲ improved")
        #expect(previous("ACC-2") == "Green at 2012-13\n► unchanged")
        #expect(previous("ACC-3") == "Red at 2012-13", "no status this quarter, so no change to show")
        let header = try #require(rows.first { $0.values.contains { $0.text == "Goal" } })
        #expect(header.values.contains { $0.text == "Previous" })
    }

    @Test func whatChangedAndDiffNameTheSameMoves() throws {
        let glance = try book.sheet("At a glance").cells.map(\.text)
        #expect(glance.contains("What changed since 2012-13"))
        #expect(glance.contains("Turned Red: Green → Red") && glance.contains("Worsened: Green → Amber") && glance.contains("Improved: Red → Green"))
        let goalsNamed = Set(glance.filter { ["ACC-1a", "ACC-1b", "EE-6", "ACC-2"].contains($0) })
        let diff = try ReportDiff(from: try Examples.report(Examples.kent), to: merged)
        let moved = Set(diff.statusesMoved.filter { $0.change != "unchanged" }.map(\.goal))
        #expect(moved == ["ACC-1a", "ACC-1b", "EE-6"])
        #expect(moved.isSubset(of: goalsNamed), "the page names every goal whose status moved")
        let acc1a = try #require(diff.statusesMoved.first { $0.goal == "ACC-1a" })
        #expect([acc1a.from, acc1a.to, acc1a.change] == ["Green", "Red", "worsened"])
        #expect(diff.text.contains("Status of ACC-1b: Red → Green (improved)"))
    }

    @Test func statusOverTimeColoursEveryRating() throws {
        let sheet = try book.sheet("Status over time")
        let row = try #require(sheet.rows.values.first { $0["A"]?.text == "ACC-1a" })
        let header = try #require(sheet.rows.values.first { $0.values.contains { $0.text == "2012-13" } })
        let was = try #require(header.first { $0.value.text == "2012-13" }?.key), now = try #require(header.first { $0.value.text == "2013-14 Q1" }?.key)
        #expect(row[was]?.text == "Green" && book.style(row[was]!.style).fill == "FF00B050")
        #expect(row[now]?.text == "Red" && book.style(row[now]!.style).fill == "FFC00000")
    }

    @Test func diffComparesFromTheCommandLine() throws {
        let mergedFile = fixture.folder.appendingPathComponent("merged.json")
        try ReportCoding.encode(merged).write(to: mergedFile)
        let result = try boardpack(["diff", Examples.url(Examples.kent).path, mergedFile.path])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("Period: 2012-13 → 2013-14 Q1\nStatus of ACC-1a: Green → Red (worsened)\n"))
        let json = try boardpack(["diff", Examples.url(Examples.kent).path, mergedFile.path, "--json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect((parsed?["statusesMoved"] as? [[String: String]])?.count == 3, "ACC-1a, ACC-1b and EE-6; ACC-2 stayed Green")
        let unrelated = try boardpack(["diff", Examples.url(Examples.kent).path, Examples.url(Examples.kmrob).path])
        #expect(unrelated.status == 2 && unrelated.err.contains("shares no goal with the other report"))
        #expect(try boardpack(["diff", Examples.url(Examples.kent).path, fixture.folder.appendingPathComponent("none.json").path]).status == 2)
    }
}

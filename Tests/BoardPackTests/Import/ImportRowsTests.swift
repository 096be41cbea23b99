import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing
import XLSXReader

/// Rows inserted, deleted, moved or sorted in a board pack, as a person does in LibreOffice:
/// each row is read onto the goal, measure or statistic it shows (by its Ref and wording, its
/// name, its label), never onto whichever one used to sit at its position.
@Suite(.libreOffice) struct ImportRowsTests {
    let scratch = TemporaryFolder()
    static let sheet = "2.2 Education and Employment"

    /// The Kent pack, its report, and where things are on the Education and Employment sheet.
    struct Pack {
        var report: Report
        var file: URL
        var sheet: XLSXInspector.Sheet
        /// Header label → column letter, from the goals table's header.
        var goalColumns: [String: String]

        /// The 1-based row whose Ref cell holds `id`.
        func row(of id: String) throws -> Int {
            let ref = try #require(goalColumns["Ref"])
            return try #require(sheet.rows.first { $0.value[ref]?.text == id }?.key, "the row of \(id)")
        }

        /// The 1-based row whose first cell starts with `text`.
        func row(startingWith text: String) throws -> Int {
            try #require(sheet.rows.first { $0.value["A"]?.text.hasPrefix(text) == true }?.key, "a row starting \(text)")
        }
    }

    func pack() throws -> Pack {
        let (report, file) = try exportedExample(Examples.kent, into: scratch)
        let sheet = try XLSXInspector(file.path).sheet(Self.sheet)
        // The first header, not one repeated as "Goal (continued)" on a later page.
        let header = try #require(sheet.rows.keys.sorted().lazy.compactMap { sheet.rows[$0] }.first { $0.values.contains { $0.text == "Lead Agency" } })
        let columns = Dictionary(header.filter { !$0.value.text.isEmpty }.map { ($0.value.text, $0.key) }, uniquingKeysWith: { a, _ in a })
        return Pack(report: report, file: file, sheet: sheet, goalColumns: columns)
    }

    func edited(_ pack: Pack, _ name: String, _ edits: [Office.Edit]) throws -> URL {
        let output = scratch.file(name)
        try Office.current().fill(pack.file, edits, to: output)
        return output
    }

    /// The problems an import refuses the file with, one line each.
    func refusal(_ file: URL) throws -> [String] {
        do {
            _ = try BoardPackImporter().read(fileAt: file)
        } catch let problems as WorkbookProblems {
            return problems.problems.map(\.description)
        }
        Issue.record("\(file.lastPathComponent) was imported, not refused")
        return []
    }

    @Test func aBlankRowInsertedAboveAGoalShiftsNothing() throws {
        let pack = try pack()
        let ee3 = try pack.row(of: "EE-3"), ee4 = try pack.row(of: "EE-4")
        let status = try #require(pack.goalColumns["Status"])
        // The blank row goes in above EE-3; EE-4, now one row lower, is then rated Red.
        let file = try edited(pack, "inserted.xlsx", [
            .insertRows(sheet: Self.sheet, above: ee3, count: 1),
            .type("Red", sheet: Self.sheet, cell: "\(status)\(ee4 + 1)"),
        ])
        let imported = try BoardPackImporter().read(fileAt: file)
        var expected = pack.report
        expected.themes[1].goals[3].status = "Red"
        #expect(imported.goal("EE-4")?.status == "Red")
        #expect(imported == expected, "every other goal keeps its wording, leads, status and update")
    }

    @Test func aGoalMovedAboveAnotherKeepsItsOwnContent() throws {
        let pack = try pack()
        let file = try edited(pack, "moved.xlsx", [.moveRow(sheet: Self.sheet, row: try pack.row(of: "EE-2"), above: try pack.row(of: "EE-1"))])
        let moved = try XLSXInspector(file.path).sheet(Self.sheet)
        let ref = try #require(pack.goalColumns["Ref"])
        let order = moved.rows.keys.sorted().compactMap { moved.rows[$0]?[ref]?.text }.filter { $0.hasPrefix("EE-") }
        #expect(order.prefix(2) == ["EE-2", "EE-1"], "LibreOffice moved the row")
        #expect(try BoardPackImporter().read(fileAt: file) == pack.report)
    }

    @Test func aDeletedGoalRowIsRefusedNotFilledFromTheKey() throws {
        let pack = try pack()
        let file = try edited(pack, "deleted.xlsx", [.deleteRows(sheet: Self.sheet, from: try pack.row(of: "EE-4"), count: 1)])
        #expect(try refusal(file) == [
            "deleted.xlsx: 2.2 Education and Employment: goal EE-4 has no row in the goals table; put its row back (goals leave the plan through the report, not the pack)"
        ])
    }

    @Test func aNewGoalTypedIntoAnInsertedRowIsRefusedWithItsCell() throws {
        let pack = try pack()
        let ee3 = try pack.row(of: "EE-3")
        let goal = try #require(pack.goalColumns["Goal"]), lead = try #require(pack.goalColumns["Lead Agency"])
        let file = try edited(pack, "new-goal.xlsx", [
            .insertRows(sheet: Self.sheet, above: ee3, count: 1),
            .text("Run a jobs fair for ex-offenders", sheet: Self.sheet, cell: "\(goal)\(ee3)"),
            .text("Jobcentre Plus", sheet: Self.sheet, cell: "\(lead)\(ee3)"),
        ])
        #expect(try refusal(file) == [
            "new-goal.xlsx: 2.2 Education and Employment!\(goal)\(ee3): this row has no Ref and its wording matches no goal of 2.2 Education and Employment; give it its goal's id in the Ref column (new goals are added to the report, not the pack)"
        ])
        // With an id the report does not have, it is refused at its Ref.
        let ref = try #require(pack.goalColumns["Ref"])
        let withID = try edited(pack, "new-id.xlsx", [
            .insertRows(sheet: Self.sheet, above: ee3, count: 1),
            .text("EE-9", sheet: Self.sheet, cell: "\(ref)\(ee3)"),
            .text("Run a jobs fair for ex-offenders", sheet: Self.sheet, cell: "\(goal)\(ee3)"),
        ])
        #expect(try refusal(withID) == [
            "new-id.xlsx: 2.2 Education and Employment!\(ref)\(ee3): \"EE-9\" is not the id of a goal of 2.2 Education and Employment; rows are matched to goals by their Ref, so put the id back (new goals are added to the report, not the pack)"
        ])
    }

    @Test func wordingSortedApartFromItsRefIsRefused() throws {
        // Sorting the Goal column alone swaps the wordings of EE-1 and EE-2 under their ids.
        let pack = try pack()
        let goal = try #require(pack.goalColumns["Goal"]), ref = try #require(pack.goalColumns["Ref"])
        let ee1 = try pack.row(of: "EE-1"), ee2 = try pack.row(of: "EE-2")
        let file = try edited(pack, "sorted.xlsx", [
            .text(try #require(pack.report.goal("EE-2")?.text), sheet: Self.sheet, cell: "\(goal)\(ee1)"),
            .text(try #require(pack.report.goal("EE-1")?.text), sheet: Self.sheet, cell: "\(goal)\(ee2)"),
        ])
        #expect(try refusal(file) == [
            "sorted.xlsx: 2.2 Education and Employment!\(ref)\(ee1): the row of goal EE-1 shows the wording of goal EE-2; its cells were sorted or moved apart from its Ref, so sort the whole table (every column) or undo the move",
            "sorted.xlsx: 2.2 Education and Employment!\(ref)\(ee2): the row of goal EE-2 shows the wording of goal EE-1; its cells were sorted or moved apart from its Ref, so sort the whole table (every column) or undo the move",
            "sorted.xlsx: 2.2 Education and Employment: goal EE-1 has no row in the goals table; put its row back (goals leave the plan through the report, not the pack)",
            "sorted.xlsx: 2.2 Education and Employment: goal EE-2 has no row in the goals table; put its row back (goals leave the plan through the report, not the pack)",
        ])
    }

    @Test func aRewordedGoalIsReadOntoItsRef() throws {
        let pack = try pack()
        let goal = try #require(pack.goalColumns["Goal"])
        let file = try edited(pack, "reworded.xlsx", [
            .text("Increase the number of offenders entering education, training and employment", sheet: Self.sheet, cell: "\(goal)\(try pack.row(of: "EE-2"))")
        ])
        var expected = pack.report
        expected.themes[1].goals[1].text = "Increase the number of offenders entering education, training and employment"
        #expect(try BoardPackImporter().read(fileAt: file) == expected)
    }

    @Test func aFigureTypedWithSeparatorsComesBackAsShown() throws {
        // "14,000" typed over a statistic in Calc is a number shown through "#,##0": it is read
        // as the page shows it, not as "14000" beside the table's "13,635".
        let pack = try pack()
        let statistics = try XLSXInspector(pack.file.path).sheet("Reoffending statistics")
        // Table 1.1's, the first on the sheet.
        let total = try #require(statistics.rows.keys.sorted().first { statistics.rows[$0]?["A"]?.text == "Total offenders" })
        let file = try edited(pack, "typed.xlsx", [.type("14,000", sheet: "Reoffending statistics", cell: "B\(total)")])
        let imported = try BoardPackImporter().read(fileAt: file)
        let row = try #require(imported.statistics.first?.rows.first { $0.label == "Total offenders" })
        #expect(row.values.first??.text == "14,000" && row.values.first??.number == 14000)
    }

    @Test func measureAndStatisticsRowsAreMatchedByNameAndLabel() throws {
        let pack = try pack()
        // The last measure of the Youth Offending group moved to the top of its group, and a
        // statistics row moved above the one before it: each keeps its own figures.
        let last = try pack.row(startingWith: "% of all statutory offenders at termination")
        let first = try pack.row(startingWith: "% of statutory offenders (statutory school age)")
        let statistics = try XLSXInspector(pack.file.path).sheet("Reoffending statistics")
        let average = try #require(statistics.rows.first { $0.value["A"]?.text == "Average number of re-offences" }?.key)
        let file = try edited(pack, "measures-moved.xlsx", [
            .moveRow(sheet: Self.sheet, row: last, above: first),
            .moveRow(sheet: "Reoffending statistics", row: average, above: average - 1),
        ])
        #expect(try BoardPackImporter().read(fileAt: file) == pack.report)

        // A measure typed into a new row is refused with its row, not read as another's figures.
        let added = try edited(pack, "measure-added.xlsx", [
            .insertRows(sheet: Self.sheet, above: first, count: 1),
            .text("% in work six months after", sheet: Self.sheet, cell: "A\(first)"),
            .type("50%", sheet: Self.sheet, cell: "B\(first)"),
        ])
        #expect(try refusal(added) == [
            "measure-added.xlsx: 2.2 Education and Employment!A\(first): \"% in work six months after\" is not a headline measure of 2.2 Education and Employment under Youth Offending Population; measures are matched by their name, so rename it back (new measures are added to the report, not the pack)"
        ])
    }
}

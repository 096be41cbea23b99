import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// What docs/return-layout.md says is tolerated: statuses in any case or as their code, rows
/// moved or inserted, columns added, figures typed as text or written as numbers. The answers
/// reach the merged report as meant, and their provenance names the cells where they now are
/// (found by key with unzip, independently of boardpack's reader).
@Suite(.libreOffice) struct ReturnToleranceTests {
    let fixture: ReturnsFixture

    init() throws { fixture = try ReturnsFixture() }

    /// Each answer's status and update, and where it was read, as `merged` has them.
    func answers(_ merged: Report, _ ids: [String]) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: ids.map { id in
            let goal = merged.goal(id)
            return (id, [goal?.status ?? "-"] + (goal?.update ?? []) + (goal?.returns.last?.source.cells ?? []))
        })
    }

    /// The figure merged for this period, its note and the cells it came from.
    func figure(_ merged: Report, _ id: String) -> [String] {
        guard let (theme, measure) = merged.measure(id), let column = theme.periods.firstIndex(of: ReturnsFixture.period) else { return [] }
        let source = measure.sources.last { $0.period == ReturnsFixture.period }
        return [measure.values[column]?.text ?? "-", source?.note ?? "-"] + (source?.source.cells ?? [])
    }

    @Test func aScriptsRowsMovedOrInsertedAndColumnsAddedAreReadByKey() throws {
        let agency = "iys-kcc"
        func cell(_ id: String, _ field: String) throws -> String { try fixture.cell(agency, id, field) }
        // EE-1's and EE-3's blocks (next to each other) swapped whole: all their rows reversed,
        // then each block's rows put back in order.
        let ee1 = try fixture.block(agency, "EE-1"), ee3 = try fixture.block(agency, "EE-3")
        let swap: [[Any]] = [
            ["reverse_rows", "Goals", ee1.lowerBound, ee3.upperBound],
            ["reverse_rows", "Goals", ee1.lowerBound, ee1.lowerBound + ee3.count - 1],
            ["reverse_rows", "Goals", ee1.lowerBound + ee3.count, ee3.upperBound],
        ]
        let eeRows = try ["EE-M2", "EE-M4"].map { Int(try cell($0, "figure").drop { $0.isLetter })! }
        var ops = try fixture.signed(agency)
        ops += [
            ["set", "Goals", try cell("ACC-3", "status"), "AMBER"], ["set", "Goals", try cell("ACC-3", "update"), "Behind plan."],
            ["set", "Goals", try cell("EE-1", "status"), " r "], ["set", "Goals", try cell("EE-1", "update"), "Not started."],
            ["set", "Goals", try cell("EE-3", "status"), "green"], ["set", "Goals", try cell("EE-6", "status"), "G"],
            ["set", "Measures", try cell("ACC-M3", "figure"), "84%"], ["set", "Measures", try cell("EE-M2", "figure"), "72.5%"],
            ["set", "Measures", try cell("EE-M3", "figure"), 0.61], ["set", "Measures", try cell("EE-M4", "figure"), "Approx. 66%"],
            ["set", "Measures", try cell("EE-M4", "note"), "provisional"],
            // A measure of no known kind (its figures so far "tbc"): the cell's percent format says what it is.
            ["set", "Measures", try cell("SM-M3", "figure"), 0.47, "0%"], ["set", "Measures", try cell("MH-M3", "figure"), "n/a"],
        ]
        // The blocks swapped, rows inserted above the header and a column before everything; the
        // Measures rows of 2.2 sorted the other way round and a column before Value.
        ops += swap + [
            ["insert_rows", "Goals", 2, 2], ["insert_cols", "Goals", 1, 1],
            ["reverse_rows", "Measures", eeRows[0], eeRows[1]], ["insert_cols", "Measures", 5, 1],
        ]
        let file = try fixture.openpyxl(agency, "iys.xlsx", ops)
        func now(_ id: String, _ field: String) throws -> String { try ReturnsFixture.cell(in: file, id, field) }
        #expect(try now("ACC-3", "status") == "C\(Int(try cell("ACC-3", "status").dropFirst())! + 2)", "the form moved one column right and two rows down")
        #expect(fixture.problems(file) == [])
        let (merged, summary) = fixture.merge([file])
        #expect(answers(merged, ["ACC-3", "EE-1", "EE-3", "EE-6"]) == [
            "ACC-3": ["Amber", "Behind plan.", try now("ACC-3", "status"), try now("ACC-3", "update")],
            "EE-1": ["Red", "Not started.", try now("EE-1", "status"), try now("EE-1", "update")],
            "EE-3": ["Green", try now("EE-3", "status"), try now("EE-3", "update")],
            "EE-6": ["Green", try now("EE-6", "status"), try now("EE-6", "update")],
        ])
        for (id, expected) in [("ACC-M3", ["84%", "-"]), ("EE-M2", ["72.5%", "-"]), ("EE-M3", ["61%", "-"]), ("EE-M4", ["Approx. 66%", "provisional"]), ("SM-M3", ["47%", "-"]), ("MH-M3", ["n/a", "-"])] {
            #expect(figure(merged, id) == expected + [try now(id, "figure"), try now(id, "note")], "\(id)")
        }
        #expect(merged.measure("EE-M4")?.1.values.last??.qualifier == "Approx.")
        #expect(summary.isClean)
    }

    @Test func rowsMovedOrInsertedAndColumnsAddedInLibreOfficeAreReadByKey() throws {
        let agency = "kent-probation"
        var edits = try fixture.typed(agency, goals: fixture.answers(agency, [
            "EE-3": ("amber ", "Behind plan."), "EE-4": ("R", "Not started."), "EE-6": ("Green", ""),
        ]), figures: ["ACC-M1": "84%", "EE-M1": "47.5%", "MH-M1": "Approx. 15.5%"])
        let ee3 = try fixture.block(agency, "EE-3"), ee6 = try fixture.block(agency, "EE-6")
        let ee4Update = Int(try fixture.cell(agency, "EE-4", "update").dropFirst())!
        let mh = Int(try fixture.cell(agency, "MH-M1", "figure").drop { $0.isLetter })!
        // As an officer would: unprotect (no password), move EE-3's block below EE-6's, make room
        // above the header and over EE-4's update, add a column; on Measures, a column before Value
        // and a row above MH-M1. Row numbers are those before each change.
        edits += [
            .unprotect(sheet: "Goals"), .moveRows(sheet: "Goals", first: ee3.lowerBound, last: ee3.upperBound, above: ee6.upperBound + 1),
            .insertRows(sheet: "Goals", above: ee4Update - ee3.count, count: 1), .insertRows(sheet: "Goals", above: 3, count: 2),
            .insertColumns(sheet: "Goals", before: "B", count: 1),
            .unprotect(sheet: "Measures"), .insertRows(sheet: "Measures", above: mh, count: 1), .insertColumns(sheet: "Measures", before: "E", count: 1),
        ]
        let file = try fixture.libreOffice(agency, "kp.xlsx", edits)
        func now(_ id: String, _ field: String) throws -> String { try ReturnsFixture.cell(in: file, id, field) }
        let row = { (cell: String) in Int(cell.drop { $0.isLetter })! }
        #expect(try now("EE-3", "status").hasPrefix("C") && row(now("EE-6", "status")) < row(now("EE-3", "status")), "the blocks moved")
        let ee4Status = row(try fixture.cell(agency, "EE-4", "status"))
        #expect(try [now("EE-4", "status"), now("EE-4", "update")] == ["C\(ee4Status - ee3.count + 2)", "C\(ee4Update - ee3.count + 3)"], "rows inserted")
        #expect(fixture.problems(file) == [])
        let (merged, _) = fixture.merge([file])
        #expect(answers(merged, ["EE-3", "EE-4", "EE-6"]) == [
            "EE-3": ["Amber", "Behind plan.", try now("EE-3", "status"), try now("EE-3", "update")],
            "EE-4": ["Red", "Not started.", try now("EE-4", "status"), try now("EE-4", "update")],
            "EE-6": ["Green", try now("EE-6", "status"), try now("EE-6", "update")],
        ])
        for (id, text) in [("ACC-M1", "84%"), ("EE-M1", "47.5%"), ("MH-M1", "Approx. 15.5%")] {
            #expect(figure(merged, id) == [text, "-", try now(id, "figure"), try now(id, "note")], "\(id)")
        }
    }
}

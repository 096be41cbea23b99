import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// A board pack edited in LibreOffice as the secretariat would (cells typed over in place; no rows
/// added or removed), read back with import: each field docs/board-pack.md says is read from the
/// sheets is read, and nothing else changes. Cells are found by what a person reads on the sheet
/// (a goal's wording, a table's header labels), not by row numbers.
@Suite(.libreOffice) struct PackEditTests {
    let scratch = TemporaryFolder()

    /// The Kent 2012-13 pack, edited in Calc: `edits(sheets)` says what to type where.
    func edited(_ edits: (PackSheets) throws -> [Office.Edit]) throws -> (Report, Report) {
        let (report, pack) = try exportedExample(Examples.kent, into: scratch)
        let out = scratch.file("edited.xlsx")
        try Office.current().fill(pack, try edits(PackSheets(try XLSXInspector(pack.path))), to: out)
        return (report, try BoardPackImporter().read(fileAt: out))
    }

    @Test func eachFieldTypedOverInCalcIsReadBack() throws {
        let (report, imported) = try edited { pack in
            let accommodation = try pack.sheet("2.1 Accommodation"), employment = try pack.sheet("2.2 Education and Employment")
            let statistics = try pack.sheet("Reoffending statistics")
            let goal = ["Goal", "Lead Agency"]
            let acc2 = try accommodation.row(startingWith: "Ensure offenders are prioritised properly")
            return [
                .type("Red", sheet: accommodation.name, cell: try accommodation.cell(acc2, "Status", headerWith: goal)),
                .type("Protocol not yet signed.\n\nBack to the board in October.", sheet: accommodation.name, cell: try accommodation.cell(acc2, "Update", headerWith: goal)),
                .type("Local authorities to meet the accommodation needs of young people leaving custody.", sheet: accommodation.name,
                      cell: try accommodation.cell(try accommodation.row(startingWith: "Local authorities to continue"), "Goal", headerWith: goal)),
                // A sub-goal keeps its bullet as the pack shows it.
                .type("• Consider housing benefit changes, so that private rented housing stays safe", sheet: accommodation.name,
                      cell: try accommodation.cell(try accommodation.row(startingWith: "• Considering the implication"), "Goal", headerWith: goal)),
                .type("Jobcentre Plus / Kent Probation", sheet: employment.name,
                      cell: try employment.cell(try employment.row(startingWith: "Increase number of offenders entering"), "Lead Agency", headerWith: goal)),
                .type("85%", sheet: accommodation.name, cell: try accommodation.cell(
                    try accommodation.row(startingWith: "% of statutory offenders in accommodation"), "2012-13", headerWith: ["Headline Measure"])),
                .type("14,000", sheet: statistics.name, cell: try statistics.cell(
                    try statistics.row(startingWith: "Total offenders", below: "1.1 Proven Re-offending of adult offenders in Kent"), "Jan – Dec 2008",
                    headerWith: ["Jan – Dec 2008"])),
            ]
        }
        // The report as it should read, written out field by field.
        var expected = report
        expected.themes[0].goals[1].status = "Red"
        expected.themes[0].goals[1].update = ["Protocol not yet signed.", "Back to the board in October."]
        expected.themes[0].goals[2].text = "Local authorities to meet the accommodation needs of young people leaving custody."
        expected.themes[0].goals[0].subGoals[1].text = "Consider housing benefit changes, so that private rented housing stays safe"
        expected.themes[1].goals[1].leads = ["Jobcentre Plus", "Kent Probation"]
        expected.themes[0].measures[0].values[1] = Value(parsing: "85%")
        expected.statistics[0].rows[0].values[0] = Value(parsing: "14,000")
        #expect(imported.goal("ACC-2")?.id == "ACC-2" && report.themes[1].goals[1].id == "EE-2", "the goals edited are those meant")
        #expect(imported == expected)
    }

    /// Import must read every sheet it promises to: one edit on each theme sheet and on the
    /// statistics sheet, each of which must come back.
    @Test func anEditOnEverySheetImportReadsComesBack() throws {
        let themes = ["2.1 Accommodation", "2.2 Education and Employment", "2.3 Substance Misuse", "2.4 Mental and Physical Health"]
        let kent = try Examples.report(Examples.kent)
        let (report, imported) = try edited { pack in
            var edits: [Office.Edit] = try themes.enumerated().map { t, name in
                let sheet = try pack.sheet(name)
                // The theme's first goal of its own (not a sub-goal) that has a status.
                let goal = kent.themes[t].goals.first { $0.status != nil }!
                let row = try sheet.row(startingWith: String(goal.text.prefix(40)))
                return .type("Edited on \(name).", sheet: name, cell: try sheet.cell(row, "Update", headerWith: ["Goal", "Lead Agency"]))
            }
            let statistics = try pack.sheet("Reoffending statistics")
            let row = try statistics.row(startingWith: "Total offenders", below: "1.3 Local Adult Re-offending in Kent Probation")
            edits.append(.type("16,000", sheet: statistics.name, cell: try statistics.cell(row, "Jan - Dec 2009", headerWith: ["Jan - Dec 2009"])))
            return edits
        }
        var expected = report
        for t in themes.indices {
            let g = expected.themes[t].goals.firstIndex { $0.status != nil }!
            expected.themes[t].goals[g].update = ["Edited on \(themes[t])."]
        }
        let table = expected.statistics.firstIndex { $0.number == "1.3" }!
        expected.statistics[table].rows[0].values[0] = Value(parsing: "16,000")
        #expect(imported == expected)
    }
}

/// A pack's sheets as a person reads them (with unzip, not boardpack's reader).
struct PackSheets {
    let book: XLSXInspector
    init(_ book: XLSXInspector) { self.book = book }

    func sheet(_ name: String) throws -> Sheet { Sheet(name: name, rows: try book.sheet(name).rows) }

    struct Sheet {
        let name: String
        let rows: [Int: [String: XLSXInspector.Sheet.Cell]]

        /// The first row (after `heading`'s, when given) with a cell whose text starts with `text`.
        func row(startingWith text: String, below heading: String? = nil) throws -> Int {
            let after = try heading.map { heading in try #require(rows.keys.sorted().first { rows[$0]!.values.contains { $0.text == heading } }, "\(heading) on \(name)") } ?? 0
            return try #require(rows.keys.sorted().first { $0 > after && rows[$0]!.values.contains { $0.text.hasPrefix(text) } }, "\(text) on \(name)")
        }

        /// The cell of `row` under the label `label`, in the nearest header row above it that
        /// holds every label of `header`.
        func cell(_ row: Int, _ label: String, headerWith header: [String]) throws -> String {
            let headerRow = try #require(rows.keys.sorted(by: >).first { r in
                r < row && header.allSatisfy { label in rows[r]!.values.contains { $0.text == label } }
            }, "a header with \(header) above row \(row) of \(name)")
            let column = try #require(rows[headerRow]!.first { $0.value.text == label }?.key, "\(label) in row \(headerRow) of \(name)")
            return "\(column)\(row)"
        }
    }
}

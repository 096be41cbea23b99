import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Exports the Kent 2012-13 example and reads the workbook's XML back with unzip.
@Suite struct ExportKentTests {
    let report: Report
    let book: XLSXInspector
    let folder: TemporaryFolder

    init() throws {
        report = try Examples.report(Examples.kent)
        folder = TemporaryFolder("export-kent")
        let file = folder.file("board.xlsx")
        try BoardPackExporter(report: report).write(to: file)
        book = try XLSXInspector(file.path)
    }

    /// Each goal's Lead Agency cell, written out by hand: the agencies of the 2012-13 paper by
    /// their canonical names (the paper's "Commissioned Service KCC" for SM-1 is an alias),
    /// co-leads joined with " / " as the paper joins them, "All" as it is.
    static let leads = [
        "ACC-1": "JPPB", "ACC-1a": "JPPB", "ACC-1b": "JPPB", "ACC-1c": "JPPB", "ACC-2": "JPPB", "ACC-3": "Integrated Youth Services (KCC)",
        "EE-1": "Integrated Youth Services (KCC)", "EE-2": "Jobcentre Plus",
        "EE-3": "Kent Probation / Integrated Youth Services (KCC) / Skills Funding Agency", "EE-4": "Kent Probation", "EE-5": "Jobcentre Plus", "EE-6": "All",
        "SM-1": "Commissioned Services KCC", "SM-2": "Commissioned Services KCC", "SM-3": "Commissioned Services KCC", "SM-4": "Commissioned Services KCC",
        "MH-1": "Public Health NHS Kent", "MH-2": "Public Health NHS Kent", "MH-3": "Public Health NHS Kent", "MH-4": "Public Health NHS Kent",
    ]

    static let themeSheets = ["2.1 Accommodation", "2.2 Education and Employment", "2.3 Substance Misuse", "2.4 Mental and Physical Health"]

    /// The columns of a header row, by label ("Goal" → "A").
    func columns(_ row: [String: XLSXInspector.Sheet.Cell]) -> [String: String] {
        Dictionary(row.filter { !$0.value.text.isEmpty }.map { ($0.value.text, $0.key) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func sheetsAreNamedAndOrdered() throws {
        #expect(book.sheetNames == ["Cover", "At a glance", "Summary", "Reoffending statistics"] + Self.themeSheets + ["_figures", "_report"])
        let workbook = try book.part("xl/workbook.xml")
        for hidden in ["_figures", "_report"] {
            #expect(workbook.all("sheet").first { $0["name"] == hidden }?["state"] == "hidden", "\(hidden) is hidden")
        }
    }

    @Test func everyGoalIsInItsThemesGoalsTableWithStatusTextAndFill() throws {
        let fills = ["Red": "FFC00000", "Green": "FF00B050"]
        // Black is the default font colour, which libxlsxwriter writes without an rgb value.
        let fonts: [String: String?] = ["Red": "FFFFFFFF", "Green": nil]
        var seen = 0
        for (theme, sheetName) in zip(report.themes, Self.themeSheets) {
            let rows = try book.sheet(sheetName).rows
            let header = try #require(rows.keys.sorted().first { rows[$0]?.values.contains { $0.text == "Lead Agency" } == true }, "\(sheetName) has a goals header")
            let at = columns(rows[header]!)
            #expect(Set(at.keys) == ["Ref", "Goal", "Lead Agency", "Status", "Update"], "\(sheetName): no column empty throughout, and no history to show yet")
            #expect(at["Ref"] == "A", "\(sheetName): the goal's id comes first")
            var row = header + 1
            for goal in theme.allGoals {
                while rows[row]?[at["Goal"]!]?.text == "Goal (continued)" { row += 1 }
                let isSub = !theme.goals.contains { $0.id == goal.id }
                let goalCell = try #require(rows[row]?[at["Goal"]!], "\(sheetName) row \(row) should hold goal \(goal.id)")
                let expectedText = ([isSub ? "• " + goal.text : goal.text] + goal.notes.map { "Note: \($0)" }).joined(separator: "\n")
                #expect(goalCell.text == expectedText, "\(sheetName) row \(row)")
                #expect(rows[row]?[at["Ref"]!]?.text == goal.id, "\(sheetName) row \(row) names its goal by id")
                #expect(book.style(goalCell.style).indent == (isSub ? 2 : 0), "\(sheetName) row \(row) indent")
                #expect(rows[row]?[at["Lead Agency"]!]?.text == Self.leads[goal.id], "\(sheetName) row \(row)")
                #expect(rows[row]?[at["Update"]!]?.text == goal.update.joined(separator: "\n\n"), "\(sheetName) row \(row)")
                if let status = goal.status {
                    let cell = try #require(rows[row]?[at["Status"]!], "\(sheetName) row \(row) holds a status")
                    #expect(cell.text == status, "\(sheetName) row \(row) text")
                    #expect(book.style(cell.style).fill == fills[status], "\(sheetName) row \(row) fill")
                    #expect(book.style(cell.style).fontColor == fonts[status]!, "\(sheetName) row \(row) font colour")
                    seen += 1
                } else if goal.subGoals.isEmpty {
                    #expect(rows[row]?[at["Status"]!]?.text == "Not rated", "\(sheetName) row \(row): \(goal.id) has no status")
                }
                row += 1
            }
        }
        #expect(seen == 18, "all 18 rated goals were found (MH-3's update says nothing to rate it by)")
    }

    @Test func measuresKeepTheirNumbersAndShowWhatWasTyped() throws {
        let accommodation = try book.sheet("2.1 Accommodation").rows
        let header = try #require(accommodation.first { $0.value["A"]?.text == "Headline Measure" }?.key)
        let at = columns(accommodation[header]!)
        #expect(Set(at.keys) == ["Headline Measure", "2011-12", "2012-13", "Direction of travel", "Supplied by"])
        let cells = accommodation[header + 2]!
        #expect(cells["A"]?.text == "% Medway Young Offenders in suitable accommodation")
        #expect(cells[at["2011-12"]!]?.type == "n" && cells[at["2011-12"]!]?.text == "0.97")
        #expect(book.style(cells[at["2011-12"]!]!.style).numberFormat == #""Approx. "0%"#)
        #expect(cells[at["Direction of travel"]!]?.text == "▲ improving")
        let first = accommodation[header + 1]!
        #expect(first[at["2012-13"]!]?.text == "0.83" && book.style(first[at["2012-13"]!]!.style).numberFormat == "0%")

        let education = try book.sheet("2.2 Education and Employment").rows
        #expect(education.values.contains { $0["A"]?.text == "Youth Offending Population" })
        #expect(education.values.contains { $0["A"]?.text.hasPrefix("% of statutory offenders (statutory school age)") == true && $0.values.contains { $0.text == "▼ worsening" } })

        let substance = try book.sheet("2.3 Substance Misuse").rows
        let tbc = try #require(substance.values.first { $0["A"]?.text == "Medway Young Offenders" })
        #expect(tbc.values.contains { $0.text == "tbc" && $0.type == "s" })

        // The statistics tables share a sheet; each row is found by its label.
        let statsRows = try book.sheet("Reoffending statistics").rows
        let stats = statsRows.keys.sorted().map { statsRows[$0]! }
        let total = try #require(stats.first { $0["A"]?.text == "Total offenders" })
        #expect(total["B"]?.text == "13912" && book.style(total["B"]!.style).numberFormat == "#,##0")
        let proportion = try #require(stats.first { $0["A"]?.text == "Proportion of re-offenders (%)" && $0["B"]?.text == "0.2241" })
        #expect(book.style(proportion["B"]!.style).numberFormat == "0.00%" && book.style(proportion["E"]!.style).numberFormat == "0.0%")
        let average = try #require(stats.first { $0["A"]?.text == "Average number of re-offences" })
        #expect(book.style(average["C"]!.style).numberFormat == "0.00")
        let baseline = try #require(stats.first { $0["A"]?.text == "Difference to baseline (Predicted)" })
        #expect(book.style(baseline["B"]!.style).bold, "significant figures are bold")
        #expect(!book.style(baseline["E"]!.style).bold)
        #expect(stats.contains { $0["A"]?.text == "Source = Ministry of Justice, Local Adult Re-offending (National Indicator 18)" })
        let sharedNote = report.statistics[0].notes[0]
        #expect(stats.filter { $0["A"]?.text == sharedNote }.count == 1, "a note two tables share is printed once")
    }

    @Test func everySheetIsSetUpForPrinting() throws {
        for name in book.sheetNames where !name.hasPrefix("_") {
            let sheet = try book.sheet(name)
            let setup = try #require(sheet.pageSetup, "\(name) has a page set-up")
            #expect(setup["orientation"] == (["Cover", "At a glance"].contains(name) ? "portrait" : "landscape"), "\(name)")
            #expect(setup["paperSize"] == "9", "\(name) prints on A4")
            #expect(sheet.xml.first("pageSetUpPr")?["fitToPage"] == nil && setup["scale"] == nil, "\(name) prints at 100%, never shrunk")
            let footer = try #require(sheet.footer, "\(name) has a footer")
            // The report's dates at its right; the caveats on a line of their own (every section then on two).
            #expect(footer.contains("Page &P of &N") && footer.contains("&R&9Table data - May 2013 / Goals - July 2013\n"), "\(name) footer: \(footer)")
            #expect(footer.contains("&IStatuses illustrative; suppliers of headline figures inferred: see the cover&I"), "\(name) footer: \(footer)")
            #expect(!footer.contains("&D"), "the paper's own date, not the day it is printed")
            #expect(sheet.rows.values.flatMap(\.values).filter { $0.text.contains("\n") }.allSatisfy { book.style($0.style).wrap }, "\(name) wraps what has lines")
        }
        for name in Self.themeSheets {
            #expect(try book.sheet(name).xml.first("pane")?["state"] == "frozen", "\(name) freezes its title rows")
        }
        // A theme running onto a second page breaks between goals, and says the table goes on.
        let accommodation = try book.sheet("2.1 Accommodation")
        let breaks = accommodation.xml.all("brk").compactMap { Int($0["id"] ?? "") }
        #expect(!breaks.isEmpty)
        for brk in breaks {
            #expect(accommodation.rows[brk + 1]?["A"]?.text == "Goal (continued)" || accommodation.rows[brk + 1]?["A"]?.text.isEmpty == false)
        }
    }

    @Test func coverLinksToEverySheet() throws {
        let cover = try book.sheet("Cover")
        let links = cover.xml.all("hyperlink").compactMap { $0["location"] }
        #expect(links == book.sheetNames.dropFirst().filter { !$0.hasPrefix("_") }.map { "'\($0)'!A1" })
        let texts = Set(cover.cells.map(\.text))
        #expect(texts.contains("Rob Jacques (Kent Probation), Leanne Walters (Kent Probation)"))
        #expect(texts.contains("Table data - May 2013 / Goals - July 2013"))
        #expect(texts.contains(report.themesIntroduction.joined(separator: "\n\n")), "the section introduction is printed")
    }

    @Test func summaryCountsStatusesPerThemeAndCharts() throws {
        let rows = try book.sheet("Summary").rows
        let header = try #require(rows.first { $0.value["A"]?.text == "Theme" }?.key)
        let at = columns(rows[header]!)
        #expect(Set(at.keys) == ["Theme", "Red", "Green", "Not rated", "Total"], "no column for what nothing is (MH-3 is not rated)")
        for (i, theme) in report.themes.enumerated() {
            let goals = theme.countedGoals
            let line = rows[header + 1 + i]!
            #expect(line["A"]?.text == theme.heading)
            #expect(line[at["Red"]!]?.text == "\(goals.filter { $0.status == "Red" }.count)")
            #expect(line[at["Green"]!]?.text == "\(goals.filter { $0.status == "Green" }.count)")
            #expect(line[at["Total"]!]?.text == "\(goals.count)")
        }
        #expect(rows[header + 5]?[at["Total"]!]?.text == "19")
        #expect(try book.partNames().contains("xl/charts/chart1.xml"))
    }
}

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

    static let themeSheets = ["2.1 Accommodation", "2.2 Education and Employment", "2.3 Substance Misuse", "2.4 Mental and Physical Health"]

    @Test func sheetsAreNamedAndOrdered() throws {
        #expect(book.sheetNames == ["Cover", "Summary", "1.1 Adult reoffending", "1.2 Juvenile reoffending", "1.3 Local adult reoffending"] + Self.themeSheets + ["_report"])
        let workbook = try book.part("xl/workbook.xml")
        #expect(workbook.all("sheet").first { $0["name"] == "_report" }?["state"] == "hidden", "the embedded report is hidden")
    }

    @Test func everyGoalIsInItsThemesGoalsTableWithStatusTextAndFill() throws {
        let fills = ["Red": "FFC00000", "Green": "FF00B050"]
        // Black is the default font colour, which libxlsxwriter writes without an rgb value.
        let fonts: [String: String?] = ["Red": "FFFFFFFF", "Green": nil]
        var seen = 0
        for (theme, sheetName) in zip(report.themes, Self.themeSheets) {
            let sheet = try book.sheet(sheetName)
            let rows = sheet.rows
            let header = try #require(rows.keys.sorted().first { row in
                ["A", "B", "C", "D"].map { rows[row]?[$0]?.text } == ["Goal", "Lead Agency", "Status", "Update"]
            }, "\(sheetName) has a header row of exactly Goal, Lead Agency, Status, Update")
            #expect(rows[header]?["E"] == nil, "\(sheetName): nothing right of Update in the goals header")

            var row = header + 1
            for goal in theme.allGoals {
                let isSub = !theme.goals.contains { $0.id == goal.id }
                let goalCell = try #require(rows[row]?["A"], "\(sheetName)!A\(row) should hold goal \(goal.id)")
                let expectedText = ([isSub ? "• " + goal.text : goal.text] + goal.notes.map { "Note: \($0)" }).joined(separator: "\n")
                #expect(goalCell.text == expectedText, "\(sheetName)!A\(row)")
                #expect(book.style(goalCell.style).indent == (isSub ? 2 : 0), "\(sheetName)!A\(row) indent")
                let leads = goal.leads.map(report.agencyDirectory.displayName(ofLead:)).joined(separator: " / ")
                #expect(rows[row]?["B"]?.text == leads, "\(sheetName)!B\(row)")
                #expect(rows[row]?["D"]?.text == goal.update.joined(separator: "\n\n"), "\(sheetName)!D\(row)")
                if let status = goal.status {
                    let cell = try #require(rows[row]?["C"], "\(sheetName)!C\(row) holds a status")
                    #expect(cell.text == status, "\(sheetName)!C\(row) text")
                    #expect(book.style(cell.style).fill == fills[status], "\(sheetName)!C\(row) fill")
                    #expect(book.style(cell.style).fontColor == fonts[status]!, "\(sheetName)!C\(row) font colour")
                    seen += 1
                }
                row += 1
            }
        }
        #expect(seen == 19, "all 19 rated goals were found")
    }

    @Test func measuresKeepTheirNumbersAndShowWhatWasTyped() throws {
        let accommodation = try book.sheet("2.1 Accommodation")
        let header = try #require(accommodation.rows.first { $0.value["A"]?.text == "Headline Measure" }?.key)
        #expect(["B", "C", "D"].map { accommodation.rows[header]?[$0]?.text } == ["2011-12", "2012-13", "Direction of travel"])
        let cells = accommodation.rows[header + 2]!
        #expect(cells["A"]?.text == "% Medway Young Offenders in suitable accommodation")
        #expect(cells["B"]?.type == "n" && cells["B"]?.text == "0.97")
        #expect(book.style(cells["B"]!.style).numberFormat == #""Approx. "0%"#)
        #expect(cells["D"]?.text == "▲ improving")
        let first = accommodation.rows[header + 1]!
        #expect(first["C"]?.text == "0.83" && book.style(first["C"]!.style).numberFormat == "0%")

        let education = try book.sheet("2.2 Education and Employment")
        #expect(education.rows.values.contains { $0["A"]?.text == "Youth Offending Population" })
        #expect(education.rows.values.contains { $0["A"]?.text.hasPrefix("% of statutory offenders (statutory school age)") == true && $0["D"]?.text == "▼ worsening" })

        let substance = try book.sheet("2.3 Substance Misuse")
        let tbc = try #require(substance.rows.values.first { $0["A"]?.text == "Medway Young Offenders" })
        #expect(tbc["B"]?.text == "tbc" && tbc["B"]?.type == "s")

        let stats = try book.sheet("1.1 Adult reoffending")
        #expect(stats.cell("B4")?.text == "13912" && book.style(stats.cell("B4")!.style).numberFormat == "#,##0")
        #expect(stats.cell("B6")?.text == "0.2241" && book.style(stats.cell("B6")!.style).numberFormat == "0.00%")
        #expect(book.style(stats.cell("E6")!.style).numberFormat == "0.0%")
        #expect(book.style(stats.cell("C7")!.style).numberFormat == "0.00")
        let local = try book.sheet("1.3 Local adult reoffending")
        #expect(book.style(local.cell("B5")!.style).numberFormat == "0")
        #expect(book.style(local.cell("B7")!.style).bold, "significant figures are bold")
        #expect(!book.style(local.cell("E7")!.style).bold)
        #expect(local.rows.values.contains { $0["A"]?.text == "Source = Ministry of Justice, Local Adult Re-offending (National Indicator 18)" })
    }

    @Test func everySheetIsSetUpForPrinting() throws {
        let workbook = try book.part("xl/workbook.xml")
        let printTitles = workbook.all("definedName").filter { $0["name"] == "_xlnm.Print_Titles" }
        for name in book.sheetNames where name != "_report" {
            let sheet = try book.sheet(name)
            let setup = try #require(sheet.pageSetup, "\(name) has a page set-up")
            #expect(setup["orientation"] == "landscape", "\(name)")
            #expect(setup["paperSize"] == "9", "\(name) prints on A4")
            #expect(setup["fitToWidth"] == nil || setup["fitToWidth"] == "1", "\(name)")
            #expect(setup["fitToHeight"] == "0", "\(name) runs to as many pages as needed")
            #expect(sheet.xml.first("pageSetUpPr")?["fitToPage"] == "1", "\(name) is fitted to the page width")
            let footer = try #require(sheet.footer, "\(name) has a footer")
            #expect(footer.contains("Page &P of &N") && footer.hasSuffix("Table data - May 2013 / Goals - July 2013"), "\(name) footer: \(footer)")
            #expect(!footer.contains("&D"), "the paper's own date, not the day it is printed")
        }
        for name in Self.themeSheets {
            let sheet = try book.sheet(name)
            #expect(sheet.xml.first("pane")?["state"] == "frozen", "\(name) freezes its title rows")
            let header = sheet.rows.first { $0.value["A"]?.text == "Goal" && $0.value["B"]?.text == "Lead Agency" }!.key
            #expect(printTitles.contains { $0.text == "'\(name)'!$\(header):$\(header)" }, "\(name) repeats the goals header on each page")
            #expect(sheet.rows.values.flatMap(\.values).filter { $0.text.contains("\n") }.allSatisfy { book.style($0.style).wrap })
        }
    }

    @Test func coverLinksToEverySheet() throws {
        let cover = try book.sheet("Cover")
        let links = cover.xml.all("hyperlink").compactMap { $0["location"] }
        #expect(links == book.sheetNames.dropFirst().dropLast().map { "'\($0)'!A1" })
        let texts = Set(cover.cells.map(\.text))
        #expect(texts.contains("Rob Jacques (Kent Probation), Leanne Walters (Kent Probation)"))
        #expect(texts.contains("Table data - May 2013 / Goals - July 2013"))
    }

    @Test func summaryCountsStatusesPerThemeAndCharts() throws {
        let summary = try book.sheet("Summary")
        let rows = summary.rows
        let header = try #require(rows.first { $0.value["A"]?.text == "Theme" }?.key)
        #expect(["B", "C", "D", "E"].map { rows[header]?[$0]?.text } == ["Red", "Green", "Not rated", "Total"])
        let expected: [[String]] = report.themes.map { theme in
            let goals = theme.goals.flatMap(\.countedGoals)
            return [theme.heading, "\(goals.filter { $0.status == "Red" }.count)", "\(goals.filter { $0.status == "Green" }.count)", "0", "\(goals.count)"]
        }
        for (i, line) in expected.enumerated() {
            #expect(["A", "B", "C", "D", "E"].map { rows[header + 1 + i]?[$0]?.text ?? "" } == line)
        }
        #expect(rows[header + 5]?["E"]?.text == "19")
        #expect(try book.partNames().contains("xl/charts/chart1.xml"))
    }
}

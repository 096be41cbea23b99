import Foundation
import ReportModel
import XLSXWriter

/// Writes one agency's return workbook (see `ReturnLayout` for the contract).
public struct ReturnTemplate {
    public let report: Report
    public let scope: ReturnScope
    /// The period the return collects figures for ("2013-14 Q1"); the report's own by default.
    public let period: String
    /// When returns are due, as the secretariat words it ("Friday 12 July 2013").
    public let deadline: String?
    public let style: Style

    public init(report: Report, scope: ReturnScope, period: String? = nil, deadline: String? = nil, style: Style = .standard) {
        self.report = report
        self.scope = scope
        self.period = period ?? report.period.label
        self.deadline = deadline
        self.style = style
    }

    /// Whether the return asks for plan-refresh proposals (an end-of-year stock take).
    var asksForProposals: Bool { report.period.kind == .endOfYear }

    /// Writes the workbook atomically to `url`.
    public func write(to url: URL) throws {
        try AtomicFile.write(to: url) { temporary in
            let workbook = try Workbook(path: temporary)
            try build(workbook)
            try workbook.close()
        }
    }

    private func build(_ workbook: Workbook) throws {
        let palette = Palette(style)
        let details: [(String, String)] = [
            (ReturnLayout.Key.report, report.id), (ReturnLayout.Key.period, period),
            (ReturnLayout.Key.agency, scope.agency.id), (ReturnLayout.Key.template, ReturnLayout.templateVersion),
            (ReturnLayout.Key.fingerprint, scope.fingerprint),
        ]
        try workbook.setProperties(
            title: "\(report.title) – return from \(scope.agency.name)", subject: "\(report.board) – \(period)",
            author: report.board, company: report.board, comments: nil)
        for (key, value) in details { try workbook.setCustomProperty(key, value) }

        let instructions = try workbook.addWorksheet(named: ReturnLayout.instructionsSheet)
        try writeInstructions(instructions, palette)
        instructions.activate()
        let goals = try workbook.addWorksheet(named: ReturnLayout.goalsSheet)
        try writeGoals(goals, palette)
        let measures = try workbook.addWorksheet(named: ReturnLayout.measuresSheet)
        try writeMeasures(measures, palette)
        let hidden = try workbook.addWorksheet(named: ReturnLayout.detailsSheet)
        for (row, (key, value)) in details.enumerated() {
            try hidden.write(key, row: row, col: 0)
            try hidden.write(value, row: row, col: 1)
        }
        hidden.protectWithoutPassword()
        hidden.hide()
    }

    /// An input cell: unlocked on the protected sheet, and shaded so people see where to type.
    private func input(_ palette: Palette) -> CellFormat {
        palette.text.with {
            $0.unlocked = true
            $0.fill = style.rgb(style.colours.inputFill)
        }
    }

    // MARK: - Sheets

    private func writeInstructions(_ sheet: Worksheet, _ palette: Palette) throws {
        try sheet.setColumns(0...0, width: 24)
        try sheet.setColumns(1...1, width: 90)
        sheet.hideGridlines()
        try sheet.write("Return to \(report.board)", row: 0, col: 0, format: palette.title)
        var row = 2
        func line(_ label: String, _ text: String) throws {
            try sheet.write(label, row: row, col: 0, format: palette.label)
            try sheet.write(text, row: row, col: 1, format: palette.wrapped)
            try sheet.setRow(row, height: TextHeight.points(for: text, widthInCharacters: 90, fontSize: style.fonts.size))
            row += 1
        }
        try line("Report", report.title)
        try line("Period", period)
        try line("For", scope.agency.name)
        if let deadline { try line("Return by", deadline) }
        var steps = [
            "On the Goals sheet, choose a Status for each goal from the drop-down and write an Update: what has been done this period, and what happens next. A Red or Amber status needs an update explaining it.",
            "On the Measures sheet, enter this period's figure (\(period)) in Value as you would type it (81%, 1,493, tbc, n/a) and add a Note if the figure needs explaining.",
            "Only the shaded cells can be changed. Please do not rename the sheets or change the goal wording; you may sort rows or add columns to the right.",
            "Save the file as .xlsx (Excel, LibreOffice or Google Sheets > Download > Microsoft Excel) and send it back to the secretariat.",
        ]
        if asksForProposals {
            steps.insert("For the plan refresh, choose a Proposal for each goal (Carry forward, Amend or Discharge) and, to amend, write the Proposed Wording.", at: 1)
        }
        try line("What to do", steps.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
        row += 1
        try sheet.write(style.labels.key, row: row, col: 0, format: palette.heading)
        row += 1
        for status in report.scheme.statuses {
            try sheet.write("\(status.name) (\(status.code))", row: row, col: 0, format: palette.status(status))
            try sheet.write(status.description, row: row, col: 1, format: palette.text)
            row += 1
        }
        var setup = PageSettings(report: report, style: style).setup(repeating: nil)
        setup.landscape = false
        try sheet.setUpPrinting(setup)
        sheet.protectWithoutPassword()
    }

    private func writeGoals(_ sheet: Worksheet, _ palette: Palette) throws {
        typealias H = ReturnLayout.Header
        var headers = [H.goalID, H.theme, H.goal, H.leadAgency, H.previousStatus, H.previousUpdate, H.status, H.update]
        var widths: [Double] = [10, 18, 45, 18, 12, 45, 12, 60]
        if asksForProposals {
            headers += [H.proposal, H.proposedWording]
            widths += [16, 45]
        }
        for (col, width) in widths.enumerated() { try sheet.setColumns(col...col, width: width) }
        try sheet.write("Goals led by \(scope.agency.name) – \(period)", row: 0, col: 0, format: palette.title)
        try sheet.write("Fill in the shaded Status and Update cells for each goal.", row: 1, col: 0, format: palette.note)
        let header = ReturnLayout.headerRow
        for (col, text) in headers.enumerated() { try sheet.write(text, row: header, col: col, format: palette.header) }
        let directory = report.agencyDirectory
        var row = header + 1
        for item in scope.goals {
            let goal = item.goal
            let leads = Wording.leads(goal.leads, directory)
            let previous = Wording.paragraphs(goal.update)
            try sheet.write(goal.id, row: row, col: 0, format: palette.text)
            try sheet.write(item.theme.name, row: row, col: 1, format: palette.text)
            try sheet.write(goal.text, row: row, col: 2, format: palette.text)
            try sheet.write(leads, row: row, col: 3, format: palette.text)
            if let name = goal.status, let status = report.scheme.status(matching: name, .exactName) {
                try sheet.write(status.name, row: row, col: 4, format: palette.status(status))
            } else {
                try sheet.writeBlank(row: row, col: 4, format: palette.text)
            }
            try sheet.write(previous, row: row, col: 5, format: palette.text)
            try sheet.writeBlank(row: row, col: 6, format: input(palette).with { $0.horizontal = .center; $0.bold = true })
            try sheet.writeBlank(row: row, col: 7, format: input(palette))
            if asksForProposals {
                try sheet.writeBlank(row: row, col: 8, format: input(palette))
                try sheet.writeBlank(row: row, col: 9, format: input(palette))
            }
            let height = TextHeight.points(
                [(goal.text, widths[2]), (previous, widths[5]), (leads, widths[3]), (item.theme.name, widths[1])], fontSize: style.fonts.size)
            // Leave room to write: at least four lines in the Update cell.
            try sheet.setRow(row, height: max(height, 4 * style.fonts.size * 1.25 + 4))
            row += 1
        }
        if row > header + 1 {
            let rows = (header + 1)...(row - 1)
            let names = report.scheme.statuses.map(\.name)
            try sheet.addDropDown(
                rows: rows, col: 6, values: names, title: "Status",
                message: "Choose one of: \(names.joined(separator: ", ")).")
            for status in report.scheme.statuses {
                try sheet.highlight(rows: rows, col: 6, whenEqualTo: status.name, format: palette.status(status))
            }
            if asksForProposals {
                try sheet.addDropDown(
                    rows: rows, col: 8, values: ReturnLayout.proposalChoices.map(\.label), title: "Proposal",
                    message: "Carry forward, Amend (write the Proposed Wording) or Discharge.")
            }
        }
        sheet.freezePanes(row: header + 1)
        try sheet.setUpPrinting(PageSettings(report: report, style: style).setup(repeating: header...header))
        sheet.protectWithoutPassword()
    }

    private func writeMeasures(_ sheet: Worksheet, _ palette: Palette) throws {
        typealias H = ReturnLayout.Header
        var earlier: [String] = []
        for item in scope.measures {
            for label in item.theme.periods where label != period && !earlier.contains(label) { earlier.append(label) }
        }
        let headers = [H.measureID, H.theme, H.measure] + earlier + [H.value, H.note]
        let widths: [Double] = [12, 18, 55] + earlier.map { _ in 13 } + [14, 40]
        for (col, width) in widths.enumerated() { try sheet.setColumns(col...col, width: width) }
        try sheet.write("Headline measures supplied by \(scope.agency.name)", row: 0, col: 0, format: palette.title)
        try sheet.write("This period:", row: 1, col: 0, format: palette.label)
        try sheet.write(period, row: 1, col: 1, format: palette.label)
        try sheet.write("Enter this period's figure in Value, as you would type it (81%, 1,493, tbc).", row: 1, col: 2, format: palette.note)
        let header = ReturnLayout.headerRow
        for (col, text) in headers.enumerated() { try sheet.write(text, row: header, col: col, format: palette.header) }
        var row = header + 1
        let valueCol = 3 + earlier.count
        for item in scope.measures {
            try sheet.write(item.measure.id, row: row, col: 0, format: palette.text)
            try sheet.write(item.theme.name, row: row, col: 1, format: palette.text)
            try sheet.write(item.measure.name, row: row, col: 2, format: palette.text)
            for (i, label) in earlier.enumerated() {
                let value = item.theme.periods.firstIndex(of: label).flatMap { item.measure.values.indices.contains($0) ? item.measure.values[$0] : nil }
                try ValueCell.write(value, to: sheet, row: row, col: 3 + i, palette: palette)
            }
            try sheet.writeBlank(row: row, col: valueCol, format: input(palette).with { $0.horizontal = .right })
            try sheet.writeBlank(row: row, col: valueCol + 1, format: input(palette))
            try sheet.setRow(row, height: TextHeight.points([(item.measure.name, 55), (item.theme.name, 18)], fontSize: style.fonts.size))
            row += 1
        }
        sheet.freezePanes(row: header + 1)
        try sheet.setUpPrinting(PageSettings(report: report, style: style).setup(repeating: header...header))
        sheet.protectWithoutPassword()
    }
}

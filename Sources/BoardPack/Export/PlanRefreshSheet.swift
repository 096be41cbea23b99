import ReportModel
import XLSXWriter

/// The stock take's proposals in one table, as the plan-refresh paper sets them out: for each
/// theme, its headline measures and goals to carry forward, amend (with the proposed wording)
/// or discharge, and the proposed new goals and themes.
struct PlanRefreshSheet {
    let report: Report
    let agencies: AgencyDirectory
    let palette: Palette

    /// Whether the report proposes anything at all.
    static func applies(to report: Report) -> Bool {
        report.themes.contains { theme in
            theme.proposal != nil || theme.measures.contains { $0.proposal != nil } || theme.allGoals.contains { $0.proposal != nil }
        }
    }

    func write(_ sheet: Worksheet, page: PageSettings) throws {
        let style = palette.style
        let labels = style.labels
        let widths: [Double] = [20, style.widths.goal, style.widths.leadAgency, style.widths.status, style.widths.update]
        for (col, width) in widths.enumerated() { try sheet.setColumns(col...col, width: width) }
        sheet.hideGridlines()
        try sheet.merge(rows: 0...0, cols: 0...4, text: labels.planRefresh, format: palette.title)
        try sheet.setRow(0, height: style.fonts.titleSize * 1.8)
        let header = 2
        for (col, text) in [labels.theme, labels.goal, labels.leadAgency, labels.proposal, labels.proposedWording].enumerated() {
            try sheet.write(text, row: header, col: col, format: palette.header)
        }
        var row = header + 1
        func line(_ theme: Theme, _ text: String, _ leads: [String], _ proposal: Proposal) throws {
            let leadNames = Wording.leads(leads, agencies)
            let wording = [proposal.wording, proposal.note].compactMap { $0 }.joined(separator: "\n\n")
            try sheet.write(theme.name, row: row, col: 0, format: palette.text)
            try sheet.write(text, row: row, col: 1, format: palette.text)
            try sheet.write(leadNames, row: row, col: 2, format: palette.text)
            try sheet.write(proposal.action.label, row: row, col: 3, format: palette.text.with { $0.bold = true })
            try sheet.write(wording, row: row, col: 4, format: palette.text)
            let height = TextHeight.points(
                [(theme.name, widths[0]), (text, widths[1]), (leadNames, widths[2]), (wording, widths[4])], fontSize: style.fonts.size)
            try sheet.setRow(row, height: height)
            row += 1
        }
        for theme in report.themes {
            if let proposal = theme.proposal { try line(theme, "\(labels.theme): \(theme.name)", [], proposal) }
            for measure in theme.measures {
                if let proposal = measure.proposal {
                    try line(theme, "\(labels.headlineMeasure): \(measure.name)", measure.supplier.map { [$0] } ?? [], proposal)
                }
            }
            for goal in theme.allGoals {
                if let proposal = goal.proposal { try line(theme, goal.text, goal.leads, proposal) }
            }
        }
        sheet.freezePanes(row: header + 1)
        try sheet.setUpPrinting(page.setup(repeating: header...header))
    }
}

import ReportModel
import XLSXWriter

/// The first sheet: what the pack is, who wrote it, and links to every other sheet.
struct CoverSheet {
    let report: Report
    let palette: Palette
    let names: BoardPackExporter.SheetPlan

    func write(_ sheet: Worksheet, page: PageSettings) throws {
        let style = palette.style
        let labels = style.labels
        try sheet.setColumns(0...0, width: style.widths.coverLabel)
        try sheet.setColumns(1...1, width: style.widths.coverText)
        sheet.hideGridlines()

        var row = 0
        try sheet.merge(rows: row...row, cols: 0...1, text: report.title, format: palette.title)
        try sheet.setRow(row, height: style.fonts.titleSize * 1.8)
        row += 1
        try sheet.merge(rows: row...row, cols: 0...1, text: report.board, format: palette.heading)
        row += 1
        try sheet.merge(rows: row...row, cols: 0...1, text: PeriodWording.line(report.period), format: palette.subtitle)
        row += 2

        func field(_ label: String, _ value: String?) throws {
            guard let value, !value.isEmpty else { return }
            try sheet.write(label, row: row, col: 0, format: palette.label)
            try sheet.write(value, row: row, col: 1, format: palette.wrapped)
            try sheet.setRow(row, height: TextHeight.points(for: value, widthInCharacters: style.widths.coverText, fontSize: style.fonts.size))
            row += 1
        }
        try field(labels.authors, report.authors.map(authorLine).joined(separator: ", "))
        try field(labels.produced, report.produced.map(\.line).joined(separator: " / "))
        try field(labels.presentedTo, report.audience)
        try field(labels.about, report.description)
        try field(labels.introduction, report.introduction.joined(separator: "\n\n"))
        try field(labels.principles, report.principles.joined(separator: ", "))
        try field(labels.priorityGroups, report.priorityGroups.joined(separator: ", "))
        row += 1

        try sheet.write(labels.contents, row: row, col: 0, format: palette.heading)
        row += 1
        for (name, description) in contents {
            try sheet.writeLink(toSheet: name, text: name, row: row, col: 0, format: palette.link)
            try sheet.write(description, row: row, col: 1, format: palette.wrapped)
            row += 1
        }
        try sheet.setUpPrinting(page.setup(repeating: nil))
    }

    private func authorLine(_ author: Author) -> String {
        author.organisation.map { "\(author.name) (\($0))" } ?? author.name
    }


    private var contents: [(String, String)] {
        var out: [(String, String)] = [(names.summary, palette.style.labels.statusByTheme)]
        for (table, name) in zip(report.statistics, names.statistics) { out.append((name, table.heading)) }
        for (theme, name) in zip(report.themes, names.themes) {
            let goals = Wording.plural(theme.countedGoals.count, "goal")
            let measures = Wording.plural(theme.measures.count, "headline measure")
            out.append((name, "\(theme.heading): \(measures), \(goals)"))
        }
        if let name = names.planRefresh { out.append((name, "Proposals for each goal and measure, and new goals and themes")) }
        return out
    }
}

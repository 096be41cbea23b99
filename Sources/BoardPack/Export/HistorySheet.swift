import ReportModel
import XLSXWriter

/// "Status over time": every goal against every period it was rated in (the latest six), each
/// status coloured as in the goal tables, with the plan refresh's changes beside them.
struct HistorySheet: Styled {
    let report: Report
    let palette: Palette


    /// Whether there is a history to show.
    static func applies(to report: Report) -> Bool { !report.earlierPeriods.isEmpty }

    func write(_ sheet: Worksheet, page: PageSettings) throws {
        let periods = Array((report.earlierPeriods.map(\.period.label) + [report.period.label]).suffix(6))
        let grid = TableGrid([([9, widths.goal] + periods.map { _ in widths.status + 3 }, [1])], total: widths.page)
        try grid.setColumns(on: sheet)
        let goalWidth = grid.widths[1], periodWidth = grid.widths[2]
        sheet.hideGridlines()
        let last = 1 + periods.count
        let pages = PagedSheet(sheet, landscape: true)
        let size = palette.style.fonts.size
        pages.holdWithNext()
        try sheet.merge(rows: 0...0, cols: 0...last, text: labels.statusOverTime, format: palette.title)
        try pages.advance(height: palette.style.fonts.titleSize * 1.8)
        try pages.skip()

        let headers = [labels.goal, ""] + periods
        func header(continued: Bool) throws {
            try sheet.merge(rows: pages.row...pages.row, cols: 0...1, text: continued ? BoardPackLayout.continuedHeader(labels) : labels.goal, format: palette.header)
            for (i, period) in periods.enumerated() {
                try sheet.write(period, row: pages.row, col: 2 + i, format: palette.header.with { $0.horizontal = .center })
            }
            try pages.advance(height: TextHeight.points(periods.map { ($0, periodWidth) }, fontSize: size, bold: true))
        }
        _ = headers
        try header(continued: false)
        for theme in report.themes {
            let goals = theme.countedGoals + theme.dischargedGoals.flatMap(\.leafGoals)
            guard !goals.isEmpty else { continue }
            // A theme's heading row goes with its first goal.
            let first = goals.first.map { TextHeight.points(for: TextHeight.oneLine($0.text, widthInCharacters: goalWidth, fontSize: size), widthInCharacters: goalWidth, fontSize: size) } ?? 18
            if pages.keep(18 + max(first, 18)) { try header(continued: true) }
            try sheet.merge(rows: pages.row...pages.row, cols: 0...last, text: theme.heading, format: palette.group)
            try pages.advance(height: 18)
            for goal in goals {
                let text = TextHeight.oneLine(goal.text, widthInCharacters: goalWidth, fontSize: size)
                let cells = periods.map { cell(goal, $0) }
                let height = max(
                    TextHeight.points(for: text, widthInCharacters: goalWidth, fontSize: size),
                    TextHeight.points(cells.map { ($0.text, periodWidth) }, fontSize: size))
                if pages.keep(height) { try header(continued: true) }
                try sheet.write(goal.id, row: pages.row, col: 0, format: palette.text)
                try sheet.write(text, row: pages.row, col: 1, format: palette.text)
                for (i, cell) in cells.enumerated() {
                    try sheet.write(cell.text, row: pages.row, col: 2 + i, format: cell.format)
                }
                try pages.advance(height: height)
            }
        }
        sheet.freezePanes(row: 3, col: 2)
        try sheet.setUpPrinting(page.setup(runningHead: labels.statusOverTime))
        try pages.finish()
    }

    /// The goal's status in `period`, and what the plan refresh did at its end.
    private func cell(_ goal: Goal, _ period: String) -> (text: String, format: CellFormat) {
        let current = period == report.period.label
        let rating = current ? nil : goal.history.first { $0.period == period }
        let statusName = current ? goal.status : rating?.status
        var lines: [String] = []
        if let statusName { lines.append(statusName) }
        switch rating?.change?.kind {
        case .discharged?: lines.append(labels.dischargedGoals.lowercased())
        case .reworded?: lines.append(labels.rewordedGoals.lowercased())
        case .added?, nil: break
        }
        let status = statusName.flatMap { name in
            report.scheme.status(matching: name, .exactName) ?? StatusScheme.redAmberGreen.status(matching: name, .exactName)
        }
        let format = status.map { palette.status($0).with { $0.wrap = true } } ?? palette.text.with { $0.horizontal = .center }
        return (lines.joined(separator: "\n"), format)
    }
}

import ReportModel
import XLSXWriter

/// Goal statuses counted per theme, as a table and a chart kept on the table's page; a plan
/// refresh's proposals counted per theme; and every headline measure against its target.
struct SummarySheet {
    let report: Report
    let palette: Palette
    let sheetName: String

    private var labels: Style.Labels { palette.style.labels }
    private var widths: Style.Widths { palette.style.widths }
    private var fontSize: Double { palette.style.fonts.size }

    /// A report that rates no goal, proposes nothing and sets no target would print a page
    /// saying only that: it has no summary (the at-a-glance page says no goal is rated).
    static func applies(to report: Report, labels: Style.Labels) -> Bool {
        ThemeSheet.showsStatus(report) || !ProposalCounts.columns(report, labels: labels).isEmpty
            || report.themes.contains { $0.measures.contains { $0.target != nil } }
    }

    func write(_ sheet: Worksheet, page: PageSettings, workbook: Workbook) throws {
        let counts = report.themes.map { StatusCounts($0, in: report) }
        let countColumns = StatusCounts.columns(counts.reduce(StatusCounts(), +), report: report, labels: labels)
        let proposals = ProposalCounts.columns(report, labels: labels)
        let grid = TableGrid([
            ([widths.measure] + countColumns.map { _ in widths.figure }, [0]),
            ([widths.measure] + proposals.map { _ in widths.proposal }, [0]),
            ([widths.measure, widths.leadAgency * 1.5, widths.target, widths.target, widths.goal * 0.8], [0, 4]),
        ], total: widths.page)
        try grid.setColumns(on: sheet)
        sheet.hideGridlines()
        let all = 0...(grid.widths.count - 1)
        let pages = PagedSheet(sheet, landscape: true)
        try TableGrid.write(labels.summary, sheet, row: pages.row, span: all, format: palette.title)
        try pages.advance(height: palette.style.fonts.titleSize * 1.8)

        if ThemeSheet.showsStatus(report) {
            try statuses(pages, spans: grid.spans[0], counts: counts, columns: countColumns, workbook: workbook)
        } else {
            try TableGrid.write(labels.noGoalRated, sheet, row: pages.row, span: all, format: palette.note)
            try pages.advance(height: 18)
            try pages.skip()
        }
        if !proposals.isEmpty { try proposalsTable(pages, spans: grid.spans[1], columns: proposals) }
        try targets(pages, spans: grid.spans[2], grid: grid)
        try sheet.setUpPrinting(page.setup())
        try pages.finish()
    }

    private func row(_ texts: [String], _ pages: PagedSheet, spans: [ClosedRange<Int>], formats: [CellFormat], height: Double) throws {
        for (i, (text, span)) in zip(texts, spans).enumerated() {
            if i > 0, let n = Double(text) {
                if span.count == 1 {
                    try pages.sheet.write(n, row: pages.row, col: span.lowerBound, format: formats[min(i, formats.count - 1)])
                } else {
                    try pages.sheet.merge(rows: pages.row...pages.row, cols: span, number: n, format: formats[min(i, formats.count - 1)])
                }
            } else {
                try TableGrid.write(text, pages.sheet, row: pages.row, span: span, format: formats[min(i, formats.count - 1)])
            }
        }
        try pages.advance(height: height)
    }

    private func statuses(_ pages: PagedSheet, spans: [ClosedRange<Int>], counts: [StatusCounts], columns: [(header: String, count: (StatusCounts) -> Int)], workbook: Workbook) throws {
        let sheet = pages.sheet
        let themes = report.themes.indices.filter { counts[$0].total > 0 }
        let chartRows = 10 + themes.count
        // The table and its chart stay on one page.
        pages.keep(20 + 18 * Double(themes.count + 2) + 15 * Double(chartRows))
        try TableGrid.write(labels.statusByTheme, sheet, row: pages.row, span: spans[0], format: palette.heading)
        try pages.advance(height: 20)
        let headerFormats = [palette.header] + report.scheme.statuses.map { palette.status($0) } + [palette.header]
        try row([labels.theme] + columns.map(\.header), pages, spans: spans, formats: headerFormats, height: 18)
        let number = palette.number.with { $0.numberFormat = "0" }
        let firstRow = pages.row
        for t in themes {
            try row([report.themes[t].heading] + columns.map { String($0.count(counts[t])) }, pages, spans: spans, formats: [palette.text, number], height: 18)
        }
        let lastRow = pages.row - 1
        let total = counts.reduce(StatusCounts(), +)
        try row([labels.total] + columns.map { String($0.count(total)) }, pages, spans: spans, formats: [palette.text.with { $0.bold = true }, number.with { $0.bold = true }], height: 18)
        try pages.skip()

        guard !themes.isEmpty else { return }
        let chart = try Chart(.barStacked, in: workbook)
        chart.setTitle(labels.statusByTheme)
        chart.altText = "\(labels.statusByTheme): " + themes.map { report.themes[$0].name }.joined(separator: ", ")
        chart.setLegendAtBottom()
        chart.setFont(name: palette.style.fonts.name, size: fontSize, titleSize: palette.style.fonts.headingSize)
        for (i, column) in columns.dropLast().enumerated() {
            let status = report.scheme.status(matching: column.header, .exactName)
            let fill = status.map { palette.style.colours(of: $0).fill } ?? 0xFFFFFF
            chart.addSeries(
                name: column.header, sheet: sheetName, categories: (firstRow...lastRow, spans[0].lowerBound),
                values: (firstRow...lastRow, spans[i + 1].lowerBound), fill: fill, border: 0x404040)
        }
        chart.setValueAxis(title: "Goals", minimum: 0, majorUnit: 1)
        // Bars are drawn bottom up: reversed, the chart lists themes in the table's order.
        chart.reverseCategories()
        try sheet.insert(chart, row: pages.row, col: 0, scale: (1.6, Double(chartRows) / 15))
        try pages.skip(chartRows)
    }

    private func proposalsTable(_ pages: PagedSheet, spans: [ClosedRange<Int>], columns: [(header: String, action: Proposal.Action?)]) throws {
        pages.keep(20 + 18 * Double(report.themes.count + 2))
        try TableGrid.write(labels.proposalsByTheme, pages.sheet, row: pages.row, span: spans[0], format: palette.heading)
        try pages.advance(height: 20)
        let formats = [palette.header] + columns.map { $0.action.map { palette.proposal($0) } ?? palette.header }
        try row([labels.theme] + columns.map(\.header), pages, spans: spans, formats: formats, height: 18)
        let number = palette.number.with { $0.numberFormat = "0" }
        var totals = [Int](repeating: 0, count: columns.count)
        for theme in report.themes {
            let counts = columns.map { ProposalCounts.count(theme, $0.action) }
            guard counts.last! > 0 else { continue }
            for (i, n) in counts.enumerated() { totals[i] += n }
            try row([theme.heading] + counts.map(String.init), pages, spans: spans, formats: [palette.text, number], height: 18)
        }
        try row([labels.total] + totals.map(String.init), pages, spans: spans, formats: [palette.text.with { $0.bold = true }, number.with { $0.bold = true }], height: 18)
        try pages.skip()
    }

    private func targets(_ pages: PagedSheet, spans: [ClosedRange<Int>], grid: TableGrid) throws {
        let sheet = pages.sheet
        let targeted = report.themes.flatMap { theme in theme.measures.filter { $0.target != nil }.map { (theme, $0) } }
        // Without targets there is nothing to show here (the at-a-glance page says so).
        guard !targeted.isEmpty else { return }
        pages.keep(60)
        try TableGrid.write(labels.measuresAgainstTarget, sheet, row: pages.row, span: spans[0], format: palette.heading)
        try pages.advance(height: 20)
        try row([labels.headlineMeasure, labels.theme, labels.latest, labels.target, labels.result], pages, spans: spans, formats: [palette.header], height: 18)
        for (theme, measure) in targeted {
            let result = TargetResult(measure)
            let resultText = ([result.label(labels)] + measure.notes).joined(separator: "\n")
            let height = TextHeight.points([(measure.name, grid.width(spans[0])), (theme.name, grid.width(spans[1])), (resultText, grid.width(spans[4]))], fontSize: fontSize)
            pages.keep(height)
            try TableGrid.write(measure.name, sheet, row: pages.row, span: spans[0], format: palette.text)
            try TableGrid.write(theme.name, sheet, row: pages.row, span: spans[1], format: palette.text)
            try ValueCell.write(measure.numbers.last.flatMap { measure.values[$0.period] }, to: sheet, row: pages.row, span: spans[2], palette: palette)
            try ValueCell.write(measure.target?.value, to: sheet, row: pages.row, span: spans[3], palette: palette)
            try TableGrid.write(resultText, sheet, row: pages.row, span: spans[4], format: palette.result(result).with { $0.horizontal = .left; $0.wrap = true })
            try pages.advance(height: height)
        }
    }
}

/// A plan refresh's proposals counted per theme: what the stock take proposes for each goal.
enum ProposalCounts {
    /// The columns: one per action proposed anywhere, then the total; empty when nothing is proposed.
    static func columns(_ report: Report, labels: Style.Labels) -> [(header: String, action: Proposal.Action?)] {
        let used = Set(report.themes.flatMap { $0.allGoals.compactMap(\.proposal?.action) })
        guard !used.isEmpty else { return [] }
        return Proposal.Action.allCases.filter(used.contains).map { ($0.label, $0) } + [(labels.total, nil)]
    }

    /// Goals of `theme` proposed for `action` (or for anything, when nil), counted as the plan
    /// counts them: a goal that reads "to include:-" as its sub-goals.
    static func count(_ theme: Theme, _ action: Proposal.Action?) -> Int {
        theme.goals.flatMap(\.leafGoals).filter { goal in
            let proposal = goal.proposal ?? theme.allGoals.first { $0.subGoals.contains { $0.id == goal.id } }?.proposal
            return action == nil ? proposal != nil : proposal?.action == action
        }.count
    }
}

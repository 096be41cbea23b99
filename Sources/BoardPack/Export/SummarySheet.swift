import ReportModel
import XLSXWriter

/// Goal statuses counted per theme, as a table and a chart kept on the table's page; a plan
/// refresh's proposals counted per theme; and every headline measure against its target.
struct SummarySheet: Styled {
    let report: Report
    let palette: Palette
    let sheetName: String


    /// A summary adds a chart of the statuses, or a plan refresh's proposals counted by theme;
    /// without either it would only repeat the at-a-glance page's counts and targets, so a
    /// report that rates no goal and proposes nothing has none.
    static func applies(to report: Report, labels: Style.Labels) -> Bool {
        ThemeSheet.showsStatus(report) || !ProposalCounts.columns(report, labels: labels).isEmpty
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
        pages.holdWithNext()
        try TableGrid.write(labels.summary, sheet, row: pages.row, span: all, format: palette.title)
        try pages.advance(height: palette.style.fonts.titleSize * 1.8)

        if ThemeSheet.showsStatus(report) {
            try statuses(pages, grid: grid, counts: counts, columns: countColumns, workbook: workbook)
        } else {
            try TableGrid.write(labels.noGoalRated, sheet, row: pages.row, span: all, format: palette.note)
            try pages.advance(height: 18)
            try pages.skip()
        }
        if !proposals.isEmpty { try proposalsTable(pages, grid: grid, columns: proposals) }
        try targets(pages, spans: grid.spans[2], grid: grid)
        try sheet.setUpPrinting(page.setup(runningHead: labels.summary))
        try pages.finish()
    }

    /// A row of cells, as high as its tallest text and no less than 18 points.
    private func row(_ texts: [String], _ pages: PagedSheet, spans: [ClosedRange<Int>], formats: [CellFormat], grid: TableGrid) throws {
        let height = max(18, TextHeight.points(zip(texts, spans).map { ($0, grid.width($1)) }, fontSize: fontSize, bold: formats.contains(where: \.bold)))
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

    private func statuses(_ pages: PagedSheet, grid: TableGrid, counts: [StatusCounts], columns: [(header: String, count: (StatusCounts) -> Int)], workbook: Workbook) throws {
        let sheet = pages.sheet
        let spans = grid.spans[0]
        let themes = report.themes.indices.filter { counts[$0].total > 0 }
        // The table and its chart stay on one page, with the heading above them: the chart is
        // drawn smaller (down to 8 rows) rather than leave the heading a page of its own.
        func height(_ texts: [String], bold: Bool) -> Double {
            max(18, TextHeight.points(zip(texts, spans).map { ($0, grid.width($1)) }, fontSize: fontSize, bold: bold))
        }
        let table = 20 + height([labels.theme] + columns.map(\.header), bold: true)
            + themes.map { height([report.themes[$0].heading], bold: false) }.reduce(0, +) + 18 + PagedSheet.defaultRowHeight
        let room = pages.room >= table + 15 * 8 ? pages.room : pages.pageHeight
        let chartRows = max(8, min(10 + themes.count, Int((room - table) / 15)))
        pages.holdWithNext()
        pages.keep(table + 15 * Double(chartRows))
        try TableGrid.write(labels.statusByTheme, sheet, row: pages.row, span: spans[0], format: palette.heading)
        try pages.advance(height: 20)
        let headerFormats = [palette.header] + report.scheme.statuses.map { palette.status($0) } + [palette.header]
        try row([labels.theme] + columns.map(\.header), pages, spans: spans, formats: headerFormats, grid: grid)
        let number = palette.number.with { $0.numberFormat = "0" }
        let firstRow = pages.row
        for t in themes {
            try row([report.themes[t].heading] + columns.map { String($0.count(counts[t])) }, pages, spans: spans, formats: [palette.text, number], grid: grid)
        }
        let lastRow = pages.row - 1
        let total = counts.reduce(StatusCounts(), +)
        try row([labels.total] + columns.map { String($0.count(total)) }, pages, spans: spans, formats: [palette.text.with { $0.bold = true }, number.with { $0.bold = true }], grid: grid)
        try pages.skip()

        guard !themes.isEmpty else { return }
        let chart = try Chart(.barStacked, in: workbook)
        chart.setTitle(labels.statusByTheme)
        chart.altText = "\(labels.statusByTheme): " + themes.map { report.themes[$0].name }.joined(separator: ", ")
        chart.setLegendAtBottom()
        chart.setFont(name: palette.style.fonts.name, size: fontSize, titleSize: palette.style.fonts.headingSize)
        for (i, column) in columns.dropLast().enumerated() {
            let (fill, hatch) = seriesFill(column.header)
            // Not rated's lines are grey: dark ones on white print nearly black.
            chart.addSeries(
                name: column.header, sheet: sheetName, categories: (firstRow...lastRow, spans[0].lowerBound),
                values: (firstRow...lastRow, spans[i + 1].lowerBound), fill: fill, border: 0x404040, hatch: hatch,
                hatchColour: hatch == .horizontal ? 0x808080 : 0x404040)
        }
        chart.setValueAxis(title: "Goals", minimum: 0, majorUnit: 1)
        // Bars are drawn bottom up: reversed, the chart lists themes in the table's order.
        chart.reverseCategories()
        try sheet.insert(chart, row: pages.row, col: 0, scale: (1.6, Double(chartRows) / 15))
        try pages.skip(chartRows)
    }

    /// A count column's colour in the chart: a status's own; the no-status words their cells'
    /// fills, with a hatch where the fill alone would print as the same grey as a status
    /// (Conflict's orange and Amber), so every bar can be told apart in greyscale too.
    private func seriesFill(_ header: String) -> (fill: UInt32, hatch: Chart.Hatch?) {
        let style = palette.style
        if let status = report.scheme.status(matching: header, .exactName) { return (style.colours(of: status).fill, nil) }
        switch header {
        case labels.noReturn: return (style.rgb(style.colours.noReturnFill), nil)
        case labels.conflict: return (style.rgb(style.colours.conflictFill), .diagonal)
        case labels.notAccepted: return (style.rgb(style.colours.notAcceptedFill), .dots)
        default: return (0xFFFFFF, .horizontal)
        }
    }

    private func proposalsTable(_ pages: PagedSheet, grid: TableGrid, columns: [(header: String, action: Proposal.Action?)]) throws {
        let spans = grid.spans[1]
        pages.keep(20 + 18 * Double(report.themes.count + 2))
        try TableGrid.write(labels.proposalsByTheme, pages.sheet, row: pages.row, span: spans[0], format: palette.heading)
        try pages.advance(height: 20)
        let formats = [palette.header] + columns.map { $0.action.map { palette.proposal($0) } ?? palette.header }
        try row([labels.theme] + columns.map(\.header), pages, spans: spans, formats: formats, grid: grid)
        let number = palette.number.with { $0.numberFormat = "0" }
        var totals = [Int](repeating: 0, count: columns.count)
        for theme in report.themes {
            let counts = columns.map { ProposalCounts.count(theme, $0.action) }
            guard counts.last! > 0 else { continue }
            for (i, n) in counts.enumerated() { totals[i] += n }
            try row([theme.heading] + counts.map(String.init), pages, spans: spans, formats: [palette.text, number], grid: grid)
        }
        try row([labels.total] + totals.map(String.init), pages, spans: spans, formats: [palette.text.with { $0.bold = true }, number.with { $0.bold = true }], grid: grid)
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
        try row([labels.headlineMeasure, labels.theme, labels.latest, labels.target, labels.result], pages, spans: spans, formats: [palette.header], grid: grid)
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

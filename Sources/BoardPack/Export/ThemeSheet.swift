import ReportModel
import XLSXWriter

/// One sheet per theme: its introduction, headline measures (each with its trend, direction of
/// travel and target), goals (each with its status, last period's and the change, the update,
/// and any plan-refresh proposal), the status key, representatives and comments.
///
/// The measures and the goals each have columns of their own (see `TableGrid`); columns empty
/// throughout are left out; rows are sized from their text and pages break between goals, never
/// inside one (see `PagedSheet`). The layout is `BoardPackLayout`'s contract.
struct ThemeSheet {
    let theme: Theme
    let report: Report
    let agencies: AgencyDirectory
    let palette: Palette
    let trends: TrendFigures

    private var labels: Style.Labels { palette.style.labels }
    private var widths: Style.Widths { palette.style.widths }
    private var fontSize: Double { palette.style.fonts.size }

    // MARK: - Which columns

    private enum MeasureColumn: Equatable {
        case name, period(Int), trend, direction, target, supplier, proposal
    }

    /// The periods the measures table shows: the latest five (the sparkline draws those).
    private var shownPeriods: [Int] { Array(theme.periods.indices.suffix(5)) }

    private var measureColumns: [(column: MeasureColumn, header: String, width: Double)] {
        let measures = theme.measures
        var columns: [(MeasureColumn, String, Double)] = [(.name, labels.headlineMeasure, widths.measure)]
        // A figure column is as wide as its widest figure (a number does not wrap).
        columns += shownPeriods.map { p in
            let widest = measures.compactMap { $0.values.indices.contains(p) ? $0.values[p]?.text : nil }
                .map { TextHeight.width(of: $0, fontSize: fontSize, indent: 1) }.max() ?? 0
            return (.period(p), theme.periods[p], max(widths.figure, widest))
        }
        if measures.contains(where: { TrendFigures.worthDrawing(shown($0)) }) { columns.append((.trend, labels.trend, widths.trend)) }
        if measures.contains(where: { Trend($0) != nil }) { columns.append((.direction, labels.directionOfTravel, widths.direction)) }
        if measures.contains(where: { $0.target != nil }) { columns.append((.target, labels.target, widths.target)) }
        if measures.contains(where: { $0.supplier != nil }) { columns.append((.supplier, labels.suppliedBy, widths.leadAgency)) }
        if measures.contains(where: { $0.proposal != nil }) { columns.append((.proposal, labels.proposal, widths.proposal)) }
        return columns
    }

    private func shown(_ measure: Measure) -> [Value?] {
        shownPeriods.map { measure.values.indices.contains($0) ? measure.values[$0] : nil }
    }

    /// Whether the report rates its goals at all: a plan-refresh paper or an update without
    /// ratings has no Status column rather than one saying "Not rated" on every row.
    static func showsStatus(_ report: Report) -> Bool {
        report.collectedReturns || report.themes.contains { theme in
            theme.containsGoal { $0.status != nil || !$0.history.isEmpty || !$0.returns.isEmpty }
        }
    }

    private var goalColumns: [BoardPackLayout.GoalColumn] {
        let rates = Self.showsStatus(report)
        return BoardPackLayout.GoalColumn.allCases.filter { column in
            switch column {
            case .ref, .goal, .lead: true
            case .status: rates
            case .previous: rates && theme.containsGoal { $0.lastRating != nil || $0.history.contains { $0.change != nil } }
            case .update: theme.containsGoal { !$0.update.isEmpty || report.standing(of: $0).isConflict || report.standing(of: $0).isNotAccepted }
            case .proposal: theme.containsGoal { $0.proposal != nil }
            case .wording: theme.containsGoal { !BoardPackLayout.wordingCell($0.proposal).isEmpty }
            }
        }
    }

    private func width(_ column: BoardPackLayout.GoalColumn) -> Double {
        switch column {
        // As wide as the theme's longest id, which never wraps ("KM-ACC-1").
        case .ref: max(widths.ref, theme.allGoals.map { TextHeight.width(of: $0.id, fontSize: fontSize) }.max() ?? 0)
        case .goal: widths.goal
        case .lead: widths.leadAgency
        case .status: widths.status
        case .previous: widths.previous
        case .update: widths.update
        case .proposal: widths.proposal
        case .wording: widths.update * 0.7
        }
    }

    // MARK: - Writing

    func write(_ sheet: Worksheet, page: PageSettings) throws {
        let measureColumns = self.measureColumns
        let goalColumns = self.goalColumns
        let stretchGoals = Set(goalColumns.indices.filter { [.goal, .update, .wording].contains(goalColumns[$0]) })
        let grid = TableGrid([
            (measureColumns.map(\.width), [0]),
            (goalColumns.map(width), stretchGoals),
        ], total: widths.page)
        try grid.setColumns(on: sheet)
        sheet.hideGridlines()
        let all = 0...(grid.widths.count - 1)
        let pages = PagedSheet(sheet, landscape: true)

        let title = palette.title.with { $0.wrap = true }
        try TableGrid.write(theme.heading, sheet, row: pages.row, span: all, format: title)
        try pages.advance(height: max(palette.style.fonts.titleSize * 1.8, TextHeight.points(for: theme.heading, widthInCharacters: widths.page, fontSize: palette.style.fonts.titleSize, bold: true)))
        let subtitle = "\(report.title) – \(report.period.label)"
        try TableGrid.write(subtitle, sheet, row: pages.row, span: all, format: palette.subtitle.with { $0.wrap = true })
        try pages.advance(height: TextHeight.points(for: subtitle, widthInCharacters: widths.page, fontSize: fontSize))
        try pages.skip()
        if let proposal = theme.proposal {
            try paragraphs(["\(proposal.action.label) theme" + (proposal.note.map { ": \($0)" } ?? "")], pages, span: all, format: palette.proposal(proposal.action).with { $0.horizontal = .left; $0.wrap = true })
        }
        try paragraphs(theme.introduction, pages, span: all, format: palette.wrapped)
        if !theme.measures.isEmpty {
            try measures(pages, grid: grid, spans: grid.spans[0], columns: measureColumns)
            try pages.skip()
        }
        let shownWords = try goals(pages, grid: grid, spans: grid.spans[1], columns: goalColumns)
        if goalColumns.contains(.status) { try key(pages, span: all, shownWords: shownWords, grid: grid) }
        try representatives(pages, span: all)
        try comments(pages, span: all)

        sheet.freezePanes(row: 2)
        try sheet.setUpPrinting(page.setup())
        try pages.finish()
    }

    /// Paragraphs across the sheet, each sized to its text.
    private func paragraphs(_ texts: [String], _ pages: PagedSheet, span: ClosedRange<Int>, format: CellFormat) throws {
        for text in texts {
            let height = TextHeight.points(for: text, widthInCharacters: widths.page, fontSize: fontSize, bold: format.bold)
            pages.keep(height)
            try TableGrid.write(text, pages.sheet, row: pages.row, span: span, format: format)
            try pages.advance(height: height)
        }
        if !texts.isEmpty { try pages.skip() }
    }

    // MARK: - Headline measures

    private func measures(_ pages: PagedSheet, grid: TableGrid, spans: [ClosedRange<Int>], columns: [(column: MeasureColumn, header: String, width: Double)]) throws {
        let sheet = pages.sheet
        let headerHeight = TextHeight.points(columns.enumerated().map { ($0.element.header, grid.width(spans[$0.offset])) }, fontSize: fontSize, bold: true)
        let rows = theme.measures.map { measureHeight($0, grid: grid, spans: spans, columns: columns) }
        func header(continued: Bool) throws {
            for (i, column) in columns.enumerated() {
                let right = if case .period = column.column { true } else { false }
                let text = continued && i == 0 ? BoardPackLayout.continued(column.header, labels) : column.header
                try TableGrid.write(text, sheet, row: pages.row, span: spans[i], format: right ? palette.header.with { $0.horizontal = .right; $0.indent = 1 } : palette.header)
            }
            try pages.advance(height: headerHeight)
        }
        // The header stays with the first two rows, and is repeated on each page the table runs onto.
        pages.keep(headerHeight + rows.prefix(2).reduce(0, +))
        try header(continued: false)
        let tableSpan = spans.first!.lowerBound...spans.last!.upperBound
        var currentGroup: String?
        for (m, measure) in theme.measures.enumerated() {
            if let group = measure.group, group != currentGroup {
                if pages.keep(PagedSheet.defaultRowHeight + rows[m]) { try header(continued: true) }
                try TableGrid.write(group, sheet, row: pages.row, span: tableSpan, format: palette.group)
                try pages.advance(height: TextHeight.points(for: group, widthInCharacters: grid.width(tableSpan), fontSize: fontSize, bold: true))
            }
            currentGroup = measure.group
            if pages.keep(rows[m]) { try header(continued: true) }
            let row = pages.row
            for (i, column) in columns.enumerated() {
                let span = spans[i]
                switch column.column {
                case .name:
                    try TableGrid.write(BoardPackLayout.measureCell(measure), sheet, row: row, span: span, format: palette.text.with { $0.indent = measure.group == nil ? 0 : 1 })
                case .period(let p):
                    try ValueCell.write(measure.values.indices.contains(p) ? measure.values[p] : nil, to: sheet, row: row, span: span, palette: palette)
                case .trend:
                    try TableGrid.write("", sheet, row: row, span: span, format: palette.text)
                    if TrendFigures.worthDrawing(shown(measure)) {
                        try trends.draw(shown(measure), in: sheet, row: row, col: span.lowerBound, width: grid.width(span), height: rows[m])
                    }
                case .direction:
                    try TableGrid.write(Trend(measure)?.label(measure, labels) ?? "", sheet, row: row, span: span, format: palette.text.with { $0.horizontal = .center })
                case .target:
                    if let target = measure.target {
                        let result = TargetResult(measure)
                        try TableGrid.write("\(target.value.text): \(result.label(labels))", sheet, row: row, span: span, format: palette.result(result).with { $0.wrap = true })
                    } else {
                        try TableGrid.write("", sheet, row: row, span: span, format: palette.text)
                    }
                case .supplier:
                    try TableGrid.write(measure.supplier.map(agencies.displayName(ofLead:)) ?? "", sheet, row: row, span: span, format: palette.text)
                case .proposal:
                    if let proposal = measure.proposal {
                        try TableGrid.write(proposal.action.label, sheet, row: row, span: span, format: palette.proposal(proposal.action))
                    } else {
                        try TableGrid.write("", sheet, row: row, span: span, format: palette.text)
                    }
                }
            }
            try pages.advance(height: rows[m])
        }
    }

    private func measureHeight(_ measure: Measure, grid: TableGrid, spans: [ClosedRange<Int>], columns: [(column: MeasureColumn, header: String, width: Double)]) -> Double {
        var cells: [(String, Double)] = []
        for (i, column) in columns.enumerated() {
            let width = grid.width(spans[i])
            switch column.column {
            case .name: cells.append((BoardPackLayout.measureCell(measure), width - (measure.group == nil ? 0 : 2)))
            case .target: cells.append((measure.target.map { "\($0.value.text): \(TargetResult(measure).label(labels))" } ?? "", width - 1))
            case .supplier: cells.append((measure.supplier.map(agencies.displayName(ofLead:)) ?? "", width))
            case .direction: cells.append((Trend(measure)?.label(measure, labels) ?? "", width))
            default: break
            }
        }
        // A row with a sparkline is high enough to show its line.
        return max(TextHeight.points(cells, fontSize: fontSize), TrendFigures.worthDrawing(shown(measure)) ? 24 : 18)
    }

    // MARK: - Goals

    /// Writes the goals table; returns the no-status words it showed, for the key.
    private func goals(_ pages: PagedSheet, grid: TableGrid, spans: [ClosedRange<Int>], columns: [BoardPackLayout.GoalColumn]) throws -> Set<String> {
        let sheet = pages.sheet
        let heading = labels.deliveryAgainstGoals
        guard !theme.goals.isEmpty else {
            try TableGrid.write(heading, sheet, row: pages.row, span: spans[0], format: palette.heading)
            try pages.advance(height: 20)
            try TableGrid.write(labels.noGoals, sheet, row: pages.row, span: spans.first!.lowerBound...spans.last!.upperBound, format: palette.note)
            try pages.advance(height: 18)
            return []
        }
        let headers = columns.map { $0.header(labels) }
        let headerHeight = TextHeight.points(columns.indices.map { (headers[$0], grid.width(spans[$0])) }, fontSize: fontSize, bold: true)
        func header(continued: Bool) throws {
            for (i, text) in headers.enumerated() {
                let shown = continued && columns[i] == .goal ? BoardPackLayout.continuedHeader(labels) : text
                try TableGrid.write(shown, sheet, row: pages.row, span: spans[i], format: palette.header)
            }
            try pages.advance(height: headerHeight)
        }
        // Each top-level goal with its sub-goals is one block, never split across pages.
        // Each cell's text is made once, for the row's height and for the cell.
        let blocks = theme.goals.map { goal in
            rows(goal, depth: 0).map { row in
                let texts = columns.map { text($0, of: row) }
                return (row: row, texts: texts, height: height(of: row, texts: texts, columns: columns, grid: grid, spans: spans))
            }
        }
        pages.keep(20 + headerHeight + blocks[0].map(\.height).reduce(0, +))
        try TableGrid.write(heading, sheet, row: pages.row, span: spans[0], format: palette.heading)
        try pages.advance(height: 20)
        try header(continued: false)
        var words = Set<String>()
        for block in blocks {
            if pages.keep(block.map(\.height).reduce(0, +) + headerHeight) { try header(continued: true) }
            for (row, texts, height) in block {
                for (i, column) in columns.enumerated() {
                    if let word = try write(column, of: row, value: texts[i], sheet: sheet, at: pages.row, span: spans[i]) { words.insert(word) }
                }
                try pages.advance(height: height)
            }
        }
        try pages.skip()
        return words
    }

    /// A goal and its sub-goals, in order, with their depth.
    private func rows(_ goal: Goal, depth: Int) -> [(goal: Goal, depth: Int)] {
        [(goal, depth)] + goal.subGoals.flatMap { rows($0, depth: depth + 1) }
    }

    private func text(_ column: BoardPackLayout.GoalColumn, of row: (goal: Goal, depth: Int)) -> String {
        let goal = row.goal
        switch column {
        case .ref: return goal.id
        case .goal: return BoardPackLayout.goalCell(goal, depth: row.depth, labels: labels)
        case .lead: return Wording.leads(goal.leads, agencies)
        case .status: return goal.isTracked ? palette.standing(report.standing(of: goal))?.text ?? "" : ""
        case .previous: return previous(goal)
        case .update:
            var update = Wording.paragraphs(goal.update)
            switch report.standing(of: goal) {
            case .conflict(let said):
                update = BoardPackLayout.conflictLine(said, agencies, labels) + (update.isEmpty ? "" : "\n" + update)
            case .notAccepted(let refused):
                update = (BoardPackLayout.notAcceptedLines(refused, agencies, labels) + (update.isEmpty ? [] : [update])).joined(separator: "\n")
            default: break
            }
            return update
        case .proposal: return goal.proposal?.action.label ?? ""
        case .wording: return BoardPackLayout.wordingCell(goal.proposal)
        }
    }

    /// "Green at 2012-13", then the change in words with an arrow: "▲ improved".
    private func previous(_ goal: Goal) -> String {
        var lines: [String] = []
        if let last = goal.lastRating, let status = last.status {
            lines.append("\(status) at \(last.period)")
        } else if goal.isTracked && goal.subGoals.isEmpty {
            lines.append(labels.notRatedBefore)
        }
        if let (change, _) = report.change(of: goal) {
            switch change {
            case .improved: lines.append("▲ \(labels.improved)")
            case .worsened: lines.append("▼ \(labels.worsened)")
            case .unchanged: lines.append("► \(labels.unchanged)")
            case .new: lines.append("● \(labels.newlyRated)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func height(of row: (goal: Goal, depth: Int), texts: [String], columns: [BoardPackLayout.GoalColumn], grid: TableGrid, spans: [ClosedRange<Int>]) -> Double {
        let lines = columns.enumerated().map { i, column in
            TextHeight.lines(in: texts[i], widthInCharacters: grid.width(spans[i]), fontSize: fontSize,
                             bold: column == .status || column == .proposal, indent: column == .goal ? row.depth * 2 : 0)
        }
        return TextHeight.height(lines: lines.max() ?? 1, fontSize: fontSize)
    }

    /// Writes one cell of a goal's row, `value` being its `text`; returns the no-status word it
    /// showed, if any.
    private func write(_ column: BoardPackLayout.GoalColumn, of row: (goal: Goal, depth: Int), value: String, sheet: Worksheet, at r: Int, span: ClosedRange<Int>) throws -> String? {
        let goal = row.goal
        switch column {
        case .goal:
            try TableGrid.write(value, sheet, row: r, span: span, format: palette.text.with { $0.indent = row.depth * 2 })
        case .status:
            if goal.isTracked, let (shown, format) = palette.standing(report.standing(of: goal)) {
                try TableGrid.write(shown, sheet, row: r, span: span, format: format)
                if case .rated = report.standing(of: goal) { return nil }
                return shown
            }
            try TableGrid.write("", sheet, row: r, span: span, format: palette.text)
        case .proposal:
            try TableGrid.write(value, sheet, row: r, span: span, format: goal.proposal.map { palette.proposal($0.action) } ?? palette.text)
        case .previous:
            try TableGrid.write(value, sheet, row: r, span: span, format: palette.text.with { $0.horizontal = .center })
        case .ref, .lead, .update, .wording:
            try TableGrid.write(value, sheet, row: r, span: span, format: palette.text)
        }
        return nil
    }

    // MARK: - Key, representatives, comments

    private func key(_ pages: PagedSheet, span: ClosedRange<Int>, shownWords: Set<String>, grid: TableGrid) throws {
        let sheet = pages.sheet
        var entries: [(String, String, CellFormat)] = report.scheme.statuses.map { ($0.name, $0.description, palette.status($0)) }
        for (word, description, format) in [
            (labels.noReturn, labels.noReturnDescription, palette.noReturn), (labels.conflict, labels.conflictDescription, palette.conflict),
            (labels.notAccepted, labels.notAcceptedDescription, palette.notAccepted),
            (labels.notRated, labels.notRatedDescription, palette.notRated),
        ] where shownWords.contains(word) {
            entries.append((word, description, format))
        }
        // The status names take the first grid columns wide enough for a Status cell (the
        // first alone may be the narrow Ref column).
        var nameEnd = span.lowerBound
        while nameEnd < span.upperBound - 1 && grid.width(span.lowerBound...nameEnd) < widths.status { nameEnd += 1 }
        let nameSpan = span.lowerBound...nameEnd
        let textSpan = (nameEnd + 1)...span.upperBound
        let rows = entries.map { TextHeight.points(for: $0.1, widthInCharacters: grid.width(textSpan), fontSize: fontSize) }
        pages.keep(20 + rows.reduce(0, +))
        try TableGrid.write(labels.key, sheet, row: pages.row, span: span, format: palette.heading)
        try pages.advance(height: 20)
        for (entry, height) in zip(entries, rows) {
            try TableGrid.write(entry.0, sheet, row: pages.row, span: nameSpan, format: entry.2)
            try TableGrid.write(entry.1, sheet, row: pages.row, span: textSpan, format: palette.text)
            try pages.advance(height: height)
        }
        try pages.skip()
    }

    private func representatives(_ pages: PagedSheet, span: ClosedRange<Int>) throws {
        guard !theme.representatives.isEmpty else { return }
        pages.keep(20 + Double(theme.representatives.count) * 18)
        try TableGrid.write(labels.representatives, pages.sheet, row: pages.row, span: span, format: palette.heading)
        try pages.advance(height: 20)
        for rep in theme.representatives {
            let line = "\(agencies.displayName(ofLead: rep.agency)) – \(rep.name)"
            try TableGrid.write(line, pages.sheet, row: pages.row, span: span, format: palette.wrapped)
            try pages.advance(height: TextHeight.points(for: line, widthInCharacters: widths.page, fontSize: fontSize))
        }
        try pages.skip()
    }

    /// The comments, when there are any (a heading saying "None." would only cost paper).
    private func comments(_ pages: PagedSheet, span: ClosedRange<Int>) throws {
        guard let first = theme.comments.first else { return }
        pages.keep(20 + TextHeight.points(for: first, widthInCharacters: widths.page, fontSize: fontSize))
        try TableGrid.write(labels.comments, pages.sheet, row: pages.row, span: span, format: palette.heading)
        try pages.advance(height: 20)
        try paragraphs(theme.comments, pages, span: span, format: palette.wrapped)
    }
}

extension Standing {
    var isConflict: Bool { if case .conflict = self { true } else { false } }
    var isNotAccepted: Bool { if case .notAccepted = self { true } else { false } }
}

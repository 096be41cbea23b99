import ReportModel
import XLSXWriter

/// A theme's pages: its introduction, headline measures (each with its trend, direction of
/// travel and target), goals (each with its status, last period's and the change, the update,
/// and any plan-refresh proposal), the status key, representatives and comments.
///
/// The measures and the goals each have columns of their own (see `TableGrid`); columns empty
/// throughout are left out; rows are sized from their text and pages break between goals, never
/// inside one (see `PagedSheet`). A theme has a sheet of its own unless it is short enough to
/// share a page with the next (`ThemePages`). The layout is `BoardPackLayout`'s contract.
struct ThemeSheet: Styled {
    let theme: Theme
    let report: Report
    let agencies: AgencyDirectory
    let palette: Palette
    let trends: TrendFigures


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
            // ...and as its period's label, right-aligned as the figures are.
            let label = TextHeight.width(of: theme.periods[p], fontSize: fontSize, bold: true, indent: 1)
            return (.period(p), theme.periods[p], max(widths.figure, widest, label))
        }
        if measures.contains(where: { TrendFigures.worthDrawing(drawn($0)) }) { columns.append((.trend, labels.trend, widths.trend)) }
        if measures.contains(where: { Trend($0, periods: theme.periods) != nil }) { columns.append((.direction, labels.directionOfTravel, widths.direction)) }
        if measures.contains(where: { $0.target != nil }) { columns.append((.target, labels.target, widths.target)) }
        if measures.contains(where: { $0.supplier != nil }) { columns.append((.supplier, labels.suppliedBy, widths.leadAgency)) }
        if measures.contains(where: { $0.proposal != nil }) { columns.append((.proposal, labels.proposal, widths.proposal)) }
        return columns
    }

    private func shown(_ measure: Measure) -> [Value?] {
        shownPeriods.map { measure.values.indices.contains($0) ? measure.values[$0] : nil }
    }

    /// What a measure's sparkline joins: its shown figures of periods as long as its latest.
    private func drawn(_ measure: Measure) -> [Value?] {
        TrendFigures.drawn(shown(measure), periods: shownPeriods.map { theme.periods[$0] })
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

    /// The columns of the theme's two tables, its headline measures and its goals, for the grid
    /// of the sheet it is written on (`ThemePages`), in that order.
    var tables: [(widths: [Double], stretch: Set<Int>)] {
        let goalColumns = self.goalColumns
        let stretchGoals = Set(goalColumns.indices.filter { [.goal, .update, .wording].contains(goalColumns[$0]) })
        return [(measureColumns.map(\.width), [0]), (goalColumns.map(width), stretchGoals)]
    }

    /// Rows the theme takes at the least: a page holds no more than this many of them.
    var leastRows: Int { theme.allGoals.count + theme.measures.count }

    /// Writes the theme from the current row of `pages`, its tables on the columns `spans` gives
    /// them in `grid` (as `tables` lists them).
    func write(_ pages: PagedSheet, grid: TableGrid, spans: [[ClosedRange<Int>]]) throws {
        let measureColumns = self.measureColumns
        let goalColumns = self.goalColumns
        let all = 0...(grid.widths.count - 1)
        let title = palette.title.with { $0.wrap = true }
        // The title stays with what follows it: the page it heads is never left with it alone.
        pages.holdWithNext()
        try pages.write(theme.heading, span: all, format: title)
        try pages.advance(height: max(palette.style.fonts.titleSize * 1.8, TextHeight.points(for: theme.heading, widthInCharacters: widths.page, fontSize: palette.style.fonts.titleSize, bold: true)))
        let subtitle = "\(report.title) – \(report.period.label)"
        try pages.write(subtitle, span: all, format: palette.subtitle.with { $0.wrap = true })
        try pages.advance(height: TextHeight.points(for: subtitle, widthInCharacters: widths.page, fontSize: fontSize))
        try pages.skip()
        if let proposal = theme.proposal {
            try paragraphs(["\(proposal.action.label) theme" + (proposal.note.map { ": \($0)" } ?? "")], pages, span: all, width: grid.width(all), format: palette.proposal(proposal.action).with { $0.horizontal = .left; $0.wrap = true })
        }
        try paragraphs(theme.introduction, pages, span: all, width: grid.width(all), format: palette.wrapped)
        if !theme.measures.isEmpty {
            try measures(pages, grid: grid, spans: spans[0], columns: measureColumns)
            try pages.skip()
        }
        // The key and the representatives belong with the goals table: its last goal goes to the
        // next page with them rather than leave them a page of their own.
        let key = goalColumns.contains(.status) ? keyEntries(span: all, grid: grid) : nil
        let representatives = representativeLines(width: grid.width(all))
        let trailer = (key.map { 20 + $0.rows.map(\.height).reduce(0, +) + PagedSheet.defaultRowHeight } ?? 0)
            + (representatives.isEmpty ? 0 : 20 + representatives.map(\.height).reduce(0, +))
        try goals(pages, grid: grid, spans: spans[1], columns: goalColumns, trailer: trailer)
        if let key { try write(key, pages) }
        try write(representatives, pages, span: all)
        try comments(pages, span: all, width: grid.width(all))
    }

    /// Paragraphs across the sheet, each sized to its text.
    private func paragraphs(_ texts: [String], _ pages: PagedSheet, span: ClosedRange<Int>, width: Double, format: CellFormat) throws {
        for text in texts {
            let height = TextHeight.points(for: text, widthInCharacters: width, fontSize: fontSize, bold: format.bold)
            pages.keep(height)
            try pages.write(text, span: span, format: format)
            try pages.advance(height: height)
        }
        if !texts.isEmpty { try pages.skip() }
    }

    // MARK: - Headline measures

    private func measures(_ pages: PagedSheet, grid: TableGrid, spans: [ClosedRange<Int>], columns: [(column: MeasureColumn, header: String, width: Double)]) throws {
        let headerHeight = TextHeight.points(columns.enumerated().map { ($0.element.header, grid.width(spans[$0.offset])) }, fontSize: fontSize, bold: true)
        let rows = theme.measures.map { measureHeight($0, grid: grid, spans: spans, columns: columns) }
        // The table's lines share a scale for each kind of figure, so their slopes compare.
        let scales = TrendFigures.scales(theme.measures.map(drawn))
        func header(continued: Bool) throws {
            for (i, column) in columns.enumerated() {
                let right = if case .period = column.column { true } else { false }
                let text = continued && i == 0 ? BoardPackLayout.continued(column.header, labels) : column.header
                try pages.write(text, span: spans[i], format: right ? palette.header.with { $0.horizontal = .right; $0.indent = 1 } : palette.header)
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
                try pages.write(group, span: tableSpan, format: palette.group)
                try pages.advance(height: TextHeight.points(for: group, widthInCharacters: grid.width(tableSpan), fontSize: fontSize, bold: true))
            }
            currentGroup = measure.group
            if pages.keep(rows[m]) { try header(continued: true) }
            let row = pages.row
            for (i, column) in columns.enumerated() {
                let span = spans[i]
                switch column.column {
                case .name:
                    try pages.write(BoardPackLayout.measureCell(measure), span: span, format: palette.text.with { $0.indent = measure.group == nil ? 0 : 1 })
                case .period(let p):
                    if let sheet = pages.target {
                        try ValueCell.write(measure.values.indices.contains(p) ? measure.values[p] : nil, to: sheet, row: row, span: span, palette: palette)
                    }
                case .trend:
                    try pages.write("", span: span, format: palette.text)
                    if let scale = scales[m], let sheet = pages.target {
                        try trends.draw(drawn(measure), in: sheet, row: row, col: span.lowerBound, width: grid.width(span), height: rows[m], scale: scale)
                    }
                case .direction:
                    try pages.write(Trend(measure, periods: theme.periods)?.label(measure, labels) ?? "", span: span, format: palette.text.with { $0.horizontal = .center; $0.wrap = true })
                case .target:
                    if measure.target != nil {
                        try pages.write(TargetResult.cell(measure, labels), span: span, format: palette.result(TargetResult(measure)).with { $0.wrap = true })
                    } else {
                        try pages.write("", span: span, format: palette.text)
                    }
                case .supplier:
                    try pages.write(measure.supplier.map(agencies.displayName(ofLead:)) ?? "", span: span, format: palette.text)
                case .proposal:
                    if let proposal = measure.proposal {
                        try pages.write(proposal.action.label, span: span, format: palette.proposal(proposal.action))
                    } else {
                        try pages.write("", span: span, format: palette.text)
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
            case .target: cells.append((TargetResult.cell(measure, labels), width - 1))
            case .supplier: cells.append((measure.supplier.map(agencies.displayName(ofLead:)) ?? "", width))
            case .direction: cells.append((Trend(measure, periods: theme.periods)?.label(measure, labels) ?? "", width))
            default: break
            }
        }
        // A row with a sparkline is high enough to show its line.
        return max(TextHeight.points(cells, fontSize: fontSize), TrendFigures.worthDrawing(drawn(measure)) ? 24 : 18)
    }

    // MARK: - Goals

    /// Writes the goals table, each goal with its sub-goals kept on one page (a block taller than
    /// a page breaks between its rows, never leaving a goal without its first sub-goal, the
    /// header repeated); the last block is kept with `trailer` points of what follows the table.
    private func goals(_ pages: PagedSheet, grid: TableGrid, spans: [ClosedRange<Int>], columns: [BoardPackLayout.GoalColumn], trailer: Double) throws {
        let heading = labels.deliveryAgainstGoals
        pages.holdWithNext()
        guard !theme.goals.isEmpty else {
            try pages.write(heading, span: spans[0], format: palette.heading)
            try pages.advance(height: 20)
            pages.keep(18)
            try pages.write(labels.noGoals, span: spans.first!.lowerBound...spans.last!.upperBound, format: palette.note)
            try pages.advance(height: 18)
            return
        }
        let headers = columns.map { $0.header(labels) }
        let headerHeight = TextHeight.points(columns.indices.map { (headers[$0], grid.width(spans[$0])) }, fontSize: fontSize, bold: true)
        func header(continued: Bool) throws {
            for (i, text) in headers.enumerated() {
                let shown = continued && columns[i] == .goal ? BoardPackLayout.continuedHeader(labels) : text
                try pages.write(shown, span: spans[i], format: palette.header)
            }
            try pages.advance(height: headerHeight)
        }
        // Each cell's text is made once, for the row's height and for the cell.
        let blocks = theme.goals.map { goal in
            rows(goal, depth: 0).map { row in
                let texts = columns.map { text($0, of: row) }
                return (row: row, texts: texts, height: height(of: row, texts: texts, columns: columns, grid: grid, spans: spans))
            }
        }
        try pages.write(heading, span: spans[0], format: palette.heading)
        try pages.advance(height: 20)
        try header(continued: false)
        for (b, block) in blocks.enumerated() {
            let whole = block.map(\.height).reduce(0, +)
            let last = b == blocks.count - 1 && whole + headerHeight + trailer <= pages.pageHeight
            if pages.keep(whole + headerHeight + (last ? trailer : 0)) { try header(continued: true) }
            for (r, (row, texts, height)) in block.enumerated() {
                // Within a block taller than a page: a goal with sub-goals keeps its first.
                let next = r + 1 < block.count && block[r + 1].row.depth > row.depth ? block[r + 1].height : 0
                if r > 0 && pages.keep(height + next) { try header(continued: true) }
                for (i, column) in columns.enumerated() {
                    try write(column, of: row, value: texts[i], pages, span: spans[i])
                }
                try pages.advance(height: height)
            }
        }
        try pages.skip()
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

    /// Writes one cell of a goal's row, `value` being its `text`.
    private func write(_ column: BoardPackLayout.GoalColumn, of row: (goal: Goal, depth: Int), value: String, _ pages: PagedSheet, span: ClosedRange<Int>) throws {
        let goal = row.goal
        switch column {
        case .goal:
            try pages.write(value, span: span, format: palette.text.with { $0.indent = row.depth * 2 })
        case .status:
            if goal.isTracked, let (shown, format) = palette.standing(report.standing(of: goal)) {
                try pages.write(shown, span: span, format: format)
            } else {
                try pages.write("", span: span, format: palette.text)
            }
        case .proposal:
            try pages.write(value, span: span, format: goal.proposal.map { palette.proposal($0.action) } ?? palette.text)
        case .previous:
            try pages.write(value, span: span, format: palette.text.with { $0.horizontal = .center })
        case .ref, .lead, .update, .wording:
            try pages.write(value, span: span, format: palette.text)
        }
    }

    // MARK: - Key, representatives, comments

    /// The key: each status of the scheme, and each word the goals table shows instead of one.
    private struct Key {
        var nameSpan: ClosedRange<Int>
        var textSpan: ClosedRange<Int>
        var span: ClosedRange<Int>
        var rows: [(name: String, description: String, format: CellFormat, height: Double)]
    }

    private func keyEntries(span: ClosedRange<Int>, grid: TableGrid) -> Key {
        // The words the Status cells show instead of a status (as `write` shows them).
        let shown = Set(theme.allGoals.filter(\.isTracked).compactMap { goal -> String? in
            let standing = report.standing(of: goal)
            if case .rated = standing { return nil }
            return palette.standing(standing)?.text
        })
        var entries: [(String, String, CellFormat)] = report.scheme.statuses.map { ($0.name, $0.description, palette.status($0)) }
        for (word, description, format) in [
            (labels.noReturn, labels.noReturnDescription, palette.noReturn), (labels.conflict, labels.conflictDescription, palette.conflict),
            (labels.notAccepted, labels.notAcceptedDescription, palette.notAccepted),
            (labels.notRated, labels.notRatedDescription, palette.notRated),
        ] where shown.contains(word) {
            entries.append((word, description, format))
        }
        // The status names take the first grid columns wide enough for a Status cell (the
        // first alone may be the narrow Ref column).
        var nameEnd = span.lowerBound
        while nameEnd < span.upperBound - 1 && grid.width(span.lowerBound...nameEnd) < widths.status { nameEnd += 1 }
        let nameSpan = span.lowerBound...nameEnd
        let textSpan = (nameEnd + 1)...span.upperBound
        let rows = entries.map { entry in
            (entry.0, entry.1, entry.2, max(
                TextHeight.points(for: entry.1, widthInCharacters: grid.width(textSpan), fontSize: fontSize),
                TextHeight.points(for: entry.0, widthInCharacters: grid.width(nameSpan), fontSize: fontSize, bold: true)))
        }
        return Key(nameSpan: nameSpan, textSpan: textSpan, span: span, rows: rows)
    }

    private func write(_ key: Key, _ pages: PagedSheet) throws {
        pages.holdWithNext()
        try pages.write(labels.key, span: key.span, format: palette.heading)
        try pages.advance(height: 20)
        pages.keep(key.rows.map(\.height).reduce(0, +))
        for entry in key.rows {
            try pages.write(entry.name, span: key.nameSpan, format: entry.format)
            try pages.write(entry.description, span: key.textSpan, format: palette.text)
            try pages.advance(height: entry.height)
        }
        try pages.skip()
    }

    /// "JPPB – John Littlemore": each representative's line and its height.
    private func representativeLines(width: Double) -> [(text: String, height: Double)] {
        theme.representatives.map { rep in
            let line = "\(agencies.displayName(ofLead: rep.agency)) – \(rep.name)"
            return (line, TextHeight.points(for: line, widthInCharacters: width, fontSize: fontSize))
        }
    }

    private func write(_ lines: [(text: String, height: Double)], _ pages: PagedSheet, span: ClosedRange<Int>) throws {
        guard !lines.isEmpty else { return }
        pages.holdWithNext()
        try pages.write(labels.representatives, span: span, format: palette.heading)
        try pages.advance(height: 20)
        pages.keep(lines.map(\.height).reduce(0, +))
        for line in lines {
            try pages.write(line.text, span: span, format: palette.wrapped)
            try pages.advance(height: line.height)
        }
        try pages.skip()
    }

    /// The comments, when there are any (a heading saying "None." would only cost paper).
    private func comments(_ pages: PagedSheet, span: ClosedRange<Int>, width: Double) throws {
        guard !theme.comments.isEmpty else { return }
        pages.holdWithNext()
        try pages.write(labels.comments, span: span, format: palette.heading)
        try pages.advance(height: 20)
        try paragraphs(theme.comments, pages, span: span, width: width, format: palette.wrapped)
    }
}

extension Standing {
    var isConflict: Bool { if case .conflict = self { true } else { false } }
    var isNotAccepted: Bool { if case .notAccepted = self { true } else { false } }
}

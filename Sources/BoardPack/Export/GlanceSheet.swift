import ReportModel
import XLSXWriter

/// One page after the cover for the board member with five minutes: what the report asks of the
/// board, what to read it with care for, how many returns came in, goal statuses by theme, every
/// goal that needs the board's attention (its wording and the first sentence of its update),
/// what changed since the last period, and the headline figures (previous → latest) against
/// their targets. A report that rates nothing lists its objectives and key figures instead.
/// Printed portrait: a list reads down a page, and a portrait page holds half as many lines again.
struct GlanceSheet: Styled {
    let report: Report
    let palette: Palette
    /// Built once: a directory per goal line cost a fifth of a large pack's export.
    let agencies: AgencyDirectory


    func write(_ sheet: Worksheet, page: PageSettings) throws {
        let figureColumns = self.figureColumns
        let notCompared = notComparedLine(columns: figureColumns)
        let counts = report.themes.map { StatusCounts($0, in: report) }
        let countColumns = StatusCounts.columns(counts.reduce(StatusCounts(), +), report: report, labels: labels)
        let total = widths.coverLabel + widths.coverText
        // A count's column and the attention list's first are as wide as their words ("Not accepted").
        let countWidths = countColumns.map { max(8, TextHeight.width(of: $0.header, fontSize: fontSize, bold: true)) }
        let first = max(widths.status, TextHeight.width(of: labels.notAccepted, fontSize: fontSize, bold: true))
        let ids = max(8, report.themes.flatMap(\.allGoals).map { TextHeight.width(of: $0.id, fontSize: fontSize) }.max() ?? 0)
        let grid = TableGrid([
            ([widths.goal] + countWidths, [0]),
            ([first, ids, widths.goal, widths.leadAgency], [2]),
            ([first + ids, widths.goal, widths.leadAgency], [1]),
            (figureColumns.map { width($0, wideFigures: notCompared != nil) }, Set(figureColumns.indices.filter { [.name, .note].contains(figureColumns[$0]) })),
        ], total: total, landscape: false)
        try grid.setColumns(on: sheet)
        sheet.hideGridlines()
        let all = 0...(grid.widths.count - 1)
        let pages = PagedSheet(sheet, landscape: false)

        let title = "\(labels.atAGlance) – \(report.period.label)"
        pages.holdWithNext()
        try TableGrid.write(title, sheet, row: pages.row, span: all, format: palette.title)
        try pages.advance(height: palette.style.fonts.titleSize * 1.8)

        try caveats(pages, span: all, grid: grid)
        try decisions(pages, grid: grid)
        try returns(pages, grid: grid)
        let rates = ThemeSheet.showsStatus(report)
        if rates {
            try heading(labels.statusByTheme, pages, span: all)
            let spans = grid.spans[0]
            try row([labels.theme] + countColumns.map(\.header), pages, spans: spans, format: palette.header, grid: grid)
            for (theme, count) in zip(report.themes, counts) where count.total > 0 {
                try row([theme.heading] + countColumns.map { String($0.count(count)) }, pages, spans: spans, format: palette.text, grid: grid)
            }
            try pages.skip()
            try attention(pages, grid: grid)
        } else if ProposalCounts.columns(report, labels: labels).isEmpty {
            try objectives(pages, grid: grid)
        } else {
            try TableGrid.write(labels.noGoalRated, sheet, row: pages.row, span: all, format: palette.note)
            try pages.advance(height: 18)
            try pages.skip()
        }
        if let last = report.earlierPeriods.last?.period.label { try changes(since: last, pages, grid: grid) }
        try proposals(pages, grid: grid)
        try measures(pages, grid: grid, columns: figureColumns, notCompared: notCompared, keyFigures: !rates)
        try sheet.setUpPrinting(page.setup(runningHead: title))
        try pages.finish()
    }

    // MARK: - Before the statuses

    /// The report's caveats, each with why, before anything they qualify.
    private func caveats(_ pages: PagedSheet, span: ClosedRange<Int>, grid: TableGrid) throws {
        guard !report.caveats.isEmpty else { return }
        try heading(labels.caveats, pages, span: span)
        for caveat in report.caveats {
            let height = TextHeight.points(for: caveat.line, widthInCharacters: grid.width(span), fontSize: fontSize, bold: true)
            pages.keep(height)
            try TableGrid.write(caveat.line, pages.sheet, row: pages.row, span: span, format: palette.caveat)
            try pages.advance(height: height)
        }
        try pages.skip()
    }

    /// What the report asks of the board, first: a decision, an action or something to note,
    /// each with its subject.
    private func decisions(_ pages: PagedSheet, grid: TableGrid) throws {
        guard !report.decisions.isEmpty else { return }
        let wide = grid.spans[2]
        let textSpan = wide[1].lowerBound...wide[2].upperBound
        try heading(labels.askedOfTheBoard, pages, span: wide.first!.lowerBound...wide.last!.upperBound)
        for decision in report.decisions {
            let text = Decisions.line(decision)
            let height = TextHeight.points(for: text, widthInCharacters: grid.width(textSpan), fontSize: fontSize)
            pages.keep(height)
            try TableGrid.write(Decisions.kind(decision.kind, labels), pages.sheet, row: pages.row, span: wide[0], format: palette.label)
            try TableGrid.write(text, pages.sheet, row: pages.row, span: textSpan, format: palette.wrapped)
            try pages.advance(height: height)
        }
        try pages.skip()
    }

    /// How many of the agencies asked for a return sent one, who has not, and the goals left
    /// without an answer: only once returns have been merged this period.
    private func returns(_ pages: PagedSheet, grid: TableGrid) throws {
        guard report.collectedReturns else { return }
        let wide = grid.spans[2]
        let textSpan = wide[1].lowerBound...wide[2].upperBound
        let asked = ReturnScope.all(in: report).map(\.agency)
        let received = Set(report.returnsReceived.filter { $0.period == report.period.label }.map(\.agency))
        let missing = asked.filter { !received.contains($0.id) }.map(\.name)
        var lines = [(labels.returns, "\(received.count) of \(asked.count) returns received" + (missing.isEmpty ? "." : "; missing: \(missing.joined(separator: ", ")).")) ]
        let unanswered = report.countedGoals.filter { report.standing(of: $0) == .noReturn }.map(\.id)
        if !unanswered.isEmpty { lines.append(("\(labels.withoutAnswer) (\(unanswered.count))", unanswered.joined(separator: ", "))) }
        for (label, text) in lines {
            let height = max(
                TextHeight.points(for: text, widthInCharacters: grid.width(textSpan), fontSize: fontSize),
                TextHeight.points(for: label, widthInCharacters: grid.width(wide[0]), fontSize: fontSize, bold: true))
            pages.keep(height)
            try TableGrid.write(label, pages.sheet, row: pages.row, span: wide[0], format: palette.label)
            try TableGrid.write(text, pages.sheet, row: pages.row, span: textSpan, format: palette.wrapped)
            try pages.advance(height: height)
        }
        try pages.skip()
    }

    /// A section's heading, kept with the section's first lines.
    private func heading(_ text: String, _ pages: PagedSheet, span: ClosedRange<Int>) throws {
        pages.holdWithNext()
        try TableGrid.write(text, pages.sheet, row: pages.row, span: span, format: palette.heading)
        try pages.advance(height: 20)
    }

    private func row(_ texts: [String], _ pages: PagedSheet, spans: [ClosedRange<Int>], format: CellFormat, grid: TableGrid) throws {
        let height = TextHeight.points(zip(texts, spans).map { ($0, grid.width($1)) }, fontSize: fontSize, bold: format.bold)
        pages.keep(height)
        for (i, (text, span)) in zip(texts, spans).enumerated() {
            // Counts are numbers, centred under their status.
            if i > 0, let n = Int(text) {
                let count = format.with { $0.horizontal = .center; $0.numberFormat = "0" }
                if span.count == 1 {
                    try pages.sheet.write(Double(n), row: pages.row, col: span.lowerBound, format: count)
                } else {
                    try pages.sheet.merge(rows: pages.row...pages.row, cols: span, number: Double(n), format: count)
                }
            } else {
                try TableGrid.write(text, pages.sheet, row: pages.row, span: span, format: format)
            }
        }
        try pages.advance(height: height)
    }

    /// One goal: its id, up to two lines of its wording, the first sentence of its update (or
    /// what the pack says instead of one: who said what, what was not accepted), its leads.
    /// - Parameter first: what the first column shows (a status, a change); nil to give the id its room.
    private func line(_ goal: Goal, _ pages: PagedSheet, spans: [ClosedRange<Int>], grid: TableGrid, first: (String, CellFormat)?) throws {
        let width = grid.width(spans[2])
        var text = TextHeight.firstLines(goal.text, count: 2, widthInCharacters: width, fontSize: fontSize)
        let said: String? = switch report.standing(of: goal) {
        case .conflict(let said): BoardPackLayout.conflictLine(said, agencies, labels)
        case .notAccepted(let refused): BoardPackLayout.notAcceptedLines(refused, agencies, labels).joined(separator: "\n")
        default: Wording.firstSentence(goal.update).map { TextHeight.firstLines($0, count: 2, widthInCharacters: width, fontSize: fontSize) }
        }
        if let said { text += "\n" + said }
        if !goal.subGoals.isEmpty { text += "\n" + Wording.plural(goal.subGoals.count, "sub-goal") + " on the theme page" }
        let leads = Wording.leads(goal.leads, agencies)
        let idSpan = first == nil ? spans[0].lowerBound...spans[1].upperBound : spans[1]
        let height = TextHeight.points([(text, width), (leads, grid.width(spans[3])), (first?.0 ?? "", grid.width(spans[0])), (goal.id, grid.width(idSpan))], fontSize: fontSize)
        pages.keep(height)
        if let first { try TableGrid.write(first.0, pages.sheet, row: pages.row, span: spans[0], format: first.1) }
        try TableGrid.write(goal.id, pages.sheet, row: pages.row, span: idSpan, format: palette.text)
        try TableGrid.write(text, pages.sheet, row: pages.row, span: spans[2], format: palette.text)
        try TableGrid.write(leads, pages.sheet, row: pages.row, span: spans[3], format: palette.text)
        try pages.advance(height: height)
    }

    /// A report that rates nothing: each theme's goals (the top-level ones) with their progress.
    private func objectives(_ pages: PagedSheet, grid: TableGrid) throws {
        let spans = grid.spans[1]
        let span = spans.first!.lowerBound...spans.last!.upperBound
        try heading(labels.objectives, pages, span: span)
        for theme in report.themes where !theme.trackedGoals.isEmpty {
            pages.keep(36)
            pages.holdWithNext()
            try TableGrid.write(theme.heading, pages.sheet, row: pages.row, span: span, format: palette.group)
            try pages.advance(height: TextHeight.points(for: theme.heading, widthInCharacters: grid.width(span), fontSize: fontSize, bold: true))
            for goal in theme.trackedGoals {
                try line(goal, pages, spans: spans, grid: grid, first: nil)
            }
        }
        try pages.skip()
    }

    /// Every Red goal, then every Amber one, then those whose co-leads disagree, then those
    /// whose every answer was refused.
    private func attention(_ pages: PagedSheet, grid: TableGrid) throws {
        let spans = grid.spans[1]
        try heading(labels.needsAttention, pages, span: spans.first!.lowerBound...spans.last!.upperBound)
        let goals = report.countedGoals
        var shown = 0
        for name in ["Red", "Amber"] {
            for goal in goals where goal.status == name {
                guard let status = report.scheme.status(matching: name, .exactName) else { continue }
                try line(goal, pages, spans: spans, grid: grid, first: (status.name, palette.status(status)))
                shown += 1
            }
        }
        for goal in goals where report.standing(of: goal).isConflict {
            try line(goal, pages, spans: spans, grid: grid, first: (labels.conflict, palette.conflict))
            shown += 1
        }
        // An answer that came and was refused is not "no return": the board sees it here.
        for goal in goals where report.standing(of: goal).isNotAccepted {
            try line(goal, pages, spans: spans, grid: grid, first: (labels.notAccepted, palette.notAccepted))
            shown += 1
        }
        if shown == 0 {
            try TableGrid.write(labels.nothingNeedsAttention, pages.sheet, row: pages.row, span: spans.first!.lowerBound...spans.last!.upperBound, format: palette.note)
            try pages.advance(height: 18)
        }
        try pages.skip()
    }

    /// Goals that turned Red, worsened or improved, one a line; new, reworded and discharged
    /// goals by id.
    private func changes(since period: String, _ pages: PagedSheet, grid: TableGrid) throws {
        let spans = grid.spans[1]
        let wide = grid.spans[2]
        let goals = report.countedGoals
        var moved: [(String, Goal, String)] = []
        for goal in goals {
            guard let (change, since) = report.change(of: goal), let was = since?.status, let now = goal.status else { continue }
            switch change {
            case .worsened: moved.append((now == "Red" ? labels.turnedRed : labels.worsenedGoals, goal, "\(was) → \(now)"))
            case .improved: moved.append((labels.improvedGoals, goal, "\(was) → \(now)"))
            case .unchanged, .new: break
            }
        }
        moved.sort { ($0.0 == labels.turnedRed ? 0 : $0.0 == labels.worsenedGoals ? 1 : 2) < ($1.0 == labels.turnedRed ? 0 : $1.0 == labels.worsenedGoals ? 1 : 2) }
        let changed = { (kind: PlanChange.Kind) in
            report.themes.flatMap { $0.allGoals + $0.dischargedGoals.flatMap { [$0] + $0.subGoals } }
                .filter { goal in goal.history.contains { $0.period == period && $0.change?.kind == kind } }.map(\.id)
        }
        let lists = [(labels.newGoals, changed(.added)), (labels.rewordedGoals, changed(.reworded)), (labels.dischargedGoals, changed(.discharged))]
            .filter { !$0.1.isEmpty }
        guard !moved.isEmpty || !lists.isEmpty else { return }
        try heading(labels.whatChanged.replacingOccurrences(of: "{period}", with: period), pages, span: spans.first!.lowerBound...spans.last!.upperBound)
        for (kind, goal, how) in moved {
            try line(goal, pages, spans: spans, grid: grid, first: ("\(kind): \(how)", palette.text.with { $0.bold = true }))
        }
        for (kind, ids) in lists {
            let text = ids.joined(separator: ", ")
            let height = TextHeight.points(for: text, widthInCharacters: grid.width(wide[1]) + grid.width(wide[2]), fontSize: fontSize)
            pages.keep(height)
            try TableGrid.write("\(kind) (\(ids.count))", pages.sheet, row: pages.row, span: wide[0], format: palette.label)
            try TableGrid.write(text, pages.sheet, row: pages.row, span: wide[1].lowerBound...wide[2].upperBound, format: palette.wrapped)
            try pages.advance(height: height)
        }
        try pages.skip()
    }

    /// A plan refresh's proposals: how many goals each action would touch, and the new themes.
    private func proposals(_ pages: PagedSheet, grid: TableGrid) throws {
        let columns = ProposalCounts.columns(report, labels: labels)
        guard !columns.isEmpty else { return }
        let spans = grid.spans[2]
        try heading(labels.proposalsByTheme.replacingOccurrences(of: " by theme", with: ""), pages, span: spans.first!.lowerBound...spans.last!.upperBound)
        for column in columns {
            let count = report.themes.map { ProposalCounts.count($0, column.action) }.reduce(0, +)
            let text = column.action == nil ? "goals in all" : count == 1 ? "goal" : "goals"
            let format = column.action.map { palette.proposal($0) } ?? palette.label
            pages.keep(16)
            try TableGrid.write(column.header, pages.sheet, row: pages.row, span: spans[0], format: format)
            try TableGrid.write("\(count) \(text)", pages.sheet, row: pages.row, span: spans[1].lowerBound...spans[2].upperBound, format: palette.text)
            try pages.advance(height: 16)
        }
        let newThemes = report.themes.filter { $0.proposal?.action == .new }.map(\.name)
        if !newThemes.isEmpty {
            let text = "Proposed new theme\(newThemes.count == 1 ? "" : "s"): " + newThemes.joined(separator: ", ")
            try TableGrid.write(text, pages.sheet, row: pages.row, span: spans.first!.lowerBound...spans.last!.upperBound, format: palette.wrapped)
            try pages.advance(height: TextHeight.points(for: text, widthInCharacters: grid.width(spans.first!.lowerBound...spans.last!.upperBound), fontSize: fontSize))
        }
        try pages.skip()
    }

    // MARK: - Headline figures

    /// The columns of the headline figures: a column nothing would fill is left out.
    private enum FigureColumn { case name, figures, target, direction, note }

    /// The measures the page shows: those with a figure or a target.
    private var figureRows: [(theme: Theme, measure: Measure)] {
        report.themes.flatMap { theme in theme.measures.filter { !$0.numbers.isEmpty || $0.target != nil }.map { (theme, $0) } }
    }

    private var figureColumns: [FigureColumn] {
        let rows = figureRows
        return [.name, .figures]
            + (rows.contains { $0.measure.target != nil } ? [.target] : [])
            + (rows.contains { Trend($0.measure, periods: $0.theme.periods).map { $0 != .notComparable } ?? false } ? [.direction] : [])
            + (rows.contains { !notes($0.measure).isEmpty } ? [.note] : [])
    }

    /// "Direction of travel not judged: 2013-14 Q1 is a quarter; the figures before it are of a
    /// year or part of a year.", when no row's direction is judged (`columns` has none) because
    /// the latest two periods differ in length (the Q1 pack's, a quarter after years): one
    /// sentence under the table instead of "periods differ: not compared" on every row. Nil
    /// otherwise.
    private func notComparedLine(columns: [FigureColumn]) -> String? {
        guard !columns.contains(.direction) else { return nil }
        let pairs = figureRows.compactMap { theme, measure -> [String]? in
            let known = measure.numbers.suffix(2).map(\.period)
            guard Trend(measure, periods: theme.periods) == .notComparable, known.allSatisfy(theme.periods.indices.contains) else { return nil }
            return known.map { theme.periods[$0] }
        }
        guard !pairs.isEmpty else { return nil }
        let length = { (label: String) in PeriodLength(label)?.words ?? "a length the label does not give" }
        let latest = Set(pairs.map { $0[1] })
        guard latest.count == 1, let period = latest.first else {
            return "\(labels.directionOfTravel) not judged: each latest figure is of a period of another length than the one before it."
        }
        var before: [String] = []
        for pair in pairs where !before.contains(length(pair[0])) { before.append(length(pair[0])) }
        return "\(labels.directionOfTravel) not judged: \(period) is \(length(period)); the figures before it are of \(before.joined(separator: " or "))."
    }

    /// A column's width; with `wideFigures` the figures take the direction column's room, so
    /// each previous → latest pair reads on one line.
    private func width(_ column: FigureColumn, wideFigures: Bool) -> Double {
        switch column {
        case .name: widths.measure * 0.7
        case .figures: widths.target * (wideFigures ? 2.5 : 1.3)
        case .target: widths.target
        case .direction: widths.direction
        case .note: widths.goal * 0.4
        }
    }

    private func notes(_ measure: Measure) -> String {
        (measure.notes + [measure.target?.description].compactMap { $0 }).joined(separator: " ")
    }

    /// Each headline measure with a figure: its previous and latest figures (each with its
    /// period), the target and the result, the direction, and its caveats; a line counts those
    /// without a figure yet. A report that rates nothing calls them its key figures.
    private func measures(_ pages: PagedSheet, grid: TableGrid, columns: [FigureColumn], notCompared: String?, keyFigures: Bool) throws {
        let spans = grid.spans[3]
        let all = report.themes.flatMap(\.measures)
        let chosen = figureRows
        let others = all.count - chosen.count
        guard !all.isEmpty else { return }
        let span = spans.first!.lowerBound...spans.last!.upperBound
        // Figures all of one period, one each (KMROB's "October 2019 update"): the period is said
        // once, in the heading.
        let periods = Set(chosen.map { $0.theme.periods.last ?? "" })
        let onePeriod = chosen.allSatisfy { $0.measure.numbers.count <= 1 } && periods.count == 1 ? periods.first : nil
        let title = keyFigures ? labels.keyFigures : labels.headlineMeasures
        try heading(onePeriod.map { "\(title) – \($0)" } ?? title, pages, span: span)
        var headers: [String] = []
        if !chosen.isEmpty {
            headers = columns.map { column in
                switch column {
                case .name: labels.headlineMeasure
                case .figures: labels.latest
                case .target: labels.target
                case .direction: labels.directionOfTravel
                case .note: labels.note
                }
            }
            try row(headers, pages, spans: spans, format: palette.header, grid: grid)
        }
        let figuresWidth = columns.firstIndex(of: .figures).map { grid.width(spans[$0]) } ?? 0
        let rows = chosen.map { theme, measure in
            let result = TargetResult(measure)
            let cells: [(String, CellFormat)] = columns.map { column in
                switch column {
                case .name: (measure.name, palette.text)
                case .figures:
                    (onePeriod == nil ? figures(measure, periods: theme.periods, width: figuresWidth) ?? labels.noData : measure.numbers.last.flatMap { measure.values[$0.period]?.text } ?? labels.noData,
                     palette.text.with { $0.horizontal = .right })
                case .target: (TargetResult.cell(measure, labels), measure.target == nil ? palette.text : palette.result(result).with { $0.wrap = true })
                case .direction: (Trend(measure, periods: theme.periods)?.label(measure, labels) ?? "", palette.text.with { $0.horizontal = .center })
                case .note: (notes(measure), palette.text)
                }
            }
            return (cells: cells, height: TextHeight.points(cells.indices.map { (cells[$0].0, grid.width(spans[$0])) }, fontSize: fontSize))
        }
        for (r, row) in rows.enumerated() {
            // The last row never goes over to a page of its own: the one before it goes with it;
            // a page the table runs onto starts with its header.
            if pages.keep(row.height + (r == rows.count - 2 ? rows[r + 1].height : 0)) {
                try self.row(headers, pages, spans: spans, format: palette.header, grid: grid)
            }
            for (cell, span) in zip(row.cells, spans) { try TableGrid.write(cell.0, pages.sheet, row: pages.row, span: span, format: cell.1) }
            try pages.advance(height: row.height)
        }
        var lines = [notCompared].compactMap { $0 }
        if others > 0 {
            let measures = Wording.plural(others, chosen.isEmpty ? "headline measure" : "other headline measure")
            lines.append("\(measures) \(others == 1 ? "has" : "have") no figure yet: see the theme pages.")
        }
        for line in lines {
            try TableGrid.write(line, pages.sheet, row: pages.row, span: span, format: palette.note)
            try pages.advance(height: 18)
        }
    }

    /// "81% (2011-12) → 83% (2012-13)": the previous figure and the latest, each with its
    /// period, on one line when it fits the column's `width` and broken before the arrow when
    /// not; the latest alone when it is the only one; nil when there is none.
    private func figures(_ measure: Measure, periods: [String], width: Double) -> String? {
        let known = measure.numbers.suffix(2).map { "\(measure.values[$0.period]?.text ?? "") (\(periods.indices.contains($0.period) ? periods[$0.period] : ""))" }
        guard let latest = known.last else { return nil }
        guard known.count == 2 else { return latest }
        let line = "\(known[0]) → \(latest)"
        return TextHeight.width(of: line, fontSize: fontSize) <= width ? line : "\(known[0])\n→ \(latest)"
    }
}

import ReportModel
import XLSXWriter

/// One page after the cover for the board member with five minutes: goal statuses by theme,
/// every goal that needs the board's attention in one line, what changed since the last period,
/// and each headline measure against its target with its direction. Printed portrait: a list
/// reads down a page, and a portrait page holds half as many lines again.
struct GlanceSheet {
    let report: Report
    let palette: Palette
    /// Built once: a directory per goal line cost a fifth of a large pack's export.
    let agencies: AgencyDirectory

    private var labels: Style.Labels { palette.style.labels }
    private var widths: Style.Widths { palette.style.widths }
    private var fontSize: Double { palette.style.fonts.size }

    func write(_ sheet: Worksheet, page: PageSettings) throws {
        let counts = report.themes.map { StatusCounts($0, in: report) }
        let countColumns = StatusCounts.columns(counts.reduce(StatusCounts(), +), report: report, labels: labels)
        let total = widths.coverLabel + widths.coverText
        // A count's column and the attention list's first are as wide as their words ("Not accepted").
        let countWidths = countColumns.map { max(8, TextHeight.width(of: $0.header, fontSize: fontSize, bold: true)) }
        let first = max(widths.status, TextHeight.width(of: labels.notAccepted, fontSize: fontSize, bold: true))
        let grid = TableGrid([
            ([widths.goal] + countWidths, [0]),
            ([first, 8, widths.goal, widths.leadAgency], [2]),
            ([first + 8, widths.goal, widths.leadAgency], [1]),
            ([widths.measure * 0.7, widths.target, widths.target, widths.direction, widths.goal * 0.4], [0, 4]),
        ], total: total, landscape: false)
        try grid.setColumns(on: sheet)
        sheet.hideGridlines()
        let all = 0...(grid.widths.count - 1)
        let pages = PagedSheet(sheet, landscape: false)

        let title = "\(labels.atAGlance) – \(report.period.label)"
        try TableGrid.write(title, sheet, row: pages.row, span: all, format: palette.title)
        try pages.advance(height: palette.style.fonts.titleSize * 1.8)

        if ThemeSheet.showsStatus(report) {
            try heading(labels.statusByTheme, pages, span: all)
            let spans = grid.spans[0]
            try row([labels.theme] + countColumns.map(\.header), pages, spans: spans, format: palette.header, grid: grid)
            for (theme, count) in zip(report.themes, counts) where count.total > 0 {
                try row([theme.heading] + countColumns.map { String($0.count(count)) }, pages, spans: spans, format: palette.text, grid: grid)
            }
            try pages.skip()
            try attention(pages, grid: grid)
        } else {
            try TableGrid.write(labels.noGoalRated, sheet, row: pages.row, span: all, format: palette.note)
            try pages.advance(height: 18)
            try pages.skip()
        }
        if let last = report.earlierPeriods.last?.period.label { try changes(since: last, pages, grid: grid) }
        try proposals(pages, grid: grid)
        try measures(pages, grid: grid)
        try sheet.setUpPrinting(page.setup())
        try pages.finish()
    }

    private func heading(_ text: String, _ pages: PagedSheet, span: ClosedRange<Int>) throws {
        pages.keep(40)
        try TableGrid.write(text, pages.sheet, row: pages.row, span: span, format: palette.heading)
        try pages.advance(height: 20)
    }

    private func row(_ texts: [String], _ pages: PagedSheet, spans: [ClosedRange<Int>], format: CellFormat, grid: TableGrid) throws {
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
        try pages.advance(height: TextHeight.points(zip(texts, spans).map { ($0, grid.width($1)) }, fontSize: fontSize, bold: format.bold))
    }

    /// One goal in one line: its id, its text cut short, its leads.
    private func line(_ goal: Goal, _ pages: PagedSheet, spans: [ClosedRange<Int>], grid: TableGrid, first: (String, CellFormat)) throws {
        let text = TextHeight.oneLine(goal.text, widthInCharacters: grid.width(spans[2]), fontSize: fontSize)
        let leads = Wording.leads(goal.leads, agencies)
        let height = TextHeight.points([(text, grid.width(spans[2])), (leads, grid.width(spans[3])), (first.0, grid.width(spans[0]))], fontSize: fontSize)
        try TableGrid.write(first.0, pages.sheet, row: pages.row, span: spans[0], format: first.1)
        try TableGrid.write(goal.id, pages.sheet, row: pages.row, span: spans[1], format: palette.text)
        try TableGrid.write(text, pages.sheet, row: pages.row, span: spans[2], format: palette.text)
        try TableGrid.write(leads, pages.sheet, row: pages.row, span: spans[3], format: palette.text)
        try pages.advance(height: height)
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

    /// Each headline measure with a target: its latest figure, the target and the result, the
    /// direction, and its caveats. Measures without one appear only when they are worsening,
    /// with a line counting the rest (the theme pages have them all), so a report whose measures
    /// have one figure each still says it has them.
    private func measures(_ pages: PagedSheet, grid: TableGrid) throws {
        let spans = grid.spans[3]
        let all = report.themes.flatMap { theme in theme.measures.map { (theme, $0) } }
        let targeted = all.filter { $0.1.target != nil }
        let worsening = all.filter { $0.1.target == nil && Trend($0.1) == .worsening }
        let chosen = targeted + worsening
        let others = all.count - chosen.count
        guard !all.isEmpty else { return }
        let span = spans.first!.lowerBound...spans.last!.upperBound
        try heading(targeted.isEmpty ? labels.headlineMeasures : labels.measuresAgainstTarget, pages, span: span)
        if !chosen.isEmpty {
            try row([labels.headlineMeasure, labels.latest, labels.target, labels.directionOfTravel, labels.note], pages, spans: spans, format: palette.header, grid: grid)
        }
        for (theme, measure) in chosen {
            let latest = measure.numbers.last.map { "\(measure.values[$0.period]?.text ?? "") (\(theme.periods[$0.period]))" } ?? labels.noData
            let result = TargetResult(measure)
            let target = measure.target.map { "\($0.value.text): \(result.label(labels))" } ?? ""
            let notes = (measure.notes + [measure.target?.description].compactMap { $0 }).joined(separator: " ")
            let height = TextHeight.points([(measure.name, grid.width(spans[0])), (notes, grid.width(spans[4])), (latest, grid.width(spans[1]))], fontSize: fontSize)
            pages.keep(height)
            try TableGrid.write(measure.name, pages.sheet, row: pages.row, span: spans[0], format: palette.text)
            try TableGrid.write(latest, pages.sheet, row: pages.row, span: spans[1], format: palette.text.with { $0.horizontal = .right })
            try TableGrid.write(target, pages.sheet, row: pages.row, span: spans[2], format: measure.target == nil ? palette.text : palette.result(result).with { $0.wrap = true })
            try TableGrid.write(Trend(measure)?.label(measure, labels) ?? "", pages.sheet, row: pages.row, span: spans[3], format: palette.text.with { $0.horizontal = .center })
            try TableGrid.write(notes, pages.sheet, row: pages.row, span: spans[4], format: palette.text)
            try pages.advance(height: height)
        }
        if others > 0 {
            let measures = Wording.plural(others, chosen.isEmpty ? "headline measure" : "other headline measure")
            let line = "\(measures) without a target \(others == 1 ? "is" : "are") not worsening (or \(others == 1 ? "has" : "have") one figure): see the theme pages."
            try TableGrid.write(line, pages.sheet, row: pages.row, span: span, format: palette.note)
            try pages.advance(height: 18)
        }
    }
}

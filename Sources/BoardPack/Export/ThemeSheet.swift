import ReportModel
import XLSXWriter

/// One theme: its headline measures, its goals with status and update, the status key, the lead
/// agency representatives and comments. Plan-refresh proposals have a sheet of their own
/// (`PlanRefreshSheet`), so the goals header repeated on printed pages never heads another table.
struct ThemeSheet {
    let theme: Theme
    let report: Report
    let agencies: AgencyDirectory
    let palette: Palette

    private var labels: Style.Labels { palette.style.labels }
    /// The goals table spans Goal, Lead Agency, Status and Update.
    private let lastCol = BoardPackLayout.GoalColumn.count - 1

    private func width(of col: Int) -> Double {
        let w = palette.style.widths
        typealias C = BoardPackLayout.GoalColumn
        switch col {
        case C.goal: return w.goal
        case C.lead: return w.leadAgency
        case C.status: return w.status
        case C.update: return w.update
        default: return w.extra
        }
    }

    /// Sizes a row to the tallest of its wrapped cells.
    private func fit(_ sheet: Worksheet, row: Int, _ cells: [(text: String, col: Int)]) throws {
        let height = TextHeight.points(cells.map { ($0.text, width(of: $0.col)) }, fontSize: palette.style.fonts.size)
        try sheet.setRow(row, height: height)
    }

    func write(_ sheet: Worksheet, page: PageSettings) throws {
        let widths = palette.style.widths
        for col in 0...lastCol { try sheet.setColumns(col...col, width: width(of: col)) }
        try sheet.setColumns((lastCol + 1)...12, width: widths.extra)
        sheet.hideGridlines()

        let title = BoardPackLayout.titleRow
        try sheet.merge(rows: title...title, cols: 0...lastCol, text: theme.heading, format: palette.title)
        try sheet.setRow(title, height: palette.style.fonts.titleSize * 1.8)
        try sheet.merge(rows: 1...1, cols: 0...lastCol, text: "\(report.title) – \(report.period.label)", format: palette.subtitle)
        var row = 3
        row = try paragraphs(theme.introduction, sheet, from: row)
        if !theme.measures.isEmpty { row = try measures(sheet, from: row) + 1 }
        let (next, goalsHeader) = try goals(sheet, from: row)
        row = try key(sheet, from: next + 1)
        row = try representatives(sheet, from: row + 1)
        _ = try comments(sheet, from: row + 1)

        sheet.freezePanes(row: 2)
        try sheet.setUpPrinting(page.setup(repeating: goalsHeader.map { $0...$0 }))
    }

    // MARK: - Headline measures

    private func measures(_ sheet: Worksheet, from start: Int) throws -> Int {
        let showTrend = theme.measures.contains { $0.better != nil }
        let showTarget = theme.measures.contains { $0.target != nil }
        let showSupplier = theme.measures.contains { $0.supplier != nil }
        var headers = [labels.headlineMeasure] + theme.periods
        if showTrend { headers.append(labels.directionOfTravel) }
        if showTarget { headers.append(labels.target) }
        if showSupplier { headers.append(labels.suppliedBy) }
        let width = headers.count - 1

        var row = start
        for (col, text) in headers.enumerated() {
            let format = col > 0 && col <= theme.periods.count ? palette.header.with { $0.horizontal = .right } : palette.header
            try sheet.write(text, row: row, col: col, format: format)
        }
        row += 1
        var currentGroup: String?
        for measure in theme.measures {
            if let group = measure.group, group != currentGroup {
                try sheet.merge(rows: row...row, cols: 0...width, text: group, format: palette.group)
                row += 1
            }
            currentGroup = measure.group
            let name = ([measure.name] + measure.notes).joined(separator: "\n")
            try sheet.write(name, row: row, col: 0, format: palette.text.with { $0.indent = measure.group == nil ? 0 : 1 })
            for (i, value) in measure.values.enumerated() {
                try ValueCell.write(value, to: sheet, row: row, col: BoardPackLayout.measuresFirstValueColumn + i, palette: palette)
            }
            var cells: [(text: String, col: Int)] = [(name, 0)]
            var col = BoardPackLayout.measuresFirstValueColumn + theme.periods.count
            if showTrend {
                try sheet.write(Trend(measure)?.label(measure, labels) ?? "", row: row, col: col, format: palette.text)
                col += 1
            }
            if showTarget {
                if let target = measure.target {
                    let result = TargetResult(measure).label(labels)
                    try sheet.write("\(target.value.text) (\(result))", row: row, col: col, format: palette.text)
                } else {
                    try sheet.writeBlank(row: row, col: col, format: palette.text)
                }
                col += 1
            }
            if showSupplier {
                let supplier = measure.supplier.map(agencies.displayName(ofLead:)) ?? ""
                try sheet.write(supplier, row: row, col: col, format: palette.text)
                cells.append((supplier, col))
            }
            try fit(sheet, row: row, cells)
            row += 1
        }
        return row
    }

    // MARK: - Goals

    /// Returns the next free row and the row of the goals header, if a table was written.
    private func goals(_ sheet: Worksheet, from start: Int) throws -> (Int, Int?) {
        var row = start
        try sheet.write(labels.deliveryAgainstGoals, row: row, col: 0, format: palette.heading)
        row += 1
        let tracked = theme.trackedGoals
        guard !tracked.isEmpty else {
            try sheet.write(labels.noGoals, row: row, col: 0, format: palette.note)
            return (row + 1, nil)
        }
        let header = row
        for (col, text) in BoardPackLayout.goalsHeader(labels).enumerated() {
            try sheet.write(text, row: row, col: col, format: palette.header)
        }
        row += 1
        for goal in tracked { row = try goalRow(goal, depth: 0, sheet, at: row) }
        return (row, header)
    }

    private func goalRow(_ goal: Goal, depth: Int, _ sheet: Worksheet, at row: Int) throws -> Int {
        typealias C = BoardPackLayout.GoalColumn
        let text = BoardPackLayout.goalCell(goal, depth: depth, labels: labels)
        let leads = Wording.leads(goal.leads, agencies)
        let update = Wording.paragraphs(goal.update)
        try sheet.write(text, row: row, col: C.goal, format: palette.text.with { $0.indent = depth * 2 })
        try sheet.write(leads, row: row, col: C.lead, format: palette.text)
        switch BoardPackLayout.statusCell(of: goal, in: report.scheme) {
        case .status(let status): try sheet.write(status.name, row: row, col: C.status, format: palette.status(status))
        case .notRated: try sheet.write(labels.notRated, row: row, col: C.status, format: palette.notRated)
        case .blank: try sheet.writeBlank(row: row, col: C.status, format: palette.text)
        }
        try sheet.write(update, row: row, col: C.update, format: palette.text)
        // Indentation takes about two characters of width per level.
        try fit(sheet, row: row, [(String(repeating: "  ", count: depth * 2) + text, C.goal), (leads, C.lead), (update, C.update)])
        var next = row + 1
        for sub in goal.subGoals { next = try goalRow(sub, depth: depth + 1, sheet, at: next) }
        return next
    }

    // MARK: - Key, representatives, comments

    private func key(_ sheet: Worksheet, from start: Int) throws -> Int {
        var row = start
        try sheet.write(labels.key, row: row, col: 0, format: palette.heading)
        row += 1
        for status in report.scheme.statuses {
            try sheet.write(status.name, row: row, col: 0, format: palette.status(status))
            try sheet.merge(rows: row...row, cols: 1...lastCol, text: status.description, format: palette.text)
            try fit(sheet, row: row, [(status.description, 3)])
            row += 1
        }
        return row
    }

    private func representatives(_ sheet: Worksheet, from start: Int) throws -> Int {
        guard !theme.representatives.isEmpty else { return start - 1 }
        var row = start
        try sheet.write(labels.representatives, row: row, col: 0, format: palette.heading)
        row += 1
        for rep in theme.representatives {
            try sheet.write(agencies.displayName(ofLead: rep.agency), row: row, col: 0, format: palette.text)
            try sheet.write(rep.name, row: row, col: 1, format: palette.text)
            row += 1
        }
        return row
    }

    private func comments(_ sheet: Worksheet, from start: Int) throws -> Int {
        var row = start
        try sheet.write(labels.comments, row: row, col: 0, format: palette.heading)
        row += 1
        if theme.comments.isEmpty {
            try sheet.write(labels.noComments, row: row, col: 0, format: palette.note)
            return row + 1
        }
        return try paragraphs(theme.comments, sheet, from: row)
    }

    /// Paragraphs in a merged A–D range, each sized to its text.
    private func paragraphs(_ texts: [String], _ sheet: Worksheet, from start: Int) throws -> Int {
        var row = start
        let width = (0...lastCol).map(width(of:)).reduce(0, +)
        for text in texts {
            try sheet.merge(rows: row...row, cols: 0...lastCol, text: text, format: palette.wrapped)
            try sheet.setRow(row, height: TextHeight.points(for: text, widthInCharacters: width, fontSize: palette.style.fonts.size))
            row += 1
        }
        return texts.isEmpty ? row : row + 1
    }
}

import Foundation
import ReportModel
import XLSXWriter

/// Writes one agency's return workbook (see `ReturnLayout` for the contract).
///
/// The Goals sheet is a form, one block of rows per goal: what the goal is and how it was last
/// rated, then the Status and the Update asked for. The Update cell spans the printed page's
/// width and has no fixed height, so it grows as an officer types in Excel or LibreOffice and a
/// long update still prints whole. Every input cell holds text ("@"), so an update starting
/// with "=" or "-" stays what was typed.
public struct ReturnTemplate {
    public let report: Report
    public let scope: ReturnScope
    /// When returns are due, as the secretariat words it ("Friday 12 July 2013").
    public let deadline: String?
    public let style: Style
    /// What an agency typed, for a printable copy of its return (`ReturnCopy`); nil for a blank return.
    let typed: Typed?

    /// The text of each keyed input cell ("MH-1|update") and the signature, as typed.
    struct Typed {
        var cells: [String: String] = [:]
        var completedBy: String?
        var date: String?
    }

    public init(report: Report, scope: ReturnScope, deadline: String? = nil, style: Style = .standard) {
        self.init(report: report, scope: scope, deadline: deadline, style: style, typed: nil)
    }

    init(report: Report, scope: ReturnScope, deadline: String?, style: Style, typed: Typed?) {
        self.report = report
        self.scope = scope
        self.deadline = deadline
        self.style = style
        self.typed = typed
    }

    /// What the returns will not tell agencies, to warn the secretariat before they go out: when
    /// they are due (no `deadline`), and how to reach the secretariat (no contact, or one
    /// without an e-mail address or telephone number).
    public static func unsaid(report: Report, deadline: String?) -> [String] {
        var out: [String] = []
        if deadline.map({ $0.allSatisfy(\.isWhitespace) }) ?? true {
            out.append("the returns do not say when they are due; give --deadline, e.g. --deadline \"Friday 12 July 2013\"")
        }
        if let contact = report.contact {
            if contact.email == nil && contact.phone == nil {
                out.append("contact: \(contact.name) has no e-mail or telephone, so the returns do not say how to reach them; add \"email\" or \"phone\" to the report's contact")
            }
        } else {
            out.append("contact: the report names no contact, so the returns do not say who to send them to; add \"contact\" with a name and an e-mail or telephone")
        }
        return out
    }

    var period: String { report.period.label }
    var asksForProposals: Bool { ReturnLayout.asksForProposals(report.period) }

    /// How the goal was last rated, as the return's Goals form says it ("Last rated at 2012-13:
    /// Green. …"): the portal's page says it the same way.
    public static func previous(_ goal: Goal) -> String { GoalsForm.previous(goal) }

    /// Writes the workbook atomically to `url`.
    public func write(to url: URL) throws {
        try WorkbookFile.write(to: url, style: style, build)
    }

    private func build(_ workbook: Workbook) throws {
        let palette = Palette(style)
        let details: [(String, String)] = [
            (ReturnLayout.Key.report, report.id), (ReturnLayout.Key.period, period),
            (ReturnLayout.Key.agency, scope.agency.id), (ReturnLayout.Key.template, ReturnLayout.templateVersion),
        ]
        try workbook.setProperties(
            title: "\(report.title) – return from \(scope.agency.name)", subject: "\(report.board) – \(period)",
            author: report.board, company: report.board, comments: nil)
        for (key, value) in details { try workbook.setCustomProperty(key, value) }

        let instructions = try workbook.addWorksheet(named: ReturnLayout.instructionsSheet)
        try writeInstructions(instructions, palette)
        instructions.activate()
        try writeGoals(try workbook.addWorksheet(named: ReturnLayout.goalsSheet), palette)
        // A Measures sheet with nothing to fill in would only be another page to wonder about.
        if !scope.measures.isEmpty { try writeMeasures(try workbook.addWorksheet(named: ReturnLayout.measuresSheet), palette) }
        let hidden = try workbook.addWorksheet(named: ReturnLayout.detailsSheet)
        let wordings = scope.goals.map { (ReturnLayout.Key.wording($0.goal.id), ReturnScope.fingerprint(of: $0.goal)) }
        for (row, (key, value)) in (details + wordings).enumerated() {
            try hidden.write(key, row: row, col: 0)
            try hidden.write(value, row: row, col: 1)
        }
        hidden.protectWithoutPassword()
        hidden.hide()
    }

    /// An input cell: unlocked on the protected sheet, shaded so people see where to type, and
    /// formatted as text so that what is typed is kept as typed.
    private func input(_ palette: Palette) -> CellFormat {
        palette.text.with {
            $0.unlocked = true
            $0.fill = style.rgb(style.colours.inputFill)
            $0.numberFormat = "@"
        }
    }

    /// Portrait sheets are sized to the page and print at 100% (fitting to the width would let
    /// LibreOffice shrink the whole sheet to keep one very tall Update row on a page); the
    /// Measures sheet's width depends on the agency's measures, so it is fitted.
    private func page(portrait: Bool) -> PageSetup {
        // A return has no cover: its footer says the report's caveats (its last ratings may be
        // illustrative) without pointing to one.
        PageSettings(title: "Return from \(scope.agency.name)", report: report, style: style, landscape: !portrait, caveatsAt: nil)
            .setup(fitToWidth: !portrait)
    }

    private func height(_ text: String, width: Double, format: CellFormat? = nil) -> Double {
        TextHeight.points(for: text, widthInCharacters: width, fontSize: format?.fontSize ?? style.fonts.size, bold: format?.bold ?? false)
    }

    // MARK: - Instructions

    static let instructionWidths = (label: 22.0, text: 68.0)

    private func writeInstructions(_ sheet: Worksheet, _ palette: Palette) throws {
        let widths = Self.instructionWidths
        try sheet.setColumns(0...0, width: widths.label)
        try sheet.setColumns(1...1, width: widths.text)
        sheet.hideGridlines()
        let title = "Return to \(report.board)"
        try sheet.merge(rows: 0...0, cols: 0...1, text: title, format: palette.title.with { $0.wrap = true })
        try sheet.setRow(0, height: max(style.fonts.titleSize * 1.8, TextHeight.points(for: title, widthInCharacters: widths.label + widths.text, fontSize: style.fonts.titleSize, bold: true)))
        var row = 2
        func line(_ label: String, _ text: String, format: CellFormat? = nil) throws {
            try sheet.write(label, row: row, col: 0, format: palette.label)
            try sheet.write(text, row: row, col: 1, format: format ?? palette.wrapped)
            try sheet.setRow(row, height: height(text, width: widths.text))
            row += 1
        }
        try line("Report", report.title)
        try line("Period", PeriodWording.line(report.period))
        try line("For", scope.agency.name)
        if let deadline { try line("Return by", deadline) }
        if let contact = report.contact { try line("Questions to", contact.line) }
        try line("What to do", steps.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
        row += 1
        // Who filled it in and when: `check` asks for both.
        for (label, value) in [(ReturnLayout.Signature.completedBy, typed?.completedBy), (ReturnLayout.Signature.date, typed?.date)] {
            try sheet.write(label, row: row, col: 0, format: palette.label)
            try fill(sheet, row: row, col: 1, value, format: input(palette))
            try sheet.setRow(row, height: max(style.fonts.size * 2, value.map { height($0, width: widths.text) } ?? 0))
            row += 1
        }
        row += 1
        try sheet.write(style.labels.key, row: row, col: 0, format: palette.heading)
        row += 1
        for status in report.scheme.statuses {
            try sheet.write(status.name, row: row, col: 0, format: palette.status(status))
            try sheet.write(status.description, row: row, col: 1, format: palette.text)
            try sheet.setRow(row, height: height(status.description, width: widths.text))
            row += 1
        }
        try sheet.setUpPrinting(page(portrait: true))
        sheet.protectWithoutPassword()
    }

    /// The numbered steps, worded for this agency and this period.
    var steps: [String] {
        let scheme = report.scheme
        var status = "On the Goals sheet, for each goal choose a Status (\(scheme.choices)) and write an Update: what was done in \(period) and what happens next."
        if let needing = scheme.needingUpdate { status += " \(Wording.article(before: needing).capitalized) \(needing) status needs an update." }
        var steps = [status]
        if asksForProposals {
            let choices = ReturnLayout.proposalChoices.map(\.label)
            steps.append("For next year's plan, choose a Proposal for each goal (\(choices.joined(separator: ", "))); to amend a goal, write its Proposed wording.")
        }
        steps.append(scope.measures.isEmpty
            ? "No figures are asked of \(scope.agency.name) this period."
            : "On the Measures sheet, enter each figure for \(period) in Value as you would write it (81%, 1,493, tbc) and add a Note if it needs explaining.")
        steps.append("Fill in \(ReturnLayout.Signature.completedBy) and \(ReturnLayout.Signature.date) below.")
        steps.append("Only the shaded cells can be changed; they grow as you type. Please do not rename the sheets.")
        var send = "Save the file as .xlsx (in Google Sheets: File > Download > Microsoft Excel) and send it back"
        if let contact = report.contact { send += " to \(contact.name)" }
        if let deadline { send += " by \(deadline)" }
        steps.append(send + ".")
        return steps
    }

    // MARK: - Goals

    /// The form's one visible column: the width of a portrait A4 page between its margins.
    static let formWidth = 92.0

    private func writeGoals(_ sheet: Worksheet, _ palette: Palette) throws {
        let width = Self.formWidth
        try sheet.hideColumns(ReturnLayout.keyColumn...ReturnLayout.keyColumn, width: 16)
        try sheet.setColumns(ReturnLayout.formColumn...ReturnLayout.formColumn, width: width)
        sheet.hideGridlines()
        let col = ReturnLayout.formColumn
        // Text that does not wrap runs on past its column and widens the printed page: every
        // cell of the form wraps.
        // Pages are laid out here (the sheet prints at 100%), so that a goal's block starts a
        // new page rather than leave its cells to fill in on a page without the goal's name.
        let pages = PagedSheet(sheet, landscape: false)
        let form = GoalsForm(report: report, scope: scope, noteLabel: style.labels.note)
        let heading = form.title
        let title = palette.title.with { $0.wrap = true }
        try sheet.write(heading, row: pages.row, col: col, format: title)
        try pages.advance(height: max(style.fonts.titleSize * 1.8, height(heading, width: width, format: title)))
        let guide = form.guide
        try sheet.write(guide, row: pages.row, col: col, format: palette.wrapped)
        try pages.advance(height: height(guide, width: width))
        while pages.row < ReturnLayout.headerRow { try pages.skip() }
        try sheet.write(ReturnLayout.Header.key, row: pages.row, col: ReturnLayout.keyColumn)
        try sheet.write(ReturnLayout.Header.goals, row: pages.row, col: col, format: palette.header)
        try pages.advance()

        /// A row of a goal's block: text, keyed or not, with its height; or an input cell,
        /// keyed, shaded, and without a fixed height so it grows with its text.
        enum Line {
            case text(String, key: String?, CellFormat)
            case field(ReturnLayout.GoalField, CellFormat)
        }
        let directory = report.agencyDirectory
        let label = palette.label.with { $0.fontColor = style.rgb(style.colours.title) }
        var statusRows: [Int] = [], proposalRows: [Int] = []
        for item in scope.goals {
            let goal = item.goal
            let lines: [Line] = form.lines(item, directory).map { line in
                switch line {
                case .heading(let text): .text(text, key: nil, palette.group.with { $0.wrap = true })
                case .wording(let text): .text(text, key: ReturnLayout.key(goal.id, ReturnLayout.GoalField.goal.rawValue), palette.wrapped)
                case .note(let text): .text(text, key: nil, palette.note)
                case .parent(let text): .text(text, key: nil, palette.note.with { $0.fontColor = style.rgb(style.colours.notRatedFont) })
                case .previous(let text): .text(text, key: nil, palette.note.with { $0.fontColor = style.rgb(style.colours.notRatedFont) })
                case .label(let text): .text(text, key: nil, label)
                case .field(.status): .field(.status, input(palette).with { $0.horizontal = .center; $0.bold = true })
                case .field(.proposal): .field(.proposal, input(palette))
                case .field(let field): .field(field, input(palette).with { $0.wrap = true })
                }
            }
            let heights = lines.map { line -> Double? in
                if case .text(let text, _, let format) = line { return height(text, width: width, format: format) }
                return nil
            }
            pages.keep(heights.reduce(PagedSheet.defaultRowHeight) { $0 + ($1 ?? PagedSheet.defaultRowHeight) })
            for (line, lineHeight) in zip(lines, heights) {
                switch line {
                case .text(let text, let key, let format):
                    if let key { try sheet.write(key, row: pages.row, col: ReturnLayout.keyColumn) }
                    try sheet.write(text, row: pages.row, col: col, format: format)
                case .field(let field, let format):
                    let key = ReturnLayout.key(goal.id, field.rawValue)
                    try sheet.write(key, row: pages.row, col: ReturnLayout.keyColumn)
                    let value = typed?.cells[key]
                    try fill(sheet, row: pages.row, col: col, value, format: format)
                    if field == .status { statusRows.append(pages.row) }
                    if field == .proposal { proposalRows.append(pages.row) }
                    // A blank input cell has no fixed height, so it grows as an officer types; a
                    // copy of what was typed is as high as its text, however it was written.
                    if let value {
                        try pages.advance(height: height(value, width: width, format: format))
                        continue
                    }
                }
                try pages.advance(height: lineHeight)
            }
            try pages.skip()
        }
        try pages.finish()
        let names = report.scheme.statuses.map(\.name)
        for r in statusRows {
            try sheet.addDropDown(rows: r...r, col: col, values: names, title: "Status", message: "Choose one of: \(names.joined(separator: ", ")).")
            for status in report.scheme.statuses {
                try sheet.highlight(rows: r...r, col: col, whenEqualTo: status.name, format: palette.status(status))
            }
        }
        for r in proposalRows {
            try sheet.addDropDown(
                rows: r...r, col: col, values: ReturnLayout.proposalChoices.map(\.label), title: "Proposal",
                message: "Carry forward, Amend (write the Proposed wording) or Discharge.")
        }
        sheet.freezePanes(row: 1)
        try sheet.setUpPrinting(page(portrait: true))
        sheet.protectWithoutPassword()
    }

    // MARK: - Measures

    static let measureWidths: [Double] = [10, 44, 30, 14, 34]

    private func writeMeasures(_ sheet: Worksheet, _ palette: Palette) throws {
        typealias H = ReturnLayout.Header
        let widths = Self.measureWidths
        try sheet.hideColumns(ReturnLayout.keyColumn...ReturnLayout.keyColumn, width: 16)
        for (i, width) in widths.enumerated() { try sheet.setColumns((i + 1)...(i + 1), width: width) }
        sheet.hideGridlines()
        // The title and the note wrap within the table's width: a long agency name would
        // otherwise cut the title short and run the note past the table, which shrinks the
        // printed page to fit it.
        let tableWidth = widths.reduce(0, +)
        let title = "Headline measures supplied by \(scope.agency.name) – \(period)"
        let titleFormat = palette.title.with { $0.wrap = true }
        try sheet.merge(rows: 0...0, cols: 1...widths.count, text: title, format: titleFormat)
        try sheet.setRow(0, height: max(style.fonts.titleSize * 1.8, height(title, width: tableWidth, format: titleFormat)))
        let note = "Enter each figure for \(period) in Value as you would write it (81%, 1,493, tbc)."
        let noteFormat = palette.note.with { $0.wrap = true }
        try sheet.merge(rows: 1...1, cols: 1...widths.count, text: note, format: noteFormat)
        try sheet.setRow(1, height: height(note, width: tableWidth, format: noteFormat))
        let header = ReturnLayout.headerRow
        try sheet.write(H.key, row: header, col: ReturnLayout.keyColumn)
        let headers = [H.measureID, H.measure, H.earlier, "\(H.value) for \(period)", H.note]
        for (i, text) in headers.enumerated() {
            try sheet.write(text, row: header, col: i + 1, format: palette.header)
        }
        try sheet.setRow(header, height: TextHeight.points(Array(zip(headers, widths)), fontSize: style.fonts.size, bold: true))
        var row = header + 1
        var theme: String?
        for item in scope.measures {
            if item.theme.id != theme {
                theme = item.theme.id
                try sheet.merge(rows: row...row, cols: 1...widths.count, text: item.theme.heading, format: palette.group)
                row += 1
            }
            let measure = item.measure
            var name = measure.name
            if let hint = Self.kindHint(for: measure) { name += "\n" + hint }
            let earlier = Self.earlierFigures(item, period: period).joined(separator: "\n")
            try sheet.write(ReturnLayout.key(measure.id, ReturnLayout.measureField), row: row, col: ReturnLayout.keyColumn)
            try sheet.write(measure.id, row: row, col: 1, format: palette.text)
            try sheet.write(name, row: row, col: 2, format: palette.text)
            try sheet.write(earlier, row: row, col: 3, format: palette.text)
            let key = ReturnLayout.key(measure.id, ReturnLayout.measureField)
            let (value, note) = (typed?.cells[key], typed?.cells[ReturnCopy.noteKey(key)])
            try fill(sheet, row: row, col: 4, value, format: input(palette).with { $0.horizontal = .right })
            try fill(sheet, row: row, col: 5, note, format: input(palette).with { $0.wrap = true })
            try sheet.setRow(row, height: TextHeight.points([(name, widths[1]), (earlier, widths[2]), (value ?? "", widths[3]), (note ?? "", widths[4])], fontSize: style.fonts.size))
            row += 1
        }
        sheet.freezePanes(row: header + 1)
        var setup = page(portrait: false)
        setup.repeatRows = header...header
        try sheet.setUpPrinting(setup)
        sheet.protectWithoutPassword()
    }

    /// An input cell: blank on a return to fill in, what was typed on a copy of one.
    private func fill(_ sheet: Worksheet, row: Int, col: Int, _ value: String?, format: CellFormat) throws {
        if let value { try sheet.write(value, row: row, col: col, format: format) } else { try sheet.writeBlank(row: row, col: col, format: format) }
    }

    /// A measure's figures of the periods before `period`: "2012-13 Q4: 81%" each.
    public static func earlierFigures(_ item: ReturnScope.MeasureItem, period: String) -> [String] {
        zip(item.theme.periods, item.measure.values).compactMap { label, value -> String? in
            guard label != period, let value else { return nil }
            return "\(label): \(value.text)"
        }
    }

    /// What to type for a measure, as its return says it: "(a percentage, e.g. 81%)".
    public static func kindHint(for measure: Measure) -> String? {
        MeasureKind.of(measure).map { kindHint(measure.kind == .change ? nil : $0) }
    }

    /// What to type: nil for a measure of change.
    static func kindHint(_ kind: Value.Kind?) -> String {
        guard let kind else { return "(a percentage change, e.g. -5% or 12%)" }
        return switch kind {
        case .percent: "(a percentage, e.g. 81%)"
        case .count: "(a whole number, e.g. 1,493)"
        case .decimal: "(a number, e.g. 2.71)"
        case .text: ""
        }
    }
}

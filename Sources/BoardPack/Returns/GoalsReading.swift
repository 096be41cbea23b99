import ReportModel
import XLSXReader

/// The Goals form of one return: each goal's status, update and (at a year end) proposal,
/// read by key. A goal with a problem is listed with its cell and left out; the others count.
struct GoalsReading {
    let report: Report
    let scope: ReturnScope
    let goalIDs: Set<String>
    /// The return's hidden details, with each goal's wording fingerprint.
    let details: [String: String]
    let file: String

    var answers: [GoalAnswer] = []
    var unanswered: [String] = []
    var problems: [WorkbookProblem] = []
    var sheetName = ReturnLayout.goalsSheet

    init(report: Report, scope: ReturnScope, goalIDs: Set<String>, details: [String: String], file: String) {
        self.report = report
        self.scope = scope
        self.goalIDs = goalIDs
        self.details = details
        self.file = file
    }

    private mutating func problem(_ cell: String?, _ message: String) {
        problems.append(WorkbookProblem(Place(file: file, sheet: sheetName, cell: cell), message))
    }

    mutating func read(_ book: XLSXFile) throws {
        guard !scope.goals.isEmpty else { return }
        guard let sheet = try KeyedSheet.read(book, sheet: ReturnLayout.goalsSheet) else {
            problems.append(KeyedSheet.missing(ReturnLayout.goalsSheet, what: "goals", in: book))
            unanswered = scope.goals.map(\.goal.id)
            return
        }
        sheetName = sheet.name
        guard sheet.keyColumn != nil, let column = sheet.columns[Forgiving.key(ReturnLayout.Header.goals)] else {
            problems.append(KeyedSheet.lostKeys(Place(file: file, sheet: sheetName), "answers"))
            unanswered = scope.goals.map(\.goal.id)
            return
        }
        var byGoal: [String: [String: [Row]]] = [:]
        for entry in sheet.rows { byGoal[Forgiving.key(entry.id), default: [:]][entry.field, default: []].append(entry.row) }
        let owned = Set(scope.goals.map { Forgiving.key($0.goal.id) })

        // Answers for goals this agency was not asked about.
        for entry in sheet.rows where !owned.contains(Forgiving.key(entry.id)) && entry.field != ReturnLayout.GoalField.goal.rawValue {
            guard let text = cell(entry.row, column).flatMap({ CellReading.trimmed($0.value) }), !text.isEmpty else { continue }
            let reference = WorksheetReader.reference(column, entry.row.index)
            problem(reference, goalIDs.contains(Forgiving.key(entry.id))
                ? "goal \(entry.id) is not led by \(scope.agency.name); this answer is not merged"
                : "\"\(entry.id)\" is not a goal of this report; this answer is not merged")
        }
        for item in scope.goals {
            read(item.goal, rows: byGoal[Forgiving.key(item.goal.id)] ?? [:], sheet: sheet, column: column)
        }
    }

    private func cell(_ row: Row, _ column: Int) -> Cell? { row.cells.first { $0.column == column } }

    private mutating func read(_ goal: Goal, rows: [String: [Row]], sheet: KeyedSheet, column: Int) {
        typealias F = ReturnLayout.GoalField
        func reference(_ field: F) -> String? { rows[field.rawValue]?.first.map { WorksheetReader.reference(column, $0.index) } }
        // A goal's block copied: which copy is meant cannot be known.
        for (field, copies) in rows where copies.count > 1 {
            let places = copies.map { "\(sheetName)!\(WorksheetReader.reference(column, $0.index))" }
            problem(WorksheetReader.reference(column, copies[1].index), "goal \(goal.id)'s \(field) appears \(copies.count) times (\(places.joined(separator: ", "))); delete the copies so it is answered once")
            return
        }
        // Input cells merged together: the merge keeps one value and hides the others.
        for field in [F.status, .update, .proposal, .wording] {
            guard let row = rows[field.rawValue]?.first, let range = sheet.mergedRange(covering: column, row.index),
                range.contains(":")
            else { continue }
            problem(range, "is merged into one cell over goal \(goal.id)'s \(field.rawValue); unmerge it (Format > Merge Cells) and answer each in its own cell")
            return
        }
        // Wording: the plan sets it, and an answer to other wording is not an answer to this one.
        let recorded = details[ReturnLayout.Key.wording(goal.id)]
        if let recorded, recorded != ReturnScope.fingerprint(of: goal) {
            problem(reference(.goal), "the wording of goal \(goal.id) has changed in the report since this return was made, so this answer is not merged; ask \(scope.agency.name) to answer the new wording on a new return")
            return
        }
        if let row = rows[F.goal.rawValue]?.first, let shown = cell(row, column).flatMap({ CellReading.trimmed($0.value) }),
            Forgiving.key(shown) != Forgiving.key(goal.text)
        {
            let instead = ReturnLayout.asksForProposals(report.period) ? "propose new wording under Proposed wording" : "say what should change in the Update"
            problem(reference(.goal), "the wording of goal \(goal.id) was changed; the plan sets it, so \(instead)")
            return
        }

        func read(_ field: F) -> (text: String?, refused: Bool) {
            guard let row = rows[field.rawValue]?.first else { return (nil, false) }
            switch InputCell.read(cell(row, column)) {
            case .empty: return (nil, false)
            case .text(let text): return (text, false)
            case .refused(let why):
                problem(reference(field), "goal \(goal.id)'s \(field.rawValue) \(why)")
                return (nil, true)
            }
        }
        let statusText = read(.status), updateText = read(.update)
        let asksForProposals = ReturnLayout.asksForProposals(report.period)
        let proposalText = asksForProposals ? read(.proposal) : (text: nil, refused: false)
        let wordingText = asksForProposals ? read(.wording) : (text: nil, refused: false)
        if statusText.refused || updateText.refused || proposalText.refused || wordingText.refused { return }
        guard statusText.text != nil || updateText.text != nil || proposalText.text != nil || wordingText.text != nil else {
            unanswered.append(goal.id)
            return
        }
        let scheme = report.scheme
        guard let given = statusText.text else {
            problem(reference(.status), "goal \(goal.id) has an answer but no status; choose one of \(scheme.choices)")
            return
        }
        guard let status = scheme.status(matching: given, .nameOrCode) else {
            problem(reference(.status), "\"\(given)\" is not a status of this report (\(scheme.namesList))")
            return
        }
        let update = updateText.text.map(Wording.paragraphs(in:)) ?? []
        if update.isEmpty && scheme.needsUpdate(status.name) {
            problem(reference(.update), "goal \(goal.id) is \(status.name) but has no update; \(Wording.article(before: status.name)) \(status.name) status needs an explanation")
            return
        }
        var proposal: Proposal?
        if let text = proposalText.text {
            let wanted = Forgiving.key(text)
            guard let action = ReturnLayout.proposalChoices.first(where: { Forgiving.key($0.label) == wanted || Forgiving.key($0.rawValue) == wanted }) else {
                problem(reference(.proposal), "\"\(text)\" is not a proposal (\(ReturnLayout.proposalChoices.map(\.label).joined(separator: ", ")))")
                return
            }
            if action == .amend && wordingText.text == nil {
                problem(reference(.wording), "goal \(goal.id) is to be amended but has no proposed wording")
                return
            }
            proposal = Proposal(action: action, wording: action == .amend ? wordingText.text : nil)
        }
        var cells = [F.status, .update].compactMap(reference)
        if proposal != nil { cells += [F.proposal, .wording].compactMap(reference) }
        answers.append(GoalAnswer(goalID: goal.id, status: status.name, update: update, proposal: proposal, cells: cells))
    }
}

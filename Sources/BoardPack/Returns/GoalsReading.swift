import ReportModel
import XLSXReader

/// The Goals form of one return: each goal's status, update and (at a year end) proposal,
/// read by key. A goal with a problem is listed with its cell and left out; the others count.
struct GoalsReading {
    let report: Report
    let directory: AgencyDirectory
    let scope: ReturnScope
    let goalIDs: Set<String>
    /// The return's hidden details, with each goal's wording fingerprint.
    let details: [String: String]
    let file: String

    /// Answers accepted, answers given and refused (each with its reason), goals unanswered.
    var tally: GoalTally
    /// Text typed in rows of their own after an input cell, by that cell's key: joined to it.
    private var typedOn: [String: [(text: String, cell: String)]] = [:]
    /// Goals whose answer cells' keys sit in another goal's block, or whose block holds another's.
    private var misplaced: Set<String> = []
    var problems: [WorkbookProblem] = []
    var sheetName = ReturnLayout.goalsSheet

    init(report: Report, directory: AgencyDirectory, scope: ReturnScope, goalIDs: Set<String>, details: [String: String], file: String) {
        self.report = report
        self.directory = directory
        self.scope = scope
        self.goalIDs = goalIDs
        self.details = details
        self.file = file
        self.tally = GoalTally(report: report)
    }

    private mutating func problem(_ cell: String?, _ message: String) {
        problems.append(WorkbookProblem(Place(file: file, sheet: sheetName, cell: cell), message))
    }

    mutating func read(_ book: XLSXFile) throws {
        guard !scope.goals.isEmpty else { return }
        guard let sheet = try KeyedSheet.read(book, sheet: ReturnLayout.goalsSheet) else {
            problems.append(KeyedSheet.missing(ReturnLayout.goalsSheet, what: "goals", in: book))
            tally.unanswered = scope.goals.map(\.goal.id)
            return
        }
        sheetName = sheet.name
        guard sheet.keyColumn != nil, let column = sheet.columns[Forgiving.key(ReturnLayout.Header.goals)] else {
            problems.append(KeyedSheet.lostKeys(Place(file: file, sheet: sheetName), "answers"))
            tally.unanswered = scope.goals.map(\.goal.id)
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
        findTypedText(sheet, column: column)
        findMisplacedKeys(sheet, owned: owned)
        for item in scope.goals {
            read(item.goal, rows: byGoal[Forgiving.key(item.goal.id)] ?? [:], sheet: sheet, column: column)
        }
    }

    /// Text an officer typed in a row of its own (a row inserted under an Update, say): joined
    /// to the Update or Proposed wording it follows, listed with its cell anywhere else. Never
    /// silently left out.
    private mutating func findTypedText(_ sheet: KeyedSheet, column: Int) {
        let own = GoalsForm(report: report, scope: scope, noteLabel: Style.standard.labels.note).ownTexts(directory)
        var continuing: String?  // the key of the input cell typed text runs on from
        for entry in sheet.sequence {
            if let key = entry.key {
                continuing = [F.update.rawValue, F.wording.rawValue].contains(key.field) ? Forgiving.key(ReturnLayout.key(key.id, key.field)) : nil
                continue
            }
            guard let text = cell(entry.row, column).flatMap({ CellReading.trimmed($0.value) }) else { continue }
            if own.contains(text) {
                continuing = nil
                continue
            }
            let reference = WorksheetReader.reference(column, entry.row.index)
            if let continuing {
                typedOn[continuing, default: []].append((text, reference))
            } else {
                problem(reference, "\"\(Wording.cut(text, to: 40))\" is typed outside the answer cells, so it is not read; type it into its goal's Status or Update cell")
            }
        }
    }

    /// Keys of a goal's answer cells that sit in another goal's block (moved or swapped): the
    /// answers cannot be placed, so neither goal's is taken. (Keys of other agencies' goals, and
    /// copied blocks, have problems of their own.)
    private mutating func findMisplacedKeys(_ sheet: KeyedSheet, owned: Set<String>) {
        var copies: [String: Int] = [:]
        for entry in sheet.rows { copies[Forgiving.key(ReturnLayout.key(entry.id, entry.field)), default: 0] += 1 }
        var block: String?
        for entry in sheet.rows {
            if entry.field == F.goal.rawValue {
                block = entry.id
                continue
            }
            guard let owner = block, Forgiving.key(owner) != Forgiving.key(entry.id), owned.contains(Forgiving.key(entry.id)),
                copies[Forgiving.key(ReturnLayout.key(entry.id, entry.field))] == 1
            else { continue }
            let reference = WorksheetReader.reference(sheet.keyColumn ?? 0, entry.row.index)
            problem(reference, "the hidden key of goal \(entry.id)'s \(entry.field) sits in goal \(owner)'s block (the rows or their keys were moved), so neither goal's answer can be placed; undo the move, or ask for a new return")
            misplaced.formUnion([Forgiving.key(entry.id), Forgiving.key(owner)])
        }
    }

    private typealias F = ReturnLayout.GoalField

    private func cell(_ row: Row, _ column: Int) -> Cell? { row.cells.first { $0.column == column } }

    private mutating func read(_ goal: Goal, rows: [String: [Row]], sheet: KeyedSheet, column: Int) {
        func reference(_ field: F) -> String? { rows[field.rawValue]?.first.map { WorksheetReader.reference(column, $0.index) } }
        let asksForProposals = ReturnLayout.asksForProposals(report.period)
        // What was typed, as far as it reads as text: kept with a refused answer, so that the
        // board sees an answer came (a Red refused for want of an update is still "returned Red").
        func typed(_ field: F) -> String? {
            let more = typedOn[Forgiving.key(ReturnLayout.key(goal.id, field.rawValue))]?.map(\.text) ?? []
            guard let row = rows[field.rawValue]?.first, case .text(let text) = InputCell.read(cell(row, column)) else {
                return more.isEmpty ? nil : more.joined(separator: Wording.paragraphSeparator)
            }
            return ([text] + more).joined(separator: Wording.paragraphSeparator)
        }
        let typedCells = [F.update, .wording].flatMap { typedOn[Forgiving.key(ReturnLayout.key(goal.id, $0.rawValue))]?.map(\.cell) ?? [] }
        let given = GoalAnswerRules.Given(
            status: typed(.status), update: typed(.update),
            proposal: asksForProposals ? typed(.proposal) : nil, wording: asksForProposals ? typed(.wording) : nil)
        /// Keeps what was given, refused for `reason` (when anything was given, or `always`).
        func keep(refusedFor reason: String, always: Bool = false) {
            tally.keep(given, goal: goal, places: [F.status, .update].compactMap(reference) + typedCells, refusedFor: reason, always: always)
        }
        func refuse(_ cell: String?, _ message: String, reason: String) {
            problem(cell, message)
            keep(refusedFor: reason)
        }
        if misplaced.contains(Forgiving.key(goal.id)) {
            keep(refusedFor: "its cells' hidden keys were moved")
            return
        }
        // A goal's block copied: which copy is meant cannot be known.
        for field in F.allCases.map(\.rawValue) where (rows[field]?.count ?? 0) > 1 {
            let copies = rows[field]!
            let places = copies.map { "\(sheetName)!\(WorksheetReader.reference(column, $0.index))" }
            refuse(WorksheetReader.reference(column, copies[1].index), "goal \(goal.id)'s \(field) appears \(copies.count) times (\(places.joined(separator: ", "))); delete the copies so it is answered once", reason: "answered twice (its block copied)")
            return
        }
        // Input cells merged together: the merge keeps one value and hides the others.
        for field in [F.status, .update, .proposal, .wording] {
            guard let row = rows[field.rawValue]?.first, let range = sheet.mergedRange(covering: column, row.index),
                range.contains(":")
            else { continue }
            refuse(range, "is merged into one cell over goal \(goal.id)'s \(field.rawValue); unmerge it (Format > Merge Cells) and answer each in its own cell", reason: "its cells merged together")
            return
        }
        // Wording: the plan sets it, and an answer to other wording is not an answer to this one.
        let recorded = details[ReturnLayout.Key.wording(goal.id)]
        if let recorded, recorded != ReturnScope.fingerprint(of: goal) {
            refuse(reference(.goal), "the wording of goal \(goal.id) has changed in the report since this return was made, so this answer is not merged; ask \(scope.agency.name) to answer the new wording on a new return", reason: "an answer to the goal's earlier wording")
            return
        }
        if let row = rows[F.goal.rawValue]?.first, let shown = cell(row, column).flatMap({ CellReading.trimmed($0.value) }),
            Forgiving.key(shown) != Forgiving.key(goal.text)
        {
            // Another goal's wording: the rows were sorted or moved apart from their hidden keys.
            if let other = scope.goals.first(where: { $0.goal.id != goal.id && Forgiving.key($0.goal.text) == Forgiving.key(shown) }) {
                refuse(reference(.goal), "goal \(goal.id)'s row shows the wording of goal \(other.goal.id): the rows were sorted or moved apart from their hidden keys, so this answer cannot be placed; undo the sort (Edit > Undo), or ask for a new return", reason: "its rows were sorted")
                return
            }
            let instead = asksForProposals ? "propose new wording under Proposed wording" : "say what should change in the Update"
            refuse(reference(.goal), "the wording of goal \(goal.id) was changed; the plan sets it, so \(instead)", reason: "the goal's wording changed on the return")
            return
        }
        // A cell that cannot be taken as typed (a formula, an error value, too long).
        var unreadable: (field: F, why: String)?
        for field in asksForProposals ? [F.status, .update, .proposal, .wording] : [F.status, .update] {
            guard let row = rows[field.rawValue]?.first, case .refused(let why) = InputCell.read(cell(row, column)) else { continue }
            problem(reference(field), "goal \(goal.id)'s \(field.rawValue) \(why)")
            unreadable = unreadable ?? (field, why)
        }
        if let unreadable {
            keep(refusedFor: "its \(unreadable.field.rawValue) cell could not be read", always: unreadable.field == .status)
            return
        }
        let refusal = tally.judge(given, goal: goal) { withProposal in
            var cells = [F.status, .update].compactMap(reference)
            if withProposal { cells += [F.proposal, .wording].compactMap(reference) }
            return cells + typedCells
        }
        if let refusal { problem(reference(refusal.field), refusal.message) }
    }
}

import ReportModel

/// The layout of a board pack: a contract between `BoardPackExporter`, which writes it, and
/// `BoardPackImporter`, which reads it back (also after someone touched it up in Excel).
/// Documented in docs/board-pack.md; anything written here and read back goes through this type.
///
/// Tables are found by their header rows and columns by their header labels, never by position:
/// a sheet's columns are a grid shared by tables of different widths (see `TableGrid`).
public enum BoardPackLayout {
    /// The hidden sheet that keeps the report's JSON (see `EmbeddedReport`).
    public static let reportSheet = "_report"
    /// Characters of JSON per cell of that sheet, below Excel's 32,767-character limit.
    static let reportChunk = 30_000

    /// Every theme sheet's first row holds its title, the theme's heading: that is how import
    /// finds the sheet again whatever it has been renamed to.
    static let titleRow = 0

    // MARK: - Statistics

    /// On the statistics sheet each table starts with its heading alone in column A; its header
    /// row (the column labels from column B) and its rows follow at once, figures from column B.
    static let statisticsFirstValueColumn = 1

    // MARK: - Theme sheets: headline measures

    /// The headline measures table: a header row starting with the "Headline Measure" label and
    /// naming each period shown; one row per measure, its figures under their periods; a group's
    /// sub-heading row holds only the group's name. The name cell holds the name, then each note
    /// on a line of its own.
    static func measureCell(_ measure: Measure) -> String { ([measure.name] + measure.notes).joined(separator: "\n") }

    /// The measure's name in a cell written by `measureCell`: import matches the row by it.
    static func measureCellName(_ cell: String) -> String {
        String(cell.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    // MARK: - Theme sheets: goals

    /// The columns a goals table may have, in order. A column empty throughout is left out.
    /// `ref` holds the goal's id: import matches each row to its goal by it (and by its
    /// wording), so rows inserted, deleted or moved in Excel never shift one goal's answers
    /// onto another.
    enum GoalColumn: CaseIterable {
        case ref, goal, lead, status, previous, update, proposal, wording

        func header(_ labels: Style.Labels) -> String {
            switch self {
            case .ref: labels.ref
            case .goal: labels.goal
            case .lead: labels.leadAgency
            case .status: labels.status
            case .previous: labels.previous
            case .update: labels.update
            case .proposal: labels.proposal
            case .wording: labels.proposedWording
            }
        }
    }

    /// Every goal of the theme is a row, in the report's order: the plan's goals and a plan
    /// refresh's proposed ones, each sub-goal bulleted under its parent. A table running onto
    /// another page repeats its header there, with "(continued)" after the Goal label (and a
    /// headline measures table after its first label).
    static func continuedHeader(_ labels: Style.Labels) -> String { continued(labels.goal, labels) }

    static func continued(_ header: String, _ labels: Style.Labels) -> String { "\(header) \(labels.continued)" }

    /// Sub-goals are bulleted under their parent.
    static let subGoalBullet = "• "

    static func notePrefix(_ labels: Style.Labels) -> String { "\(labels.note): " }

    /// The Goal cell: the goal's text (bulleted when it is a sub-goal), then each editorial note
    /// on a line of its own.
    static func goalCell(_ goal: Goal, depth: Int, labels: Style.Labels) -> String {
        var text = depth > 0 ? subGoalBullet + goal.text : goal.text
        for note in goal.notes { text += "\n" + notePrefix(labels) + note }
        return text
    }

    /// The text and notes of a Goal cell written by `goalCell`.
    static func goalCellParts(_ cell: String, depth: Int, labels: Style.Labels) -> (text: String, notes: [String]) {
        var cell = cell
        if depth > 0 && cell.hasPrefix(subGoalBullet) { cell.removeFirst(subGoalBullet.count) }
        let prefix = notePrefix(labels)
        let lines = cell.components(separatedBy: "\n")
        return (
            lines.filter { !$0.hasPrefix(prefix) }.joined(separator: "\n"),
            lines.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        )
    }

    /// The Status cell shows the status, or one of these words, which import reads as no status.
    static func noStatusWords(_ labels: Style.Labels) -> Set<String> { [labels.notRated, labels.noReturn, labels.conflict, labels.notAccepted] }

    /// The Update cell of a goal whose every answer was refused starts with one line per
    /// answer, saying who returned what and why it was not accepted; import leaves them out.
    static func notAcceptedLines(_ refused: [GoalReturn], _ agencies: AgencyDirectory, _ labels: Style.Labels) -> [String] {
        refused.map { answer in
            "\(labels.notAccepted): \(agencies.displayName(ofLead: answer.agency)) returned \(answer.status ?? "an answer") (\(answer.refused ?? ""))"
        }
    }

    /// Whether a line of an Update cell is the pack's own (a conflict's or a refused answer's).
    static func isPackLine(_ line: Substring, _ labels: Style.Labels) -> Bool {
        line.hasPrefix("\(labels.conflict): ") || line.hasPrefix("\(labels.notAccepted): ")
    }

    /// The Update cell of a goal whose co-leads disagree starts with who said what, on a line of
    /// its own; import leaves that line out.
    static func conflictLine(_ said: [AgencyStatus], _ agencies: AgencyDirectory, _ labels: Style.Labels) -> String {
        "\(labels.conflict): " + said.map { "\(agencies.displayName(ofLead: $0.agency)) says \($0.status)" }.joined(separator: ", ")
    }

    /// The Proposed wording cell: the wording proposed, then the proposal's note.
    static func wordingCell(_ proposal: Proposal?) -> String {
        [proposal?.wording, proposal?.note].compactMap { $0 }.joined(separator: Wording.paragraphSeparator)
    }
}

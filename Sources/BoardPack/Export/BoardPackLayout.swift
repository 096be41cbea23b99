import ReportModel

/// The layout of a board pack: a contract between `BoardPackExporter`, which writes it, and
/// `BoardPackImporter`, which reads it back (also after someone touched it up in Excel).
/// Documented in the README; anything written here and read back goes through this type.
public enum BoardPackLayout {
    /// The hidden sheet that keeps the report's JSON (see `EmbeddedReport`).
    public static let reportSheet = "_report"
    /// Characters of JSON per cell of that sheet, below Excel's 32,767-character limit.
    static let reportChunk = 30_000

    /// Every visible sheet's first row holds its title: the theme's or table's heading, which is
    /// how import finds the sheet again whatever it has been renamed to.
    static let titleRow = 0

    // MARK: - Statistics sheets

    /// The row of a statistics table's column labels; its rows follow at once.
    static let statisticsHeaderRow = 2
    /// The column of a statistics row's first figure (the label is in column A).
    static let statisticsFirstValueColumn = 1

    // MARK: - Theme sheets

    /// The headline measures table: a header row starting with the "Headline Measure" label, then
    /// one row per measure with its figures from this column on; a group's sub-heading row holds
    /// only the group's name.
    static let measuresFirstValueColumn = 1

    /// The goals table's columns, in order.
    enum GoalColumn {
        static let goal = 0
        static let lead = 1
        static let status = 2
        static let update = 3
        static let count = 4
    }

    /// The goals table's header row, by which import finds the table.
    static func goalsHeader(_ labels: Style.Labels) -> [String] {
        [labels.goal, labels.leadAgency, labels.status, labels.update]
    }

    /// Sub-goals are bulleted under their parent, one row each, in the report's order.
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

    /// What a goal's Status cell shows.
    enum StatusCell: Equatable {
        case status(Status)
        /// A goal without a status.
        case notRated
        /// Nothing: a goal that reads "to include:-" is rated through its sub-goals.
        case blank
    }

    static func statusCell(of goal: Goal, in scheme: StatusScheme) -> StatusCell {
        if let name = goal.status, let status = scheme.status(matching: name, .exactName) { return .status(status) }
        return goal.subGoals.isEmpty ? .notRated : .blank
    }
}

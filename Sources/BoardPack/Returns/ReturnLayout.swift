import ReportModel

/// The layout of an agency return: a contract between `boardpack returns`, the agencies who
/// fill it in, and `boardpack check` / `merge`. Documented in docs/return-layout.md; change with care and
/// bump `templateVersion` (returns of another version are refused with a request for a new one).
///
/// Every cell boardpack reads is found by a key in a hidden first column, never by its position:
/// `ACC-2|status` marks the row of goal ACC-2's Status cell. Rows may be moved, inserted or
/// resized without confusing the reader, and a row it does not know is left alone.
public enum ReturnLayout {
    /// 2: the Goals sheet became a form (one goal a block, the Update cell page-wide), cells are
    /// found by key, input cells hold text, and "Completed by" and "Date" were added.
    public static let templateVersion = "2"

    public static let instructionsSheet = "Instructions"
    public static let goalsSheet = "Goals"
    public static let measuresSheet = "Measures"
    /// Hidden sheet repeating the custom properties (Google Sheets drops those), with each
    /// goal's wording fingerprint.
    public static let detailsSheet = "_boardpack"

    /// The hidden first column of the Goals and Measures sheets, headed `Key` on the header row.
    public static let keyColumn = 0
    /// The column of everything the Goals form shows and asks.
    public static let formColumn = 1
    /// Title and instructions above the header row.
    public static let headerRow = 3

    public enum Header {
        public static let key = "Key"
        public static let goals = "Goals"
        public static let measureID = "Measure ID"
        public static let measure = "Measure"
        public static let earlier = "Earlier figures"
        public static let value = "Value"
        public static let note = "Note"
    }

    /// What a keyed row of the Goals form holds.
    public enum GoalField: String, CaseIterable, Sendable {
        /// The goal's wording, as the plan has it (locked).
        case goal
        case status
        case update
        /// At a year-end stock take: Carry forward, Amend or Discharge.
        case proposal
        /// At a year-end stock take: the wording proposed for an amended goal.
        case wording
    }

    /// What a keyed row of the Measures sheet holds: the figure and its note, in the Value and
    /// Note columns.
    public static let measureField = "figure"

    /// "ACC-2|status".
    public static func key(_ id: String, _ field: String) -> String { "\(id)|\(field)" }

    /// The id and field of a key; nil for anything else.
    public static func parse(key: String) -> (id: String, field: String)? {
        guard let bar = key.lastIndex(of: "|") else { return nil }
        let id = String(key[..<bar]), field = String(key[key.index(after: bar)...])
        return id.isEmpty || field.isEmpty ? nil : (id, field)
    }

    /// The labels of the Instructions sheet's input cells (column A), whose answers are in column B.
    public enum Signature {
        public static let completedBy = "Completed by"
        public static let date = "Date completed"
    }

    /// Keys of the custom document properties and of the hidden sheet's rows.
    public enum Key {
        public static let report = "boardpack.report"
        public static let period = "boardpack.period"
        public static let agency = "boardpack.agency"
        public static let template = "boardpack.template"
        public static let all = [report, period, agency, template]
        /// "boardpack.goal.ACC-2": the SHA-256 of the goal's wording when the return was made.
        public static func wording(_ goalID: String) -> String { "boardpack.goal.\(goalID)" }
    }

    /// The proposals an agency may make in a plan-refresh stock take.
    public static let proposalChoices: [Proposal.Action] = [.carryForward, .amend, .discharge]

    /// Whether a return for a period of this kind asks for plan-refresh proposals.
    public static func asksForProposals(_ period: Period) -> Bool { period.kind == .endOfYear }
}

import ReportModel

/// The layout of an agency return: a contract between `boardpack returns`, the agencies who
/// fill it in, and `boardpack check` / `merge`. Documented in the README; change with care and
/// bump `templateVersion`.
public enum ReturnLayout {
    public static let templateVersion = "1"

    public static let instructionsSheet = "Instructions"
    public static let goalsSheet = "Goals"
    public static let measuresSheet = "Measures"
    /// Hidden sheet repeating the custom properties, because Google Sheets drops those.
    public static let detailsSheet = "_boardpack"

    public enum Header {
        public static let goalID = "Goal ID"
        public static let theme = "Theme"
        public static let goal = "Goal"
        public static let leadAgency = "Lead Agency"
        public static let previousStatus = "Previous Status"
        public static let previousUpdate = "Previous Update"
        public static let status = "Status"
        public static let update = "Update"
        public static let proposal = "Proposal"
        public static let proposedWording = "Proposed Wording"
        public static let measureID = "Measure ID"
        public static let measure = "Measure"
        public static let value = "Value"
        public static let note = "Note"
    }

    /// Keys of the custom document properties and of the hidden sheet's rows.
    public enum Key {
        public static let report = "boardpack.report"
        public static let period = "boardpack.period"
        public static let agency = "boardpack.agency"
        public static let template = "boardpack.template"
        public static let fingerprint = "boardpack.fingerprint"
        public static let all = [report, period, agency, template, fingerprint]
    }

    /// Rows above the header on the Goals and Measures sheets (title, what to do, period).
    public static let headerRow = 3

    /// The proposals an agency may make in a plan-refresh stock take.
    public static let proposalChoices: [Proposal.Action] = [.carryForward, .amend, .discharge]
}

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

/// What one agency is asked for: the goals it leads or co-leads (and those led by "All") and
/// the headline measures it supplies.
public struct ReturnScope: Sendable {
    public struct GoalItem: Sendable {
        public var theme: Theme
        public var goal: Goal
    }

    public struct MeasureItem: Sendable {
        public var theme: Theme
        public var measure: Measure
    }

    public let agency: Agency
    public let goals: [GoalItem]
    public let measures: [MeasureItem]

    /// Rated goals only: a goal with sub-goals is answered through its sub-goals, and goals a
    /// plan refresh merely proposes are not yet tracked.
    public init(agency: Agency, in report: Report, directory: AgencyDirectory) {
        self.agency = agency
        func owns(_ references: [String]) -> Bool {
            references.contains { AgencyDirectory.isAll($0) || directory.agency($0)?.id == agency.id }
        }
        goals = report.themes.flatMap { theme in
            theme.goals.filter { $0.proposal?.action != .new }.flatMap(\.countedGoals)
                .filter { owns($0.leads) }.map { GoalItem(theme: theme, goal: $0) }
        }
        measures = report.themes.flatMap { theme in
            theme.measures.filter { $0.supplier.map { owns([$0]) } ?? false }.map { MeasureItem(theme: theme, measure: $0) }
        }
    }

    public var isEmpty: Bool { goals.isEmpty && measures.isEmpty }

    /// SHA-256 of the ids and wording of what the return lists: a return made from other
    /// goals or measures than the report now has cannot be merged safely.
    public var fingerprint: String {
        var lines = goals.map { "goal\t\($0.goal.id)\t\($0.goal.text)" }
        lines += measures.map { "measure\t\($0.measure.id)\t\($0.measure.name)" }
        return SHA256.hex(Array(lines.joined(separator: "\n").utf8))
    }

    /// Every agency that is asked for something, in the report's order.
    public static func all(in report: Report) -> [ReturnScope] {
        let directory = report.agencyDirectory
        return report.agencies.map { ReturnScope(agency: $0, in: report, directory: directory) }.filter { !$0.isEmpty }
    }

    /// A file name made from the agency's name: "Integrated Youth Services (KCC)" →
    /// "integrated-youth-services-kcc.xlsx".
    public var fileName: String {
        var slug = ""
        for scalar in agency.name.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alnum(scalar)) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return (slug.isEmpty ? agency.id : slug) + ".xlsx"
    }
}

private enum CharacterSet {
    static func alnum(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "0" && s <= "9")
    }
}

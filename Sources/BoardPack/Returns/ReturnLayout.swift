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

    init(agency: Agency, goals: [GoalItem], measures: [MeasureItem]) {
        self.agency = agency
        self.goals = goals
        self.measures = measures
    }

    public var isEmpty: Bool { goals.isEmpty && measures.isEmpty }

    /// SHA-256 of the ids and wording of what the return lists: a return made from other
    /// goals or measures than the report now has cannot be merged safely.
    public var fingerprint: String {
        var lines = goals.map { "goal\t\($0.goal.id)\t\($0.goal.text)" }
        lines += measures.map { "measure\t\($0.measure.id)\t\($0.measure.name)" }
        return SHA256.hex(Array(lines.joined(separator: "\n").utf8))
    }

    /// Every agency that is asked for something, in the report's order, each with its goals
    /// and measures in the report's order.
    ///
    /// Rated goals only: a goal with sub-goals is answered through its sub-goals, and goals a
    /// plan refresh merely proposes are not yet tracked. One pass over the report, so that a
    /// thousand agencies cost little more than one.
    public static func all(in report: Report) -> [ReturnScope] {
        let directory = report.agencyDirectory
        var goals: [String: [(Int, GoalItem)]] = [:]
        var sharedGoals: [(Int, GoalItem)] = []  // led by "All"
        var measures: [String: [MeasureItem]] = [:]
        var order = 0
        for theme in report.themes {
            for goal in theme.goals.filter({ $0.proposal?.action != .new }).flatMap(\.countedGoals) {
                order += 1
                let item = GoalItem(theme: theme, goal: goal)
                if goal.leads.contains(where: AgencyDirectory.isAll) {
                    sharedGoals.append((order, item))
                    continue
                }
                var owners: [String] = []
                for lead in goal.leads {
                    if let id = directory.agency(lead)?.id, !owners.contains(id) { owners.append(id) }
                }
                for id in owners { goals[id, default: []].append((order, item)) }
            }
            for measure in theme.measures {
                if let id = measure.supplier.flatMap({ directory.agency($0)?.id }) {
                    measures[id, default: []].append(MeasureItem(theme: theme, measure: measure))
                }
            }
        }
        return report.agencies.map { agency in
            // The agency's own goals and the shared ones, each list already in report order.
            let own = goals[agency.id] ?? []
            var merged: [GoalItem] = []
            merged.reserveCapacity(own.count + sharedGoals.count)
            var i = 0, j = 0
            while i < own.count || j < sharedGoals.count {
                if j == sharedGoals.count || (i < own.count && own[i].0 < sharedGoals[j].0) {
                    merged.append(own[i].1)
                    i += 1
                } else {
                    merged.append(sharedGoals[j].1)
                    j += 1
                }
            }
            return ReturnScope(agency: agency, goals: merged, measures: measures[agency.id] ?? [])
        }.filter { !$0.isEmpty }
    }

    /// A file name made from the agency's name: "Integrated Youth Services (KCC)" →
    /// "integrated-youth-services-kcc.xlsx".
    public var fileName: String {
        var slug = ""
        for scalar in agency.name.lowercased().unicodeScalars {
            if scalar.isASCII && ASCIIName.isLetterOrDigit(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return (slug.isEmpty ? agency.id : slug) + ".xlsx"
    }
}

private enum ASCIIName {
    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "0" && s <= "9")
    }
}

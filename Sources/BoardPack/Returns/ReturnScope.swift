import ReportModel

/// What one agency is asked for: the goals it leads or co-leads (and those led by "All") and
/// the headline measures it supplies.
public struct ReturnScope: Sendable {
    public struct GoalItem: Sendable {
        public var theme: Theme
        public var goal: Goal
        /// The goal a sub-goal is part of (the form prints it above the sub-goal's wording).
        public var parent: Goal?
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

    /// SHA-256 of a goal's wording, kept in the return when it is made: an answer given against
    /// other wording than the report now has must not be merged as an answer to the new wording.
    public static func fingerprint(of goal: Goal) -> String { SHA256.hex(Array(goal.text.utf8)) }

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
            // Each sub-goal's parent, in one walk of the theme (not a search per goal: a merge
            // makes the forms of a thousand returns).
            var parents: [String: Goal] = [:]
            func note(_ goal: Goal) { for sub in goal.subGoals { parents[sub.id] = goal; note(sub) } }
            theme.goals.forEach(note)
            for goal in theme.countedGoals {
                order += 1
                let item = GoalItem(theme: theme, goal: goal, parent: parents[goal.id])
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

    /// The scopes to write returns for: every agency asked for something, or only the one named
    /// (by id, name or alias).
    /// - Throws: `ReportProblems` when `agency` names no agency of the report, or one asked for nothing.
    public static func all(in report: Report, only agency: String?, file: String) throws -> [ReturnScope] {
        let scopes = all(in: report)
        guard let agency else { return scopes }
        func refuse(_ message: String) -> ReportProblems {
            ReportProblems(file: file, problems: [ReportProblem(path: "", message: message)])
        }
        guard let wanted = report.agency(agency) else {
            throw refuse("\(agency) is not an agency of this report (\(report.agencies.map(\.name).joined(separator: ", ")))")
        }
        let chosen = scopes.filter { $0.agency.id == wanted.id }
        if chosen.isEmpty { throw refuse("\(wanted.name) leads no goal and supplies no figure in this report") }
        return chosen
    }

    /// "5 goals, 2 measures for JPPB": what the return asks for.
    public var summary: String {
        "\(Wording.plural(goals.count, "goal")), \(Wording.plural(measures.count, "measure")) for \(agency.name)"
    }

    /// A file name made from the agency's name: "Integrated Youth Services (KCC)" →
    /// "integrated-youth-services-kcc.xlsx".
    public var fileName: String { Self.fileName(of: agency) }

    /// The return's file name for an agency (see `fileName`).
    public static func fileName(of agency: Agency) -> String {
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

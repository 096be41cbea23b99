import ReportModel

/// The Goals sheet of a return, line by line: what `ReturnTemplate` writes, and what the checker
/// knows as the form's own words, so that text an officer typed in a row of its own (below an
/// Update, say) can be told from the form's and is never silently left out. The portal's web
/// form asks its questions in these words too.
public struct GoalsForm {
    let report: Report
    let scope: ReturnScope
    /// The style's word for an editorial note ("Note").
    let noteLabel: String

    public init(report: Report, scope: ReturnScope, noteLabel: String = Style.standard.labels.note) {
        self.report = report
        self.scope = scope
        self.noteLabel = noteLabel
    }

    /// One row of a goal's block.
    public enum Line: Equatable {
        /// "MH-1 – 2.4 Mental and Physical Health – led by Public Health NHS Kent".
        case heading(String)
        /// The goal's wording, keyed `ID|goal`.
        case wording(String)
        /// A sub-goal's parent: what it is part of.
        case parent(String)
        case note(String)
        /// How the goal was last rated.
        case previous(String)
        /// What the input cell below asks for.
        case label(String)
        /// An input cell, keyed `ID|field`.
        case field(ReturnLayout.GoalField)

        /// The form's own text in the row, nil for an input cell.
        public var text: String? {
            switch self {
            case .heading(let t), .wording(let t), .parent(let t), .note(let t), .previous(let t), .label(let t): t
            case .field: nil
            }
        }
    }

    var period: String { report.period.label }

    /// The title of the sheet.
    var title: String { "Goals led by \(scope.agency.name) – \(period)" }

    /// The line under the title.
    var guide: String {
        scope.goals.isEmpty
            ? "\(scope.agency.name) leads no goal this period; there is nothing to fill in on this sheet."
            : "For each goal, choose a Status and write an Update in the shaded cells below it. The Update cell grows as you type."
    }

    /// A goal's block, top to bottom.
    public func lines(_ item: ReturnScope.GoalItem, _ directory: AgencyDirectory) -> [Line] {
        let goal = item.goal
        var lines: [Line] = [.heading("\(goal.id) – \(item.theme.heading) – led by \(Wording.leads(goal.leads, directory))")]
        // A sub-goal ("Identify current gaps in provision") reads only with the goal it is part of.
        if let parent = item.parent {
            lines.append(.parent("Part of \(parent.id): \(parent.text)"))
        }
        lines.append(.wording(goal.text))
        lines += goal.notes.map { .note("\(noteLabel): \($0)") }
        lines.append(.previous(Self.previous(goal)))
        lines.append(.label("Status for \(period) (\(report.scheme.choices)):"))
        lines.append(.field(.status))
        var ask = "Update for \(period): what was done and what happens next"
        if let needing = report.scheme.needingUpdate { ask += " (\(Wording.article(before: needing)) \(needing) status needs one)" }
        lines.append(.label(ask + ":"))
        lines.append(.field(.update))
        if ReturnLayout.asksForProposals(report.period) {
            lines.append(.label("Proposal for next year's plan (\(ReturnLayout.proposalChoices.map(\.label).joined(separator: ", "))):"))
            lines.append(.field(.proposal))
            lines.append(.label("Proposed wording, if you propose to amend the goal:"))
            lines.append(.field(.wording))
        }
        return lines
    }

    /// Every text the form writes outside its input cells and keyed wording rows, for telling
    /// typed text from the form's own.
    /// - Parameter directory: the report's agencies, built once by the caller (a merge checks
    ///   a thousand returns against a thousand agencies).
    func ownTexts(_ directory: AgencyDirectory) -> Set<String> {
        var texts: Set<String> = [title, guide, ReturnLayout.Header.goals]
        for item in scope.goals {
            for line in lines(item, directory) {
                if case .wording = line { continue }
                if let text = line.text { texts.insert(text) }
            }
        }
        return texts
    }

    /// How the goal was last rated, from its history: "Last rated at 2012-13: Green. …".
    static func previous(_ goal: Goal) -> String {
        if let change = goal.history.last?.change {
            switch change.kind {
            case .added: return "A new goal: not rated before."
            case .reworded:
                let rating = goal.lastRating.map { " Last rated at \($0.period): \($0.status ?? "")." } ?? ""
                return "Reworded for this period; it read: \"\(change.previousWording ?? "")\".\(rating)"
            case .discharged: break
            }
        }
        guard let rating = goal.lastRating, let status = rating.status else { return "Not rated before." }
        let update = rating.update.isEmpty ? "" : " Update then: " + rating.update.joined(separator: " ")
        return "Last rated at \(rating.period): \(status).\(update)"
    }
}

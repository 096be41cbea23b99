import BoardPack
import Foundation
import ReportModel

/// The return as a web form: each goal the agency leads with its wording, notes and last
/// rating, a Status choice of exactly the period's scheme and an Update; each figure with its
/// earlier values; who completed it and when. Its questions are the return workbook's
/// (`GoalsForm`), its field names the checker's (`FormField`), so an error names the field the
/// page shows and links to it.
struct FormPage {
    /// One radio button: a status of the scheme, or a proposal.
    struct Choice {
        var id: String
        var value: String
        var label: String
        var colourClass: String
        var checked: Bool
    }

    /// An error beside its field, and in the summary at the top.
    struct FieldError {
        var id: String
        var message: String
    }

    struct GoalBlock {
        var id: String
        var heading: String
        var lines: [String]
        var previous: String
        var statusName: String
        var statusLegend: String
        var statusError: FieldError?
        var statuses: [Choice]
        var updateID: String
        var updateName: String
        var updateLabel: String
        var update: String
        var updateError: FieldError?
        var asksProposal: Bool
        var proposalName: String
        var proposalLegend: String
        var proposalError: FieldError?
        var proposals: [Choice]
        var wordingID: String
        var wordingName: String
        var wordingLabel: String
        var wording: String
        var wordingError: FieldError?
    }

    struct MeasureBlock {
        var id: String
        var name: String
        var theme: String
        var hint: String?
        /// "2012-13 Q3: 81%; 2012-13 Q4: 83%".
        var earlier: String?
        var valueID: String
        var valueName: String
        var value: String
        var valueError: FieldError?
        var noteID: String
        var noteName: String
        var note: String
        var noteError: FieldError?
    }

    struct SummaryLink {
        var href: String
        var text: String
    }

    var chrome: Chrome
    var agency: String
    var period: String
    var deadline: AgencyPage.DeadlineView?
    var csrf: String
    /// The newest version when the page was made: a post made from an older page is told so.
    var base: Int64
    /// "Saved at 12 July 2013, 14:05", or what happened to the last post.
    var notice: String?
    /// A draft saved is good news; a post that was not sent only keeps what was typed.
    var noticeClass = "panel-tag-good"
    /// Why the page came back without being taken (a newer version, the session ended).
    var stale: String?
    var errorTitle: String?
    var errors: [SummaryLink]
    var goals: [GoalBlock]
    var measures: [MeasureBlock]
    var completedBy: String
    var completedByError: FieldError?
    var date: String
    var dateError: FieldError?
    /// Where the answers were first taken from ("your upload R1-00004").
    var startedFrom: String?
    var readOnly = false

    /// The HTML id of each field, by the checker's name of it ("EE-3 status" → "g0-status").
    static func ids(scope: ReturnScope) -> [String: String] {
        var ids: [String: String] = [FormField.completedBy: "completed-by", FormField.date: "date-completed"]
        for (i, item) in scope.goals.enumerated() {
            // A choice is reached by its first radio button, as the GOV.UK error summary does.
            for field in ReturnLayout.GoalField.allCases {
                ids[FormField.goal(item.goal.id, field)] = [.status, .proposal].contains(field) ? "g\(i)-\(field.rawValue)-0" : "g\(i)-\(field.rawValue)"
            }
        }
        for (i, item) in scope.measures.enumerated() {
            ids[FormField.value(item.measure.id)] = "m\(i)-value"
            ids[FormField.note(item.measure.id)] = "m\(i)-note"
        }
        return ids
    }

    /// - Parameter problems: the checker's, by field name ("EE-3 status"); those it places on no
    ///   field of the page are listed at the top only.
    static func make(
        period: PeriodRecord, report: Report, scope: ReturnScope, form: FormSubmission, problems: [(field: String?, message: String)], csrf: String,
        base: Int64, now: Date
    ) -> FormPage {
        let ids = ids(scope: scope)
        var errors: [SummaryLink] = []
        var beside: [String: FieldError] = [:]
        for problem in problems {
            if let field = problem.field, let id = ids[field] {
                errors.append(SummaryLink(href: "#\(id)", text: "\(field): \(problem.message)"))
                if beside[id] == nil { beside[id] = FieldError(id: "\(id)-error", message: problem.message) }
            } else {
                errors.append(SummaryLink(href: "#answers", text: problem.field.map { "\($0): \(problem.message)" } ?? problem.message))
            }
        }
        let goalsForm = GoalsForm(report: report, scope: scope)
        let directory = report.agencyDirectory
        let byGoal = Dictionary(form.goals.map { (Forgiving.key($0.id), $0) }, uniquingKeysWith: { a, _ in a })
        let byMeasure = Dictionary(form.measures.map { (Forgiving.key($0.id), $0) }, uniquingKeysWith: { a, _ in a })
        let asksProposal = ReturnLayout.asksForProposals(report.period)
        let goals = scope.goals.enumerated().map { i, item -> GoalBlock in
            let goal = item.goal
            let given = byGoal[Forgiving.key(goal.id)] ?? .init(id: goal.id)
            var heading = "", previous = "", labels: [String] = []
            var lines: [String] = []
            for line in goalsForm.lines(item, directory) {
                switch line {
                case .heading(let text): heading = text
                case .previous(let text): previous = text
                case .label(let text): labels.append(String(text.dropLast(text.hasSuffix(":") ? 1 : 0)))
                case .wording(let text), .parent(let text), .note(let text): lines.append(text)
                case .field: break
                }
            }
            let chosen = given.status.flatMap { report.scheme.status(matching: $0, .nameOrCode)?.name }
            let statuses = report.scheme.statuses.enumerated().map { n, status in
                Choice(id: "g\(i)-status-\(n)", value: status.name, label: status.name, colourClass: Shown.statusClass(status.name), checked: status.name == chosen)
            }
            let proposed = given.proposal.map(Forgiving.key)
            let proposals = ReturnLayout.proposalChoices.enumerated().map { n, action in
                Choice(id: "g\(i)-proposal-\(n)", value: action.label, label: action.label, colourClass: "", checked: proposed == Forgiving.key(action.label))
            }
            func id(_ field: ReturnLayout.GoalField) -> String { "g\(i)-\(field.rawValue)" }
            func name(_ field: ReturnLayout.GoalField) -> String { "goal.\(goal.id).\(field.rawValue)" }
            return GoalBlock(
                id: goal.id, heading: heading, lines: lines, previous: previous,
                statusName: name(.status), statusLegend: labels[safe: 0] ?? "Status", statusError: beside[id(.status)], statuses: statuses,
                updateID: id(.update), updateName: name(.update), updateLabel: labels[safe: 1] ?? "Update", update: given.update ?? "",
                updateError: beside[id(.update)],
                asksProposal: asksProposal, proposalName: name(.proposal), proposalLegend: labels[safe: 2] ?? "Proposal",
                proposalError: beside[id(.proposal)], proposals: proposals,
                wordingID: id(.wording), wordingName: name(.wording), wordingLabel: labels[safe: 3] ?? "Proposed wording", wording: given.wording ?? "",
                wordingError: beside[id(.wording)])
        }
        let measures = scope.measures.enumerated().map { i, item -> MeasureBlock in
            let measure = item.measure
            let given = byMeasure[Forgiving.key(measure.id)] ?? .init(id: measure.id)
            return MeasureBlock(
                id: measure.id, name: measure.name, theme: item.theme.heading, hint: ReturnTemplate.kindHint(for: measure).flatMap(Self.sentence),
                earlier: Optional(ReturnTemplate.earlierFigures(item, period: report.period.label).joined(separator: "; ")).flatMap { $0.isEmpty ? nil : $0 },
                valueID: "m\(i)-value", valueName: "measure.\(measure.id).value", value: given.value ?? "", valueError: beside["m\(i)-value"],
                noteID: "m\(i)-note", noteName: "measure.\(measure.id).note", note: given.note ?? "", noteError: beside["m\(i)-note"])
        }
        return FormPage(
            chrome: .agency("Fill in your return for \(period.label)", board: report.board, agency: scope.agency.name, csrf: csrf),
            agency: scope.agency.name, period: period.label, deadline: .of(period, now: now), csrf: csrf, base: base, notice: nil, stale: nil,
            errorTitle: errors.isEmpty ? nil : "There \(errors.count == 1 ? "is 1 problem" : "are \(errors.count) problems")", errors: errors,
            goals: goals, measures: measures,
            completedBy: form.completedBy ?? "", completedByError: beside["completed-by"], date: form.date ?? "", dateError: beside["date-completed"])
    }

    /// "(a percentage, e.g. 81%)" as a sentence of its own: "A percentage, e.g. 81%".
    static func sentence(_ hint: String) -> String? {
        let inner = hint.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
        guard let first = inner.first else { return nil }
        return first.uppercased() + inner.dropFirst()
    }

    /// The answers as the page posted them: every field of the agency's goals and figures, as
    /// typed (nil where empty), in the report's order.
    static func submission(from fields: [String: String], report: Report, scope: ReturnScope) -> FormSubmission {
        func typed(_ name: String) -> String? {
            guard let text = fields[name], !Whitespace.trimmed(text).isEmpty else { return nil }
            // A browser sends a text area's line ends as CR LF.
            return text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        return FormSubmission(
            report: report.id, period: report.period.label, agency: scope.agency.id, completedBy: typed("completedBy"), date: typed("date"),
            goals: scope.goals.map { item in
                let id = item.goal.id
                return .init(
                    id: id, status: typed("goal.\(id).status"), update: typed("goal.\(id).update"), proposal: typed("goal.\(id).proposal"),
                    wording: typed("goal.\(id).wording"))
            },
            measures: scope.measures.map { item in
                let id = item.measure.id
                return .init(id: id, value: typed("measure.\(id).value"), note: typed("measure.\(id).note"))
            })
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

import ReportModel

/// The rules a goal's answer must meet, whichever way it arrives (a return's cells, read by
/// `GoalsReading`; a web form's fields, read by `ReturnChecker.read(_ form:)`; both through
/// `GoalTally`): one home for each, so that every way of answering is judged alike.
///
/// The caller reads what was given as text and says where each field is; the rules say which
/// field a refusal concerns, the sentence for the person who typed it, and a short reason for
/// the board pack ("no update").
public enum GoalAnswerRules {
    /// What was given for one goal, as trimmed text (nil where nothing was typed).
    public struct Given: Equatable, Sendable {
        public var status: String?
        public var update: String?
        public var proposal: String?
        public var wording: String?

        public init(status: String? = nil, update: String? = nil, proposal: String? = nil, wording: String? = nil) {
            self.status = status
            self.update = update
            self.proposal = proposal
            self.wording = wording
        }

        public var isEmpty: Bool { status == nil && update == nil && proposal == nil && wording == nil }
    }

    public enum Outcome: Equatable, Sendable {
        /// Nothing given: the goal is unanswered.
        case unanswered
        case accepted(status: String, update: [String], proposal: Proposal?)
        /// Refused: `message` ends a sentence about the field, `reason` says it in a few words.
        case refused(field: ReturnLayout.GoalField, message: String, reason: String)
    }

    /// Judges one goal's answer against the report's scheme and period.
    public static func judge(_ given: Given, goal: Goal, report: Report) -> Outcome {
        guard !given.isEmpty else { return .unanswered }
        let scheme = report.scheme
        guard let typed = given.status else {
            return .refused(field: .status, message: "goal \(goal.id) has an answer but no status; choose one of \(scheme.choices)",
                            reason: "\(given.update != nil ? "an update" : "a proposal") but no status")
        }
        guard let status = scheme.status(matching: typed, .nameOrCode) else {
            return .refused(field: .status, message: "\"\(typed)\" is not a status of this report (\(scheme.namesList))", reason: "\"\(typed)\" is not a status")
        }
        let update = given.update.map(Wording.paragraphs(in:)) ?? []
        if update.isEmpty && scheme.needsUpdate(status.name) {
            return .refused(field: .update, message: "goal \(goal.id) is \(status.name) but has no update; \(Wording.article(before: status.name)) \(status.name) status needs an explanation", reason: "no update")
        }
        var proposal: Proposal?
        if ReturnLayout.asksForProposals(report.period), let text = given.proposal {
            let wanted = Forgiving.key(text)
            guard let action = ReturnLayout.proposalChoices.first(where: { Forgiving.key($0.label) == wanted || Forgiving.key($0.rawValue) == wanted }) else {
                return .refused(field: .proposal, message: "\"\(text)\" is not a proposal (\(ReturnLayout.proposalChoices.map(\.label).joined(separator: ", ")))", reason: "\"\(text)\" is not a proposal")
            }
            if action == .amend && given.wording == nil {
                return .refused(field: .wording, message: "goal \(goal.id) is to be amended but has no proposed wording", reason: "an amendment without wording")
            }
            proposal = Proposal(action: action, wording: action == .amend ? given.wording : nil)
        }
        return .accepted(status: status.name, update: update, proposal: proposal)
    }

    /// The status to record with a refused answer: the scheme's name for what was typed, when
    /// it is one (a Red refused for want of an update is still "returned Red").
    public static func recognisedStatus(_ given: Given, report: Report) -> String? {
        given.status.flatMap { report.scheme.status(matching: $0, .nameOrCode)?.name }
    }
}

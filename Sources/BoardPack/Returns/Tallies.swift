import ReportModel

/// What a return's goals came to, whichever way they arrived (a workbook's cells, a web form's
/// fields): the answers accepted, those refused (kept with their reason, so the board sees an
/// answer came) and the goals left unanswered. The reading says where each field is; the tally
/// turns `GoalAnswerRules`' judgement into answers the same way for both.
struct GoalTally {
    let report: Report
    var answers: [GoalAnswer] = []
    var refused: [GoalAnswer] = []
    var unanswered: [String] = []

    init(report: Report) { self.report = report }

    /// Keeps what was given, refused for `reason` (when anything was given, or `always`); `places`
    /// are the Status and Update (cells or fields) it was read from.
    mutating func keep(_ given: GoalAnswerRules.Given, goal: Goal, places: [String], refusedFor reason: String, always: Bool = false) {
        guard always || !given.isEmpty else { return }
        refused.append(GoalAnswer(
            goalID: goal.id, status: GoalAnswerRules.recognisedStatus(given, report: report),
            update: given.update.map(Wording.paragraphs(in:)) ?? [], proposal: nil, cells: places, refused: reason))
    }

    /// Judges the answer and records what came of it.
    /// - Parameter places: where the answer was read; with `true`, the proposal's places too.
    /// - Returns: the field refused and the sentence about it, for the reading to place; nil
    ///   when nothing was refused.
    mutating func judge(_ given: GoalAnswerRules.Given, goal: Goal, places: (_ withProposal: Bool) -> [String]) -> (field: ReturnLayout.GoalField, message: String)? {
        switch GoalAnswerRules.judge(given, goal: goal, report: report) {
        case .unanswered:
            unanswered.append(goal.id)
        case .refused(let field, let message, let reason):
            keep(given, goal: goal, places: places(false), refusedFor: reason)
            return (field, message)
        case .accepted(let status, let update, let proposal):
            answers.append(GoalAnswer(goalID: goal.id, status: status, update: update, proposal: proposal, cells: places(proposal != nil)))
        }
        return nil
    }
}

/// What a return's figures came to, whichever way they arrived: the figures given (with their
/// notes) and the measures left without either.
struct MeasureTally {
    var answers: [MeasureAnswer] = []
    var missing: [String] = []

    /// Records a measure's figure and note as read (nil where nothing was given, or it was
    /// refused); `places` are where they were read.
    mutating func record(_ measure: Measure, value: Value?, note: String?, places: [String]) {
        guard value != nil || note != nil else {
            missing.append(measure.id)
            return
        }
        answers.append(MeasureAnswer(measureID: measure.id, value: value, note: note, cells: places))
    }
}

import ReportModel
import XLSXReader

extension ReturnChecker {
    /// Reads a return given on the web form through the rules a workbook's cells go through
    /// (`GoalAnswerRules`, `FigureRules`, `TextRules`, `SignatureRules`, via `GoalTally`), into
    /// the same answers: only the places differ ("EE-3 status" for "Goals!B9").
    func read(_ form: FormSubmission, into result: inout CheckedReturn) {
        guard let scope = scope(report: form.report, period: form.period, agency: form.agency, into: &result) else { return }
        let file = result.file
        func problem(_ field: String, _ message: String, weight: WorkbookProblem.Weight = .refused) {
            result.problems.append(WorkbookProblem(Place(file: file, field: field), message, weight: weight))
        }
        /// A field's text, trimmed; nil when empty. Text too long for a cell is refused (`TextRules`).
        func text(_ typed: String?, field: String, what: String) -> (text: String?, tooLong: Bool) {
            guard let typed else { return (nil, false) }
            let trimmed = Whitespace.trimmed(typed)
            guard !trimmed.isEmpty else { return (nil, false) }
            if let why = TextRules.tooLong(trimmed) {
                problem(field, "\(what) \(why)")
                return (trimmed, true)
            }
            return (trimmed, false)
        }

        // Who completed it, and when: asked for, never blocking.
        let name = text(form.completedBy, field: FormField.completedBy, what: FormField.completedBy)
        if !name.tooLong {
            result.completedBy = name.text
            if let why = SignatureRules.nameProblem(name.text) { problem(FormField.completedBy, why, weight: .notice) }
        }
        let date = text(form.date, field: FormField.date, what: FormField.date)
        if !date.tooLong {
            result.date = date.text
            let (day, why) = SignatureRules.day(typed: date.text, today: today, period: report.period.label)
            result.day = day
            if let why { problem(FormField.date, why, weight: .notice) }
        }

        // Goals: answers for goals this agency was not asked about are said, never merged.
        let owned = Set(scope.goals.map { Forgiving.key($0.goal.id) })
        var byGoal: [String: FormSubmission.GoalFields] = [:]
        for fields in form.goals {
            let key = Forgiving.key(fields.id)
            guard owned.contains(key) else {
                let given = [fields.status, fields.update, fields.proposal, fields.wording].contains { $0.map { !Whitespace.trimmed($0).isEmpty } ?? false }
                if given {
                    problem(FormField.goal(fields.id, .status), goalIDs.contains(key)
                        ? "goal \(fields.id) is not led by \(scope.agency.name); this answer is not merged"
                        : "\"\(fields.id)\" is not a goal of this report; this answer is not merged")
                }
                continue
            }
            byGoal[key] = fields
        }
        let asksForProposals = ReturnLayout.asksForProposals(report.period)
        var tally = GoalTally(report: report)
        for item in scope.goals {
            let goal = item.goal
            let fields = byGoal[Forgiving.key(goal.id)] ?? FormSubmission.GoalFields(id: goal.id)
            typealias F = ReturnLayout.GoalField
            let typed: [(F, String?)] = [(.status, fields.status), (.update, fields.update)]
                + (asksForProposals ? [(.proposal, fields.proposal), (.wording, fields.wording)] : [])
            var read: [F: String] = [:]
            var tooLong: F?
            for (field, value) in typed {
                let got = text(value, field: FormField.goal(goal.id, field), what: "goal \(goal.id)'s \(field.rawValue)")
                read[field] = got.text
                if got.tooLong { tooLong = tooLong ?? field }
            }
            let given = GoalAnswerRules.Given(status: read[.status], update: read[.update], proposal: read[.proposal], wording: read[.wording])
            func places(_ withProposal: Bool) -> [String] {
                ([F.status, .update] + (withProposal ? [F.proposal, .wording] : [])).map { FormField.goal(goal.id, $0) }
            }
            if let tooLong {
                tally.keep(given, goal: goal, places: places(false), refusedFor: "its \(tooLong.rawValue) could not be read")
                continue
            }
            if let refusal = tally.judge(given, goal: goal, places: places) {
                problem(FormField.goal(goal.id, refusal.field), refusal.message)
            }
        }
        result.goals = tally.answers
        result.refusedGoals = tally.refused
        result.unanswered = tally.unanswered

        // Figures, through the same reading as a figure typed into a cell.
        let supplied = Set(scope.measures.map { Forgiving.key($0.measure.id) })
        var byMeasure: [String: FormSubmission.MeasureFields] = [:]
        for fields in form.measures {
            guard supplied.contains(Forgiving.key(fields.id)) else {
                if [fields.value, fields.note].contains(where: { $0.map { !Whitespace.trimmed($0).isEmpty } ?? false }) {
                    problem(FormField.value(fields.id), "\"\(fields.id)\" is not a measure \(scope.agency.name) supplies; this figure is not merged")
                }
                continue
            }
            byMeasure[Forgiving.key(fields.id)] = fields
        }
        var figures = MeasureTally()
        for item in scope.measures {
            let measure = item.measure
            let fields = byMeasure[Forgiving.key(measure.id)] ?? FormSubmission.MeasureFields(id: measure.id)
            var value: Value?
            if let typed = fields.value {
                switch FigureRules.read(typed, for: measure) {
                case .figure(let read): value = read
                case .refused(let why):
                    problem(FormField.value(measure.id), "measure \(measure.id): \(why)")
                    continue
                }
            }
            let note = text(fields.note, field: FormField.note(measure.id), what: "the note on measure \(measure.id)")
            if note.tooLong { continue }
            figures.record(measure, value: value, note: note.text, places: [FormField.value(measure.id), FormField.note(measure.id)])
        }
        result.measures = figures.answers
        result.figuresMissing = figures.missing
        finish(&result, goals: Place(file: file, field: FormField.goals), measures: Place(file: file, field: FormField.measures))
    }
}

import ReportModel

extension ReturnTemplate {
    /// The agency's return workbook with a web form's answers in its cells: the same record of
    /// the return whichever way it was given, which `boardpack check` reads back to the same
    /// answers. Fields are written as typed (trimmed), as `ReturnCopy` writes a return's cells.
    public init(report: Report, scope: ReturnScope, deadline: String? = nil, filledWith form: FormSubmission, style: Style = .standard) {
        func typed(_ text: String?) -> String? {
            guard let text else { return nil }
            let trimmed = Whitespace.trimmed(text)
            return trimmed.isEmpty ? nil : trimmed
        }
        var cells = Typed(completedBy: typed(form.completedBy), date: typed(form.date))
        for goal in form.goals {
            let fields: [(ReturnLayout.GoalField, String?)] = [(.status, goal.status), (.update, goal.update), (.proposal, goal.proposal), (.wording, goal.wording)]
            for (field, text) in fields { cells.cells[ReturnLayout.key(goal.id, field.rawValue)] = typed(text) }
        }
        for measure in form.measures {
            let key = ReturnLayout.key(measure.id, ReturnLayout.measureField)
            cells.cells[key] = typed(measure.value)
            cells.cells[ReturnCopy.noteKey(key)] = typed(measure.note)
        }
        self.init(report: report, scope: scope, deadline: deadline, style: style, typed: cells)
    }
}

import ReportModel

/// How a decision asked of the board is worded, on the cover and the at-a-glance page.
enum Decisions {
    /// "Decision", "Action", "To note".
    static func kind(_ kind: Decision.Kind, _ labels: Style.Labels) -> String {
        switch kind {
        case .decision: labels.decision
        case .action: labels.action
        case .note: labels.toNote
        }
    }

    /// "Assessment of Effectiveness: keep the NI18 and proven re-offending tables": the subject
    /// and what is asked.
    static func line(_ decision: Decision) -> String {
        decision.subject.map { "\($0): \(decision.text)" } ?? decision.text
    }
}

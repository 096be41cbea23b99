import ReportModel

/// One goal's answer read from a return.
public struct GoalAnswer: Equatable, Sendable {
    public var goalID: String
    public var status: String?
    public var update: [String]
    public var proposal: Proposal?
    /// Where the answer was read: "Goals!G7".
    public var cells: [String]
}

/// One headline figure read from a return.
public struct MeasureAnswer: Equatable, Sendable {
    public var measureID: String
    public var value: Value?
    public var note: String?
    public var cells: [String]
}

/// A return as read and checked: what it answers, and every problem with its cell.
public struct CheckedReturn: Sendable {
    /// The file name without its folder, as messages and provenance show it.
    public var file: String
    public var sha256: String
    public var agency: Agency?
    public var period: String?
    public var goals: [GoalAnswer] = []
    public var measures: [MeasureAnswer] = []
    public var problems: [WorkbookProblem] = []

    /// Whether the return can be merged.
    public var isValid: Bool { problems.isEmpty && agency != nil }

    /// "jppb.xlsx: clean return from JPPB: 5 goals answered, 0 figures given".
    public var summary: String {
        let answered = "\(Wording.plural(goals.count, "goal")) answered, \(Wording.plural(measures.count, "figure")) given"
        return "\(file): clean return from \(agency?.name ?? "?"): \(answered)"
    }
}

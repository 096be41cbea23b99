/// Where a goal stands this period, and how that compares with the last period it was rated in:
/// one rule for the board pack's goal tables, its at-a-glance page and `boardpack diff`.
public enum Standing: Equatable, Sendable {
    case rated(Status)
    /// Co-leads returned different statuses: each agency's, in the order of the goal's returns.
    case conflict([AgencyStatus])
    /// Answers came this period but none was accepted (a Red without an update...): each
    /// refused answer, with why, in the order of the goal's returns.
    case notAccepted([GoalReturn])
    /// Returns were collected this period, but none answered this goal.
    case noReturn
    /// Nothing says how the goal stands (no returns collected, or a plan refresh paper).
    case notRated
    /// A goal that reads "to include:-" is rated through its sub-goals.
    case throughSubGoals
}

/// What one agency said of a goal.
public struct AgencyStatus: Equatable, Sendable {
    /// The agency's id.
    public var agency: String
    public var status: String
}

/// How a goal moved since the last period it was rated in.
public enum Change: String, Equatable, Sendable {
    case improved, worsened, unchanged
    /// First rated this period (a new goal, or one never rated before).
    case new
}

extension Report {
    /// Whether returns were merged for this report's period (so a goal without an answer is
    /// missing one, not merely unrated).
    public var collectedReturns: Bool { returnsReceived.contains { $0.period == period.label } }

    /// How `goal` stands this period.
    public func standing(of goal: Goal) -> Standing {
        if !goal.subGoals.isEmpty && goal.status == nil { return .throughSubGoals }
        if let name = goal.status, let status = scheme.status(matching: name, .exactName) { return .rated(status) }
        let answers = goal.returns.filter { $0.period == period.label || $0.period == nil }
        let accepted = answers.filter { $0.refused == nil }
        let said = accepted.compactMap { a in a.status.map { AgencyStatus(agency: a.agency, status: $0) } }
        if Set(said.map(\.status)).count > 1 { return .conflict(said) }
        if accepted.isEmpty && answers.contains(where: { $0.refused != nil }) { return .notAccepted(answers.filter { $0.refused != nil }) }
        return collectedReturns && goal.isTracked ? .noReturn : .notRated
    }

    /// How `goal`'s status this period compares with its last earlier rating, judged by the
    /// scheme's order (worst first: Red, Amber, Green); nil when it has no status this period.
    public func change(of goal: Goal) -> (change: Change, since: PastRating?)? {
        guard let now = goal.status, scheme.statuses.contains(where: { $0.name == now }) else { return nil }
        guard let last = goal.lastRating, let was = last.status else { return (.new, nil) }
        // A status of another scheme (Red/Green at year end) is placed in Red/Amber/Green.
        let before = scheme.statuses.contains { $0.name == was } ? scheme : .redAmberGreen
        return (StatusScheme.movement(from: was, in: before, to: now, in: scheme) ?? .unchanged, last)
    }
}

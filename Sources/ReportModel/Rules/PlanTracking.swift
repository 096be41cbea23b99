/// Which goals a plan tracks and counts: one rule for the cover, the summary, the theme sheets,
/// returns, import and `validate`.
///
/// A plan refresh may propose new goals; until the plan is refreshed they are proposals, not
/// goals anyone is rated against. A goal that reads "to include:-" is rated through its
/// sub-goals, so the plan counts its sub-goals instead of it.
extension Goal {
    /// Every goal but one a plan refresh merely proposes.
    public var isTracked: Bool { proposal?.action != .new }

    /// The goals the plan counts: this goal, or its tracked sub-goals (and theirs).
    public var countedGoals: [Goal] {
        subGoals.isEmpty ? [self] : subGoals.filter(\.isTracked).flatMap(\.countedGoals)
    }
}

extension Goal {
    /// This goal, or the goals at the end of its sub-goal branches, whatever their proposals:
    /// how a proposed goal with sub-goals is counted.
    public var leafGoals: [Goal] { subGoals.isEmpty ? [self] : subGoals.flatMap(\.leafGoals) }
}

extension Theme {
    /// The theme's top-level goals the plan tracks, in order.
    public var trackedGoals: [Goal] { goals.filter(\.isTracked) }

    /// The goals the plan counts and rates under this theme.
    public var countedGoals: [Goal] { trackedGoals.flatMap(\.countedGoals) }

    /// Goals a plan refresh proposes for this theme.
    public var proposedGoals: [Goal] { goals.filter { !$0.isTracked } }

    /// The proposed goals as the plan would count them.
    public var countedProposedGoals: [Goal] { proposedGoals.flatMap(\.leafGoals) }
}

extension Report {
    /// The goals the plan counts and rates, theme by theme.
    public var countedGoals: [Goal] { themes.flatMap(\.countedGoals) }
}

/// A goal of the plan, rated each quarter by its lead agencies.
public struct Goal: Codable, Equatable, Sendable {
    /// Stable across quarters; returns quote it ("ACC-2").
    public var id: String
    public var text: String
    /// Lead agencies by id, name or alias, or "All".
    @DefaultEmpty public var leads: [String] = []
    /// The status name, or nil when not yet rated.
    public var status: String?
    /// The update, one string per paragraph.
    @DefaultEmpty public var update: [String] = []
    /// Editorial notes printed with the goal: "(should read Northfleet)".
    @DefaultEmpty public var notes: [String] = []
    /// Bulleted children of a goal that reads "to include:-".
    @DefaultEmpty public var subGoals: [Goal] = []
    /// For a plan refresh: discharge, carry forward, amend, or a proposed new goal.
    public var proposal: Proposal?
    /// What each lead agency returned for this goal this period (see `boardpack merge`), with its source.
    @DefaultEmpty public var returns: [GoalReturn] = []
    /// Its ratings in earlier periods, oldest first (see `boardpack next`).
    @DefaultEmpty public var history: [PastRating] = []

    public init(
        id: String, text: String, leads: [String] = [], status: String? = nil, update: [String] = [],
        notes: [String] = [], subGoals: [Goal] = [], proposal: Proposal? = nil, returns: [GoalReturn] = [],
        history: [PastRating] = []
    ) {
        self.id = id
        self.text = text
        self.leads = leads
        self.status = status
        self.update = update
        self.notes = notes
        self.subGoals = subGoals
        self.proposal = proposal
        self.returns = returns
        self.history = history
    }
}

extension Theme {
    /// Every goal and sub-goal, parents before their children.
    public var allGoals: [Goal] {
        func walk(_ g: Goal) -> [Goal] { [g] + g.subGoals.flatMap(walk) }
        return goals.flatMap(walk)
    }

    /// Whether any goal or sub-goal is such, asked of each in place: `allGoals.contains` copies
    /// every goal first, and a board pack asks this of every theme for every sheet.
    public func containsGoal(where test: (Goal) -> Bool) -> Bool {
        func search(_ g: Goal) -> Bool { test(g) || g.subGoals.contains(where: search) }
        return goals.contains(where: search)
    }
}

/// What a plan refresh proposes for a goal, measure or theme.
public struct Proposal: Codable, Equatable, Sendable {
    public enum Action: String, Codable, Sendable, CaseIterable {
        case discharge
        case carryForward = "carry-forward"
        case amend
        case new
    }

    public var action: Action
    /// The proposed wording of an amended or new goal.
    public var wording: String?
    /// Anything else said with the proposal.
    public var note: String?

    public init(action: Action, wording: String? = nil, note: String? = nil) {
        self.action = action
        self.wording = wording
        self.note = note
    }
}

extension Proposal.Action {
    /// How the board pack words it: "Discharge", "Carry forward".
    public var label: String {
        switch self {
        case .discharge: "Discharge"
        case .carryForward: "Carry forward"
        case .amend: "Amend"
        case .new: "Proposed new"
        }
    }
}

/// What a report remembers of the periods before its own: the periods themselves, and for each
/// goal its rating in each of them. `boardpack next` moves the current period into history.

/// A period the report has been through, with when its parts were produced, the returns merged
/// for it, and the texts written for it (which `boardpack next` moves here, so that the next
/// period's pack does not carry them).
public struct EarlierPeriod: Codable, Equatable, Sendable {
    public var period: Period
    @DefaultEmpty public var produced: [ProducedDate] = []
    @DefaultEmpty public var returnsReceived: [ReceivedReturn] = []
    /// The report's `description` for that period.
    public var description: String?
    @DefaultEmpty public var introduction: [String] = []
    @DefaultEmpty public var themesIntroduction: [String] = []
    /// What that period's report asked of the board.
    @DefaultEmpty public var decisions: [Decision] = []

    public init(
        period: Period, produced: [ProducedDate] = [], returnsReceived: [ReceivedReturn] = [], description: String? = nil,
        introduction: [String] = [], themesIntroduction: [String] = [], decisions: [Decision] = []
    ) {
        self.period = period
        self.produced = produced
        self.returnsReceived = returnsReceived
        self.description = description
        self.introduction = introduction
        self.themesIntroduction = themesIntroduction
        self.decisions = decisions
    }
}

/// A goal's rating in an earlier period, and what the plan refresh did to it at that period's end.
public struct PastRating: Codable, Equatable, Sendable {
    /// The period's label, one of the report's `earlierPeriods`.
    public var period: String
    public var status: String?
    @DefaultEmpty public var update: [String] = []
    /// What each lead agency returned that period, with its source.
    @DefaultEmpty public var returns: [GoalReturn] = []
    /// Discharged, reworded or added by the plan refresh at the end of the period.
    public var change: PlanChange?

    public init(period: String, status: String? = nil, update: [String] = [], returns: [GoalReturn] = [], change: PlanChange? = nil) {
        self.period = period
        self.status = status
        self.update = update
        self.returns = returns
        self.change = change
    }
}

/// What a plan refresh did to a goal.
public struct PlanChange: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// The goal left the plan.
        case discharged
        /// The goal took new wording under the same id.
        case reworded
        /// A proposed goal became one of the plan's.
        case added
    }

    public var kind: Kind
    /// For a reworded goal, the wording it had until then.
    public var previousWording: String?

    public init(kind: Kind, previousWording: String? = nil) {
        self.kind = kind
        self.previousWording = previousWording
    }
}

extension Goal {
    /// The latest earlier period in which the goal had a status, and that rating.
    public var lastRating: PastRating? { history.last { $0.status != nil } }
}

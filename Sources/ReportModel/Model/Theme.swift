/// A priority of the plan ("Accommodation") with its headline measures and goals.
public struct Theme: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// A multi-agency priority intervention: Accommodation, Substance Misuse...
        case intervention
        /// A priority group of offenders: IOM, young people...
        case priorityGroup = "priority-group"
        /// Anything else the plan tracks (e.g. reducing reoffending data).
        case other
    }

    public var id: String
    /// The report's numbering: "2.3".
    public var number: String?
    /// "Substance Misuse (Drugs & Alcohol)".
    public var name: String
    /// A sheet name to use instead of one derived from the name (at most 31 characters).
    public var shortName: String?
    public var kind: Kind?
    @DefaultEmpty public var introduction: [String] = []
    /// Column labels of the measures table, oldest first: "2011-12", "2012-13 YTD".
    @DefaultEmpty public var periods: [String] = []
    @DefaultEmpty public var measures: [Measure] = []
    @DefaultEmpty public var goals: [Goal] = []
    @DefaultEmpty public var representatives: [Representative] = []
    @DefaultEmpty public var comments: [String] = []
    /// For a plan refresh: what is proposed for the theme itself (a new priority).
    public var proposal: Proposal?
    /// Goals that have left the plan, with their history (see `boardpack next`).
    @DefaultEmpty public var dischargedGoals: [Goal] = []
    /// Headline measures that have left the plan, with their figures.
    @DefaultEmpty public var dischargedMeasures: [Measure] = []

    public init(
        id: String, number: String? = nil, name: String, shortName: String? = nil, kind: Kind? = nil,
        introduction: [String] = [], periods: [String] = [], measures: [Measure] = [], goals: [Goal] = [],
        representatives: [Representative] = [], comments: [String] = [], proposal: Proposal? = nil,
        dischargedGoals: [Goal] = [], dischargedMeasures: [Measure] = []
    ) {
        self.id = id
        self.number = number
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.introduction = introduction
        self.periods = periods
        self.measures = measures
        self.goals = goals
        self.representatives = representatives
        self.comments = comments
        self.proposal = proposal
        self.dischargedGoals = dischargedGoals
        self.dischargedMeasures = dischargedMeasures
    }

    /// "2.3 Substance Misuse (Drugs & Alcohol)".
    public var heading: String { number.map { "\($0) \(name)" } ?? name }
}

/// A named contact of a lead agency for one theme: "JPPB – John Littlemore".
public struct Representative: Codable, Equatable, Sendable {
    /// The agency, by id, name or alias.
    public var agency: String
    public var name: String

    public init(agency: String, name: String) {
        self.agency = agency
        self.name = name
    }
}

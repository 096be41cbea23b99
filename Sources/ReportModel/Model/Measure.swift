/// A headline measure: one figure per period, as a row of a theme's measures table.
public struct Measure: Codable, Equatable, Sendable {
    public enum Direction: String, Codable, Sendable {
        case higher = "higher-is-better"
        case lower = "lower-is-better"
    }

    /// The kind of figure a measure takes.
    public enum Kind: String, Codable, Sendable {
        /// A whole number of people or things: never negative.
        case count
        /// Any number: "2.71".
        case decimal
        /// A share of people or things: a percentage from 0% to 100%.
        case percent
        /// A percentage change ("-5%" fewer re-offences): a percentage of any sign and size.
        case change

        /// The kind of value its figures are.
        public var valueKind: Value.Kind { self == .change ? .percent : Value.Kind(rawValue: rawValue)! }
    }

    public var id: String
    /// "% of statutory offenders in accommodation at termination".
    public var name: String
    /// What kind of figure the measure takes (`percent`, `count`, `decimal`, `change`); when
    /// absent it is read from the figures it already has, else from its name ("% of...").
    public var kind: Kind?
    /// The sub-heading this row sits under inside the table ("Youth Offending Population").
    public var group: String?
    /// The agency that supplies the figure, by id, name or alias.
    public var supplier: String?
    public var better: Direction?
    public var target: Target?
    /// One value per period of the theme, oldest first; null where there is no figure.
    public var values: [Value?]
    @DefaultEmpty public var notes: [String] = []
    /// For a plan refresh: keep, amend or drop this measure.
    public var proposal: Proposal?
    /// Where figures merged from returns came from (see `boardpack merge`).
    @DefaultEmpty public var sources: [MeasureSource] = []

    public init(
        id: String, name: String, kind: Kind? = nil, group: String? = nil, supplier: String? = nil, better: Direction? = nil,
        target: Target? = nil, values: [Value?], notes: [String] = [], proposal: Proposal? = nil,
        sources: [MeasureSource] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.group = group
        self.supplier = supplier
        self.better = better
        self.target = target
        self.values = values
        self.notes = notes
        self.proposal = proposal
        self.sources = sources
    }

    /// The figures that have a number, with the index of their period, oldest first.
    public var numbers: [(period: Int, number: Double)] {
        values.enumerated().compactMap { i, value in value?.number.map { (i, $0) } }
    }

    /// The latest two figures with a number, for the direction of travel: the latest that is
    /// known, so a new period's empty column does not hide last period's movement.
    public var lastTwoNumbers: (previous: Double, latest: Double)? {
        let known = numbers
        guard known.count >= 2 else { return nil }
        return (known[known.count - 2].number, known[known.count - 1].number)
    }
}

/// A target for a measure: "a 17% reduction", met when the latest figure is on the better side.
public struct Target: Codable, Equatable, Sendable {
    public var value: Value
    /// How far on the wrong side still counts as "within tolerance" (same units as the value).
    public var tolerance: Value?
    /// The plan's wording: "The overall reduction target is 17%".
    public var description: String?

    public init(value: Value, tolerance: Value? = nil, description: String? = nil) {
        self.value = value
        self.tolerance = tolerance
        self.description = description
    }
}

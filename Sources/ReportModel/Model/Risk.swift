/// A risk to the plan, as board papers list them: what it is, its impact, who owns it, how it is
/// mitigated, and a rating where the board rates its risks.
public struct Risk: Codable, Equatable, Sendable {
    /// Stable across periods ("R1"), so a risk can be followed from one pack to the next.
    public var id: String
    /// What the risk is: "Transforming Rehabilitation ends Kent Probation Trust by the end of 2014".
    public var text: String
    /// What happens to the plan if it comes about, one string per paragraph.
    @DefaultEmpty public var impact: [String] = []
    /// Who owns it: an agency (by id, name or alias, printed by its name) or a person's role.
    public var owner: String?
    /// What is being done about it, one string per paragraph.
    @DefaultEmpty public var mitigation: [String] = []
    /// A status name (of the report's scheme, or Red / Amber / Green), coloured as a goal's status.
    public var rating: String?

    public init(id: String, text: String, impact: [String] = [], owner: String? = nil, mitigation: [String] = [], rating: String? = nil) {
        self.id = id
        self.text = text
        self.impact = impact
        self.owner = owner
        self.mitigation = mitigation
        self.rating = rating
    }
}

extension Report {
    /// The status a risk's rating names: in the report's scheme, else in Red / Amber / Green
    /// (a year-end scheme has no Amber, but a risk may be Amber); nil when it names neither.
    public func riskRating(_ name: String) -> Status? {
        scheme.status(matching: name, .exactName) ?? StatusScheme.redAmberGreen.status(matching: name, .exactName)
    }
}

/// An organisation that leads goals or supplies figures.
public struct Agency: Codable, Equatable, Sendable {
    /// A short stable identifier that goals and measures may use ("kcc-commissioned").
    public var id: String
    /// The canonical name printed in the board pack.
    public var name: String
    /// Other spellings seen in reports and returns ("Commissioned Service KCC").
    @DefaultEmpty public var aliases: [String] = []

    public init(id: String, name: String, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
    }

    /// Whether `reference` names this agency by id, name or alias, ignoring case and spacing.
    public func isNamed(_ reference: String) -> Bool {
        let key = Agency.normalise(reference)
        return ([id, name] + aliases).contains { Agency.normalise($0) == key }
    }

    static func normalise(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The lead written for a goal every agency shares.
    public static let all = "All"
}

extension Report {
    /// The agency a goal or measure refers to, by id, name or alias.
    public func agency(_ reference: String) -> Agency? {
        agencies.first { $0.isNamed(reference) }
    }

    /// A lead as printed: the canonical name, "All", or the reference itself when unknown.
    public func displayName(ofLead reference: String) -> String {
        if Agency.normalise(reference) == Agency.normalise(Agency.all) { return Agency.all }
        return agency(reference)?.name ?? reference
    }
}

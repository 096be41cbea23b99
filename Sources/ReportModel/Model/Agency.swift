/// An organisation that leads goals or supplies figures.
public struct Agency: Codable, Equatable, Sendable {
    /// A short stable identifier that goals and measures may use ("kcc-commissioned").
    public var id: String
    /// The canonical name printed in the board pack.
    public var name: String
    /// Other spellings seen in reports and returns ("Commissioned Service KCC").
    @DefaultEmpty public var aliases: [String] = []
    /// Who at the agency the secretariat writes to: reminders and receipts go to each contact's
    /// e-mail address (`ContactRules` says what a contact must have).
    @DefaultEmpty public var contacts: [Contact] = []

    public init(id: String, name: String, aliases: [String] = [], contacts: [Contact] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.contacts = contacts
    }

    /// Whether `reference` names this agency by id, name or alias, ignoring case and spacing.
    public func isNamed(_ reference: String) -> Bool {
        let key = Forgiving.key(reference)
        return ([id, name] + aliases).contains { Forgiving.key($0) == key }
    }

    /// The lead written for a goal every agency shares.
    public static let all = "All"
}

/// Finds agencies by id, name or alias in constant time; build one per report and reuse it.
public struct AgencyDirectory: Sendable {
    private var byName: [String: Agency] = [:]

    public init(_ agencies: [Agency]) {
        for agency in agencies {
            for name in [agency.id, agency.name] + agency.aliases {
                // The first agency to claim a name keeps it; the validator reports the clash.
                let key = Forgiving.key(name)
                if byName[key] == nil { byName[key] = agency }
            }
        }
    }

    /// The agency a goal or measure refers to, by id, name or alias, ignoring case and spacing.
    public func agency(_ reference: String) -> Agency? { byName[Forgiving.key(reference)] }

    /// Whether the reference is the shared lead "All".
    public static func isAll(_ reference: String) -> Bool { Forgiving.key(reference) == "all" }

    /// A lead as printed: the canonical name, "All", or the reference itself when unknown.
    public func displayName(ofLead reference: String) -> String {
        if Self.isAll(reference) { return Agency.all }
        return agency(reference)?.name ?? reference
    }
}

extension Report {
    /// A directory of this report's agencies.
    public var agencyDirectory: AgencyDirectory { AgencyDirectory(agencies) }

    /// The agency a goal or measure refers to (builds a directory: for one-off look-ups).
    public func agency(_ reference: String) -> Agency? { agencyDirectory.agency(reference) }
}

/// The statuses a report rates its goals in, with the key's wording and colours.
public struct StatusScheme: Codable, Equatable, Sendable {
    /// "Red / Amber / Green", "End of year".
    public var name: String?
    public var statuses: [Status]

    public init(name: String? = nil, statuses: [Status]) {
        self.name = name
        self.statuses = statuses
    }

    /// How strictly `status(matching:_:)` reads a status.
    public enum Matching: Sendable {
        /// The name exactly as the scheme spells it: report JSON, which tools write.
        case exactName
        /// The name in any case, with stray spaces: a board pack touched up by hand.
        case name
        /// The name or the one-letter code, in any case, with stray spaces: what agencies type
        /// into a return ("amber ", "G").
        case nameOrCode
    }

    /// The status `text` names, read as strictly as `matching` says; nil when it names none.
    /// The one place a status is matched: the validator, the return checker and the importer
    /// differ only in the strictness they ask for.
    public func status(matching text: String, _ matching: Matching) -> Status? {
        if matching == .exactName { return statuses.first { $0.name == text } }
        let key = Forgiving.key(text)
        guard !key.isEmpty else { return nil }
        return statuses.first { Forgiving.key($0.name) == key }
            ?? (matching == .nameOrCode ? statuses.first { Forgiving.key($0.code) == key } : nil)
    }

    /// Whether a goal rated `status` must say why: Red and Amber need an update, by the board's
    /// practice; Green and statuses of the board's own do not.
    public func needsUpdate(_ status: String) -> Bool {
        ["red", "amber"].contains(Forgiving.key(status))
    }

    /// "Red or Amber": the statuses that need an update, for instructions; nil when none do.
    public var needingUpdate: String? {
        let names = statuses.map(\.name).filter(needsUpdate)
        return names.isEmpty ? nil : names.joined(separator: " or ")
    }

    /// "Red, Amber or Green": the choices, for instructions.
    public var choices: String {
        statuses.count < 2 ? namesList : statuses.dropLast().map(\.name).joined(separator: ", ") + " or " + statuses.last!.name
    }

    /// Whether going from `was` to `now` is better or worse, by each status's place in its
    /// scheme, worst first (Red at 0, Green at 1, Amber between); nil when either is unknown.
    public static func movement(from was: String, in old: StatusScheme, to now: String, in new: StatusScheme) -> Change? {
        func place(_ name: String, _ scheme: StatusScheme) -> Double? {
            guard let i = scheme.statuses.firstIndex(where: { $0.name == name }) else { return nil }
            return scheme.statuses.count < 2 ? 0 : Double(i) / Double(scheme.statuses.count - 1)
        }
        guard let a = place(was, old), let b = place(now, new) else { return nil }
        return a == b ? .unchanged : (b > a ? .improved : .worsened)
    }

    /// The names in order, for messages: "Red, Amber, Green".
    public var namesList: String { statuses.map(\.name).joined(separator: ", ") }

    public static let redAmberGreen = StatusScheme(
        name: "Red / Amber / Green",
        statuses: [
            Status(name: "Red", code: "R", description: "Goal is off track and needs the board's attention"),
            Status(name: "Amber", code: "A", description: "Goal is at risk; action is in hand"),
            Status(name: "Green", code: "G", description: "Goal is on track or achieved"),
        ])

    /// The end-of-year scheme of the Kent and Medway report: achieved or not.
    public static let endOfYear = StatusScheme(
        name: "End of year",
        statuses: [
            Status(name: "Red", code: "R", description: "Goal has not been achieved"),
            Status(name: "Green", code: "G", description: "Goal has been achieved"),
        ])
}

/// One status of a scheme.
public struct Status: Codable, Equatable, Sendable {
    /// "Amber": what the Status cell says.
    public var name: String
    /// "A": the one-letter code agencies may type.
    public var code: String
    /// The key's wording: "Goal has been achieved".
    public var description: String
    /// Cell fill as "#RRGGBB"; when absent the board pack style's colour for this name is used.
    public var fill: String?
    /// Text colour on that fill as "#RRGGBB".
    public var font: String?

    public init(name: String, code: String, description: String, fill: String? = nil, font: String? = nil) {
        self.name = name
        self.code = code
        self.description = description
        self.fill = fill
        self.font = font
    }
}

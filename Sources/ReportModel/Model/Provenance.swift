/// Where a merged value came from: the agency's return file and the cells it was read from.
public struct Provenance: Codable, Equatable, Sendable {
    /// The return's file name as given (no folder), e.g. "jppb.xlsx".
    public var file: String
    /// SHA-256 of the file's bytes, in lower-case hex.
    public var sha256: String
    public var sheet: String
    /// The cells read, e.g. ["G7", "H7"].
    public var cells: [String]

    public init(file: String, sha256: String, sheet: String, cells: [String]) {
        self.file = file
        self.sha256 = sha256
        self.sheet = sheet
        self.cells = cells
    }
}

/// One lead agency's answer for a goal, as merged from its return. Co-led goals keep one per agency.
public struct GoalReturn: Codable, Equatable, Sendable {
    /// The agency's id.
    public var agency: String
    /// The period the answer was given for.
    public var period: String?
    public var status: String?
    @DefaultEmpty public var update: [String] = []
    /// For a plan-refresh stock take: what the agency proposes for the goal.
    public var proposal: Proposal?
    public var source: Provenance
    /// Why the answer was not accepted, in a few words ("no update"), for an answer that came
    /// and was refused by the check: it never sets the goal's status, but the board pack shows
    /// that it came. `status` then holds what was returned when it is one of the scheme's.
    public var refused: String?

    public init(
        agency: String, period: String? = nil, status: String?, update: [String], proposal: Proposal? = nil, source: Provenance,
        refused: String? = nil
    ) {
        self.agency = agency
        self.period = period
        self.status = status
        self.update = update
        self.proposal = proposal
        self.source = source
        self.refused = refused
    }
}

/// Where a headline figure for a period came from, with the agency's note.
public struct MeasureSource: Codable, Equatable, Sendable {
    public var period: String
    public var agency: String
    public var note: String?
    public var source: Provenance

    public init(period: String, agency: String, note: String? = nil, source: Provenance) {
        self.period = period
        self.agency = agency
        self.note = note
        self.source = source
    }
}

/// A return merged into the report: whose, for which period, who completed it and when.
public struct ReceivedReturn: Codable, Equatable, Sendable {
    /// The agency's id.
    public var agency: String
    public var period: String
    /// As typed on the return's Instructions sheet.
    public var completedBy: String?
    public var date: String?
    /// The file, its SHA-256 and where the two were read.
    public var source: Provenance

    public init(agency: String, period: String, completedBy: String?, date: String?, source: Provenance) {
        self.agency = agency
        self.period = period
        self.completedBy = completedBy
        self.date = date
        self.source = source
    }
}

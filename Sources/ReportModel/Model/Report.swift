/// A progress report of a reducing-reoffending board: the plan's themes, their headline
/// measures and goals, the statistics tables, and who leads what.
///
/// This is the document the secretariat keeps in git as JSON (see `ReportCoding`), the input of
/// the board pack and the target of merged agency returns.
public struct Report: Codable, Equatable, Sendable {
    /// The version of this JSON layout; bumped only on incompatible changes.
    public var format: Int
    /// A short stable identifier, e.g. "kent-medway-2012-13-eoy"; returns quote it.
    public var id: String
    /// "Kent and Medway Strategic Plan Progress Report 2012 to 2015".
    public var title: String
    /// The plan the report tracks, when named separately from the title.
    public var plan: String?
    /// The board or partnership that owns the plan.
    public var board: String
    /// Who the report goes to, e.g. "Kent Community Safety Partnership".
    public var audience: String?
    public var period: Period
    /// What this file is: its provenance, and anything a reader must know (e.g. illustrative statuses).
    public var description: String?
    @DefaultEmpty public var authors: [Author] = []
    /// "Table data - May 2013 / Goals - July 2013": one entry per part.
    @DefaultEmpty public var produced: [ProducedDate] = []
    /// Paragraphs introducing the report.
    @DefaultEmpty public var introduction: [String] = []
    /// Paragraphs introducing the themes section ("The following section of this report...").
    @DefaultEmpty public var themesIntroduction: [String] = []
    /// The statuses a goal may take; the Red/Amber/Green scheme when absent.
    public var statusScheme: StatusScheme?
    @DefaultEmpty public var principles: [String] = []
    @DefaultEmpty public var priorityGroups: [String] = []
    @DefaultEmpty public var agencies: [Agency] = []
    @DefaultEmpty public var statistics: [StatisticsTable] = []
    @DefaultEmpty public var themes: [Theme] = []
    /// The periods this report has been through before its own, oldest first (see `boardpack next`).
    @DefaultEmpty public var earlierPeriods: [EarlierPeriod] = []
    /// Who agencies ask about their returns: the secretariat's contact.
    public var contact: Contact?
    /// The returns merged into this report this period, with who completed them and when.
    @DefaultEmpty public var returnsReceived: [ReceivedReturn] = []
    /// Parts of the report that are illustrative, reconstructed or inferred, with why.
    @DefaultEmpty public var caveats: [Caveat] = []
    /// What the report asks of the board this period: decisions, actions, things to note.
    @DefaultEmpty public var decisions: [Decision] = []
    /// The risks to the plan the board keeps (kept from period to period).
    @DefaultEmpty public var risks: [Risk] = []

    public init(
        format: Int = Report.currentFormat, id: String, title: String, plan: String? = nil,
        board: String, audience: String? = nil, period: Period, description: String? = nil,
        authors: [Author] = [], produced: [ProducedDate] = [], introduction: [String] = [],
        themesIntroduction: [String] = [], statusScheme: StatusScheme? = nil,
        principles: [String] = [], priorityGroups: [String] = [], agencies: [Agency] = [],
        statistics: [StatisticsTable] = [], themes: [Theme] = [], earlierPeriods: [EarlierPeriod] = [],
        contact: Contact? = nil, returnsReceived: [ReceivedReturn] = [], caveats: [Caveat] = [],
        decisions: [Decision] = [], risks: [Risk] = []
    ) {
        self.format = format
        self.id = id
        self.title = title
        self.plan = plan
        self.board = board
        self.audience = audience
        self.period = period
        self.description = description
        self.authors = authors
        self.produced = produced
        self.introduction = introduction
        self.themesIntroduction = themesIntroduction
        self.statusScheme = statusScheme
        self.principles = principles
        self.priorityGroups = priorityGroups
        self.agencies = agencies
        self.statistics = statistics
        self.themes = themes
        self.earlierPeriods = earlierPeriods
        self.contact = contact
        self.returnsReceived = returnsReceived
        self.caveats = caveats
        self.decisions = decisions
        self.risks = risks
    }

    public static let currentFormat = 1

    /// The scheme goals are rated in: the report's own, or Red / Amber / Green.
    public var scheme: StatusScheme { statusScheme ?? .redAmberGreen }
}

/// The period a report covers.
public struct Period: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case quarter
        case endOfYear = "end-of-year"
        case other
    }

    /// "2012-13", "2012-13 Q2", "April to September 2013".
    public var label: String
    public var kind: Kind
    /// 1 to 4 for a quarterly report.
    public var quarter: Int?

    public init(label: String, kind: Kind, quarter: Int? = nil) {
        self.label = label
        self.kind = kind
        self.quarter = quarter
    }
}

/// Someone to ask: the secretariat's contact printed on every return.
public struct Contact: Codable, Equatable, Sendable {
    public var name: String
    public var organisation: String?
    public var email: String?
    public var phone: String?

    public init(name: String, organisation: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.organisation = organisation
        self.email = email
        self.phone = phone
    }

    /// "Rob Jacques (Kent Probation), rob.jacques@example.org, 01622 000000".
    public var line: String {
        ([organisation.map { "\(name) (\($0))" } ?? name] + [email, phone].compactMap { $0 }).joined(separator: ", ")
    }
}

extension Period {
    /// A period from its label: a quarter when the label ends "Q1" to "Q4", unless `kind` says.
    public init(guessing label: String, kind: Kind? = nil) {
        let last = label.split(separator: " ").last.map { $0.uppercased() } ?? ""
        let quarter = last.count == 2 && last.hasPrefix("Q") ? Int(last.dropFirst()).flatMap { (1...4).contains($0) ? $0 : nil } : nil
        let chosen = kind ?? (quarter != nil ? .quarter : .other)
        self.init(label: label, kind: chosen, quarter: chosen == .quarter ? quarter : nil)
    }
}

public struct Author: Codable, Equatable, Sendable {
    public var name: String
    public var organisation: String?

    public init(name: String, organisation: String? = nil) {
        self.name = name
        self.organisation = organisation
    }
}

/// When a part of the report was produced, as the report words it: label "Goals", date "July 2013".
public struct ProducedDate: Codable, Equatable, Sendable {
    public var label: String?
    public var date: String

    public init(label: String? = nil, date: String) {
        self.label = label
        self.date = date
    }

    /// "Goals - July 2013".
    public var line: String { label.map { "\($0) - \(date)" } ?? date }
}

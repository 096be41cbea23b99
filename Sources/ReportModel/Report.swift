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

    public init(
        format: Int = Report.currentFormat, id: String, title: String, plan: String? = nil,
        board: String, audience: String? = nil, period: Period, description: String? = nil,
        authors: [Author] = [], produced: [ProducedDate] = [], introduction: [String] = [],
        themesIntroduction: [String] = [], statusScheme: StatusScheme? = nil,
        principles: [String] = [], priorityGroups: [String] = [], agencies: [Agency] = [],
        statistics: [StatisticsTable] = [], themes: [Theme] = []
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
}

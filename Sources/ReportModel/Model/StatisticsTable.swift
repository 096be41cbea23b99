/// A table of published statistics, as in section 1 of a progress report.
public struct StatisticsTable: Codable, Equatable, Sendable {
    public var id: String
    /// "1.3".
    public var number: String?
    /// "Local Adult Re-offending in Kent Probation".
    public var title: String
    /// A sheet name to use instead of one derived from the title (at most 31 characters).
    public var shortName: String?
    /// Column labels: "Jan – Dec 2008", "Jul 2010 to Jun 2011".
    public var columns: [String]
    public var rows: [StatisticsRow]
    /// "Ministry of Justice, Quarterly Proven Re-offending Statistics".
    public var source: String?
    /// Explanatory paragraphs printed under the table.
    @DefaultEmpty public var notes: [String] = []

    public init(
        id: String, number: String? = nil, title: String, shortName: String? = nil, columns: [String],
        rows: [StatisticsRow], source: String? = nil, notes: [String] = []
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.shortName = shortName
        self.columns = columns
        self.rows = rows
        self.source = source
        self.notes = notes
    }

    public var heading: String { number.map { "\($0) \(title)" } ?? title }
}

public struct StatisticsRow: Codable, Equatable, Sendable {
    /// "Proportion of re-offenders (%)".
    public var label: String
    /// One per column; null where the table has no figure.
    public var values: [Value?]

    public init(label: String, values: [Value?]) {
        self.label = label
        self.values = values
    }
}

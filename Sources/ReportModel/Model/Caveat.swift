/// A part of the report a reader must not take as the board's own word: statuses chosen by a
/// transcriber, figures rebuilt from another source, lead agencies guessed from the text.
///
/// The board pack prints each caveat on the cover and the at-a-glance page, and a short form of
/// them in every page's footer, so that a page copied on its own still carries it.
public struct Caveat: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Made up to show what the report would look like: not the board's.
        case illustrative
        /// Rebuilt from another source than the report itself.
        case reconstructed
        /// Read between the lines of the source, which does not say it.
        case inferred
    }

    /// The part concerned, as a reader would name it: "statuses", "lead agencies".
    public var about: String
    public var kind: Kind
    /// Why, in a sentence for the cover: "The source lost its status colours; ...".
    public var reason: String
    /// The goals it concerns, by id, when not every goal.
    @DefaultEmpty public var goals: [String] = []
    /// The period it was written for; `boardpack next` sets it when the report moves on, so the
    /// caveat then speaks of that period's part (its statuses are in history).
    public var period: String?

    public init(about: String, kind: Kind, reason: String, goals: [String] = [], period: String? = nil) {
        self.about = about
        self.kind = kind
        self.reason = reason
        self.goals = goals
        self.period = period
    }

    /// "Statuses illustrative", "2012-13 statuses illustrative", "Lead agencies of YA-1 inferred":
    /// the footer's words.
    public var short: String {
        var subject = about
        if !goals.isEmpty { subject += " of " + goals.joined(separator: ", ") }
        if let period { subject = "\(period) \(subject)" }
        let line = "\(subject) \(kind.rawValue)"
        return line.prefix(1).uppercased() + line.dropFirst()
    }

    /// "Statuses illustrative: the source lost its status colours; ...": the cover's line.
    public var line: String { "\(short): \(reason)" }
}

/// Something the report asks of the board: a decision, an action, or something to note. The
/// board pack prints them first on the at-a-glance page.
public struct Decision: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The board is asked to agree or choose.
        case decision
        /// The board, or its members, are asked to do something.
        case action
        /// The board is asked to note or discuss.
        case note
    }

    public var kind: Kind
    /// What the board is asked, as the paper words it: "Discuss and agree proposed changes to
    /// the plan for refresh".
    public var text: String
    /// What it is about, when the paper gives it a heading: "Assessment of Effectiveness".
    public var subject: String?
    /// The proposal put to the board, one string per paragraph.
    @DefaultEmpty public var detail: [String] = []

    public init(kind: Kind, text: String, subject: String? = nil, detail: [String] = []) {
        self.kind = kind
        self.text = text
        self.subject = subject
        self.detail = detail
    }
}

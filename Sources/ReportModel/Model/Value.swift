/// A figure as somebody typed it: "13,912", "22.41%", "Approx. 97%", "tbc".
///
/// The text is kept exactly; the number, its kind and the qualifier are read from it, so a
/// spreadsheet can hold a real number while showing what was typed. In JSON a value is a plain
/// string whenever the string alone says everything (`"81%"`); otherwise it is an object whose
/// fields override what the text implies (`{"text": "11.96%", "significant": true}`).
public struct Value: Codable, Equatable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// A whole number: "1583", "13,912".
        case count
        /// A number with a fractional part: "2.71".
        case decimal
        /// A percentage; `number` holds the fraction (0.81 for "81%").
        case percent
        /// Words only ("tbc", "n/a"): no number.
        case text
    }

    public var text: String
    public var number: Double?
    public var kind: Kind
    /// Digits typed after the decimal point, so "22.7%" and "22.70%" print as typed.
    public var decimals: Int
    /// Whether thousands separators were typed ("13,912" rather than "13912").
    public var grouped: Bool
    /// Words typed before the number: "Approx." in "Approx. 97%".
    public var qualifier: String?
    /// A figure the report highlights (the bold figures in a statistics table).
    public var significant: Bool

    public init(
        text: String, number: Double?, kind: Kind, decimals: Int = 0, grouped: Bool = false,
        qualifier: String? = nil, significant: Bool = false
    ) {
        self.text = text
        self.number = number
        self.kind = kind
        self.decimals = decimals
        self.grouped = grouped
        self.qualifier = qualifier
        self.significant = significant
    }

    /// Reads a value from what was typed. Never fails: text that is not a figure is kept as text.
    public init(parsing typed: String) {
        self = ValueParser.parse(typed)
    }

    private enum CodingKeys: String, CodingKey {
        case text, number, kind, decimals, grouped, qualifier, significant
    }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let typed = try? single.decode(String.self) {
            self.init(parsing: typed)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var value = Value(parsing: try c.decode(String.self, forKey: .text))
        if c.contains(.number) { value.number = try c.decodeIfPresent(Double.self, forKey: .number) }
        value.kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? value.kind
        value.decimals = try c.decodeIfPresent(Int.self, forKey: .decimals) ?? value.decimals
        value.grouped = try c.decodeIfPresent(Bool.self, forKey: .grouped) ?? value.grouped
        if c.contains(.qualifier) { value.qualifier = try c.decodeIfPresent(String.self, forKey: .qualifier) }
        value.significant = try c.decodeIfPresent(Bool.self, forKey: .significant) ?? value.significant
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        let implied = Value(parsing: text)
        if implied == self {
            var single = encoder.singleValueContainer()
            try single.encode(text)
            return
        }
        // Only what differs from the text's own reading is written, to keep diffs small.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        if number != implied.number { try c.encode(number, forKey: .number) }
        if kind != implied.kind { try c.encode(kind, forKey: .kind) }
        if decimals != implied.decimals { try c.encode(decimals, forKey: .decimals) }
        if grouped != implied.grouped { try c.encode(grouped, forKey: .grouped) }
        if qualifier != implied.qualifier { try c.encode(qualifier, forKey: .qualifier) }
        if significant { try c.encode(true, forKey: .significant) }
    }
}

extension Value: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(parsing: value) }
}

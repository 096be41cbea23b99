import Foundation
import ReportModel

/// How lists and counts are worded wherever the board pack, returns and messages show them, and
/// how the same text is split again when it is read back.
public enum Wording {
    /// Between the lead agencies of one goal: "JPPB / Kent Probation".
    public static let leadSeparator = " / "
    /// Between the paragraphs of an update in one cell.
    public static let paragraphSeparator = "\n\n"

    /// The article a word takes: "a" Red, "an" Amber (by its first letter, which serves the
    /// names of statuses).
    public static func article(before word: String) -> String {
        word.first.map { "AEIOUaeiou".contains($0) } == true ? "an" : "a"
    }

    /// "1 goal", "3 goals".
    public static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// "Jo", "Jo and Sam", "Jo, Sam and Alex".
    public static func list(_ items: [String]) -> String {
        items.count <= 2 ? items.joined(separator: " and ") : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// A goal's leads as printed: canonical names, "All", or the reference itself when unknown.
    public static func leads(_ leads: [String], _ agencies: AgencyDirectory) -> String {
        leads.map(agencies.displayName(ofLead:)).joined(separator: leadSeparator)
    }

    /// The leads of a cell written by `leads(_:_:)`.
    public static func leads(in cell: String) -> [String] { cell.components(separatedBy: leadSeparator) }

    /// Paragraphs in one cell, a blank line between them.
    public static func paragraphs(_ paragraphs: [String]) -> String { paragraphs.joined(separator: paragraphSeparator) }

    /// The first sentence of the first paragraph: up to the first full stop, question or
    /// exclamation mark followed by a space and a capital (so "approx. 97%" and "e.g. x" do not
    /// end it), or the whole paragraph.
    public static func firstSentence(_ paragraphs: [String]) -> String? {
        guard let first = paragraphs.first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        // Read from the bytes: an at-a-glance page asks this of thousands of updates.
        let bytes = Array(first.utf8)
        var i = 0
        while i + 2 < bytes.count {
            if (bytes[i] == 0x2E || bytes[i] == 0x3F || bytes[i] == 0x21) && bytes[i + 1] == 0x20 && (0x41...0x5A).contains(bytes[i + 2]) {
                return String(decoding: bytes[...i], as: UTF8.self)
            }
            i += 1
        }
        return first
    }

    /// Text cut at a word to at most `limit` characters, with "…" where it was cut.
    public static func cut(_ text: String, to limit: Int) -> String {
        let short = SheetNamer.shorten(text, to: limit)
        return short == text ? text : short + "…"
    }

    /// Paragraphs of a cell, split at blank lines, each trimmed; empty ones dropped.
    public static func paragraphs(in text: String) -> [String] {
        Whitespace.paragraphs(of: text, separator: paragraphSeparator)
    }
}

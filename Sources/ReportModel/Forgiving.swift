/// How names that people type are compared: case, stray spaces and line breaks do not matter.
/// One rule for agency names, statuses, proposals and the headers of returned sheets.
public enum Forgiving {
    /// "  Amber " and "amber" give the same key; so do "Lead\nAgency" and "lead agency".
    public static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

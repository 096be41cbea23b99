import ReportModel

/// The rule for any text an agency gives (an update, a note, a wording): it must fit a
/// spreadsheet cell, or the board pack could not hold it.
public enum TextRules {
    /// Why `text` is too long, as the end of a sentence about it; nil when it fits.
    public static func tooLong(_ text: String) -> String? {
        guard text.count > ReportValidator.cellTextLimit else { return nil }
        return "holds \(text.count) characters; a spreadsheet cell holds at most \(ReportValidator.cellTextLimit), so shorten it (or attach a paper and say so)"
    }
}

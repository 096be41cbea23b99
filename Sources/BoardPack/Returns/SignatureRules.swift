import ReportModel

/// The rules for who completed a return and when, whichever way it arrives (a return's
/// Instructions sheet, and later a web form): one home for each.
public enum SignatureRules {
    /// Why `day` cannot be when a return for `period` was completed, as the end of a sentence
    /// about the date as typed; nil when it can. A date after today, or more than a year from
    /// the years the period's label names, is a slip of the keyboard (12/07/2031 for 2013): it
    /// would otherwise decide which of two returns is the newer.
    public static func dateProblem(_ day: Day, today: Day, period: String) -> String? {
        if day > today {
            return "is after today (\(today)); type the date it was completed, e.g. 12/07/2013"
        }
        if let years = Day.years(of: period), !((years.lowerBound - 1)...(years.upperBound + 1)).contains(day.year) {
            return "is far from \(period); type the date it was completed, e.g. 12/07/\(years.upperBound)"
        }
        return nil
    }
}

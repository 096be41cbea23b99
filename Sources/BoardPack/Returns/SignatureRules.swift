import ReportModel

/// The rules for who completed a return and when, whichever way it arrives (a return's
/// Instructions sheet, a web form): one home for each. Asked for, never blocking: a problem is
/// listed, and the answers still count.
public enum SignatureRules {
    public static let askName = "type the name of who completed the return"
    public static let askDate = "type the date it was completed, e.g. 12/07/2013"

    /// Why the name given for "Completed by" cannot be taken, or nil when it can.
    public static func nameProblem(_ text: String?) -> String? {
        text == nil ? "\(ReturnLayout.Signature.completedBy) is empty; \(askName)" : nil
    }

    /// The day a "Date completed" typed as text names, or why it cannot be taken, as a sentence
    /// about the field.
    public static func day(typed text: String?, today: Day, period: String) -> (day: Day?, problem: String?) {
        let label = ReturnLayout.Signature.date
        guard let text else { return (nil, "\(label) is empty; \(askDate)") }
        guard let day = Day(reading: text) else { return (nil, "\"\(text)\" is not a date; type it as 12/07/2013") }
        if let why = dateProblem(day, today: today, period: period) { return (nil, "\(label) \(text) \(why)") }
        return (day, nil)
    }

    /// Why `day` cannot be when a return for `period` was completed, as the end of a sentence
    /// about the date as typed; nil when it can. A date after today, or more than a year from
    /// the years the period's label names, is a slip of the keyboard (12/07/2031 for 2013): it
    /// would otherwise decide which of two returns is the newer.
    public static func dateProblem(_ day: Day, today: Day, period: String) -> String? {
        if day > today {
            return "is after today (\(today)); \(askDate)"
        }
        if let years = Day.years(of: period), !((years.lowerBound - 1)...(years.upperBound + 1)).contains(day.year) {
            return "is far from \(period); type the date it was completed, e.g. 12/07/\(years.upperBound)"
        }
        return nil
    }
}

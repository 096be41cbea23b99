import ReportModel

/// The date a board pack carries on its cover and in every footer: a pack without one cannot be
/// told from last quarter's.
///
/// The report's own `produced` dates when it has them ("Table data - May 2013 / Goals - July
/// 2013"); for a report that returns were merged into and that has none yet, the day of the
/// latest return merged this period ("Returns to 12 July 2013"), which the same returns always
/// give; otherwise none, and `export` refuses the report until it is dated.
enum PackDate {
    static func line(_ report: Report) -> String? {
        if !report.produced.isEmpty { return report.produced.map(\.line).joined(separator: " / ") }
        let days = report.returnsReceived.filter { $0.period == report.period.label }.compactMap { $0.date.flatMap(Day.init(reading:)) }
        return days.max().map { "Returns to \($0.long)" }
    }

    /// The refusal when a report has no date to print.
    static let missing = ReportProblem(
        path: "produced",
        message: "the board pack must carry a date: give the report's produced date, e.g. \"produced\": [{\"label\": \"Goals\", \"date\": \"July 2013\"}] (a report that returns were merged into is dated by the latest of them)")
}

extension Day {
    /// "12 July 2013".
    var long: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }
}

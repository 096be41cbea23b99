import BoardPack
import Foundation

/// Days as the board lives them: in the time zone the portal runs in (`TZ`), so a deadline
/// of 12 July starts at midnight where the secretariat works, not in UTC.
public enum BoardDate {
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar
    }

    /// The board's date at `now`.
    public static func day(at now: Date) -> Day {
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The start of `day` (local midnight).
    public static func start(of day: Day) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// Noon of `day`: a time that is surely within it, whatever the clock changes do.
    static func noon(of day: Day) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
    }

    /// Whole days from `from` to `to` (negative when `to` is earlier).
    public static func days(from: Day, to: Day) -> Int {
        calendar.dateComponents([.day], from: start(of: from), to: start(of: to)).day ?? 0
    }

    /// The day `offset` days after `day`.
    public static func day(_ offset: Int, after day: Day) -> Day {
        Self.day(at: calendar.date(byAdding: .day, value: offset, to: noon(of: day))!)
    }

    /// A clock for `--at DATE`: the start of that day (or the time given, "2013-07-05T09:30"),
    /// moving on from there as real time passes, so a test can name the day without waiting.
    public static func clock(at text: String?) throws -> @Sendable () -> Date {
        guard let text else { return Date.init }
        let start: Date
        if let day = Day(reading: text), !text.contains("T") || text.hasSuffix("T") {
            start = Self.start(of: day)
        } else if let time = localTime(text) {
            start = time
        } else {
            throw DataFolderProblem("--at \(text) is not a date; give it as 2013-07-05 or 2013-07-05T09:30")
        }
        let began = Date()
        return { start.addingTimeInterval(Date().timeIntervalSince(began)) }
    }

    private static func localTime(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

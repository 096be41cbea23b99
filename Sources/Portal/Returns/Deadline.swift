import BoardPack
import Foundation

/// A period's deadline as people say it: "Friday 12 July 2013", and "due in 5 days",
/// "due today", "3 days late" from today's date where the secretariat works.
public struct Deadline: Sendable, Equatable {
    public let day: Day

    /// The deadline `--due` gives: an ISO day, or any way `Day` reads one ("12/07/2013").
    public init?(_ text: String) {
        guard let day = Day(reading: text) else { return nil }
        self.day = day
    }

    public init(day: Day) { self.day = day }

    private static var calendar: Calendar { BoardDate.calendar }

    /// "Friday 12 July 2013", as the return's Instructions sheet says it.
    public var wording: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.calendar = Self.calendar
        formatter.timeZone = .current
        formatter.dateFormat = "EEEE d MMMM yyyy"
        return formatter.string(from: date)
    }

    private var date: Date { BoardDate.noon(of: day) }

    /// Whole days from `now`'s date (the board's) to the deadline: negative when it has passed.
    public func daysLeft(at now: Date) -> Int {
        BoardDate.days(from: BoardDate.day(at: now), to: day)
    }

    /// "due in 5 days", "due tomorrow", "due today", "1 day late", "3 days late".
    public func countdown(at now: Date) -> String {
        let days = daysLeft(at: now)
        switch days {
        case 0: return "due today"
        case 1: return "due tomorrow"
        case 2...: return "due in \(days) days"
        default: return "\(Wording.plural(-days, "day")) late"
        }
    }
}

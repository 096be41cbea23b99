import BoardPack
import Foundation

/// When reminders go, in days from the due date: -7 is a week before, 0 the day itself, 3 three
/// days late. A step is due from the start of its day (the board's date) until the next step's
/// day: `--at 2013-07-05` is the "7 days before" step of a 12 July deadline, and so is 8 July.
/// An agency gets each step's reminder once; a step missed is not sent late once the next is due.
public struct ReminderSchedule: Sendable, Equatable {
    public let offsets: [Int]

    public static let standard = ReminderSchedule(checked: [-7, 0, 3])

    private init(checked offsets: [Int]) { self.offsets = offsets }

    /// "-7, 0, +3", or nil when it is not a list of whole numbers of days (see `reading`).
    public init?(_ text: String) {
        guard let schedule = try? Self.reading(text) else { return nil }
        self = schedule
    }

    /// Reads a schedule as typed: whole numbers of days from the due date, comma-separated.
    /// - Throws: `DatesProblem` with the field "Schedule" and what is wrong.
    public static func reading(_ text: String) throws -> ReminderSchedule {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw DatesProblem(field: "Schedule", "Schedule is empty; give days from the due date, e.g. -7, 0, 3") }
        var offsets: [Int] = []
        for part in parts {
            guard let days = Int(part.hasPrefix("+") ? String(part.dropFirst()) : part), (-366...366).contains(days) else {
                throw DatesProblem(field: "Schedule", "Schedule: \"\(part)\" is not a number of days from the due date (-366 to 366); e.g. -7, 0, 3")
            }
            offsets.append(days)
        }
        guard offsets.count <= 10 else { throw DatesProblem(field: "Schedule", "Schedule: at most 10 reminders; \(offsets.count) were given") }
        return ReminderSchedule(checked: Array(Set(offsets)).sorted())
    }

    /// "-7,0,3", as stored.
    public var text: String { offsets.map(String.init).joined(separator: ",") }

    /// "7 days before, on the day, 3 days after".
    public var wording: String { offsets.map(Self.name).joined(separator: ", ") }

    /// "7 days before", "on the day", "1 day after".
    public static func name(_ offset: Int) -> String {
        switch offset {
        case 0: "on the day"
        case ..<0: "\(Wording.plural(-offset, "day")) before"
        default: "\(Wording.plural(offset, "day")) after"
        }
    }

    /// The step due on `today` for a deadline of `due`: the latest whose day has begun.
    public func step(due: Day, today: Day) -> Int? {
        offsets.last { BoardDate.day($0, after: due) <= today }
    }
}

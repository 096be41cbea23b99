import BoardPack
import Foundation

/// A period's three dates, read and checked in one place: when returns are asked for from
/// (opens), when they are due, and the last day an agency may upload (closes). Each is a day
/// of the board's calendar (`BoardDate`); the command line, the secretariat's page and the
/// store all check new dates here.
public struct PeriodDates: Sendable, Equatable {
    public var opens: Day?
    public var due: Day?
    public var closes: Day?

    public init(opens: Day? = nil, due: Day? = nil, closes: Day? = nil) {
        self.opens = opens
        self.due = due
        self.closes = closes
    }

    /// The period's dates as stored; opens defaults to the day the period opened.
    public init(_ period: PeriodRecord) {
        opens = period.opens.flatMap(Day.init(reading:)) ?? BoardDate.day(at: period.openedAt)
        due = period.due.flatMap(Day.init(reading:))
        closes = period.closes.flatMap(Day.init(reading:))
    }

    /// Dates as typed (`--due`, a page's field): each read as `Day` reads one, empty for none.
    /// - Parameter names: how each is called where it was typed ("--due" or "Due").
    /// - Throws: `DatesProblem` naming the field, when a date is not one or they are out of order.
    public static func reading(opens: String?, due: String?, closes: String?, names: (opens: String, due: String, closes: String)) throws -> PeriodDates {
        func day(_ text: String?, _ name: String) throws -> Day? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let day = Day(reading: text) else { throw DatesProblem(field: name, "\(name) \(text) is not a date; give it as 2013-07-12 or 12/07/2013") }
            return day
        }
        let dates = PeriodDates(opens: try day(opens, names.opens), due: try day(due, names.due), closes: try day(closes, names.closes))
        if let opens = dates.opens, let due = dates.due, due < opens {
            throw DatesProblem(field: names.due, "\(names.due) \(due) is before the period opens (\(opens))")
        }
        if let due = dates.due, let closes = dates.closes, closes < due {
            throw DatesProblem(field: names.closes, "\(names.closes) \(closes) is before returns are due (\(due)); an agency must be able to upload until the due date")
        }
        if dates.due == nil, let closes = dates.closes {
            throw DatesProblem(field: names.due, "\(names.closes) \(closes) needs a due date too")
        }
        return dates
    }

    /// Whether an agency may still upload on `today`: until the day it closes, or the last day
    /// of the agency's extension when that is later.
    public func accepting(on today: Day, extensionUntil: Day? = nil) -> Bool {
        guard let closes else { return true }
        return today <= max(closes, extensionUntil ?? closes)
    }
}

/// A date that is not one, or dates out of order, with the field it was typed in.
public struct DatesProblem: Error, CustomStringConvertible, Sendable {
    public let field: String
    public let description: String

    init(field: String, _ description: String) {
        self.field = field
        self.description = description
    }
}

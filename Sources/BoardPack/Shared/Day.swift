import Foundation

/// A calendar day as people type it on a return: "12/07/2013" (day first, as in the UK),
/// "12 July 2013", "Friday 12 July 2013", or ISO "2013-07-12" (how the reader gives a date cell).
public struct Day: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...9999).contains(year), (1...12).contains(month), (1...lengths[month - 1]).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The day `text` names, or nil when it names none.
    public init?(reading text: String) {
        let trimmed = text.split(separator: "T").first.map(String.init) ?? text
        let parts = trimmed.lowercased().split(whereSeparator: { " /-.,".contains($0) }).map(String.init)
        let numbers = parts.compactMap { Int($0) }
        if parts.count == 3, numbers.count == 3 {
            // ISO year first; otherwise day, month, year.
            if parts[0].count == 4 {
                self.init(year: numbers[0], month: numbers[1], day: numbers[2])
            } else {
                self.init(year: numbers[2] < 100 ? 2000 + numbers[2] : numbers[2], month: numbers[1], day: numbers[0])
            }
            return
        }
        // "12 July 2013", perhaps after a weekday.
        guard let monthIndex = parts.firstIndex(where: { word in Self.months.contains { word.hasPrefix($0) } && Int(word) == nil }),
            monthIndex > 0, monthIndex + 1 < parts.count,
            let day = Int(parts[monthIndex - 1]), let year = Int(parts[monthIndex + 1]),
            let month = Self.months.firstIndex(where: { parts[monthIndex].hasPrefix($0) })
        else { return nil }
        self.init(year: year, month: month + 1, day: day)
    }

    /// Today's date where the machine is (UTC).
    public static var today: Day {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    /// The years a period's label names: "2013-14 Q1" → 2013...2014, "April to September 2013"
    /// → 2013...2013; nil when it names none.
    public static func years(of label: String) -> ClosedRange<Int>? {
        var years: [Int] = []
        let scalars = Array(label.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i].properties.numericType != nil, let d = Int(String(scalars[i])) else { i += 1; continue }
            var n = d, length = 1
            while i + length < scalars.count, let next = Int(String(scalars[i + length])) { n = n * 10 + next; length += 1 }
            if length == 4 && (1900...2199).contains(n) {
                years.append(n)
            } else if length == 2, let last = years.last, i > 0, scalars[i - 1] == "-" || scalars[i - 1] == "/" {
                years.append(last / 100 * 100 + n)  // "2013-14"
            }
            i += length
        }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first...last
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// "2013-07-12".
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

import Synchronization

/// How long a period is, read from its label, so that figures of a quarter are never judged
/// against figures of a year ("▲ improving" from a year's count to a quarter's says nothing).
///
/// "2012-13", "2012/13", "2013" and "Jan – Dec 2008" are years; "2013-14 Q1" is a quarter;
/// "April to September 2013" is six months; "2012-13 YTD" is part of a year, of a length the
/// label does not give. A label that says none of these ("26 July 2019") is of unknown length.
public enum PeriodLength: Equatable, Sendable {
    case months(Int)
    /// Year to date: a part of a year whose length the label does not give.
    case yearToDate

    public static let year = PeriodLength.months(12)
    public static let quarter = PeriodLength.months(3)

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The length `label` names; nil when it names none.
    public init?(_ label: String) {
        guard let length = Self.lengths.withLock({ $0[label] }) ?? Self.remember(label) else { return nil }
        self = length
    }

    /// Lengths already read, by label. A pack asks for the same few labels thousands of times
    /// (every measure's figures and trend line): reading a label afresh each time was a third
    /// of the export's time for a report of many small themes. Emptied when it grows large, so
    /// a long-running portal does not keep every label it ever met.
    private static let lengths = Mutex<[String: PeriodLength?]>([:])

    private static func remember(_ label: String) -> PeriodLength? {
        let length = read(label)
        lengths.withLock {
            if $0.count >= 1_000 { $0.removeAll() }
            $0[label] = length
        }
        return length
    }

    private static func read(_ label: String) -> PeriodLength? {
        let key = Forgiving.key(label)
        let words = key.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if words.contains("ytd") || key.contains("year to date") {
            return .yearToDate
        }
        if words.contains(where: { $0.count == 2 && $0.first == "q" && ("1"..."4").contains($0.dropFirst()) }) {
            return .quarter
        }
        // "April to September 2013", "Jul 2010 to Jun 2011", "Jan – Dec 2008": months from the
        // first named to the last, across a year when the second comes first in the calendar.
        let months = words.compactMap { word in word.count >= 3 ? Self.monthNames.firstIndex { word.hasPrefix($0) && (word.count == 3 || Self.fullName($0, is: word)) } : nil }
        if months.count == 2 {
            let span = (months[1] - months[0] + 12) % 12 + 1
            return .months(span)
        }
        // "2012-13", "2012/13", "2012-2013", "2013": a year, perhaps financial, perhaps with words
        // that do not change its length ("end of year").
        let numbers = words.filter { $0.allSatisfy(\.isNumber) }
        if months.isEmpty, let first = numbers.first, first.count == 4, numbers.count <= 2,
            numbers.count == 1 || [2, 4].contains(numbers[1].count)
        {
            return .year
        }
        return nil
    }

    private static let fullNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// Whether `word` is the month `prefix` begins, written out or cut short ("sept").
    private static func fullName(_ prefix: String, is word: String) -> Bool {
        guard let i = monthNames.firstIndex(of: prefix) else { return false }
        return fullNames[i].hasPrefix(word)
    }

    /// Whether figures of periods `a` and `b` may be compared: not when either is a part of a year
    /// of unknown length, nor when both lengths are known and differ. Two labels of unknown length
    /// (snapshots such as "26 July 2019") are taken as alike.
    public static func comparable(_ a: String, _ b: String) -> Bool {
        let (x, y) = (PeriodLength(a), PeriodLength(b))
        if x == .yearToDate || y == .yearToDate { return false }
        guard let x, let y else { return x == nil && y == nil }
        return x == y
    }

    /// "a quarter", "a year", "6 months", "part of a year": for a reader.
    public var words: String {
        switch self {
        case .yearToDate: "part of a year"
        case .months(3): "a quarter"
        case .months(12): "a year"
        case .months(let n): n == 1 ? "a month" : "\(n) months"
        }
    }
}

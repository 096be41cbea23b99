/// Excel serial numbers (days, the fraction a time of day) to ISO 8601 text, in either epoch.
/// Everything is rounded to the millisecond: Excel keeps no finer time ("ss.000" is its finest
/// format), and a serial's binary fraction would otherwise print as 13:30:55.19999.
enum ExcelDate {
    private static let msPerDay = 86_400_000

    /// What a number format makes of its numbers, decided once per style.
    enum Kind: Equatable {
        /// A calendar date, with or without a time ("dd/mm/yyyy", "d-mmm-yy h:mm").
        case date
        /// A time of day, with no day, month or year ("h:mm", "hh:mm:ss AM/PM", "mm:ss.0").
        case time
        /// Elapsed time ("[h]:mm:ss", "[mm]:ss").
        case duration
    }

    /// The value of `serial` shown in a format of `kind`, or nil when Excel could not show it
    /// (it prints ##### for a negative date or time, and for years past 9999): such a number
    /// stays a number.
    static func value(serial: Double, kind: Kind, date1904: Bool) -> CellValue? {
        guard serial.isFinite, abs(serial) < 2_958_466 else { return nil }
        switch kind {
        case .duration:
            return .duration(duration(ms: Int((serial * Double(msPerDay)).rounded())))
        // Day 0 of the 1900 system is no date ("0 January 1900"): a number under 1 is a time of
        // day whatever the format shows of the day. (In the 1904 system day 0 is 1 January 1904.)
        case .time where serial >= 0 && serial < 1, .date where serial >= 0 && serial < 1 && !date1904:
            let ms = Int((serial * Double(msPerDay)).rounded())
            // 0.99999999 rounds up to a whole day: that is midnight again, as Excel shows it.
            return .time(time(ms: ms % msPerDay))
        case .date, .time:
            return iso(serial: serial, date1904: date1904).map(CellValue.date)
        }
    }

    /// The ISO text of a serial date, or nil when it is outside years 1900 to 9999.
    static func iso(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let total = Int((serial * Double(msPerDay)).rounded())
        let days = total / msPerDay
        let ms = total % msPerDay
        // Days since 1970-01-01. The 1900 system counts a 29 February 1900 that never was
        // (a Lotus 1-2-3 bug Excel kept): serials before it are one day earlier.
        let unixDays: Int
        if date1904 {
            unixDays = days - 24_107
        } else if days < 61 {
            // Day 0 is "0 January 1900" to Excel, no date at all (value() makes it a time).
            if days == 0 { return nil }
            unixDays = days - 25_568
        } else {
            unixDays = days - 25_569
        }
        let date = civil(unixDays)
        let year = String(date.y)
        let text = String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(date.m) + "-" + two(date.d)
        return ms == 0 ? text : text + "T" + time(ms: ms)
    }

    /// "14:30:05", or "14:30:05.25" with milliseconds.
    private static func time(ms: Int) -> String {
        let s = ms / 1000
        return two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60) + fraction(ms % 1000)
    }

    /// ".25" for 250 ms: a decimal fraction of a second, trailing zeros dropped; "" for none.
    private static func fraction(_ ms: Int) -> String {
        guard ms > 0 else { return "" }
        var digits = three(ms)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "." + digits
    }

    /// ISO 8601 duration in hours, minutes and seconds (no days: a day of elapsed time is 24
    /// hours, as `[h]` shows it): "PT255H10M10S", "PT0.5S", "PT0S", "-PT1H".
    private static func duration(ms total: Int) -> String {
        var ms = abs(total)
        let hours = ms / 3_600_000
        ms %= 3_600_000
        let minutes = ms / 60_000
        ms %= 60_000
        var text = total < 0 ? "-PT" : "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if ms > 0 || (hours == 0 && minutes == 0) {
            text += "\(ms / 1000)" + fraction(ms % 1000) + "S"
        }
        return text
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func three(_ n: Int) -> String { n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }

    /// Howard Hinnant's days-to-civil algorithm.
    private static func civil(_ z0: Int) -> (y: Int, m: Int, d: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// A `t="d"` cell's ISO text in the dump's form: a date, a date and time, or a time of day,
    /// with milliseconds kept (trailing zeros dropped), without "Z" (a workbook has no time zone) and
    /// without a midnight time. Text that is no ISO date is kept as it is.
    static func normaliseISO(_ text: String) -> CellValue {
        var t = Substring(text)
        if t.hasSuffix("Z") { t = t.dropLast() }
        if let dot = t.firstIndex(of: ".") {
            // Fractions of a second to milliseconds, trailing zeros dropped.
            var digits = String(t[t.index(after: dot)...].prefix(3))
            while digits.hasSuffix("0") { digits.removeLast() }
            let whole = t[..<dot]
            t = Substring(digits.isEmpty ? String(whole) : whole + "." + digits)
        }
        if t.hasSuffix("T00:00:00") { t = t.dropLast(9) }
        // "10:10:10" (Excel writes a time typed in an ISO cell so) is a time of day.
        if !t.contains("-") && t.contains(":") { return .time(String(t)) }
        return .date(String(t))
    }
}

import Foundation

/// Reads figures the way people type them in reports and returns.
enum ValueParser {
    static func parse(_ typed: String) -> Value {
        let textOnly = Value(text: typed, number: nil, kind: .text)
        var body = Substring(Whitespace.trimmed(typed))
        guard !body.isEmpty else { return textOnly }

        var isPercent = false
        if body.hasSuffix("%") {
            isPercent = true
            body = body.dropLast().trimmingSuffixSpaces()
        }
        // The number is the last run of digits, separators and sign; what precedes is a qualifier.
        let numberStart = body.lastIndex(where: { !isNumberCharacter($0) }).map { body.index(after: $0) }
            ?? body.startIndex
        let numeral = body[numberStart...]
        let prefix = body[..<numberStart].trimmingSuffixSpaces()
        guard let reading = readNumeral(numeral) else { return textOnly }
        // A qualifier is words ("Approx.", "c."), never something ending in a digit or sign.
        if let last = prefix.last, last.isNumber || last == "-" || last == "+" { return textOnly }
        if !prefix.isEmpty && !prefix.contains(where: { $0.isLetter }) { return textOnly }

        let kind: Value.Kind = isPercent ? .percent : (reading.decimals > 0 ? .decimal : .count)
        let number = isPercent ? shiftDecimal(reading.plain, by: 2) : Double(reading.plain)
        return Value(
            text: typed, number: number, kind: kind, decimals: reading.decimals,
            grouped: reading.grouped, qualifier: prefix.isEmpty ? nil : String(prefix))
    }

    private static func isNumberCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isNumber || c == "," || c == "." || c == "-" || c == "+")
    }

    /// Accepts "1583", "13,912", "-2.5", "0.81"; rejects "1,2", "1.2.3", "2012-13".
    private static func readNumeral(_ s: Substring) -> (plain: String, decimals: Int, grouped: Bool)? {
        var digits = s
        var sign = ""
        if let first = digits.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.allSatisfy(\.isNumber) else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let plain = sign + groups.joined() + (fraction.isEmpty ? "" : "." + fraction)
        return (plain, fraction.count, groups.count > 1)
    }

    /// Divides a decimal numeral by 10^places in text, so "22.41" becomes exactly 0.2241
    /// rather than 22.41 / 100 = 0.22410000000000002.
    private static func shiftDecimal(_ plain: String, by places: Int) -> Double? {
        var sign = ""
        var body = Substring(plain)
        if body.first == "-" { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let padded = String(repeating: "0", count: max(0, places - whole.count + 1)) + whole
        let cut = padded.index(padded.endIndex, offsetBy: -places)
        return Double(sign + padded[..<cut] + "." + padded[cut...] + fraction)
    }
}

extension Substring {
    fileprivate func trimmingSuffixSpaces() -> Substring {
        var s = self
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return s
    }
}
